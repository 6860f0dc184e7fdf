"""The term base, enforced: what one language's review taught reaches the next language.

The fixtures ``fixtures/po/x*/term-base-*.po`` hold the Italian and Kurmanji
sentences before and after the December 2026 review ("Öffnung der
Integrationskurse" read as launching the courses); ``test_po_checks`` runs them.
These tests say what a finding tells the translator, how terms are matched, and
that a language without its entries is reported once, at the term base.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from i18n_pipeline.checks import check_catalogs, check_po_file
from i18n_pipeline.checks.registry import ENTRY_CHECKS
from i18n_pipeline.checks.runner import project_termbase
from i18n_pipeline.checks.term_base import (
    check_term_base_coverage,
    comparable,
    source_pattern,
    visible_text,
)
from i18n_pipeline.config.languages import language
from i18n_pipeline.findings import Finding, Severity
from i18n_pipeline.project import Project

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "po"
TERMBASE = project_termbase(Project(REPO))
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def term_base_findings(fixture: str, code: str) -> list[Finding]:
    findings = check_po_file(FIXTURES / fixture, language(code), (), TERMBASE)
    return [f for f in findings if f.rule == "term-base"]


def test_the_old_italian_text_is_told_what_is_approved_and_what_is_forbidden() -> None:
    missing, forbidden = term_base_findings("xfail/term-base-italian-launch.po", "it")

    assert missing.severity is forbidden.severity is Severity.ERROR
    assert "names 'Öffnung der Integrationskurse'" in missing.message
    assert "approves 'ampliamento dell'accesso ai corsi di integrazione'" in missing.message
    assert "also accepted: 'apertura dei corsi di integrazione a un maggior numero" in (
        missing.message
    )
    assert "as 'apertura dei corsi', which termbase.tbx forbids for Italian" in forbidden.message
    assert "launching the courses" in forbidden.message
    assert "write 'ampliamento dell'accesso ai corsi di integrazione'" in forbidden.fix
    assert "termbase.tbx" in missing.fix and "check: ignore term-base" in missing.fix


def test_the_old_kurmanji_text_is_told_the_same() -> None:
    missing, forbidden = term_base_findings("xfail/term-base-kurmanji-launch.po", "ku")

    assert "approves 'firehkirina gihîştina kursên entegrasyonê ji bo bêtir kesan'" in (
        missing.message
    )
    assert "as 'vekirina kursên', which termbase.tbx forbids for Kurdish" in forbidden.message


def test_a_forbidden_rendering_inside_an_admitted_one_is_not_reported() -> None:
    assert term_base_findings("xpass/term-base-italian-review-alternative.po", "it") == []
    assert term_base_findings("xpass/term-base-arabic-conjunction.po", "ar") == []


def test_the_check_is_an_error_that_a_translator_can_waive_with_a_reason() -> None:
    """Not one of the 🔒 safety checks: a sentence may rightly say a term another way once;
    the reason is listed for the reviewer, and a wording that is right for good belongs
    in the term base as an admitted term."""
    check = ENTRY_CHECKS["term-base"]

    [waived] = term_base_findings("xpass/term-base-waived.po", "en")

    assert (check.severity, check.waivable) == (Severity.ERROR, True)
    assert waived.severity is Severity.WAIVED
    assert "a plain-language edition explains the term" in waived.message


def test_the_german_term_is_found_declined_and_in_any_case() -> None:
    title = source_pattern("Integrationsbeauftragte der Länder und des Bundes")
    senate = source_pattern("Berliner Senat")

    assert title.search("Erklärung der Integrationsbeauftragten der Länder und des Bundes")
    assert senate.search("**Katarina Niewiedzial**, Beauftragte des Berliner Senats für")
    assert source_pattern("Öffnung der Integrationskurse").search("ÖFFNUNG DER INTEGRATIONSKURSE")
    assert not senate.search("Berliner Senatsverwaltung")


def test_an_address_is_not_a_term() -> None:
    term = source_pattern("Schlichtungsstelle")
    for address in ("info@schlichtungsstelle-bgg.de", "schlichtungsstelle@example.org"):
        link = f"`{address} <mailto:{address}>`__"

        assert not term.search(visible_text(f"Direkt: {link}.")), address


def test_renderings_are_compared_without_case_spacing_and_invisible_marks() -> None:
    assert comparable("Federal Government\u00a0Commissioner") == "federal government commissioner"
    assert comparable("دوره\u200cهای ادغام") == comparable("دورههای ادغام")  # ZWNJ
    assert comparable("țară de imigrație") == comparable("ţară de imigraţie")  # cedilla
    assert comparable("dell’accesso") == comparable("dell'accesso")
    assert comparable("بلدُ استقبالٍ") == comparable("بلد استقبال")  # vowel marks


@pytest.mark.slow  # reads the declaration's locales/ (its Leichte Sprache page, term base)
def test_a_language_without_its_entries_is_reported_once_at_the_term_base(
    tmp_path: Path,
) -> None:
    project = Project(REPO).copy_inputs(tmp_path / "project")
    tree = etree.parse(project.termbase_file)
    dropped = []
    for entry in tree.iter("termEntry"):
        if entry.get("id") in ("einwanderungsland", "oeffnung-der-integrationskurse"):
            [kurmanji] = [s for s in entry.iter("langSet") if s.get(XML_LANG) == "ku"]
            entry.remove(kurmanji)
            dropped.append(entry.sourceline)
    tree.write(project.termbase_file, encoding="UTF-8", xml_declaration=True)

    findings = check_catalogs(project, [language("ku"), language("it")])

    [coverage] = [f for f in findings if f.rule == "term-base-coverage"]
    assert (coverage.path, coverage.line) == (project.termbase_file, min(dropped))
    assert coverage.severity is Severity.ERROR
    assert "no Kurdish (ku) rendering for 2 of its 15 terms" in coverage.message
    assert "'Öffnung der Integrationskurse', 'Einwanderungsland'" in coverage.message
    assert '<langSet xml:lang="ku">' in coverage.fix
    assert not [f for f in findings if f.rule == "term-base"]


def test_a_new_language_cannot_be_published_without_its_entries() -> None:
    [finding] = check_term_base_coverage(TERMBASE, [language("es"), language("it"), language("de")])

    assert f"no Spanish (es) rendering for {len(TERMBASE.entries)} of its" in finding.message
    assert finding.line == TERMBASE.entries[0].line


@pytest.mark.slow  # reads the declaration's locales/ (its Leichte Sprache page, term base)
def test_an_edited_term_base_is_checked_again_not_answered_from_the_cache(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(REPO / "locales" / "it", root / "locales" / "it")
    shutil.copytree(REPO / "source", root / "source")
    for name in ("conf.py", "glossary.txt", "termbase.tbx"):
        shutil.copy2(REPO / name, root / name)
    project = Project(root)
    before = check_catalogs(project, [language("it")])
    text = project.termbase_file.read_text(encoding="utf-8")
    project.termbase_file.write_text(
        text.replace("<term>Paese di immigrazione</term>", "<term>Paese d'immigrazione</term>"),
        encoding="utf-8",
    )

    after = check_catalogs(project, [language("it")])

    assert not [f for f in before if f.severity is Severity.ERROR]
    [finding] = [f for f in after if f.severity is Severity.ERROR]
    assert finding.rule == "term-base" and "'Paese d'immigrazione'" in finding.message
