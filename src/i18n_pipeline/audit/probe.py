"""The browser probe (``node/audit.cjs``, in pa11y's tab): the requests that leave
127.0.0.1 while the page is open in its tab, and the text spacing that style attributes
fix with !important (``node/text_spacing.cjs``, WCAG 1.4.12)."""

from __future__ import annotations

from urllib.parse import urlsplit

from i18n_pipeline.audit.model import Issue, ToolOutcome


def read_probe(results: list[dict[str, object]], urls: list[str]) -> ToolOutcome:
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
            spacing = result.get("spacing", [])
            assert isinstance(requests, list) and isinstance(spacing, list)
            issues[url] = request_issues(requests) + spacing_issues(spacing)
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


def spacing_issues(results: list[dict[str, object]]) -> list[Issue]:
    """A style attribute that fixes too narrow a spacing with !important: a reader's own
    style sheet cannot widen it (1.4.12, AA: it gates, as axe-core's finding does)."""
    return [
        Issue(
            runner="text-spacing",
            rule=str(result["rule"]),
            type="error",
            message=f"the style attribute fixes {result['property']}: {result['declared']} "
            f"!important, {result['value']:g}px where the text needs at least "
            f"{result['needed']:g}px; a reader's own style sheet cannot widen it",
            criterion="1.4.12",
            level="AA",
            selector=str(result["selector"]),
            context=str(result["context"]),
            help_url="https://www.w3.org/WAI/WCAG21/Understanding/text-spacing.html",
            fix=f"drop !important from {result['property']} in the style attribute, or "
            "move the spacing into the style sheet",
            gating=True,
        )
        for result in results
        if not result["passed"]
    ]
