"""``i18n-pipeline audit [SITE_DIR]``: audit every page, write the reports, give one verdict.

Exit codes (:class:`~i18n_pipeline.errors.ExitCode`): 0 no accessibility errors;
1 accessibility errors; 6 a tool failed on some pages even when retried (no
verdict for them); 7 no browser found; 8 the Node environment could not be set
up; 9 no pages to audit; 4 not in a project and no SITE_DIR given.

The browser is taken from ``I18N_PIPELINE_BROWSER`` if set, else a Chromium or
Chrome on PATH, else one puppeteer downloaded earlier.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from i18n_pipeline.audit.act_map import load_act_map
from i18n_pipeline.audit.auditor_config import AuditorConfig, read_config
from i18n_pipeline.audit.earl import all_checks, earl_report, page_uri, write_earl
from i18n_pipeline.audit.explain import explain_page
from i18n_pipeline.audit.model import Issue, SiteLanguages
from i18n_pipeline.audit.pa11y import PAGE_TIMEOUT_MS
from i18n_pipeline.audit.report import summary_table, verdict, write_html, write_json
from i18n_pipeline.audit.run import AuditResult, AuditSettings, audit_site
from i18n_pipeline.cache.results import user_cache_root
from i18n_pipeline.errors import ExitCode, PipelineError, ProjectLayoutError
from i18n_pipeline.lock import project_lock
from i18n_pipeline.project import Project
from i18n_pipeline.text.printable import printable

DESCRIPTION = __doc__.split("\n\n")[0]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The audit's arguments, on its sub-command of the one command line (cli.py)."""
    parser.add_argument(
        "site",
        nargs="?",
        type=Path,
        default=None,
        help="directory of HTML pages (default: the project's _build/site)",
    )
    parser.add_argument(
        "--reports",
        type=Path,
        default=None,
        help="where audit.json and audit.html go (default: _build/reports; for another "
        "site _build/reports/other-sites/NAME, or ./audit-report outside a checkout)",
    )
    parser.add_argument(
        "--fresh", action="store_true", help="ignore cached results, audit every page"
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        default=0,
        help="pages checked at once (default: four per core, at most eight)",
    )
    parser.add_argument(
        "--wcag22-gates",
        action="store_true",
        help="let WCAG 2.2 AA findings fail the audit (default: report only)",
    )
    parser.add_argument(
        "--language-only",
        action="store_true",
        help="only the language, direction and language-tag checks: no browser, no Node",
    )
    parser.add_argument(
        "--explain",
        metavar="PAGE",
        default=None,
        help="print what the language identifiers found on one page (a path below the "
        "site), passage by passage, and exit",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        help="the auditor's pa11y-ci style configuration (standard, ignore, hideElements, "
        "timeout, urls) and accepted findings (default: .pa11yci in the project, or here "
        "outside one, when it exists)",
    )
    parser.add_argument(
        "--format",
        choices=("json", "earl"),
        default="json",
        help="earl: also write audit.earl.json, EARL (JSON-LD) assertions, one per tool rule "
        "and page, with the ACT rules and WCAG criteria each rule implements (the JSON and "
        "HTML reports are written either way)",
    )
    parser.add_argument(
        "--page-timeout",
        type=float,
        default=PAGE_TIMEOUT_MS / 1000,
        metavar="SECONDS",
        help="how long a tool may take for one page before it counts as a tool failure "
        "(default: %(default)s)",
    )


#: What the site run knows of a site's languages (site, project → SiteLanguages): the
#: command line hands it in for the project's own site; the audit knows no project's
#: languages.
SiteLanguagesOf = Callable[[Path, Project], SiteLanguages]


def _locations(
    args: argparse.Namespace, own_site_languages: SiteLanguagesOf | None
) -> tuple[Path, Path, Path, SiteLanguages]:
    """(site, cache directory, reports directory, what the site says of its languages).

    The project's own site reports to ``_build/reports``. Another site is
    audited with the project's caches when run inside a checkout (else the
    user's cache directory) and reports beside the caller, so it never
    overwrites the project's own audit report.
    """
    try:
        project: Project | None = Project.discover(args.root)
    except ProjectLayoutError:
        if args.site is None or args.root is not None:
            raise
        project = None
    # Absolute, but not resolved: ``_build/site`` is a link that moves with every release.
    site = Path.cwd() / (args.site or project.site_dir)  # type: ignore[union-attr]
    if project is None:
        return site, user_cache_root(), args.reports or Path.cwd() / "audit-report", SiteLanguages()
    own_site = site.resolve() == project.site_dir.resolve()
    if not own_site:
        reports = project.reports_dir / "other-sites" / site.name
        return site, project.cache_dir, args.reports or reports, SiteLanguages()
    languages = own_site_languages(site, project) if own_site_languages else SiteLanguages()
    return site, project.cache_dir, args.reports or project.reports_dir, languages


