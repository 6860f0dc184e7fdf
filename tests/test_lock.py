"""Same inputs, same result on any machine: every environment installs uv.lock.

The lock is what CI, the tox environments and the GitLab jobs install; only the
canary (`tox -e latest`) takes the newest releases, and says which package moved.
"""

from __future__ import annotations

import configparser
import importlib.util
import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
LOCK = tomllib.loads((REPO / "uv.lock").read_text(encoding="utf-8"))
LOCKED = {(p["name"], p["version"]) for p in LOCK["package"] if "version" in p}


def _tox_environments() -> dict[str, configparser.SectionProxy]:
    config = configparser.ConfigParser(interpolation=None)
    config.read(REPO / "tox.ini", encoding="utf-8")
    return {
        ("py" if name == "testenv" else name.removeprefix("testenv:")): config[name]
        for name in config.sections()
        if name.startswith("testenv")
    }


def _runner(section: configparser.SectionProxy) -> str:
    """The environment's runner, as tox resolves it: its own, else [testenv]'s."""
    value = section.get("runner", "") or _tox_environments()["py"].get("runner", "")
    return "uv-venv-lock-runner" if value == "{[pipeline]runner}" else value


@pytest.mark.parametrize("name", sorted(set(_tox_environments()) - {"latest"}))
def test_every_tox_environment_but_the_canary_installs_the_lock(name: str) -> None:
    section = _tox_environments()[name]
    assert _runner(section) == "uv-venv-lock-runner", name
    assert "deps" not in section, f"{name}: deps bypass the lock"


def test_the_canary_resolves_the_newest_releases_and_names_what_moved() -> None:
    canary = _tox_environments()["latest"]
    assert canary["runner"] == "uv-venv-runner"
    assert canary["uv_resolution"] == "highest"
    assert "scripts/lock_drift.py" in canary["commands"]
    assert "i18n-pipeline check" in canary["commands"]


def test_ci_installs_tox_from_the_lock_with_hashes_and_runs_the_readme_command() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet --require-hashes -r .ci/tox-requirements.txt" in script
    assert re.search(r"^python3 -m tox$", script, re.MULTILINE)
    assert "pip install tox" not in script and "tox>=" not in script


def test_the_ci_requirements_pin_exactly_the_locked_versions_with_hashes() -> None:
    text = (REPO / ".ci" / "tox-requirements.txt").read_text(encoding="utf-8")
    pins = re.findall(r"^([A-Za-z0-9_.-]+)==([^ ;\\\n]+)", text, re.MULTILINE)
    assert {name for name, _ in pins} >= {"tox", "tox-uv", "uv"}
    for name, pinned in pins:
        assert (name, pinned) in LOCKED, f"{name}=={pinned} is not in uv.lock"
    assert text.count("--hash=sha256:") >= len(pins)


def test_the_gitlab_jobs_install_the_lock() -> None:
    job = (REPO / ".ci" / "gitlab-job").read_text(encoding="utf-8")
    assert "uv sync --locked" in job
    assert "pip install --quiet ." not in job


def test_the_scheduled_drift_job_runs_the_canary() -> None:
    ci = (REPO / ".gitlab-ci.yml").read_text(encoding="utf-8")
    canary = ci.split("\ncanary:\n", 1)[1]
    assert '$CI_PIPELINE_SOURCE == "schedule"' in canary
    assert "tox -e latest" in canary


def test_the_drift_report_names_each_package_that_moved(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("lock_drift", REPO / "scripts/lock_drift.py")
    assert spec and spec.loader
    lock_drift = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lock_drift)
    lock = tmp_path / "uv.lock"
    lock.write_text(
        'version = 1\n[[package]]\nname = "Babel"\nversion = "0.0.1"\n'
        '[[package]]\nname = "pytest"\nversion = "' + pytest.__version__ + '"\n',
        encoding="utf-8",
    )
    import babel

    assert lock_drift.drift(lock) == [f"babel: locked 0.0.1, here {babel.__version__}"]
