"""The Leichte Sprache check: each failing fixture names its rule at the sentence's line;
each passing twin, and the real page, has no finding.

Fixtures follow the PO fixtures' layout: ``fixtures/easy_read/xfail/*.rst`` say in
``.. expect: <rule> <line>`` comments what must be found; ``xpass/*.rst`` must pass.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from i18n_pipeline.catalogs.glossary import load_glossary
from i18n_pipeline.checks import runner
from i18n_pipeline.checks.easy_read import RULES, check_easy_read
from i18n_pipeline.checks.phrases import load_phrases
from i18n_pipeline.checks.terms import load_terms
from i18n_pipeline.cli import main
from i18n_pipeline.project import Project

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "easy_read"
NAMES = frozenset(load_glossary(REPO / "glossary.txt"))


def _expected(path: Path) -> set[tuple[str, int]]:
    found = re.findall(r"^\.\. expect: (\S+) (\d+)$", path.read_text(encoding="utf-8"), re.M)
    assert found, f"{path.name} lacks an '.. expect: <rule> <line>' comment"
    return {(rule, int(line)) for rule, line in found}


@pytest.mark.parametrize("path", sorted((FIXTURES / "xfail").glob("*.rst")), ids=lambda p: p.stem)
def test_failing_fixture_names_its_rule_at_the_sentence_line(path: Path) -> None:
    findings = check_easy_read(path, NAMES)

    assert {(f.rule, f.line) for f in findings} == _expected(path), [f.as_text() for f in findings]
    for finding in findings:
        assert finding.path == path
        assert RULES[finding.rule].source in finding.message, "the rule it comes from"
        assert finding.fix and finding.subject


@pytest.mark.parametrize("path", sorted((FIXTURES / "xpass").glob("*.rst")), ids=lambda p: p.stem)
def test_passing_twin_has_no_finding(path: Path) -> None:
    findings = check_easy_read(path, NAMES)
    assert not findings, [f.as_text() for f in findings]


def test_every_rule_has_a_failing_and_a_passing_fixture() -> None:
    failing = {rule for path in (FIXTURES / "xfail").glob("*.rst") for rule, _ in _expected(path)}
    passing = {path.stem for path in (FIXTURES / "xpass").glob("*.rst")}
    failing_stems = {path.stem for path in (FIXTURES / "xfail").glob("*.rst")}
    assert failing == set(RULES)
    assert passing == failing_stems


def test_the_real_leichte_sprache_page_passes() -> None:
    findings = check_easy_read(REPO / "source" / "leichte-sprache.rst", NAMES)
    assert not findings, [f.as_text() for f in findings]


def test_a_sentence_is_reported_at_its_own_line_when_the_one_before_starts_alike(
    tmp_path: Path,
) -> None:
    page = tmp_path / "page.rst"
    page.write_text("Das ist gut.\nDas wäre besser.\n", encoding="utf-8")
    [finding] = check_easy_read(page)
    assert (finding.rule, finding.line) == ("easy-read-konjunktiv", 2)


@pytest.mark.parametrize("name", ["negations", "idioms"])
def test_every_listed_phrase_says_where_it_comes_from_and_what_to_write(name: str) -> None:
    phrases = load_phrases(name)
    assert phrases
    for phrase in phrases:
        assert phrase.match and phrase.instead and phrase.source, phrase.name


def test_every_term_group_says_where_it_comes_from_and_names_two_words() -> None:
    for term in load_terms():
        assert len(term.names) >= 2 and term.source, term.use


def test_every_rule_cites_the_netzwerk_and_the_din_spec() -> None:
    for rule in RULES.values():
        assert "Netzwerk Leichte Sprache" in rule.source
        assert "DIN SPEC 33429" in rule.source


@pytest.mark.slow  # reads the declaration's locales/ (its Leichte Sprache page, term base)
def test_check_command_checks_the_page_and_fails_on_a_broken_sentence(
    project_copy: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    page = project_copy.source_dir / "leichte-sprache.rst"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "Die Erklärung ist von Integrations-Beauftragten.",
            "Die Erklärung wurde z. B. von Integrations-Beauftragten gemacht.",
        ),
        encoding="utf-8",
    )

    code = main(["check", "--root", str(project_copy.root), "leichte-sprache"])

    out = capsys.readouterr().out
    line = (
        page.read_text(encoding="utf-8")
        .splitlines()
        .index("Die Erklärung wurde z. B. von Integrations-Beauftragten gemacht.")
    )
    assert code == 1
    assert f"{page}:{line + 1}: error: abbreviation: z. B." in out
    assert "easy-read-passive" in out


def test_an_unchanged_page_is_not_checked_again_and_an_edited_one_is(
    example_copy: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its findings are cached by the page's bytes, as a PO file's are (the check takes
    seconds: the tagger reads every sentence)."""
    conf = example_copy.root / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + '\nsite_easy_read = "leichte-sprache"\n')
    project = Project(example_copy.root)
    page = project.source_dir / "leichte-sprache.rst"
    shutil.copy(FIXTURES / "xfail" / "abbreviation.rst", page)
    first = runner.check_easy_read_page(project)
    checked: list[Path] = []

    def counted(path: Path, glossary: frozenset[str]) -> list[object]:
        checked.append(path)
        return check_easy_read(path, glossary)  # type: ignore[return-value]

    monkeypatch.setattr(runner, "check_easy_read", counted)

    assert first and runner.check_easy_read_page(project) == first
    assert checked == []
    page.write_text(page.read_text(encoding="utf-8") + "\nDas ist ein Satz.\n", encoding="utf-8")
    assert runner.check_easy_read_page(project) == first
    assert runner.check_easy_read_page(project, fresh=True) == first
    assert checked == [page, page]
