"""Where a run's seconds go, stage by stage: the benchmark's profile.

Each stage adds its wall time here as it ends; a language build's worker process
hands its own stages back with its result. With ``I18N_PIPELINE_PROFILE`` set to a
file name, the command writes them there as JSON when it ends (the benchmark sets
it). Stages that run side by side (the language builds, the language checks beside
the browser) overlap: their seconds do not add up to the run's.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from i18n_pipeline.io import write_json

PROFILE_VARIABLE = "I18N_PIPELINE_PROFILE"

_stages: list[tuple[str, float]] = []


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Time the block as the stage ``name`` (its time counts even when it fails)."""
    started = time.perf_counter()
    try:
        yield
    finally:
        add(name, time.perf_counter() - started)


def add(name: str, seconds: float) -> None:
    _stages.append((name, round(seconds, 3)))


def take() -> list[tuple[str, float]]:
    """This process's stages so far, and a fresh start."""
    taken = list(_stages)
    _stages.clear()
    return taken


def write_profile() -> Path | None:
    """The stages to the file ``I18N_PIPELINE_PROFILE`` names, if it names one."""
    target = os.environ.get(PROFILE_VARIABLE)
    if not target:
        return None
    stages = [{"stage": name, "seconds": seconds} for name, seconds in take()]
    write_json(Path(target), {"stages": stages})
    return Path(target)
