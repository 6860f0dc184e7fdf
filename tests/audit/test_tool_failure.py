"""A page the tools cannot finish is neither clean nor failing: it is retried
alone and then reported as a tool failure, with its own exit code."""

from __future__ import annotations

import json
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from i18n_pipeline.audit.command import main
from i18n_pipeline.audit.errors import EXIT_TOOL_FAILURE
from i18n_pipeline.audit.node_env import stop_process_group

pytestmark = pytest.mark.slow

FIXTURE_SITE = Path(__file__).resolve().parents[1] / "fixtures" / "audit" / "site"


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts connections and never answers: a page waiting on it never loads."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()


def test_a_page_that_never_loads_is_retried_and_then_fails_the_audit_as_a_tool_failure(
    tmp_path: Path, silent_server: int, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    clean = (FIXTURE_SITE / "clean.html").read_text(encoding="utf-8")
    (site / "clean.html").write_text(clean, encoding="utf-8")
    (site / "dot.svg").write_bytes((FIXTURE_SITE / "dot.svg").read_bytes())
    # pa11y waits for the network to go quiet but for two requests: three never end.
    never = "".join(
        f'<img src="http://127.0.0.1:{silent_server}/{n}.svg" alt="">' for n in range(3)
    )
    stalled = clean.replace("</main>", never + "\n</main>")
    (site / "stalled.html").write_text(stalled, encoding="utf-8")

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
