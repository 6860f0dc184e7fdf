"""The translator's workbench: statistics, the status page and the preview command."""

from __future__ import annotations

import json

import polib
import pytest
from sphinx_autobuild.filter import IgnoreFilter

from conftest import EXAMPLE_SITE, SITE, parse
from i18n_pipeline.catalogs.stats import collect_stats
from i18n_pipeline.cli import main
from i18n_pipeline.errors import ExitCode
from i18n_pipeline.jobs.preview import preview_arguments
from i18n_pipeline.project import Project


def _make_one_fuzzy_one_untranslated(project: Project) -> None:
    po_file = project.locale_dir / "ar" / "LC_MESSAGES" / "index.po"
    catalog = polib.pofile(str(po_file), wrapwidth=76)
    translated = [e for e in catalog if e.msgstr]
    translated[0].flags.append("fuzzy")
    translated[1].msgstr = ""
    catalog.save()


def test_stats_count_translated_fuzzy_untranslated_and_obsolete(example_copy: Project) -> None:
    before = {s.code: s for s in collect_stats(example_copy)}
    _make_one_fuzzy_one_untranslated(example_copy)

    after = {s.code: s for s in collect_stats(example_copy)}

    assert after["ar"].fuzzy == before["ar"].fuzzy + 1
    assert after["ar"].untranslated == before["ar"].untranslated + 1
    assert after["ar"].translated == before["ar"].translated - 2
    assert after["ar"].total == before["ar"].total
    assert after["en"] == before["en"]


def test_stats_command_writes_json_for_every_language(
    example_copy: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(example_copy.root), "stats"]) == 0

    report = json.loads((example_copy.reports_dir / "stats.json").read_text(encoding="utf-8"))
    assert [row["code"] for row in report["languages"]] == [
        lang.code for lang in EXAMPLE_SITE.translations
    ]
    assert all(
        {"translated", "fuzzy", "untranslated", "obsolete", "percent"} <= set(row)
        for row in report["languages"]
    )
    assert "untranslated" in capsys.readouterr().out


@pytest.mark.slow
def test_status_pages_have_accessible_tables(built_project: Project) -> None:
    """The overview's one row per language, and each language's table of paragraphs."""
    root = parse(built_project.site_dir / "status.html")
    [table] = root.xpath("//main//table")
    assert table.xpath("caption")
    assert all(th.get("scope") == "col" for th in table.xpath("thead//th"))
    rows = table.xpath("tbody/tr")
    assert [row.xpath("th/a")[0].get("hreflang") for row in rows] == [
        lang.tag for lang in SITE.translations
    ]
    assert all(row.xpath("th")[0].get("scope") == "row" for row in rows)
    for lang in SITE.translations:
        page = parse(built_project.site_dir / "status" / f"{lang.code}.html")
        [paragraphs] = page.xpath('//main//table[starts-with(caption, "Absätze der Sprache")]')
        assert paragraphs.xpath(f'caption/span[@lang="{lang.tag}"]'), lang.code
        assert all(th.get("scope") == "col" for th in paragraphs.xpath("thead//th"))
        assert paragraphs.xpath("tbody/tr"), f"{lang.code}: no paragraphs listed"


def test_preview_watches_the_language_po_files_and_ignores_compiled_ones(
    example_copy: Project,
) -> None:
    args = preview_arguments(example_copy, "ar", port=0)

    assert args[:2] == [
        str(example_copy.source_dir),
        str(example_copy.build_dir / "preview" / "ar"),
    ]
    assert args[args.index("-D") + 1] == "language=ar"
    assert "site_pdf=0" in args  # a PDF per save would slow the preview down
    assert str(example_copy.locale_dir / "ar") in args
    assert r".*\.mo$" in args
    assert args[args.index("--host") + 1] == "127.0.0.1"


def test_preview_rebuilds_for_po_and_source_edits_but_not_for_editor_temp_files(
    example_copy: Project,
) -> None:
    args = preview_arguments(example_copy, "ar", port=0)
    ignored = IgnoreFilter([], [args[i + 1] for i, a in enumerate(args) if a == "--re-ignore"])
    po_dir = example_copy.locale_dir / "ar" / "LC_MESSAGES"

    assert not ignored(str(po_dir / "index.po"))
    assert not ignored(str(example_copy.source_dir / "index.rst"))
    assert not ignored(str(example_copy.root / "conf.py"))
    for temporary in ("sedX1b2c3", "index.po~", ".index.po.swp", "4913", "index.mo"):
        assert ignored(str(po_dir / temporary)), temporary


def test_preview_of_an_unknown_language_is_refused(
    example_copy: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(example_copy.root), "preview", "xx"]) == ExitCode.USAGE
    assert "not one of the site's languages" in capsys.readouterr().err
