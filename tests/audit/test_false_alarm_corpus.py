"""The false-alarm corpus: every block of every language of this site, as the build
marked it, plus short quotations in another language and names inside them
(``scripts/make_language_corpus.py`` makes it from the built site). Every passage
is correctly marked, so the language and direction checks must find nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SITE
from i18n_pipeline.audit.model import Issue, SiteLanguages
from i18n_pipeline.audit.pages import discover_pages
from i18n_pipeline.audit.passages import BLOCKS
from i18n_pipeline.audit.run import page_language_issues
from i18n_pipeline.jobs.site_languages import site_languages
from i18n_pipeline.project import Project

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "audit" / "corpus"
ROOT = Path(__file__).resolve().parents[2]


def corpus_findings(languages: SiteLanguages) -> list[tuple[str, Issue]]:
    return [
        (page.relative, issue)
        for page in discover_pages(CORPUS)
        for issue in page_language_issues(page, languages)
    ]


def test_the_corpus_has_every_language_and_at_least_300_passages() -> None:
    pages = discover_pages(CORPUS)
    passages = sum(len(page.root.xpath("//main/*")) for page in pages)
    quotations = sum(len(page.root.xpath("//q[@lang]")) for page in pages)

    assert {page.relative for page in pages} == {f"{lang.code}.html" for lang in SITE.languages}
    assert passages >= 300
    assert quotations >= 100
    assert all(element.tag in BLOCKS for page in pages for element in page.root.xpath("//main/*"))


def test_no_finding_at_all_when_judged_as_the_site_run_judges_its_pages() -> None:
    languages = site_languages(CORPUS, Project(ROOT))

    assert corpus_findings(languages) == []


@pytest.mark.slow
def test_no_error_when_judged_as_any_other_site_against_every_known_language() -> None:
    """No site languages, no glossary: 75 candidate languages. Close calls may go to the
    checklist (a name-heavy line), never to the gate."""
    findings = corpus_findings(SiteLanguages())

    assert [(page, issue.message) for page, issue in findings if issue.gating] == []
    assert len(findings) <= 3
