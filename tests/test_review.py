"""Review state tells the truth: recorded by a person, lost by an edit, shown honestly."""

from __future__ import annotations

import json

import pytest

from conftest import SITE, edit_entry, parse, replace_in_msgstr
from i18n_pipeline.catalogs.review import reviews_file
from i18n_pipeline.catalogs.stats import collect_stats, format_paragraphs
from i18n_pipeline.cli import main
from i18n_pipeline.errors import CatalogSyntaxError
from i18n_pipeline.jobs.site import build_site
from i18n_pipeline.project import Project

pytestmark = pytest.mark.slow


def _stats(project: Project, code: str):  # type: ignore[no-untyped-def]
    return next(s for s in collect_stats(project) if s.code == code)


def _footer(project: Project, code: str, page: str) -> tuple[str, str]:
    root = parse(project.site_dir / code / page)
    review = root.xpath('//footer//p[@class="review-notice"]')
    draft = root.xpath('//footer//p[@class="draft-notice"]')
    return (
        review[0].text_content() if review else "",
        draft[0].text_content() if draft else "",
    )


def test_nothing_is_marked_reviewed_that_no_person_reviewed(built_project: Project) -> None:
    assert not any((built_project.root / "reviews").glob("*.json"))
    for stats in collect_stats(built_project):
        assert (stats.reviewed, stats.draft) == (0, stats.translated)
    for lang in SITE.translations:
        for page in ("index.html", "barrierefreiheit.html"):
            review, draft = _footer(built_project, lang.code, page)
            assert not review and draft, (lang.code, page)


def test_a_recorded_review_shows_in_stats_and_footer_until_an_entry_is_edited(
    example_copy: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "--root",
            str(example_copy.root),
            "review",
            "ar",
            "--by",
            "A. Reviewer",
            "--date",
            "2026-11-20",
        ]
    )
    assert code == 0 and "recorded" in capsys.readouterr().out
    build_site(example_copy)

    reviewed = _stats(example_copy, "ar")
    assert reviewed.reviewed == reviewed.translated > 0 and reviewed.draft == 0
    assert _footer(example_copy, "ar", "index.html") == (
        "راجع هذه الترجمةَ شخصٌ لغتُه الأم العربية بتاريخ 20 نوفمبر 2026. "
        "والنسخة الألمانية هي المعتمدة.",
        "",
    )
    assert _footer(example_copy, "en", "index.html")[0] == "", "only ar was reviewed"

    edit_entry(example_copy, "ar", "Das Integrationsbüro der", replace_in_msgstr(".", "!"))
    build_site(example_copy)

    after = _stats(example_copy, "ar")
    assert (after.reviewed, after.draft) == (reviewed.reviewed - 1, 1)
    assert _footer(example_copy, "ar", "index.html")[0] == "", "an edited page is a draft again"
    assert _footer(example_copy, "ar", "barrierefreiheit.html")[0], "the other page stays reviewed"
    drafts = [line for line in format_paragraphs(after).splitlines() if " draft " in line]
    assert len(drafts) == 1 and "Das Integrationsbüro der" in drafts[0]


def test_a_broken_review_record_stops_the_run_naming_it(project_copy: Project) -> None:
    record = reviews_file(project_copy.root, "ru")
    record.parent.mkdir()
    record.write_text(json.dumps({"reviews": {"x": {"by": "Someone"}}}), encoding="utf-8")

    with pytest.raises(CatalogSyntaxError) as stopped:
        collect_stats(project_copy)

    assert stopped.value.path == record
