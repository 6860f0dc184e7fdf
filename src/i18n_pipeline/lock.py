"""One lock for every command that reads or writes the project.

Commands that write (``site``, ``build``, ``update``, ``audit`` of the project's
own site) hold it exclusively; commands that only read the translations
(``check``, ``stats``, ``preview``) share it. So ``update`` never rewrites a PO
file while it is being checked or built, and two builds never interleave.

``filelock`` has no shared mode, so this uses ``flock(2)`` directly; the kernel
releases it when a process dies, so a killed run never blocks the next one. A lock
of ``flock`` is shared with every process forked while it is held (the build's
workers start before the check), so each of them closes its copy at once: the lock
goes with the run that took it, even if a worker lingers.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager

from i18n_pipeline.errors import BuildLockedError
from i18n_pipeline.project import Project

#: The descriptors of the locks this process holds now.
_held: set[int] = set()


def _close_in_child() -> None:
    """In a forked child: its copies of the parent's locks, closed (not unlocked: that
    would unlock the parent's too)."""
    for descriptor in _held:
        os.close(descriptor)
    _held.clear()


os.register_at_fork(after_in_child=_close_in_child)


@contextmanager
def project_lock(project: Project, *, exclusive: bool) -> Iterator[None]:
    """Hold the project lock (exclusive or shared) or fail at once, naming what to do."""
    project.build_dir.mkdir(parents=True, exist_ok=True)
    path = project.build_dir / ".pipeline.lock"
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        raise BuildLockedError(
            "another pipeline run is building this project right now"
            if exclusive
            else "another pipeline command is changing this project right now",
            path=path,
            hint="wait for it to finish (or stop it, a preview too), then run again",
        ) from None
    _held.add(descriptor)
    try:
        yield
    finally:
        if descriptor in _held:  # else this is a forked child, which closed its copy
            _held.discard(descriptor)
            fcntl.flock(descriptor, fcntl.LOCK_UN)
            os.close(descriptor)
