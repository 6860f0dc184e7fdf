"""Requests the audit's own server never answers: a named pipe in the audited site is
served once something writes to it, and nothing does until it is released."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def never_answered(pipes: list[Path]) -> Iterator[None]:
    """``pipes`` made named pipes for the block: a request for one waits until the block
    ends, and is then answered (empty)."""
    for pipe in pipes:
        os.mkfifo(pipe)
    try:
        yield
    finally:
        release(pipes)


def release(pipes: list[Path]) -> None:
    """Answer every request still blocked on one of ``pipes`` (end of file)."""
    for pipe in pipes:
        with contextlib.suppress(OSError):  # nobody reading: nothing to release
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
