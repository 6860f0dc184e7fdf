"""One run of the audit's browser tools (``node/audit.cjs``): one Chromium for every page.

In that browser each page is loaded once, in one tab, and gets pa11y (one axe run
for WCAG 2.0 to 2.2 A and AA, and HTML_CodeSniffer, through pa11y's own API as
pa11y-ci calls it) while the probe records its requests to other hosts. Chromium
starts once per run, whatever the page count; each page is loaded once.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from i18n_pipeline.audit.browser import find_browser, launch_args
from i18n_pipeline.audit.errors import BrowserNotFoundError, NodeSetupError
from i18n_pipeline.audit.model import ToolOutcome
from i18n_pipeline.audit.node_env import (
    NodeEnvironment,
    ToolTimeoutError,
    default_cache_dir,
    ensure_node_environment,
    finish_node_tool,
    start_node_tool,
    time_limit,
)
from i18n_pipeline.audit.pa11y import AUDIT_PA11Y_OPTIONS, PAGE_TIMEOUT_MS, read_report
from i18n_pipeline.audit.probe import read_probe
from i18n_pipeline.audit.wcag import WCAG22_TAGS, axe_rule_tags
from i18n_pipeline.io import write_json

RUNNER = "audit.cjs"


@dataclass(frozen=True)
class BrowserRun:
    """What both tools found in one run, and how many times it started Chromium."""

    pa11y: ToolOutcome
    probe: ToolOutcome
    browser_starts: int


class EarlyRunner:
    """``node/audit.cjs`` started before its pages exist: Node loads pa11y and puppeteer,
    and Chromium starts, while the main job still builds the pages. The pages follow on
    the runner's input (:func:`run_browser_tools`); :meth:`close` ends a runner that got
    none (its browser then audited nothing)."""

    def __init__(self, env: NodeEnvironment, browser: Path) -> None:
        self.env, self.browser = env, browser
        self._scratch = tempfile.TemporaryDirectory(prefix="audit-runner-")
        launch = Path(self._scratch.name) / "launch.json"
        launching = {"executablePath": str(browser), "args": list(launch_args())}
        write_json(launch, {**launching, "wcag22Tags": WCAG22_TAGS})
        self._process: subprocess.Popen[str] | None = start_node_tool(
            env, [str(env.app_dir / RUNNER), "-", str(launch)], stdin=True
        )

    def take(self, env: NodeEnvironment, browser: Path) -> subprocess.Popen[str] | None:
        """The runner's process, once, if it runs ``browser`` from ``env``."""
        process, self._process = self._process, None
        if process is not None and (env, browser) != (self.env, self.browser):
            self._process = process
            return None
        return process

    def close(self) -> None:
        """End the runner if nothing took it: no pages, so it stops its browser and exits."""
        process, self._process = self._process, None
        if process is not None:
            finish_node_tool(process, time_limit(0, 1, 0), "")
        self._scratch.cleanup()


def start_early_runner(cache_root: Path) -> EarlyRunner | None:
    """An :class:`EarlyRunner` in the audit's Node environment below ``cache_root``, with
    its browser; None where either is missing: the audit then says which, as it would."""
    try:
        env = ensure_node_environment(default_cache_dir(cache_root))
        browser = find_browser()
    except (BrowserNotFoundError, NodeSetupError):
        return None
    return EarlyRunner(env, browser)


def runner_config(
    urls: list[str],
    browser: Path,
    local_origin: str,
    concurrency: int,
    page_timeout_ms: int = PAGE_TIMEOUT_MS,
    pa11y_options: dict[str, object] | None = None,
) -> dict[str, object]:
    """What ``node/audit.cjs`` is told: the pages, the browser, pa11y's options, and the
    WCAG 2.2 tags its one axe run per page asks for beside pa11y's."""
    return {
        **AUDIT_PA11Y_OPTIONS,
        **(pa11y_options or {}),
        "urls": urls,
        "executablePath": str(browser),
        "args": list(launch_args()),
        "localOrigin": local_origin,
        "wcag22Tags": WCAG22_TAGS,
        "timeout": page_timeout_ms,
        "concurrency": concurrency,
    }


def run_browser_tools(
    env: NodeEnvironment,
    urls: list[str],
    browser: Path,
    local_origin: str,
    concurrency: int,
    wcag22_gates: bool,
    page_timeout_ms: int = PAGE_TIMEOUT_MS,
    pa11y_options: dict[str, object] | None = None,
    started: Callable[[], None] | None = None,
    early: EarlyRunner | None = None,
) -> BrowserRun:
    """pa11y and the probe over ``urls`` in one browser (``node/audit.cjs``): ``early``'s,
    if it has one for this browser, else a runner started here; ``started`` is called once
    the runner's process exists."""
    config = runner_config(urls, browser, local_origin, concurrency, page_timeout_ms, pa11y_options)
    # pa11y's load and its runners, each bounded by the timeout
    limit = time_limit(2 * len(urls), concurrency, page_timeout_ms)
    process = early.take(env, browser) if early is not None else None
    with tempfile.TemporaryDirectory(prefix="audit-runner-") as scratch:
        given = None
        if process is None:
            config_file = Path(scratch) / "config.json"
            write_json(config_file, config)
            process = start_node_tool(env, [str(env.app_dir / RUNNER), str(config_file)])
        else:
            given = json.dumps(config)
        if started is not None:
            started()
        try:
            completed = finish_node_tool(process, limit, given)
        except ToolTimeoutError as stopped:
            return _failed(urls, str(stopped))
    if completed.returncode != 0:
        reason = completed.stderr.strip().splitlines()[:1] or [f"{RUNNER} failed"]
        return _failed(urls, reason[0])
    output = json.loads(completed.stdout)
    return BrowserRun(
        pa11y=read_report(output["pa11y"], urls, axe_rule_tags(env), wcag22_gates),
        probe=read_probe(output["probe"]["results"], urls),
        browser_starts=int(output["browserStarts"]),
    )


def _failed(urls: list[str], reason: str) -> BrowserRun:
    """No results at all: every page is a failure of both tools. Whether Chromium
    started is unknown; the run counts as one start (it was the runner's first step)."""
    failed = ToolOutcome({}, {url: reason for url in urls})
    return BrowserRun(failed, failed, browser_starts=1)
