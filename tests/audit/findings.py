"""What the browser tools found on each page of an audit report, in a form to compare.

Only the browser's findings (axe, HTML_CodeSniffer, axe's WCAG 2.2 pass, requests to
other hosts) and tool failures: the language checks run in Python and change on
their own.
"""

from __future__ import annotations

import json
from pathlib import Path

BROWSER_RUNNERS = {"axe", "htmlcs", "axe-wcag22", "requests"}
#: What an issue said when the findings were recorded; fields added since (where, fix,
#: language: the language checks' own) are not the browser tools' findings.
RECORDED_FIELDS = (
    "runner",
    "code",
    "type",
    "message",
    "criterion",
    "level",
    "selector",
    "context",
    "help_url",
    "gating",
    "needs_review",
)

#: Fields the report has renamed since the recording: recorded name → the report's name
#: (an issue's tool code is its ``rule`` since every finding is a ``Finding``).
RENAMED = {"code": "rule"}

Findings = dict[str, dict[str, object]]


def browser_findings(audit_json: Path) -> Findings:
    report = json.loads(audit_json.read_text(encoding="utf-8"))
    found: Findings = {}
    for pages in report["languages"].values():
        for page, result in pages.items():
            issues = [
                {field: issue[RENAMED.get(field, field)] for field in RECORDED_FIELDS}
                for group in ("errors", "reported", "needs_review")
                for issue in result[group]
                if issue["runner"] in BROWSER_RUNNERS
            ]
            found[page] = {
                "tool_failure": result["tool_failure"],
                "issues": sorted(issues, key=lambda issue: json.dumps(issue, sort_keys=True)),
            }
    return found


def with_pa11y_selectors_for_wcag22(findings: Findings) -> Findings:
    """Recorded findings as the one axe run per page words them: WCAG 2.2's rules ran in
    a pass of their own until then, which named an element by axe's selector; they now
    run in pa11y's axe run, which names it by pa11y's. The element is the same (its
    ``context``, the element's markup, is compared), so the selector is left out."""
    return {
        page: {
            **result,
            "issues": [
                {**issue, "selector": "(pa11y's)"} if issue["runner"] == "axe-wcag22" else issue
                for issue in result["issues"]  # type: ignore[attr-defined]
            ],
        }
        for page, result in findings.items()
    }
