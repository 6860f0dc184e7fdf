"""Finding a browser: environment variable, then PATH, then puppeteer's cache;
none at all is a clear message and its own exit code, never a stack trace."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from i18n_pipeline.audit.browser import BROWSER_VARIABLE, find_browser
from i18n_pipeline.audit.errors import BrowserNotFoundError
from i18n_pipeline.errors import ExitCode

FIXTURE_SITE = Path(__file__).resolve().parents[1] / "fixtures" / "audit" / "site"


def executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(0o755)
    return path


def test_environment_variable_comes_first(tmp_path: Path) -> None:
    chosen = executable(tmp_path / "my-chrome")
    on_path = executable(tmp_path / "bin" / "chromium")

    found = find_browser({BROWSER_VARIABLE: str(chosen)}, search_path=str(on_path.parent))

    assert found == chosen


def test_environment_variable_that_points_nowhere_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(BrowserNotFoundError, match=BROWSER_VARIABLE):
        find_browser({BROWSER_VARIABLE: str(tmp_path / "missing")}, search_path="")


def test_system_browser_on_path_comes_next(tmp_path: Path) -> None:
    on_path = executable(tmp_path / "bin" / "google-chrome")

    assert find_browser({}, search_path=str(on_path.parent)) == on_path


def test_browser_downloaded_by_puppeteer_is_found_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "puppeteer"
    downloaded = executable(cache / "chrome" / "linux-131.0.6778.85" / "chrome-linux64" / "chrome")
    monkeypatch.setenv("PUPPETEER_CACHE_DIR", str(cache))

    assert find_browser({}, search_path=str(tmp_path / "empty")) == downloaded


def test_no_browser_gives_a_clear_message_and_exit_code(tmp_path: Path) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    environ = {key: value for key, value in os.environ.items() if key != BROWSER_VARIABLE} | {
        "PATH": str(empty),
        "PUPPETEER_CACHE_DIR": str(tmp_path / "no-puppeteer"),
    }

    completed = subprocess.run(
        [sys.executable, "-m", "i18n_pipeline.cli", "audit", str(FIXTURE_SITE)],
        env=environ,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )

    assert completed.returncode == ExitCode.MISSING_TOOL
    assert "no Chromium or Chrome found" in completed.stderr
    assert "apt-get install chromium" in completed.stderr
    assert BROWSER_VARIABLE in completed.stderr
    assert "Traceback" not in completed.stderr
