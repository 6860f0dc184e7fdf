"""The audit of one site: tools in the browser, language checks, one verdict."""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from i18n_pipeline import timings
from i18n_pipeline.audit.auditor_config import AuditorConfig, apply_accepted
from i18n_pipeline.audit.browser import LAUNCH_ARGS, find_browser
from i18n_pipeline.audit.browser_tools import BrowserRun, EarlyRunner, run_browser_tools
from i18n_pipeline.audit.directions import check_directions
from i18n_pipeline.audit.errors import NoPagesError
from i18n_pipeline.audit.identify import judged, prepare, prepared, release_models, remember
from i18n_pipeline.audit.judgements import PageJudgements
from i18n_pipeline.audit.language_checks import (
    check_declared_language,
    check_hreflang,
    check_text_language,
    language_checks_digest,
    texts_to_judge,
)
from i18n_pipeline.audit.model import Issue, PageResult, SiteLanguages, ToolOutcome, on_page
from i18n_pipeline.audit.node_env import (
    NodeEnvironment,
    default_cache_dir,
    ensure_node_environment,
    lock_digest,
)
from i18n_pipeline.audit.pa11y import AUDIT_PA11Y_OPTIONS, PAGE_TIMEOUT_MS
from i18n_pipeline.audit.pages import Page, discover_pages
from i18n_pipeline.audit.pdf_checks import check_pdf, pdf_checks_digest
from i18n_pipeline.audit.priority import yield_to_browser
from i18n_pipeline.audit.refresh import check_meta_refresh, html_checks_digest
from i18n_pipeline.audit.server import serve
from i18n_pipeline.audit.tags import check_lang_tags, reconcile_htmlcs
from i18n_pipeline.audit.wcag import axe_rule_tags
from i18n_pipeline.cache.results import ResultCache
from i18n_pipeline.timings import stage

logger = logging.getLogger(__name__)

T = TypeVar("T")


#: On a site of unknown languages (every language lingua knows a candidate), the
#: language checks judge this many pages' texts at a time in the order that loads the
#: fewest models (``identify.prepare``); the judgements wait in a bounded cache.
PREPARED_PAGES = 100


#: The stage of a run's profile that is the browser's work (the benchmark sets it
#: against the floor).
BROWSER_STAGE = "audit: browser (one axe run, HTML_CodeSniffer, requests)"


def default_workers() -> int:
    """Pages in flight when no concurrency is given: four per core, at most eight."""
    return max(1, min(8, 4 * (os.cpu_count() or 1)))


@dataclass(frozen=True)
class AuditSettings:
    site: Path
    cache_root: Path  # the audit's results and the Node environment live below it
    fresh: bool = False
    concurrency: int = 0  # 0: suit the machine
    wcag22_gates: bool = False
    page_timeout_ms: int = PAGE_TIMEOUT_MS
    # hreflang alternates across pages; off for a shard, which has one language's pages
    # (the site assembled from the shards is audited with them on)
    alternates: bool = True
    languages: SiteLanguages = field(default_factory=SiteLanguages)
    language_only: bool = False  # no browser: the language, direction and tag checks alone
    earl: bool = False  # also write the EARL report (audit.earl.json)
    # Only these pages (paths below the site), instead of every page found: the ACT test
    # cases are a few files in a folder of assets, some of them HTML
    pages: tuple[str, ...] = ()
    # The auditor's .pa11yci: pa11y's standard, ignore and hideElements, accepted findings
    auditor: AuditorConfig = field(default_factory=AuditorConfig)
    # A runner the caller started before the pages existed (the main job, as it builds):
    # the first run over the pages takes it; the caller closes it
    early: EarlyRunner | None = field(default=None, compare=False)

    @property
    def results_dir(self) -> Path:
        return self.cache_root / "audit"

    @property
    def node_dir(self) -> Path:
        return default_cache_dir(self.cache_root)

    @property
    def workers(self) -> int:
        # Each page waits half a second for its network to settle, and more for the one
        # renderer: four pages per core, at most eight. Measured on the site (62 pages,
        # 2 cores, bench --only-audit-concurrency): 1.07 s a page at 4, 0.94 at 8, 0.92 at 12.
        return self.concurrency or default_workers()


