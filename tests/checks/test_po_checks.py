"""PO checks: each failing fixture is reported with its check and line; each passing one is clean.

Fixtures follow sphinx-lint's layout: ``fixtures/po/xfail/*.po`` must fail, and
say in a ``# expect:`` comment which checks; ``fixtures/po/xpass/*.po`` must pass.
"""

from __future__ import annotations

import json
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLE_SITE, SITE, copy_example
from i18n_pipeline.catalogs.glossary import load_glossary
from i18n_pipeline.checks import check_catalogs, check_po_file, runner
from i18n_pipeline.checks.model import Entry
from i18n_pipeline.checks.runner import checks_code, project_termbase
from i18n_pipeline.cli import main
from i18n_pipeline.errors import ExitCode
from i18n_pipeline.findings import Finding, Severity
from i18n_pipeline.project import Project

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "po"
GLOSSARY = load_glossary(REPO / "glossary.txt")
TERMBASE = project_termbase(Project(REPO))


def _comment(path: Path, key: str) -> str:
    match = re.search(rf"^# {key}: (.+)$", path.read_text(encoding="utf-8"), re.M)
    assert match, f"{path.name} lacks a '# {key}:' comment"
    return match[1].strip()


def _line_of(path: Path, prefix: str, last: bool = True) -> int:
    numbers = [
        n
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.startswith(prefix)
    ]
    return numbers[-1] if last else numbers[0]


@pytest.mark.parametrize("path", sorted((FIXTURES / "xfail").glob("*.po")), ids=lambda p: p.stem)
def test_failing_fixture_reports_the_expected_checks_at_the_entry(path: Path) -> None:
    expected = {check.strip() for check in _comment(path, "expect").split(",")}

    findings = [
        f
        for f in check_po_file(path, SITE.language(_comment(path, "language")), GLOSSARY, TERMBASE)
        if f.severity not in (Severity.WAIVED, Severity.INFO)  # info: the installed Babel's
    ]

    assert {f.rule for f in findings} == expected, [f.as_text() for f in findings]
    for finding in findings:
        assert finding.path == path
        if finding.rule == "gettext-header":
            assert finding.line == _line_of(path, 'msgid ""', last=False)
        elif finding.rule == "gettext-syntax":
            assert finding.line == _line_of(path, "msgstr_oops")
        else:
            assert finding.line == _line_of(path, "msgid ")
            assert finding.subject
        assert finding.fix, "every finding says what to do"


@pytest.mark.parametrize("path", sorted((FIXTURES / "xpass").glob("*.po")), ids=lambda p: p.stem)
def test_passing_fixture_has_no_findings(path: Path) -> None:
    findings = check_po_file(path, SITE.language(_comment(path, "language")), GLOSSARY, TERMBASE)
    shown = [f for f in findings if f.severity not in (Severity.WAIVED, Severity.INFO)]
    assert not shown, [f.as_text() for f in shown]


def test_a_waived_finding_is_listed_with_its_reason_not_hidden() -> None:
    path = FIXTURES / "xpass" / "same-as-source-waived.po"
    [waived] = check_po_file(path, SITE.language("en"), GLOSSARY)
    assert (waived.rule, waived.severity) == ("same-as-source", Severity.WAIVED)
    assert '"Service" is also the English word' in waived.message


def test_a_security_check_cannot_be_waived_and_still_reports_its_finding() -> None:
    path = FIXTURES / "xfail" / "waived-javascript-link.po"
    findings = check_po_file(path, SITE.language("en"), GLOSSARY)
    by_check = {f.rule: f for f in findings}
    assert by_check["unsafe-markup"].severity is Severity.ERROR
    assert "javascript:alert" in by_check["unsafe-markup"].message
    assert by_check["waiver-refused"].severity is Severity.ERROR


def test_injected_javascript_link_is_an_error_naming_the_scheme() -> None:
    path = FIXTURES / "xfail" / "javascript-link.po"
    [unsafe, *_] = [
        f for f in check_po_file(path, SITE.language("en"), GLOSSARY) if f.rule == "unsafe-markup"
    ]
    assert unsafe.severity is Severity.ERROR
    assert "javascript" in unsafe.message


@pytest.mark.slow  # the declaration's content; tox -e check gates it too
def test_committed_translations_pass_with_zero_errors() -> None:
    findings = check_catalogs(Project(REPO))
    errors = [f.as_text() for f in findings if f.severity is Severity.ERROR]
    assert not errors, "\n".join(errors)


def test_every_po_file_of_every_language_is_checked(tmp_path: Path) -> None:
    project, _ = _project_with_broken_po(tmp_path)
    for po_file in project.locale_dir.glob("*/LC_MESSAGES/*.po"):
        text = po_file.read_text(encoding="utf-8")
        po_file.write_text(text.replace('"Language: ', '"Language: x', 1), encoding="utf-8")

    headers = {f.path for f in check_catalogs(project) if f.rule == "gettext-header"}

    expected = {po for lang in EXAMPLE_SITE.translations for po in project.po_files(lang.code)}
    assert headers == expected and len(expected) == 3 * len(EXAMPLE_SITE.translations)