def _auditor_config(args: argparse.Namespace) -> AuditorConfig:
    """``--config``, else ``.pa11yci`` of the project (or of the working folder outside
    one) when there is one, else the defaults."""
    if args.config is not None:
        return read_config(args.config)
    try:
        base = Project.discover(args.root).root
    except ProjectLayoutError:
        base = Path.cwd()
    found = base / ".pa11yci"
    return read_config(found) if found.is_file() else AuditorConfig()


def run_command(args: argparse.Namespace, own_site_languages: SiteLanguagesOf | None = None) -> int:
    """The audit as the command line runs it; the exit code is the verdict."""
    try:
        site, cache_root, reports, languages = _locations(args, own_site_languages)
    except PipelineError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code
    if args.explain:
        return explain_page(site, args.explain, languages)
    try:
        auditor = _auditor_config(args)
    except PipelineError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code
    settings = AuditSettings(
        site=site,
        cache_root=cache_root,
        fresh=args.fresh,
        concurrency=args.concurrency,
        wcag22_gates=args.wcag22_gates,
        page_timeout_ms=auditor.timeout_ms or int(args.page_timeout * 1000),
        languages=languages,
        language_only=args.language_only,
        earl=args.format == "earl",
        auditor=auditor,
    )
    try:
        project: Project | None = Project.discover(args.root)
    except ProjectLayoutError:
        project = None
    if project is None:
        return run_audit(settings, reports)
    try:
        # The project's reports and caches are written: no publish may swap the site meanwhile.
        with project_lock(project, exclusive=True):
            return run_audit(settings, reports)
    except PipelineError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code


def run_audit(settings: AuditSettings, reports: Path, site_label: Path | None = None) -> int:
    """Audit, write both reports, print the summary; the exit code is the verdict.

    ``site_label`` is how the site is named in messages (the main job audits a
    release before it is published as ``_build/site``).
    """
    return audit_and_report(settings, reports, site_label)[0]


def error_line(page: Path, issue: Issue) -> str:
    """One of the audit's printed lines: the tools quote the page's text (a translation),
    so its control characters are escaped, never sent to the terminal."""
    line = (
        f"{page}: {issue.runner} {issue.rule} [{issue.criterion or '-'}] "
        f"{issue.message} {issue.selector}"
    )
    return printable(line.rstrip())


def audit_and_report(
    settings: AuditSettings, reports: Path, site_label: Path | None = None
) -> tuple[int, AuditResult | None]:
    """:func:`run_audit`, and the result itself (None when the audit could not run)."""
    started = time.perf_counter()
    shown = site_label or settings.site
    try:
        result = audit_site(settings)
    except PipelineError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code, None
    seconds = time.perf_counter() - started
    write_json(
        result,
        reports / "audit.json",
        {
            "site": str(shown),
            "wcag22_gates": settings.wcag22_gates,
            "concurrency": settings.workers,
            "seconds": round(seconds, 2),
            "language_seconds": round(result.language_seconds, 2),
            "language_only": settings.language_only,
        },
    )
    write_html(result, reports / "audit.html", shown)
    written = [reports / "audit.html", reports / "audit.json"]
    if settings.earl:
        checks = all_checks(load_act_map(), settings.language_only)
        versions = result.tool_versions
        report = earl_report(result.pages, page_uri(settings.site), checks, None, versions)
        written.append(write_earl(reports / "audit.earl.json", report))
    print(summary_table(result))
    checked = sum(not page.cached for page in result.pages)
    for page in result.pages:
        for issue in page.errors:
            print(error_line(shown / page.relative, issue))
    print(
        f"\nverdict: {verdict(result)} ({len(result.pages)} pages, {result.errors} error(s); "
        f"{checked} checked, {len(result.pages) - checked} unchanged and taken from the cache; "
        f"{seconds:.1f} s" + (f", {checked / seconds:.1f} pages/s checked)" if checked else ")")
    )
    if checked:
        print(
            f"language checks: {result.language_seconds:.1f} s of the run "
            "(beside the browser, in a thread of their own)"
        )
    print("reports: " + ", ".join(str(path) for path in written))
    if result.tool_failures:
        for page in result.tool_failures:
            print(
                printable(
                    f"error: {shown / page.relative}: no verdict, the tools failed: "
                    f"{page.tool_failure}"
                ),
                file=sys.stderr,
            )
        return ExitCode.TOOL_FAILED, result
    return (ExitCode.FINDINGS if result.errors else ExitCode.OK), result
