"""Find a Chromium or Chrome to audit with; never download one.

Order: ``I18N_PIPELINE_BROWSER`` (a path), then a system browser on PATH, then
a browser puppeteer downloaded earlier (``~/.cache/puppeteer``). None found is
an error with its own exit code and the ways to get one. ``BrowserStartLog``
counts the starts of a browser, for the benchmark and the tests.
"""

from __future__ import annotations

import os
import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path

from i18n_pipeline.audit.errors import BrowserNotFoundError

BROWSER_VARIABLE = "I18N_PIPELINE_BROWSER"
SYSTEM_BROWSERS = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
)
#: For CI and root: no sandbox (it needs user namespaces), and no traffic of
#: Chromium's own (updates, sync, field trials) that would leave the machine. A tab
#: audits one page after another: no back/forward cache keeps the pages it left alive.
LAUNCH_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
    "--disable-quic",
    "--metrics-recording-only",
    "--disable-features=BackForwardCache",
)


def launch_args() -> tuple[str, ...]:
    """``LAUNCH_ARGS``, and as many renderer processes for the audited tabs as the
    machine has cores (at least two). Every audited page comes from one origin: a
    renderer per tab costs memory and switching, and one renderer for them all
    (``--process-per-site``) runs every page's scripts, axe's included, on one core.
    The results do not depend on it, so it is not part of the audit's cache key."""
    return (*LAUNCH_ARGS, f"--renderer-process-limit={max(2, os.cpu_count() or 1)}")


def puppeteer_cache() -> Path:
    return Path(os.environ.get("PUPPETEER_CACHE_DIR") or Path.home() / ".cache" / "puppeteer")


def find_browser(environ: dict[str, str] | None = None, search_path: str | None = None) -> Path:
    environ = dict(os.environ) if environ is None else environ
    configured = environ.get(BROWSER_VARIABLE)
    if configured:
        path = Path(configured)
        if path.is_file() and os.access(path, os.X_OK):
            return path
        raise BrowserNotFoundError(
            f"{BROWSER_VARIABLE} points to {configured}, which is not an executable file",
            hint=f"set {BROWSER_VARIABLE} to the path of chromium or chrome, or unset it",
        )
    for name in SYSTEM_BROWSERS:
        found = shutil.which(
            name, path=search_path if search_path is not None else environ.get("PATH")
        )
        if found:
            return Path(found)
    downloaded = sorted(puppeteer_cache().glob("chrome*/*/chrome-*/chrome*"), reverse=True)
    for candidate in downloaded:
        if (
            candidate.is_file()
            and os.access(candidate, os.X_OK)
            and candidate.name in ("chrome", "chrome-headless-shell")
        ):
            return candidate
    raise BrowserNotFoundError(
        "no Chromium or Chrome found for the accessibility audit",
        hint="install one: 'apt-get install chromium' (Debian/Ubuntu), or "
        "'npx puppeteer browsers install chrome'; or point "
        f"{BROWSER_VARIABLE} at an existing chrome/chromium binary",
    )


@dataclass(frozen=True)
class BrowserStartLog:
    """Counts Chromium starts as the operating system sees them.

    ``wrapper``, set as the audit's browser (``I18N_PIPELINE_BROWSER``), appends its
    process id to ``log`` and then becomes the real browser (``exec``): one line per
    start, whoever started it, with no process added to the tree.
    """

    wrapper: Path
    log: Path

    @classmethod
    def install(cls, directory: Path, real_browser: Path) -> BrowserStartLog:
        directory.mkdir(parents=True, exist_ok=True)
        log = directory / "browser-starts.log"
        wrapper = directory / "chromium"
        wrapper.write_text(
            f'#!/bin/sh\necho "$$" >> {shlex.quote(str(log))}\n'
            f'exec {shlex.quote(str(real_browser))} "$@"\n'
        )
        wrapper.chmod(0o755)
        log.touch()
        return cls(wrapper, log)

    def take(self) -> int:
        """Starts since the last call."""
        starts = len(self.log.read_text().split())
        self.log.write_text("")
        return starts