@dataclass
class AuditResult:
    pages: list[PageResult]
    tool_versions: dict[str, str] = field(default_factory=dict)
    browser: str = ""
    language_seconds: float = 0.0  # the language checks' own time (they run beside the browser)
    browser_starts: int = 0  # Chromium launches in this run (0 when every page was cached)

    @property
    def errors(self) -> int:
        return sum(len(p.errors) for p in self.pages)

    @property
    def tool_failures(self) -> list[PageResult]:
        return [p for p in self.pages if p.tool_failure]


def audit_site(settings: AuditSettings) -> AuditResult:
    chosen = settings.pages or settings.auditor.urls
    pages = (
        [
            Page(settings.site / relative, relative, settings.languages.expected.get(relative))
            for relative in chosen
        ]
        if chosen
        else discover_pages(settings.site, settings.languages.expected)
    )
    if not pages:
        raise NoPagesError(
            "no HTML pages to audit",
            path=settings.site,
            hint="build the site first (tox -e site), or pass a directory of .html files",
        )
    browser: Path | None = None
    env: NodeEnvironment | None = None
    versions: dict[str, str] = {}
    if not settings.language_only:
        browser = find_browser()
        env = ensure_node_environment(settings.node_dir)
        versions = env.tool_versions()
    # A result is reused while the tools, the audit's configuration and the page are unchanged.
    decided_by = {
        # The shape of a stored result: 2 since an Issue is a Finding (rule, path, severity).
        "results": 2,
        "tools": versions,
        "runner": "language only" if settings.language_only else lock_digest(),
        "pa11y": {**AUDIT_PA11Y_OPTIONS, **settings.auditor.pa11y_options()},
        "wcag22_gates": settings.wcag22_gates,
        "launch": list(LAUNCH_ARGS),
        "language_checks": language_checks_digest(settings.languages),
        "pdf_checks": pdf_checks_digest(),
        "html_checks": html_checks_digest(),
    }
    cache = ResultCache(settings.results_dir, json.dumps(decided_by, sort_keys=True))
    keys = {
        page.relative: cache.key(page.relative, page.content_hash(settings.site)) for page in pages
    }
    page_issues: dict[str, list[Issue]] = {}
    if not settings.fresh:
        for page in pages:
            cached = cache.load(keys[page.relative], Issue.from_json)
            if cached is not None:
                page_issues[page.relative] = cached
    reused = set(page_issues)
    to_run = [page for page in pages if page.relative not in reused]
    logger.info(
        "auditing %d page(s): %d to check, %d unchanged (cached); %s",
        len(pages),
        len(to_run),
        len(reused),
        f"browser {browser}; concurrency {settings.workers}" if browser else "language only",
    )

    failures: dict[str, str] = {}
    tool_issues: dict[str, list[Issue]] = {}
    language_issues: dict[str, list[Issue]] = {}
    language_seconds = 0.0
    browser_starts = 0
    check_pdfs = not settings.language_only and not chosen
    pdf_results: list[PageResult] | None = None
    judgements = PageJudgements(cache, settings.fresh)
    if to_run and env is not None and browser is not None:
        # The browser is a separate process: meanwhile, this one reads axe's rule
        # metadata, runs the language checks (loading their model takes a while) and
        # checks the PDFs (no browser reads them), at a priority below the browser's.
        by_page = {page.relative: page for page in pages}
        # Each job waits for the browser's process: a thread that went straight into its
        # imports held the GIL while this one was still starting the browser (half a
        # second later, on 2 cores).
        browser_started = threading.Event()
        with ThreadPoolExecutor(max_workers=3, initializer=yield_to_browser) as pool:

            def beside(work: Callable[..., T], *arguments: Any) -> Future[T]:
                return pool.submit(_after, browser_started, work, *arguments)

            beside(axe_rule_tags, env)
            language = beside(timed_language_issues, to_run, settings.languages, judgements)
            pdfs = beside(_pdfs_beside, settings, cache, by_page) if check_pdfs else None
            try:
                with (
                    serve(settings.site) as base_url,
                    stage(BROWSER_STAGE),
                ):
                    tool_issues, failures, browser_starts = _run_tools(
                        env, to_run, base_url, browser, settings, browser_started.set
                    )
            finally:
                browser_started.set()  # the browser failed to start: the jobs still end
            language_issues, language_seconds = language.result()
            pdf_results = pdfs.result() if pdfs is not None else None
        timings.add("audit: language checks (beside the browser)", language_seconds)
    elif to_run:
        language_issues, language_seconds = timed_language_issues(
            to_run, settings.languages, judgements
        )
        timings.add("audit: language checks", language_seconds)
    for page in to_run:
        root = page.root
        tools = reconcile_htmlcs(tool_issues.get(page.relative, []), root)
        own = language_issues[page.relative] + check_meta_refresh(root)
        issues = on_page(tools + own, page.relative)
        page_issues[page.relative] = issues
        if page.relative not in failures:
            cache.store(keys[page.relative], (issue.as_json() for issue in issues))

    # Alternates span pages: checked on every run, it is cheap.
    hreflang = check_hreflang(pages, settings.site) if settings.alternates else {}
    results = [
        PageResult(
            page.relative,
            page.relative,
            page.language,
            page_issues[page.relative] + on_page(hreflang.get(page.relative, []), page.relative),
            cached=page.relative in reused,
            tool_failure=failures.get(page.relative, ""),
            cache_key=keys[page.relative],
        )
        for page in pages
    ]
    if check_pdfs and pdf_results is None:
        with stage("audit: PDF checks"):
            pdf_results = _audit_pdfs(settings, cache, {page.relative: page for page in pages})
    results += pdf_results or []
    # After the cache: an acceptance expires by the calendar, not by the page.
    apply_accepted(results, settings.auditor.accepted, datetime.date.today())
    return AuditResult(results, versions, str(browser or ""), language_seconds, browser_starts)


