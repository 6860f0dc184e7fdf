"""The audit's own work beside the browser yields the CPU to the browser.

Chromium runs the renderers of background tabs at a lower priority (nice 5 on Linux,
seen with ``ps`` during an audit, ``--disable-renderer-backgrounding`` notwithstanding),
and most of an audit's tabs are in the background. The language and PDF checks, Python
threads at the default priority beside it, took CPU time from those renderers, and the
browser is most of an audit. At ``BESIDE_NICENESS`` below the run's own priority those
threads get what the browser leaves; they still end before it.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading

#: How many steps of nice the work beside the browser runs below the run itself.
BESIDE_NICENESS = 10
#: The lowest priority Linux has.
LOWEST = 19


def yield_to_browser() -> None:
    """Lower the calling thread's priority by ``BESIDE_NICENESS`` (a thread pool's
    initializer). Linux keeps a nice value per thread; elsewhere the call would change
    the whole process, so it does nothing there. Lowering a priority needs no rights."""
    if not sys.platform.startswith("linux"):
        return
    thread = threading.get_native_id()
    with contextlib.suppress(OSError):
        own = os.getpriority(os.PRIO_PROCESS, thread)
        os.setpriority(os.PRIO_PROCESS, thread, min(LOWEST, own + BESIDE_NICENESS))
