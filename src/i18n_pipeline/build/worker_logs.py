"""Log records of worker processes, handed to the parent's handlers.

A language builds in a worker process. A record logged there would reach only the
handlers the worker inherited (none at all under the spawn start method): lost to a
test's ``caplog``, or written past the parent's redirected stdout. Each worker sends
its records through a queue instead, and the parent hands them to its own loggers.
This is the logging cookbook's recipe for process pools (``QueueHandler``,
``QueueListener``, a ``Manager`` queue, which a worker killed mid-write cannot jam).
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterator
from contextlib import contextmanager
from logging.handlers import QueueHandler, QueueListener
from queue import Queue
from typing import Any

PACKAGE = "i18n_pipeline"


@contextmanager
def forwarded_logs() -> Iterator[dict[str, Any]]:
    """``ProcessPoolExecutor`` options (``initializer``, ``initargs``) whose workers log
    through this process; every record has arrived when the block ends."""
    with multiprocessing.Manager() as manager:
        queue: Queue[logging.LogRecord] = manager.Queue(-1)
        listener = QueueListener(queue, _Replay())
        listener.start()
        try:
            level = logging.getLogger(PACKAGE).getEffectiveLevel()
            yield {"initializer": _log_to, "initargs": (queue, level)}
        finally:
            listener.stop()


def _log_to(queue: Queue[logging.LogRecord], level: int) -> None:
    """In a worker: the package's records at ``level`` and above go to ``queue``, and
    nowhere else (not to handlers inherited by fork)."""
    package = logging.getLogger(PACKAGE)
    for handler in list(package.handlers):
        package.removeHandler(handler)
    package.addHandler(QueueHandler(queue))
    package.setLevel(level)
    package.propagate = False


class _Replay(logging.Handler):
    """In the parent: a worker's record goes to the logger it was logged on, as if
    logged here (the worker has applied the level already)."""

    def emit(self, record: logging.LogRecord) -> None:
        logging.getLogger(record.name).handle(record)