def _pdfs_beside(
    settings: AuditSettings, cache: ResultCache, pages: dict[str, Page]
) -> list[PageResult]:
    with stage("audit: PDF checks (beside the browser)"):
        return _audit_pdfs(settings, cache, pages)


def _audit_pdfs(
    settings: AuditSettings, cache: ResultCache, pages: dict[str, Page]
) -> list[PageResult]:
    """Every PDF of the site, checked against the page beside it that it prints
    (``index.html``); cached by the bytes of both, like the pages."""
    results = []
    for path in sorted(settings.site.rglob("*.pdf")):
        relative = path.relative_to(settings.site).as_posix()
        page = pages.get(f"{relative.rsplit('/', 1)[0]}/index.html" if "/" in relative else "")
        digest = hashlib.sha256(path.read_bytes())
        digest.update(page.source if page else b"")
        key = cache.key(relative, digest.hexdigest())
        cached = None if settings.fresh else cache.load(key, Issue.from_json)
        issues = cached
        if issues is None:
            issues = on_page(
                check_pdf(path, page.path if page else None, page.language if page else None),
                relative,
            )
            cache.store(key, (issue.as_json() for issue in issues))
        language = page.language if page else None
        results.append(
            PageResult(
                relative, relative, language, issues, cached=cached is not None, cache_key=key
            )
        )
    return results


def page_language_issues(page: Page, site: SiteLanguages) -> list[Issue]:
    """The language and direction checks that look at one page only (cached with the
    tools' results)."""
    root = page.root
    return (
        check_declared_language(root, page.language)
        + check_lang_tags(root)
        + check_directions(root)
        + check_text_language(root, site)
    )


