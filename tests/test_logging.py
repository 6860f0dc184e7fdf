"""Progress is logged (stdlib ``logging``, under the ``i18n_pipeline`` logger); the command
line shows it as the lines users know (``==> [1/3] read and check PO files``), hides it
with ``--quiet``, adds Sphinx's own output with ``--verbose``, and a worker process's
records reach the parent's handlers. Built on a copy of examples/aushang (de, en, ar)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from conftest import REPO
from i18n_pipeline.build.languages import build_languages
from i18n_pipeline.catalogs.snapshot import take_snapshot
from i18n_pipeline.cli import main
from i18n_pipeline.project import Project

EXAMPLE = REPO / "examples" / "aushang"


@pytest.fixture
def aushang(tmp_path: Path) -> Project:
    return Project(EXAMPLE).copy_inputs(tmp_path / "aushang")


def test_the_command_shows_the_steps_and_the_build_progress(
    aushang: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(aushang.root), "build", "--jobs", "2"]) == 0

    out = capsys.readouterr().out
    lines = out.splitlines()
    assert "==> [1/3] read and check PO files" in lines
    assert "==> [2/3] build all languages" in lines
    assert "building 3 language(s) with 2 worker(s)" in lines
    assert any(line.startswith("  [3/3] ") and "built in" in line for line in lines)
    # the command's result, after its progress
    assert out.index("==> [3/3]") < out.index("built into ")
    assert "build succeeded" not in out  # Sphinx's own output only with --verbose


def test_quiet_leaves_the_result_only(aushang: Project, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--root", str(aushang.root), "--quiet"]) == 0

    out = capsys.readouterr().out
    assert "==>" not in out and "building" not in out
    assert "built into " in out


def test_a_worker_process_s_records_reach_the_parent(
    aushang: Project, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Each language builds in a worker process; Sphinx's account of it (DEBUG) is logged
    there and must arrive here, where the handlers (caplog, the command's) are."""
    caplog.set_level(logging.DEBUG, logger="i18n_pipeline")
    config = aushang.config
    snapshot = take_snapshot(aushang, config.translations)

    build_languages(aushang, snapshot, config.languages, tmp_path / "release", jobs=2)

    sphinx = [r for r in caplog.records if r.name == "i18n_pipeline.build.app"]
    assert sorted(r.getMessage().split(":")[0] for r in sphinx) == [
        "sphinx, html, ar",
        "sphinx, html, de",
        "sphinx, html, en",
    ]
    assert all("build succeeded" in r.getMessage() for r in sphinx)
    assert {r.process for r in sphinx}.isdisjoint({os.getpid()})  # from the workers
    assert "building 3 language(s) with 2 worker(s)" in caplog.messages


def test_a_library_call_logs_and_prints_nothing(
    aushang: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without the command line, progress is a record for the caller's logging setup."""
    snapshot = take_snapshot(aushang, aushang.config.translations)

    build_languages(aushang, snapshot, aushang.config.languages[:1], tmp_path / "release")

    assert capsys.readouterr().out == ""
