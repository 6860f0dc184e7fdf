"""One model per concept: one exit-code table and one command-line parser.

A second one is how the check came to answer a usage error with 2, the code the
table gives to an input that cannot be read. These tests read the package's own
source, so a second table or parser fails here the day it is written.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from i18n_pipeline.cli import main
from i18n_pipeline.errors import ExitCode, PipelineError

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "i18n_pipeline"
MODULES = sorted(PACKAGE.rglob("*.py"))


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
