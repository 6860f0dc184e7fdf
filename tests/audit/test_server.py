"""The audit's local server: a browser that hangs up early is no error worth a traceback."""

from __future__ import annotations

import socket
import struct
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from i18n_pipeline.audit.server import serve


def test_a_client_that_hangs_up_mid_response_prints_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "big.bin").write_bytes(b"x" * 20_000_000)
    with serve(tmp_path) as base:
        address = urlsplit(base)
        client = socket.create_connection((address.hostname, address.port))
        client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        client.recv(1024)
        # Close with a reset, as a browser tab that is closed does.
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()
        time.sleep(0.5)  # the server's thread meets the closed connection

    assert capsys.readouterr().err == ""


def test_the_served_directory_is_reachable(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>hi</p>", encoding="utf-8")
    with serve(tmp_path) as base:
        address = urlsplit(base)
        with socket.create_connection((address.hostname, address.port)) as client:
            client.sendall(b"GET /page.html HTTP/1.0\r\n\r\n")
            answer = b"".join(iter(lambda: client.recv(4096), b""))

    assert answer.startswith(b"HTTP/1.0 200") and answer.endswith(b"<p>hi</p>")
