"""The browser probe (a pass of ``node/audit.cjs``): requests leaving 127.0.0.1, and WCAG 2.2.

pa11y's axe runner asks axe for WCAG 2.0 and 2.1 only; BITV 2.0 means 2.1 AA
today, so WCAG 2.2 findings are reported, and gate only when configured to.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from i18n_pipeline.audit.model import Issue, ToolOutcome
from i18n_pipeline.audit.wcag import axe_criterion

WCAG22_TAGS = ["wcag22a", "wcag22aa"]


def read_probe(
    results: list[dict[str, object]], urls: list[str], wcag22_gates: bool
) -> ToolOutcome:
    """Sort the probe's results into issues per page and pages it failed on (a page
    it returned nothing for is a failure too)."""
    issues: dict[str, list[Issue]] = {}
    failures: dict[str, str] = {}
    by_url = {str(result["url"]): result for result in results if result}
    for url in urls:
        result = by_url.get(url)
        if result is None:
            failures[url] = "the browser probe returned no result for this page"
        elif "failure" in result:
            failures[url] = str(result["failure"])
        else:
            requests = result["requests"]
            assert isinstance(requests, list)
            issues[url] = request_issues(requests) + wcag22_issues(result, wcag22_gates)
    return ToolOutcome(issues, failures)


def request_issues(requests: list[dict[str, object]]) -> list[Issue]:
    """Every request to another host is an error: German public sites must not leak
    readers' addresses."""
    return [
        Issue(
            runner="requests",
            rule="third-party-request",
            type="error",
            message=f"the page requested {request['url']} ({request['type']}) from "
            f"{urlsplit(str(request['url'])).hostname}, another host",
            selector="",
            context=str(request["url"]),
            gating=True,
        )
        for request in requests
        if not request["local"]
    ]


def wcag22_issues(result: dict[str, object], gates: bool) -> list[Issue]:
    issues = []
    for kind, items in (("violation", result["violations"]), ("incomplete", result["incomplete"])):
        for item in items:  # type: ignore[attr-defined]
            criterion, level = axe_criterion(item["tags"])
            for node in item["nodes"] or [{"target": "", "html": ""}]:
                issues.append(
                    Issue(
                        runner="axe-wcag22",
                        rule=item["id"],
                        type="error" if kind == "violation" else "warning",
                        message=f"WCAG 2.2: {item['help']}",
                        criterion=criterion,
                        level=level,
                        selector=node["target"],
                        context=node["html"],
                        help_url=item["helpUrl"],
                        gating=gates and kind == "violation",
                        needs_review=kind == "incomplete",
                    )
                )
    return issues
