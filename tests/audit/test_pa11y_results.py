"""How pa11y-ci's output is read: tool failures are not results, and every axe
finding on a WCAG 2.0/2.1 A or AA criterion gates, whatever pa11y calls it."""

from __future__ import annotations

import pytest

from conftest import node_cache_for_tests
from i18n_pipeline.audit.node_env import ensure_node_environment
from i18n_pipeline.audit.pa11y import classify, read_report
from i18n_pipeline.audit.wcag import axe_rule_tags

PAGE = "http://127.0.0.1:8000/en/index.html"
OTHER = "http://127.0.0.1:8000/ar/index.html"


@pytest.fixture(scope="module")
def axe_tags() -> dict[str, list[str]]:
    """axe-core's own rule metadata, from the installed pa11y-ci environment."""
    env = ensure_node_environment(node_cache_for_tests())
    return axe_rule_tags(env)


def axe_entry(code: str, kind: str) -> dict[str, object]:
    return {
        "code": code,
        "type": kind,
        "typeCode": 2,
        "message": "…",
        "context": "<html lang='en' xml:lang='de'>",
        "selector": "html",
        "runner": "axe",
        "runnerExtras": {"impact": "moderate", "helpUrl": "https://dequeuniversity.com/rules"},
    }


@pytest.mark.slow
def test_protocol_error_instead_of_issues_is_a_tool_failure(
    axe_tags: dict[str, list[str]],
) -> None:
    report = {
        "results": {
            PAGE: [{"message": "Protocol error (Target.closeTarget): No target with given id"}],
            OTHER: [],
        }
    }

    outcome = read_report(report, [PAGE, OTHER], axe_tags)

    assert outcome.failures == {
        PAGE: "Protocol error (Target.closeTarget): No target with given id"
    }
    assert outcome.issues == {OTHER: []}


def test_page_missing_from_the_report_is_a_tool_failure() -> None:
    outcome = read_report({"results": {}}, [PAGE], {})

    assert PAGE in outcome.failures
    assert outcome.issues == {}


@pytest.mark.slow
def test_axe_moderate_wcag_finding_that_pa11y_calls_a_warning_gates(
    axe_tags: dict[str, list[str]],
) -> None:
    issue = classify(axe_entry("html-xml-lang-mismatch", "warning"), axe_tags)

    assert issue.gating
    assert issue.criterion == "3.1.1"
    assert issue.level == "A"


@pytest.mark.slow
def test_axe_best_practice_warning_is_reported_but_does_not_gate(
    axe_tags: dict[str, list[str]],
) -> None:
    issue = classify(axe_entry("region", "warning"), axe_tags)

    assert not issue.gating
    assert not issue.needs_review


def test_htmlcs_warning_goes_to_the_manual_checklist() -> None:
    entry = {
        "code": "WCAG2AA.Principle1.Guideline1_3.1_3_1.H48",
        "type": "warning",
        "message": "If this element contains a navigation section, …",
        "runner": "htmlcs",
        "selector": "p",
        "context": "<p>",
    }

    issue = classify(entry, {})

    assert issue.needs_review and not issue.gating
    assert issue.criterion == "1.3.1"
