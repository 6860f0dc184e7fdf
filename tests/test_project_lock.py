"""The project lock goes with the run that took it: a run that dies frees it at once,
even while a process it forked (a build worker) lives on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from i18n_pipeline.lock import project_lock
from i18n_pipeline.project import Project

#: Takes the lock, forks a worker that outlives it, and dies without unlocking, as a
#: killed run does.
DIE_HOLDING_THE_LOCK = """
import multiprocessing, os, sys, time
from pathlib import Path
from i18n_pipeline.lock import project_lock
from i18n_pipeline.project import Project

def work(started):
    Path(started).write_text("")  # after the fork's own steps
    time.sleep(60)

with project_lock(Project(Path(sys.argv[1])), exclusive=True):
    started = Path(sys.argv[2] + ".started")
    worker = multiprocessing.get_context("fork").Process(target=work, args=(started,))
    worker.start()
    while not started.exists():
        time.sleep(0.01)
    Path(sys.argv[2]).write_text(str(worker.pid))
    os._exit(0)
"""


def test_a_run_that_dies_frees_the_lock_though_its_worker_lives_on(tmp_path: Path) -> None:
    pid_file = tmp_path / "worker.pid"
    subprocess.run(  # no pipes: the worker would hold them open
        [sys.executable, "-c", DIE_HOLDING_THE_LOCK, str(tmp_path), str(pid_file)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    worker = int(pid_file.read_text())
    try:
        os.kill(worker, 0)  # still there

        with project_lock(Project(tmp_path), exclusive=True):
            pass
    finally:
        os.kill(worker, signal.SIGKILL)
