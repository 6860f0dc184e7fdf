"""pa11y (axe and HTML_CodeSniffer, WCAG2AA): its options, and sorting what it says.

pa11y maps axe's "moderate" violations to warnings and hides warnings by
default, which drops real WCAG failures; here warnings are collected and every
axe finding that maps to a WCAG 2.0/2.1 A or AA criterion gates. Findings the
tools only suspect (axe "incomplete", HTML_CodeSniffer warnings) go to the
manual checklist. An entry with only a message is a tool failure, not a result.

The audit's axe run is asked for WCAG 2.2's tags as well (one axe run per page,
``node/audit.cjs``): a rule only WCAG 2.2 has is reported as WCAG 2.2's (runner
``axe-wcag22``), and gates only when configured to.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from i18n_pipeline.audit.browser import launch_args
from i18n_pipeline.audit.model import Issue, ToolOutcome
from i18n_pipeline.audit.wcag import (
    axe_criterion,
    htmlcs_criterion,
    is_wcag22_only,
    is_wcag_21_a_or_aa,
)

PAGE_TIMEOUT_MS = 30_000


#: How pa11y runs on every page, in the audit (``node/audit.cjs``) and in the naive baseline.
PA11Y_OPTIONS: dict[str, object] = {
    "standard": "WCAG2AA",
    "runners": ["axe", "htmlcs"],
    "includeWarnings": True,
    "includeNotices": False,
}


#: How the audit runs pa11y: with notices, because pa11y calls axe-core's "minor"
#: violations notices (presentation-role-conflict, empty-heading, …), and a violation is
#: a finding whatever its impact; HTML_CodeSniffer's notices ("check that …") are
#: reminders for a person and are dropped when read (``read_report``).
AUDIT_PA11Y_OPTIONS: dict[str, object] = {**PA11Y_OPTIONS, "includeNotices": True}


def pa11y_config(
    urls: list[str],
    browser: Path,
    concurrency: int,
    report_file: Path,
    page_timeout_ms: int = PAGE_TIMEOUT_MS,
) -> dict[str, object]:
    """A pa11y-ci configuration with the audit's pa11y options (for the naive baseline)."""
    return {
        "defaults": {
            **PA11Y_OPTIONS,
            "timeout": page_timeout_ms,
            "concurrency": concurrency,
            # A shared context avoids pa11y-ci#354 ("Protocol error (Target.closeTarget)").
            "useIncognitoBrowserContext": False,
            "chromeLaunchConfig": {
                "executablePath": str(browser),
                "args": list(launch_args()),
                "headless": True,
            },
            "reporters": [["json", {"fileName": str(report_file)}]],
        },
        "urls": urls,
    }


def read_report(
    report: dict[str, object],
    urls: list[str],
    axe_tags: dict[str, list[str]],
    wcag22_gates: bool = False,
) -> ToolOutcome:
    """Sort pa11y's results (pa11y-ci's JSON report, or the audit runner's, which has
    the same shape) into issues per page and pages the tool failed on.

    An exception stands where a page's issues should be (written as
    ``{"message": ...}``): such a page has no verdict.
    """
    results = report.get("results", {})
    assert isinstance(results, dict)
    issues: dict[str, list[Issue]] = {}
    failures: dict[str, str] = {}
    for url in urls:
        entries = results.get(url)
        if entries is None:
            failures[url] = "pa11y returned no result for this page"
            continue
        broken = [entry for entry in entries if "code" not in entry]
        if broken:
            failures[url] = "; ".join(str(entry.get("message", entry)) for entry in broken)
            continue
        issues[url] = [
            classify(entry, axe_tags, wcag22_gates)
            for entry in entries
            if entry.get("type") != "notice" or entry.get("runner") == "axe"
        ]
    return ToolOutcome(issues, failures)


def classify(
    entry: dict[str, object], axe_tags: dict[str, list[str]], wcag22_gates: bool = False
) -> Issue:
    runner = str(entry.get("runner", ""))
    code = str(entry.get("code", ""))
    kind = str(entry.get("type", ""))
    extras = entry.get("runnerExtras") or {}
    assert isinstance(extras, dict)
    common = Issue(
        runner=runner,
        rule=code,
        type=kind,
        message=str(entry.get("message", "")),
        selector=str(entry.get("selector", "")),
        context=str(entry.get("context", ""))[:300],
    )
    if runner == "axe":
        rule_tags = axe_tags.get(code, [])
        criterion, level = axe_criterion(rule_tags)
        needs_review = bool(extras.get("needsFurtherReview"))
        if is_wcag22_only(rule_tags):
            return replace(
                common,
                runner="axe-wcag22",
                type="warning" if needs_review else "error",
                message=f"WCAG 2.2: {extras.get('help', '')}",
                criterion=criterion,
                level=level,
                help_url=str(extras.get("helpUrl", "")),
                gating=wcag22_gates and not needs_review,
                needs_review=needs_review,
            )
        gating = not needs_review and (kind == "error" or is_wcag_21_a_or_aa(rule_tags))
        return replace(
            common,
            criterion=criterion,
            level=level,
            help_url=str(extras.get("helpUrl", "")),
            gating=gating,
            needs_review=needs_review,
        )
    criterion = htmlcs_criterion(code)
    return replace(
        common,
        criterion=criterion,
        level="A/AA" if criterion else "",
        help_url=_htmlcs_help(criterion),
        gating=kind == "error",
        needs_review=kind != "error",
    )


def _htmlcs_help(criterion: str) -> str:
    return "https://www.w3.org/WAI/WCAG21/quickref/" if criterion else ""
