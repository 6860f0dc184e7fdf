"""Run pa11y-ci (axe and HTML_CodeSniffer, WCAG2AA) and sort what it says.

pa11y maps axe's "moderate" violations to warnings and hides warnings by
default, which drops real WCAG failures; here warnings are collected and every
axe finding that maps to a WCAG 2.0/2.1 A or AA criterion gates. Findings the
tools only suspect (axe "incomplete", HTML_CodeSniffer warnings) go to the
manual checklist. An entry with only a message is a tool failure, not a result.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from i18n_pipeline.audit.browser import LAUNCH_ARGS
from i18n_pipeline.audit.model import Issue, ToolOutcome
from i18n_pipeline.audit.node_env import NodeEnvironment, ToolTimeoutError, run_node_tool
from i18n_pipeline.audit.wcag import (
    axe_criterion,
    axe_rule_tags,
    htmlcs_criterion,
    is_wcag_21_a_or_aa,
)

PAGE_TIMEOUT_MS = 30_000


def pa11y_config(
    urls: list[str],
    browser: Path,
    concurrency: int,
    report_file: Path,
    page_timeout_ms: int = PAGE_TIMEOUT_MS,
) -> dict[str, object]:
    return {
        "defaults": {
            "standard": "WCAG2AA",
            "runners": ["axe", "htmlcs"],
            "includeWarnings": True,
            "includeNotices": False,
            "timeout": page_timeout_ms,
            "concurrency": concurrency,
            # A shared context avoids pa11y-ci#354 ("Protocol error (Target.closeTarget)").
            "useIncognitoBrowserContext": False,
            "chromeLaunchConfig": {
                "executablePath": str(browser),
                "args": list(LAUNCH_ARGS),
                "headless": True,
            },
            "reporters": [["json", {"fileName": str(report_file)}]],
        },
        "urls": urls,
    }


def run_pa11y_ci(
    env: NodeEnvironment,
    urls: list[str],
    browser: Path,
    concurrency: int,
    page_timeout_ms: int = PAGE_TIMEOUT_MS,
) -> ToolOutcome:
    """One pa11y-ci run over ``urls``; returns sorted issues and the pages it failed on."""
    with tempfile.TemporaryDirectory(prefix="pa11y-") as scratch:
        config_file = Path(scratch) / "pa11y-ci.json"
        report_file = Path(scratch) / "report.json"
        config = pa11y_config(urls, browser, concurrency, report_file, page_timeout_ms)
        config_file.write_text(json.dumps(config))
        try:
            completed = run_node_tool(
                env,
                [str(env.pa11y_ci), "--config", str(config_file)],
                pages=len(urls),
                concurrency=concurrency,
                page_timeout_ms=page_timeout_ms,
            )
        except ToolTimeoutError as stopped:
            return ToolOutcome({}, {url: str(stopped) for url in urls})
        if not report_file.is_file():
            reason = (completed.stderr or completed.stdout).strip().splitlines()[-3:]
            return ToolOutcome(
                {}, {url: " / ".join(reason) or "pa11y-ci wrote no report" for url in urls}
            )
        report = json.loads(report_file.read_text(encoding="utf-8"))
    return read_report(report, urls, axe_rule_tags(env))


def read_report(
    report: dict[str, object], urls: list[str], axe_tags: dict[str, list[str]]
) -> ToolOutcome:
    """Sort pa11y-ci's JSON report into issues per page and pages the tool failed on.

    pa11y-ci puts an exception where a page's issues should be (its JSON
    reporter writes it as ``{"message": ...}``): such a page has no verdict.
    """
    results = report.get("results", {})
    assert isinstance(results, dict)
    issues: dict[str, list[Issue]] = {}
    failures: dict[str, str] = {}
    for url in urls:
        entries = results.get(url)
        if entries is None:
            failures[url] = "pa11y-ci returned no result for this page"
            continue
        broken = [entry for entry in entries if "code" not in entry]
        if broken:
            failures[url] = "; ".join(str(entry.get("message", entry)) for entry in broken)
            continue
        issues[url] = [classify(entry, axe_tags) for entry in entries]
    return ToolOutcome(issues, failures)


def classify(entry: dict[str, object], axe_tags: dict[str, list[str]]) -> Issue:
    runner = str(entry.get("runner", ""))
    code = str(entry.get("code", ""))
    kind = str(entry.get("type", ""))
    extras = entry.get("runnerExtras") or {}
    assert isinstance(extras, dict)
    common = {
        "runner": runner,
        "code": code,
        "type": kind,
        "message": str(entry.get("message", "")),
        "selector": str(entry.get("selector", "")),
        "context": str(entry.get("context", ""))[:300],
    }
    if runner == "axe":
        rule_tags = axe_tags.get(code, [])
        criterion, level = axe_criterion(rule_tags)
        needs_review = bool(extras.get("needsFurtherReview"))
        gating = not needs_review and (kind == "error" or is_wcag_21_a_or_aa(rule_tags))
        return Issue(
            **common,
            criterion=criterion,
            level=level,
            help_url=str(extras.get("helpUrl", "")),
            gating=gating,
            needs_review=needs_review,
        )
    criterion = htmlcs_criterion(code)
    return Issue(
        **common,
        criterion=criterion,
        level="A/AA" if criterion else "",
        help_url=_htmlcs_help(criterion),
        gating=kind == "error",
        needs_review=kind != "error",
    )


def _htmlcs_help(criterion: str) -> str:
    return "https://www.w3.org/WAI/WCAG21/quickref/" if criterion else ""
