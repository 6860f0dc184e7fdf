"""One model per concept: one exit-code table, one command-line parser, one JSON reader
and writer, and one ``Finding`` that the PO checks, the output check, the audit and the
PDF checks report (the audit's ``Issue`` extends it).

A second one is how the check came to answer a usage error with 2, the code the
table gives to an input that cannot be read. These tests read the package's own
source, so a second table or parser fails here the day it is written.
"""

from __future__ import annotations

import ast
import importlib
import json
import re
from pathlib import Path

import pytest
from lxml import html

from i18n_pipeline.audit.directions import check_directions
from i18n_pipeline.audit.language_checks import check_declared_language
from i18n_pipeline.audit.model import Issue, on_page
from i18n_pipeline.audit.pa11y import classify
from i18n_pipeline.audit.pdf_checks import check_pdf
from i18n_pipeline.audit.probe import request_issues
from i18n_pipeline.audit.tags import check_lang_tags
from i18n_pipeline.checks import check_po_file
from i18n_pipeline.checks.output import page_problems
from i18n_pipeline.cli import main
from i18n_pipeline.config.languages import language
from i18n_pipeline.errors import ExitCode, PipelineError
from i18n_pipeline.findings import Finding, Severity

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "i18n_pipeline"
MODULES = sorted(PACKAGE.rglob("*.py"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _trees() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in MODULES]


def test_the_exit_codes_are_one_table_with_a_number_per_meaning() -> None:
    assert len({int(code) for code in ExitCode}) == len(ExitCode)
    second_tables = [
        f"{path.relative_to(PACKAGE)}:{node.lineno}"
        for path, tree in _trees()
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name) and target.id.startswith("EXIT_")
    ]
    assert second_tables == []


def test_every_error_exits_with_a_code_from_the_table() -> None:
    def subclasses(cls: type) -> list[type]:
        return [cls, *(sub for direct in cls.__subclasses__() for sub in subclasses(direct))]

    import i18n_pipeline.audit.errors  # noqa: F401  (its errors are subclasses too)

    for error in subclasses(PipelineError):
        assert isinstance(error.exit_code, ExitCode), error


def test_only_the_command_line_builds_a_parser() -> None:
    builders = [
        f"{path.relative_to(PACKAGE)}:{node.lineno}"
        for path, tree in _trees()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "attr", getattr(node.func, "id", "")) == "ArgumentParser"
    ]
    assert builders == []  # cli.CommandLine subclasses it; nothing calls it directly


@pytest.mark.parametrize(
    "argv", [["check", "--no-such-option"], ["no-such-command"], ["audit", "--concurrency", "x"]]
)
def test_a_usage_error_is_64_not_the_code_of_an_unreadable_input(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == ExitCode.USAGE
    assert "error:" in capsys.readouterr().err


def test_root_is_accepted_before_and_after_the_command(tmp_path: Path) -> None:
    for argv in (["--root", str(tmp_path), "check"], ["check", "--root", str(tmp_path)]):
        assert main(argv) == ExitCode.NOT_A_PROJECT


def test_json_is_written_and_read_one_way() -> None:
    """io.write_json and io.read_json (bounded, regular files only); JSON for hashing or
    from a subprocess's output is not a file and may use json directly."""
    pattern = re.compile(
        r"json\.dump\(|write_text\(json\.dumps|write_atomically\([^\n]*json\.dumps|json\.loads\([^\n]*read_(text|bytes)\("
    )
    others = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in MODULES
        if path.name != "io.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert others == []


#: A field that says where or how bad, beside a ``message``: what makes a finding.
FINDING_FIELDS = {"severity", "path", "line"}


def _dataclasses() -> list[tuple[str, str, set[str]]]:
    """(module, class, annotated field names) of every dataclass in the package."""
    found = []
    for source, tree in _trees():
        module = ".".join(source.relative_to(PACKAGE.parent).with_suffix("").parts)
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and any(
                "dataclass" in ast.unparse(decorator) for decorator in node.decorator_list
            ):
                names = {
                    statement.target.id
                    for statement in node.body
                    if isinstance(statement, ast.AnnAssign)
                    and isinstance(statement.target, ast.Name)
                }
                found.append((module.removesuffix(".__init__"), node.name, names))
    return found


def test_there_is_one_finding_model_and_every_other_extends_it() -> None:
    shapes = [
        (module, name)
        for module, name, fields in _dataclasses()
        if "message" in fields and fields & FINDING_FIELDS
    ]
    assert ("i18n_pipeline.findings", "Finding") in shapes, "the walk finds the model itself"
    second = [
        f"{module}.{name}"
        for module, name in shapes
        if not issubclass(getattr(importlib.import_module(module), name), Finding)
    ]
    assert second == [], "a second model of a finding: extend findings.Finding instead"


def _page(body: str, lang: str = "en") -> html.HtmlElement:
    return html.document_fromstring(f'<html lang="{lang}"><body>{body}</body></html>')


def _producers(tmp_path: Path) -> dict[str, list[Finding]]:
    """What each producer reports on an input it must refuse."""
    po = FIXTURES / "po" / "xfail" / "changed-year.po"
    broken_pdf = tmp_path / "broken.pdf"
    broken_pdf.write_bytes(b"not a PDF")
    axe = {"runner": "axe", "code": "image-alt", "type": "error", "message": "no alt"}
    return {
        "PO checks": list(check_po_file(po, language("en"))),
        "output check": page_problems(Path("en/index.html"), b"<script>x</script>", frozenset()),
        "audit: tools": [classify(axe, {"image-alt": ["wcag2a", "wcag111"]})],
        "audit: requests": request_issues(
            [{"url": "https://evil.example/x.js", "type": "script", "local": False}]
        ),
        "audit: declared language": check_declared_language(_page("<p>x</p>", "de"), "en"),
        "audit: tags": check_lang_tags(_page('<p lang="english">x</p>')),
        "audit: directions": check_directions(_page('<p dir="sideways">x</p>')),
        "PDF checks": check_pdf(broken_pdf, None, None),
    }


def test_every_producer_reports_findings(tmp_path: Path) -> None:
    for producer, findings in _producers(tmp_path).items():
        assert findings, f"{producer}: the input is refused"
        assert all(isinstance(f, Finding) and f.rule for f in findings), producer
        assert all(isinstance(f.severity, Severity) for f in findings), producer


@pytest.mark.parametrize(
    ("gating", "needs_review", "severity"),
    [
        (True, False, Severity.ERROR),
        (False, True, Severity.WARNING),
        (False, False, Severity.INFO),
    ],
)
def test_an_audit_issue_is_as_severe_as_it_counts(
    gating: bool, needs_review: bool, severity: Severity
) -> None:
    issue = Issue(
        runner="axe",
        rule="color-contrast",
        type="error",  # the tool's word decides nothing
        message="low contrast",
        gating=gating,
        needs_review=needs_review,
    )
    assert issue.severity is severity


def test_an_audit_issue_is_filed_on_its_page_and_read_back_whole() -> None:
    issue = Issue(runner="language", rule="html-lang-mismatch", type="error", message="m")
    [filed] = on_page([issue], "fa/index.html")
    assert filed.path == Path("fa/index.html")
    assert Issue.from_json(json.loads(json.dumps(filed.as_json()))) == filed
    assert {"path", "line", "rule", "severity", "message", "fix"} <= set(filed.as_json())