def timed_language_issues(
    pages: list[Page], site: SiteLanguages, judgements: PageJudgements | None = None
) -> tuple[dict[str, list[Issue]], float]:
    """Every page's language issues, and how long they took (the benchmark's share). With
    ``judgements``, the texts a page's last audit judged are not judged again."""
    started = time.perf_counter()
    issues: dict[str, list[Issue]] = {}
    try:
        for first in range(0, len(pages), PREPARED_PAGES):
            batch = pages[first : first + PREPARED_PAGES]
            if judgements is not None:
                remember({c: j for p in batch for c, j in judgements.earlier(p.relative).items()})
            asked = {}
            if not site.languages:  # a site run's few languages need no order
                asked = {page.relative: list(texts_to_judge(page.root, site)) for page in batch}
                prepare(text for texts in asked.values() for text in texts)
            for page in batch:
                issues[page.relative] = page_language_issues(page, site)
                if judgements is not None:
                    own = prepared(asked.get(page.relative, [])) | judged()
                    judgements.keep(page.relative, own)
    finally:
        remember({})
        release_models()
    return issues, time.perf_counter() - started


def _run_tools(
    env: NodeEnvironment,
    pages: list[Page],
    base_url: str,
    browser: Path,
    settings: AuditSettings,
    started: Callable[[], None] | None = None,
) -> tuple[dict[str, list[Issue]], dict[str, str], int]:
    """pa11y and the probe over ``pages`` in one browser; a page a tool fails on is
    retried alone, in a fresh browser. Returns issues and failures by page, and how
    many times Chromium was started; ``started`` is called when the runner's process
    exists."""
    url_of = {page.relative: base_url + page.relative for page in pages}
    relative_of = {url: relative for relative, url in url_of.items()}
    urls = list(url_of.values())

    def run(batch: list[str], workers: int, early: EarlyRunner | None = None) -> BrowserRun:
        return run_browser_tools(
            env,
            batch,
            browser,
            base_url.rstrip("/"),
            workers,
            settings.wcag22_gates,
            settings.page_timeout_ms,
            settings.auditor.pa11y_options(),
            started,
            early,
        )

    logger.info(
        "  pa11y (axe + htmlcs) and the browser probe (requests to other hosts, "
        "WCAG 2.2) on %d page(s), in one browser",
        len(urls),
    )
    first = run(urls, settings.workers, settings.early)
    starts = first.browser_starts
    found: dict[str, list[Issue]] = {url: [] for url in urls}
    failures: dict[str, str] = {}
    for url in urls:
        outcomes = _by_tool(first)
        failed = {name: o.failures[url] for name, o in outcomes.items() if url in o.failures}
        if failed:
            for name, reason in failed.items():
                logger.info(
                    "  %s failed on %s (%s); retrying it alone, in a fresh browser",
                    name,
                    relative_of[url],
                    reason[:80],
                )
            retry = run([url], 1)
            starts += retry.browser_starts
            outcomes |= {name: _by_tool(retry)[name] for name in failed}
        for name, outcome in outcomes.items():
            if url in outcome.issues:
                found[url] += outcome.issues[url]
            else:
                reason = outcome.failures.get(url, failed.get(name, ""))
                failures.setdefault(url, f"{name}: {reason}")
    result = {relative_of[url]: found[url] for url in urls if url not in failures}
    return result, {relative_of[url]: reason for url, reason in failures.items()}, starts


def _after(started: threading.Event, work: Callable[..., T], *arguments: Any) -> T:
    """``work(*arguments)``, once ``started`` is set."""
    started.wait()
    return work(*arguments)


def _by_tool(run: BrowserRun) -> dict[str, ToolOutcome]:
    return {"pa11y": run.pa11y, "browser probe": run.probe}
