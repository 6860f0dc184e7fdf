"""The browser probe (``node/probe.cjs``): requests leaving 127.0.0.1, and WCAG 2.2.

pa11y's axe runner asks axe for WCAG 2.0 and 2.1 only; BITV 2.0 means 2.1 AA
today, so WCAG 2.2 findings are reported, and gate only when configured to.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from i18n_pipeline.audit.browser import LAUNCH_ARGS
from i18n_pipeline.audit.model import Issue, ToolOutcome
from i18n_pipeline.audit.node_env import NodeEnvironment, ToolTimeoutError, run_node_tool
from i18n_pipeline.audit.pa11y import PAGE_TIMEOUT_MS
from i18n_pipeline.audit.wcag import axe_criterion

WCAG22_TAGS = ["wcag22a", "wcag22aa"]


def run_probe(
    env: NodeEnvironment,
    urls: list[str],
    browser: Path,
    local_origin: str,
    wcag22_gates: bool,
    concurrency: int = 1,
    page_timeout_ms: int = PAGE_TIMEOUT_MS,
) -> ToolOutcome:
    config = {
        "urls": urls,
        "executablePath": str(browser),
        "args": list(LAUNCH_ARGS),
        "localOrigin": local_origin,
        "tags": WCAG22_TAGS,
        "timeout": page_timeout_ms,
        "concurrency": concurrency,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(config, handle)
        config_path = Path(handle.name)
    try:
        completed = run_node_tool(
            env,
            [str(env.app_dir / "probe.cjs"), str(config_path)],
            pages=len(urls),
            concurrency=concurrency,
            page_timeout_ms=page_timeout_ms,
        )
    except ToolTimeoutError as stopped:
        return ToolOutcome({}, {url: str(stopped) for url in urls})
    finally:
        config_path.unlink(missing_ok=True)
    if completed.returncode != 0:
        reason = completed.stderr.strip().splitlines()[:1] or ["the browser probe failed"]
        return ToolOutcome({}, {url: reason[0] for url in urls})
    issues: dict[str, list[Issue]] = {}
    failures: dict[str, str] = {}
    for result in json.loads(completed.stdout)["results"]:
        if "failure" in result:
            failures[result["url"]] = result["failure"]
            continue
        issues[result["url"]] = request_issues(result["requests"]) + wcag22_issues(
            result, wcag22_gates
        )
    return ToolOutcome(issues, failures)


def request_issues(requests: list[dict[str, object]]) -> list[Issue]:
    """Every request to another host is an error: German public sites must not leak
    readers' addresses."""
    return [
        Issue(
            runner="requests",
            code="third-party-request",
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
                        code=item["id"],
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
