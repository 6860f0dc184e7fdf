"""The audit as EARL (W3C's Evaluation and Report Language, JSON-LD): one assertion per
tool rule and page, shaped like the reports tools publish for W3C's ACT rules.

Each assertion names the tool rule (``test.title``), the ACT rules and WCAG criteria it
implements (``test.isPartOf``, from ``act_map.json``), the page (``subject.source``) and
the outcome: ``failed`` (the tool says the rule is broken), ``cantTell`` (it only
suspects so: the checklist), ``passed`` (the rule ran and found nothing) or
``inapplicable`` (the audit does not read such a document: only HTML pages are audited).
The context is inline, so the report is read without fetching anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from i18n_pipeline import __version__, io
from i18n_pipeline.audit.act_map import ActMap, Check, load_act_map
from i18n_pipeline.audit.model import Issue, PageResult
from i18n_pipeline.audit.wcag import PA11Y_AXE_TAGS, WCAG22_TAGS

ASSERTOR = "https://example.org/i18n-pipeline/audit"
CONTEXT: dict[str, object] = {
    "@vocab": "http://www.w3.org/ns/earl#",
    "earl": "http://www.w3.org/ns/earl#",
    "WCAG2": "http://www.w3.org/TR/WCAG2/#",
    "dct": "http://purl.org/dc/terms/",
    "sch": "https://schema.org/",
    "doap": "http://usefulinc.com/ns/doap#",
    "source": "dct:source",
    "title": "dct:title",
    "name": "doap:name",
    "revision": "doap:revision",
    "assertedBy": {"@type": "@id"},
    "outcome": {"@type": "@id"},
    "mode": {"@type": "@id"},
    "isPartOf": {"@id": "dct:isPartOf", "@type": "@id"},
}
#: The runners whose rules run on every page the browser audits, and those that run without it.
BROWSER_RUNNERS = ("axe", "htmlcs", "text-spacing")
OWN_RUNNERS = ("language", "direction", "html")

ChecksFor = Callable[[PageResult], Iterable[Check]]


def outcome(issues: list[Issue]) -> str:
    """One rule's outcome on one page from what it found there (nothing: passed)."""
    if not issues:
        return "earl:passed"
    if any(_failed(issue) for issue in issues):
        return "earl:failed"
    return "earl:cantTell"


def _failed(issue: Issue) -> bool:
    if issue.needs_review:
        return False
    # axe calls each of its findings a violation (pa11y merely grades them); the other
    # tools say "error" for a failure and "warning" for a suspicion.
    return issue.runner in ("axe", "axe-wcag22") or issue.type == "error" or issue.gating


def ran(check: Check, language_only: bool) -> bool:
    """Whether the audit runs ``check``: the browser's tools only with the browser, and of
    axe-core's rules those the page's one axe run asks for: pa11y's tags, and WCAG 2.2's
    rules by name (a rule that never ran has no outcome, not a pass)."""
    if check.runner in OWN_RUNNERS:
        return True
    if language_only or check.runner not in BROWSER_RUNNERS:
        return False
    if check.runner != "axe":
        return True
    # Experimental and deprecated rules run only when asked for by name.
    asked = set(check.tags) & {*PA11Y_AXE_TAGS, *WCAG22_TAGS}
    return bool(asked) and not set(check.tags) & {"experimental", "deprecated"}


def all_checks(act_map: ActMap, language_only: bool) -> ChecksFor:
    """Every check of the map that ran."""
    checks = [check for check in act_map.checks if ran(check, language_only)]
    return lambda page: checks


def earl_report(
    pages: Iterable[PageResult],
    source_of: Callable[[PageResult], str],
    checks_for: ChecksFor,
    act_map: ActMap | None = None,
    tool_versions: dict[str, str] | None = None,
    unmapped: bool = True,
) -> dict[str, object]:
    """The EARL document: every check ``checks_for`` names on every page, plus (with
    ``unmapped``) every rule some tool found broken that ``checks_for`` does not name."""
    act_map = act_map or load_act_map()
    graph: list[dict[str, object]] = [_assertor(tool_versions or {})]
    for page in pages:
        found: dict[tuple[str, str], list[Issue]] = {}
        for issue in page.issues:
            if issue.runner in BROWSER_RUNNERS + OWN_RUNNERS + ("axe-wcag22",):
                check = act_map.find(issue.runner, issue.rule)
                key = (check.runner, check.code) if check else (issue.runner, issue.rule)
                found.setdefault(key, []).append(issue)
        asserted = set()
        for check in checks_for(page):
            key = (check.runner, check.code)
            asserted.add(key)
            issues = found.get(key, [])
            result = _inapplicable(page) or outcome(issues)
            if page.tool_failure and check.runner in BROWSER_RUNNERS:
                result = "earl:untested"  # the tool failed on the page: no verdict
            graph.append(_assertion(page, source_of(page), check, result, act_map, issues))
        for (runner, code), issues in found.items() if unmapped else ():
            if (runner, code) not in asserted:
                check = act_map.find(runner, code) or Check(runner, code, (), (), "")
                result = outcome(issues)
                graph.append(_assertion(page, source_of(page), check, result, act_map, issues))
    return {"@context": CONTEXT, "@graph": graph}


def _inapplicable(page: PageResult) -> str:
    return "" if page.relative.endswith(".html") else "earl:inapplicable"


def _assertor(versions: dict[str, str]) -> dict[str, object]:
    tools = ", ".join(f"{name} {version}" for name, version in sorted(versions.items()))
    return {
        "@id": ASSERTOR,
        "@type": ["earl:Assertor", "earl:Software"],
        "name": "i18n-pipeline audit",
        "revision": __version__,
        "dct:description": f"pa11y (axe-core, HTML_CodeSniffer) and the audit's own language, "
        f"direction and PDF checks{'; ' + tools if tools else ''}",
    }


def _assertion(
    page: PageResult,
    source: str,
    check: Check,
    result: str,
    act_map: ActMap,
    issues: list[Issue],
) -> dict[str, object]:
    """One assertion. A rule that found something names the criteria of its findings (a
    check that serves two criteria, as the language of names does for 3.1.1 and 3.1.2,
    says which one this page fails); otherwise every criterion it tests."""
    criteria = {c.strip() for issue in issues for c in issue.criterion.split(",")}
    if criteria & set(check.wcag):
        check = replace(check, wcag=tuple(c for c in check.wcag if c in criteria))
    return {
        "@type": "Assertion",
        "mode": "earl:automatic",
        "assertedBy": ASSERTOR,
        "subject": {"@type": ["earl:TestSubject", "sch:WebPage"], "source": source},
        "test": {
            "@type": "TestCase",
            "title": check.procedure,
            "dct:description": f"{check.runner} {check.code}",
            "isPartOf": act_map.requirement_ids(check),
        },
        "result": {"@type": "TestResult", "outcome": result},
    }


def page_uri(site: Path) -> Callable[[PageResult], str]:
    """A page's address in the report: its file (the audit's server is gone afterwards)."""
    root = site.resolve()
    return lambda page: (root / page.relative).as_uri()


def write_earl(path: Path, report: dict[str, object]) -> Path:
    io.write_json(path, report)
    return path
