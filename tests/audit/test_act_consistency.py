"""Consistency with the W3C ACT rules, judged as W3C judges it, by one code for every tool:
the peers' published EARL gives W3C's own published levels, and the audit, on the five
language rules' 62 committed cases, is consistent on all five with every case right."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n_pipeline.audit.act.cases import LANGUAGE_RULES, Case, load_cases
from i18n_pipeline.audit.act.consistency import rule_result, tool_results
from i18n_pipeline.audit.act.earl_read import Assertion, read_earl, read_earl_file
from i18n_pipeline.audit.act.report import OURS, PEERS, Comparison
from i18n_pipeline.audit.act.suite import run_cases
from i18n_pipeline.io import read_json

SUITE = Path(__file__).resolve().parents[1] / "act"


@pytest.mark.parametrize("tool", sorted(PEERS))
def test_the_peers_published_earl_gives_w3c_s_published_levels(tool: str) -> None:
    cases = load_cases(SUITE)
    found = {
        r.rule: r.consistency
        for r in tool_results(cases, read_earl_file(SUITE / "earl" / PEERS[tool]))
    }
    summary = read_json(SUITE / "implementations" / PEERS[tool])["actRuleMapping"]
    published = {
        rule["ruleId"]: rule["consistency"]
        or ("inconsistent" if rule["procedureNames"] else "untested")
        for rule in summary
    }

    assert found == published


def case(expected: str, number: int, rule: str = "bf051a") -> Case:
    return Case(
        rule, "rule", f"{number:040x}", f"{expected} {number}", expected, "", "", True, ("3.1.1",)
    )


def said(
    c: Case, procedure: str, outcome: str, criteria: tuple[str, ...] = ("WCAG2:language-of-page",)
) -> Assertion:
    return Assertion(
        f"https://example.org/testcases/{c.rule}/{c.id}.html", procedure, outcome, criteria
    )


PASSED, FAILED, OTHER_FAILED, INAPPLICABLE = (
    case("passed", 1),
    case("failed", 2),
    case("failed", 3),
    case("inapplicable", 4),
)
CASES = [PASSED, FAILED, OTHER_FAILED, INAPPLICABLE]


def test_every_failed_example_failed_and_no_other_is_consistent() -> None:
    outcomes = [
        said(PASSED, "a", "passed"),
        said(FAILED, "a", "failed"),
        said(OTHER_FAILED, "a", "failed"),
        said(INAPPLICABLE, "a", "inapplicable"),
    ]

    assert rule_result(CASES, outcomes).consistency == "complete"


def test_a_passed_example_failed_makes_a_procedure_inconsistent() -> None:
    outcomes = [
        said(PASSED, "a", "failed"),
        said(FAILED, "a", "failed"),
        said(OTHER_FAILED, "a", "failed"),
        said(INAPPLICABLE, "a", "passed"),
    ]

    assert rule_result(CASES, outcomes).consistency == "inconsistent"


def test_a_missed_failed_example_is_partial_and_two_partial_procedures_together_consistent() -> (
    None
):
    first = [said(c, "a", "failed" if c is FAILED else "passed") for c in CASES]
    second = [said(c, "b", "failed" if c is OTHER_FAILED else "passed") for c in CASES]

    assert rule_result(CASES, first).consistency == "partial"
    assert rule_result(CASES, first + second).consistency == "complete"


def test_a_procedure_with_false_positives_is_left_out_of_the_set() -> None:
    good = [said(c, "a", "failed" if c.expected == "failed" else "passed") for c in CASES]
    noisy = [said(c, "b", "failed") for c in CASES]

    result = rule_result(CASES, good + noisy)

    assert (result.consistency, result.procedures) == ("complete", ("a",))


def test_reporting_a_criterion_the_rule_does_not_map_to_is_only_partial() -> None:
    wrong = ("WCAG2:language-of-parts",)
    outcomes = [
        said(c, "a", "failed" if c.expected == "failed" else "passed", wrong) for c in CASES
    ]

    assert rule_result(CASES, outcomes).consistency == "partial"


def test_the_audit_is_consistent_on_the_five_language_rules_with_every_case_right(
    tmp_path: Path,
) -> None:
    """The language checks alone (no browser): the browser's rules only add procedures."""
    cases = load_cases(SUITE, LANGUAGE_RULES)
    ran = run_cases(SUITE, cases, tmp_path, language_only=True)
    ours = tool_results(cases, read_earl(ran.earl))
    peers = {
        tool: tool_results(cases, read_earl_file(SUITE / "earl" / name))
        for tool, name in PEERS.items()
    }

    assert len(cases) == 62
    assert [(r.rule, r.consistency) for r in ours] == [
        (rule, "complete") for rule in ("de46e4", "bf051a", "b5c3f8", "off6ek", "ucwvc8")
    ]
    assert [c.case.title for r in ours for c in r.cases if not c.right] == []
    assert Comparison({OURS: ours, **peers}, {}).worse_than_axe() == []
