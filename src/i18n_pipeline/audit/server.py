"""Serve a directory on 127.0.0.1 at a free port, for as long as the audit runs."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from socket import socket
from typing import Any

#: How often the server's thread looks whether it should stop: leaving ``serve`` waits
#: for that look (socketserver's default, half a second, was the audit's last wait).
STOP_POLL_SECONDS = 0.02


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    """A browser that closes a connection early (a favicon it stopped waiting for) is
    no error of the audit; anything else is still printed."""

    def handle_error(self, request: socket | tuple[bytes, socket], client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):  # BrokenPipe, ConnectionReset
            return
        super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Yield the base URL (``http://127.0.0.1:PORT/``) of ``directory``."""
    handler = partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": STOP_POLL_SECONDS}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
