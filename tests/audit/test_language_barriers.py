"""The language, direction and tag checks on pages written for one barrier each, and on
a correctly marked twin of each, judged as on any site (no site languages given).

No browser: these checks are the audit's own Python; the real browser audit runs
them too (test_audit_fixtures.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n_pipeline.audit.model import Issue, SiteLanguages
from i18n_pipeline.audit.pages import discover_pages
from i18n_pipeline.audit.run import page_language_issues

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "audit" / "language"

#: barrier page → (its twin, the finding codes it must raise as errors).
BARRIERS = {
    "page-wrong.html": ("page-right.html", {"page-language-mismatch"}),
    "block-wrong.html": ("block-right.html", {"block-language-mismatch"}),
    "phrase-unmarked.html": ("phrase-marked.html", {"unmarked-phrase"}),
    "phrase-wrong-lang.html": ("phrase-right-lang.html", {"phrase-language-mismatch"}),
    "name-alt-wrong.html": ("name-alt-right.html", {"name-language-mismatch"}),
    "name-hidden-wrong.html": ("name-hidden-right.html", {"name-language-mismatch"}),
    "title-wrong.html": ("title-right.html", {"name-language-mismatch"}),
    "rtl-without-dir.html": ("rtl-with-dir.html", {"rtl-text-resolves-ltr"}),
    "rtl-on-ltr-text.html": ("ltr-text-ltr.html", {"rtl-on-ltr-text"}),
    "dir-invalid.html": ("ltr-text-ltr.html", {"dir-invalid"}),
    "lang-invalid.html": ("lang-valid.html", {"html-lang-invalid", "lang-invalid"}),
    "lang-empty.html": ("lang-valid.html", {"lang-empty"}),
}


def findings(name: str) -> list[Issue]:
    [page] = [p for p in discover_pages(PAGES) if p.relative == name]
    return page_language_issues(page, SiteLanguages())


@pytest.mark.parametrize("page", sorted(BARRIERS))
def test_each_barrier_is_an_error_with_its_code(page: str) -> None:
    errors = [issue for issue in findings(page) if issue.gating]

    assert {issue.rule for issue in errors} == BARRIERS[page][1]


@pytest.mark.parametrize("twin", sorted({twin for twin, _ in BARRIERS.values()}))
def test_each_correctly_marked_twin_passes_without_any_finding(twin: str) -> None:
    assert findings(twin) == []


def test_an_unmarked_phrase_finding_gives_text_languages_place_and_fix() -> None:
    [issue] = findings("phrase-unmarked.html")

    assert issue.context == "que sera sera, nadie lo sabe"
    assert "is in Spanish (es," in issue.message and "declared English (en," in issue.message
    assert issue.where == "the main content, under the heading “Opening hours”"
    assert issue.selector.endswith("p:nth-of-type(1)")
    assert issue.fix == 'mark the phrase: <span lang="es">…</span>, or translate it into English'
    assert issue.criterion == "3.1.2"


def test_a_hidden_label_is_judged_in_the_language_that_applies_to_it() -> None:
    [issue] = findings("name-hidden-wrong.html")

    assert issue.context == "Formular an die Stadtverwaltung senden"
    assert "German (de," in issue.message
    assert "the label of <button>" in issue.message


def test_a_mixed_direction_run_without_isolation_is_a_warning_with_its_text() -> None:
    [issue] = findings("mixed-unisolated.html")

    assert (issue.rule, issue.type, issue.gating) == ("bidi-unisolated-run", "warning", False)
    assert issue.context == "the new town library"
    assert findings("mixed-isolated.html") == []


def test_a_whole_page_in_another_language_is_one_finding_not_one_per_block() -> None:
    [issue] = findings("page-wrong.html")

    assert "French (fr," in issue.message
    assert issue.fix.startswith('set <html lang="fr">')


def test_names_addresses_law_names_and_numbers_are_not_judged() -> None:
    """WCAG 3.1.2 exempts proper names and technical terms: "Katarina Niewiedzial",
    "Mauerstraße 53", "BITV 2.0", a German law's name, a telephone number, unmarked
    in English text, raise nothing (here without the glossary, as on any site)."""
    assert findings("names-and-numbers.html") == []
