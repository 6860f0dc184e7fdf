"""A page the tools cannot finish is neither clean nor failing: it is retried
alone and then reported as a tool failure, with its own exit code."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from i18n_pipeline.audit.browser import BROWSER_VARIABLE, BrowserStartLog, find_browser
from i18n_pipeline.audit.command import main
from i18n_pipeline.audit.errors import EXIT_TOOL_FAILURE
from i18n_pipeline.audit.node_env import stop_process_group

pytestmark = pytest.mark.slow

FIXTURE_SITE = Path(__file__).resolve().parents[1] / "fixtures" / "audit" / "site"


def serve_connections(on_connection: Callable[[socket.socket], None]) -> Iterator[int]:
    """A port on 127.0.0.1 that hands every connection to ``on_connection``."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                on_connection(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    listener.close()


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts connections and never answers: a page waiting on it never loads."""
    accepted: list[socket.socket] = []
    yield from serve_connections(accepted.append)
    for connection in accepted:
        connection.close()


@pytest.fixture
def browser_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BrowserStartLog:
    """The audit's browser, through a wrapper that logs each start (its process id)."""
    starts = BrowserStartLog.install(tmp_path / "browser", find_browser())
    monkeypatch.setenv(BROWSER_VARIABLE, str(starts.wrapper))
    return starts


@pytest.fixture
def browser_killer(browser_starts: BrowserStartLog) -> Iterator[int]:
    """A port whose every connection kills every browser started so far (SIGKILL to its
    process group): a page that requests from it crashes the browser while it loads."""

    def kill_browsers(connection: socket.socket) -> None:
        for pid in browser_starts.log.read_text().split():
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(int(pid), signal.SIGKILL)
        connection.close()

    yield from serve_connections(kill_browsers)


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
    tmp_path: Path, silent_server: int, capsys: pytest.CaptureFixture[str]
) -> None:
    # pa11y waits for the network to go quiet but for two requests: three never end.
    never = "".join(
        f'<img src="http://127.0.0.1:{silent_server}/{n}.svg" alt="">' for n in range(3)
    )
    site = site_with(tmp_path, "stalled.html", never)

    code = main([str(site), "--reports", str(tmp_path / "reports"), "--page-timeout", "3"])

    captured = capsys.readouterr()
    report = json.loads((tmp_path / "reports" / "audit.json").read_text(encoding="utf-8"))
    assert code == EXIT_TOOL_FAILURE
    assert report["summary"]["tool_failures"] == ["stalled.html"]
    assert report["verdict"].startswith("incomplete")
    assert "retrying it alone" in captured.out
    assert f"{site / 'stalled.html'}: no verdict, the tools failed" in captured.err
    assert "clean.html" not in captured.err
    assert report["browser_starts"] == 2  # one for both pages, one to retry the stalled page


def test_a_browser_that_crashes_on_a_page_is_a_tool_failure_never_a_pass(
    tmp_path: Path,
    browser_starts: BrowserStartLog,
    browser_killer: int,
    capsys: pytest.CaptureFixture[str],
) -> None:
    site = site_with(
        tmp_path, "crashing.html", f'<img src="http://127.0.0.1:{browser_killer}/x.svg" alt="">'
    )

    code = main([str(site), "--reports", str(tmp_path / "reports"), "--fresh"])

    captured = capsys.readouterr()
    report = json.loads((tmp_path / "reports" / "audit.json").read_text(encoding="utf-8"))
    assert code == EXIT_TOOL_FAILURE
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
