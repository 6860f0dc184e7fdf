"""The audit's own work beside the browser (the language and PDF checks) runs at a
lower priority than the browser's background renderers, and the rest of the run keeps
its own; it begins once the browser's process exists, so that it does not hold up the
browser's start."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from conftest import node_cache_for_tests
from i18n_pipeline.audit import browser_tools, run
from i18n_pipeline.audit.model import Issue, SiteLanguages
from i18n_pipeline.audit.pages import Page
from i18n_pipeline.audit.priority import BESIDE_NICENESS, LOWEST, yield_to_browser
from i18n_pipeline.audit.run import AuditSettings, audit_site

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="a nice value per thread is Linux's"
)


def this_threads_priority() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_a_thread_that_yields_to_the_browser_runs_lower_and_no_other_does() -> None:
    own = this_threads_priority()

    with ThreadPoolExecutor(max_workers=1, initializer=yield_to_browser) as pool:
        beside = pool.submit(this_threads_priority).result()
    with ThreadPoolExecutor(max_workers=1) as pool:
        elsewhere = pool.submit(this_threads_priority).result()

    assert beside == min(LOWEST, own + BESIDE_NICENESS) > own
    assert elsewhere == this_threads_priority() == own


def audit_one_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> run.AuditResult:
    """A fresh audit, in a real browser, of a site of one clean page."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Berlin</title>'
        "</head><body><main><h1>Berlin</h1><p>We publish this declaration.</p></main>"
        "</body></html>",
        encoding="utf-8",
    )
    monkeypatch.setenv("I18N_PIPELINE_NODE_CACHE", str(node_cache_for_tests()))
    return audit_site(AuditSettings(site=site, cache_root=tmp_path / "cache", fresh=True))


def when_the_language_checks_begin(
    monkeypatch: pytest.MonkeyPatch, note: Callable[[], None]
) -> None:
    """``note()`` is called as the audit's language checks begin, in their thread."""
    checks = run.timed_language_issues

    def noting(
        pages: list[Page], site: SiteLanguages, *rest: Any
    ) -> tuple[dict[str, list[Issue]], float]:
        note()
        return checks(pages, site, *rest)

    monkeypatch.setattr(run, "timed_language_issues", noting)


@pytest.mark.slow
def test_the_language_checks_beside_the_browser_run_below_the_audits_priority(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    priorities: list[int] = []
    when_the_language_checks_begin(monkeypatch, lambda: priorities.append(this_threads_priority()))
    own = this_threads_priority()

    result = audit_one_page(tmp_path, monkeypatch)

    assert result.browser_starts == 1  # the browser ran, so the checks ran beside it
    assert priorities == [min(LOWEST, own + BESIDE_NICENESS)]
    assert this_threads_priority() == own


@pytest.mark.slow
def test_the_work_beside_the_browser_begins_once_the_browsers_process_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    happened: list[str] = []
    when_the_language_checks_begin(monkeypatch, lambda: happened.append("language checks begin"))
    starting = browser_tools.start_node_tool

    def start(*arguments: Any, **options: Any) -> Any:
        process = starting(*arguments, **options)
        happened.append("runner's process exists")
        return process

    monkeypatch.setattr(browser_tools, "start_node_tool", start)

    result = audit_one_page(tmp_path, monkeypatch)

    assert result.browser_starts == 1
    assert happened == ["runner's process exists", "language checks begin"]
