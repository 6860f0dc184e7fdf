"""A page the tools cannot finish is neither clean nor failing: it is retried
alone and then reported as a tool failure, with its own exit code."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from audit.pipes import never_answered, release
from i18n_pipeline.audit.browser import BROWSER_VARIABLE, BrowserStartLog, find_browser
from i18n_pipeline.audit.node_env import stop_process_group
from i18n_pipeline.cli import main
from i18n_pipeline.errors import ExitCode

pytestmark = pytest.mark.slow

FIXTURE_SITE = Path(__file__).resolve().parents[1] / "fixtures" / "audit" / "site"


def hold_until_requested(pipe: Path, on_request: Callable[[], None]) -> threading.Thread:
    """``pipe``, a named pipe in the audited site: the audit's own server blocks on it
    when a page requests it (same origin, so the browser does not abort the request).
    ``on_request`` runs then, and the request is answered (empty) when it returns."""
    os.mkfifo(pipe)

    def wait_for_reader() -> None:
        with pipe.open("wb"):  # returns once the server opens the pipe to read it
            on_request()

    thread = threading.Thread(target=wait_for_reader, daemon=True)
    thread.start()
    return thread


@pytest.fixture
def browser_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BrowserStartLog:
    """The audit's browser, through a wrapper that logs each start (its process id)."""
    starts = BrowserStartLog.install(tmp_path / "browser", find_browser())
    monkeypatch.setenv(BROWSER_VARIABLE, str(starts.wrapper))
    return starts


def site_with(tmp_path: Path, name: str, extra_html: str) -> Path:
    """The clean fixture page, and a copy of it named ``name`` with ``extra_html`` in main."""
    site = tmp_path / "site"
    site.mkdir()
    clean = (FIXTURE_SITE / "clean.html").read_text(encoding="utf-8")
    (site / "clean.html").write_text(clean, encoding="utf-8")
    (site / "dot.svg").write_bytes((FIXTURE_SITE / "dot.svg").read_bytes())
    (site / name).write_text(clean.replace("</main>", extra_html + "\n</main>"), encoding="utf-8")
    return site


def test_a_page_that_never_loads_is_retried_and_then_fails_the_audit_as_a_tool_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # pa11y waits for the network to go quiet but for two requests: three never end.
    site = site_with(
        tmp_path, "stalled.html", "".join(f'<img src="{n}.svg" alt="">' for n in range(3))
    )
    with never_answered([site / f"{n}.svg" for n in range(3)]):
        code = main(
            ["audit", str(site), "--reports", str(tmp_path / "reports"), "--page-timeout", "3"]
        )

    captured = capsys.readouterr()
    report = json.loads((tmp_path / "reports" / "audit.json").read_text(encoding="utf-8"))
    assert code == ExitCode.TOOL_FAILED
    assert report["summary"]["tool_failures"] == ["stalled.html"]
    assert report["verdict"].startswith("incomplete")
    assert "retrying it alone" in captured.out
    assert f"{site / 'stalled.html'}: no verdict, the tools failed" in captured.err
    assert "clean.html" not in captured.err
    assert report["browser_starts"] == 2  # one for both pages, one to retry the stalled page


def test_a_browser_that_crashes_on_a_page_is_a_tool_failure_never_a_pass(
    tmp_path: Path, browser_starts: BrowserStartLog, capsys: pytest.CaptureFixture[str]
) -> None:
    site = site_with(tmp_path, "crashing.html", '<img src="crash.svg" alt="">')

    def kill_browsers() -> None:  # every browser started so far: SIGKILL to its process group
        for pid in browser_starts.log.read_text().split():
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(int(pid), signal.SIGKILL)

    # The first request of the page crashes the browser; so does the retry's (a new pipe).
    def crash_every_time() -> None:
        kill_browsers()
        (site / "crash.svg").unlink()
        hold_until_requested(site / "crash.svg", kill_browsers)

    hold_until_requested(site / "crash.svg", crash_every_time)
    try:
        code = main(["audit", str(site), "--reports", str(tmp_path / "reports"), "--fresh"])
    finally:
        release([site / "crash.svg"])

    captured = capsys.readouterr()
    report = json.loads((tmp_path / "reports" / "audit.json").read_text(encoding="utf-8"))
    assert code == ExitCode.TOOL_FAILED
    assert report["summary"]["tool_failures"] == ["crashing.html"]
    assert "retrying it alone" in captured.out
    assert f"{site / 'crashing.html'}: no verdict, the tools failed" in captured.err
    # Every start was a real one: the audit's own count is the operating system's.
    assert report["browser_starts"] == browser_starts.take() >= 2


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting for its new parent to reap it (Linux /proc)."""
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"


def test_stopping_a_tool_stops_everything_it_started() -> None:
    tool = subprocess.Popen(
        ["sh", "-c", "sleep 300 & echo $!; wait"],
        start_new_session=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    with tool.stdout:  # type: ignore[union-attr]
        child = int(tool.stdout.readline())  # type: ignore[union-attr]
    assert _running(child)

    stop_process_group(tool)

    deadline = time.monotonic() + 5
    while _running(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(child) and not _running(tool.pid)