def test_catalogs_checked_side_by_side_give_the_findings_of_one_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, _ = _project_with_broken_po(tmp_path)
    for po_file in project.locale_dir.glob("*/LC_MESSAGES/*.po"):  # a finding in each one
        text = po_file.read_text(encoding="utf-8")
        po_file.write_text(text.replace('"Language: ', '"Language: x', 1), encoding="utf-8")
    pools: list[int] = []

    class Pool(ProcessPoolExecutor):
        def __init__(self, max_workers: int) -> None:
            pools.append(max_workers)
            super().__init__(max_workers)

    monkeypatch.setattr(runner, "ProcessPoolExecutor", Pool)
    monkeypatch.setattr(runner.os, "cpu_count", lambda: 2)
    side_by_side = check_catalogs(project, fresh=True)
    monkeypatch.setattr(runner.os, "cpu_count", lambda: 1)
    one_by_one = check_catalogs(project, fresh=True)

    assert pools == [2], "two processes, then none"
    assert [f.as_json() for f in side_by_side] == [f.as_json() for f in one_by_one]
    assert len({f.path for f in one_by_one}) == 3 * len(EXAMPLE_SITE.translations)


def _project_with_broken_po(tmp_path: Path) -> tuple[Project, Path]:
    """A copy of examples/aushang (de, en, ar) whose English index.po changes a time."""
    project = copy_example(tmp_path / "project")
    broken = project.po_file("en", "index")
    text = broken.read_text(encoding="utf-8")
    assert "from 14:00 to 18:00" in text
    broken.write_text(text.replace("from 14:00 to 18:00", "from 15:00 to 18:00"), encoding="utf-8")
    return project, broken


def test_command_prints_file_line_and_check_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, broken = _project_with_broken_po(tmp_path)

    code = main(["check", "--root", str(project.root)])

    out = capsys.readouterr().out
    assert code == 1
    assert re.search(rf"{re.escape(str(broken))}:\d+: error: .*14.* \(numbers\)", out)
    assert "what to do:" in out


def test_command_json_format_is_machine_readable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, broken = _project_with_broken_po(tmp_path)

    code = main(["check", "--root", str(project.root), "--format", "json", "en"])

    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert report["errors"] == 1
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["path"] == str(broken) and finding["rule"] == "numbers" and finding["line"] > 1
    [added] = [f for f in report["findings"] if f["severity"] == "warning"]
    assert (added["rule"], added["line"]) == ("added-numbers", finding["line"])


def test_unknown_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--root", str(REPO), "xx"]) == ExitCode.USAGE
    assert "neither a language code nor a PO file" in capsys.readouterr().err


def test_cached_findings_still_fail_and_an_edit_is_checked_again(tmp_path: Path) -> None:
    project, broken = _project_with_broken_po(tmp_path)
    first = check_catalogs(project)

    second = check_catalogs(project)
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("from 15:00", "from 14:00"), encoding="utf-8"
    )
    after_fix = check_catalogs(project)

    assert [f.as_json() for f in second] == [f.as_json() for f in first]
    assert [f.rule for f in second if f.severity is Severity.ERROR] == ["numbers"]
    assert any((project.cache_dir / "checks").iterdir()), "findings were cached"
    assert not [f for f in after_fix if f.severity is Severity.ERROR]


def test_an_edited_file_has_only_its_changed_entry_checked_and_the_others_findings_moved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, broken = _project_with_broken_po(tmp_path)
    [before] = [f for f in check_catalogs(project) if f.severity is Severity.ERROR]
    text = broken.read_text(encoding="utf-8")
    # Two new lines above the broken entry move it; the entry edited is the one above it.
    edited = text.replace('msgstr "Opening hours"', 'msgstr ""\n"Hours of "\n"opening"', 1)
    assert edited != text
    broken.write_text(edited, encoding="utf-8")
    checked: list[str] = []
    entry_findings = runner._entry_findings

    def counted(entry: Entry, *arguments: Any) -> list[Finding]:
        checked.append(entry.msgstr)
        return entry_findings(entry, *arguments)

    monkeypatch.setattr(runner, "_entry_findings", counted)
    after_edit = check_catalogs(project)
    monkeypatch.setattr(runner, "_entry_findings", entry_findings)

    assert checked == ["Hours of opening"]
    assert [f.as_json() for f in after_edit] == [
        f.as_json() for f in check_catalogs(project, fresh=True)
    ]
    [error] = [f for f in after_edit if f.severity is Severity.ERROR]
    assert (error.rule, error.path, error.message) == ("numbers", broken, before.message)
    assert error.line == before.line + 2


def test_a_missing_glossary_stops_the_check_instead_of_protecting_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = _project_with_broken_po(tmp_path)
    project.glossary_file.unlink()

    code = main(["check", "--root", str(project.root)])

    assert code == 2
    err = capsys.readouterr().err
    assert str(project.glossary_file) in err
    assert "glossary of protected terms is missing" in err


def test_a_missing_term_base_stops_the_check_instead_of_enforcing_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = _project_with_broken_po(tmp_path)
    with (project.conf_dir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\nsite_termbase = str(ROOT / "termbase.tbx")  # named, and not there\n')
    project = Project(project.root)

    code = main(["check", "--root", str(project.root)])

    assert code == ExitCode.INPUT_UNREADABLE
    err = capsys.readouterr().err
    assert str(project.termbase_file) in err
    assert "the term base is missing" in err


def test_the_cached_findings_depend_on_files_that_exist() -> None:
    """A module named in the checks' digest that has moved would no longer be hashed, and
    findings of its old code would be reused (the stage folders moved six of them)."""
    missing = [path for path in checks_code() if not path.is_file()]
    assert not missing, missing
