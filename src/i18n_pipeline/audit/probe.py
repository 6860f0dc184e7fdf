"""The browser probe (``node/audit.cjs``, during pa11y's load of the page): the requests
that leave 127.0.0.1."""

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
            assert isinstance(requests, list)
            issues[url] = request_issues(requests)
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
