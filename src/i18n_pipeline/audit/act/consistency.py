"""Consistency of a tool with an ACT rule, as W3C judges it from the tool's EARL report.

This is the procedure of W3C's act-tools (``map-implementation``), which makes the
implementation pages. Per ACT rule, each tool rule (procedure) that reported on the
rule's test cases is judged on them (on the approved ones, when the rule has any):

- no passed or inapplicable example may be failed (else the procedure is inconsistent);
- **consistent** (complete): every failed example failed, every example has an outcome,
  and the WCAG criteria it reports for its failures are the rule's (each of the rule's,
  and none but the rule's and those the rule names as related);
- **partially consistent**: at least one failed example failed, or (no failed example
  failed) it cannot tell on some example and fails no inapplicable one.

The procedures at the best level form the rule's procedure set; a set of partial
procedures is judged again as one (the failed examples each failed by one of them make
it consistent). The code is a port, not a copy: act-tools is TypeScript, and no Python
package implements it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from i18n_pipeline.audit.act.cases import Case, case_key
from i18n_pipeline.audit.act.earl_read import Assertion
from i18n_pipeline.audit.act_map import load_act_map

LEVELS = ("complete", "partial")
#: How W3C's summaries and this project's table say each level.
WORDS = {
    "complete": "consistent",
    "partial": "partially consistent",
    "inconsistent": "inconsistent",
    "untested": "not implemented",
}


@dataclass(frozen=True)
class CaseResult:
    case: Case
    outcomes: tuple[str, ...]  # every outcome the procedures gave it ("untested": none)

    @property
    def right(self) -> bool:
        """The outcome W3C wants: a failed example failed, no other example failed."""
        failed = "failed" in self.outcomes
        return failed if self.case.expected == "failed" else not failed


@dataclass(frozen=True)
class RuleResult:
    rule: str
    rule_name: str
    consistency: str  # complete, partial, inconsistent, untested
    procedures: tuple[str, ...]
    cases: tuple[CaseResult, ...]

    @property
    def right(self) -> int:
        return sum(result.right for result in self.cases)


@dataclass(frozen=True)
class _Procedure:
    results: tuple[CaseResult, ...]
    failed_requirements: frozenset[str]


def level(procedure: _Procedure) -> str | None:
    """One procedure's (or one set's) level on one rule; None: inconsistent."""
    results = procedure.results
    if any(r.case.approved for r in results):
        results = tuple(r for r in results if r.case.approved)
    if any(r.case.expected != "failed" and "failed" in r.outcomes for r in results):
        return None
    true_positive = any(r.case.expected == "failed" and "failed" in r.outcomes for r in results)
    untested = any("untested" in r.outcomes for r in results)
    missed = any(
        r.case.expected == "failed"
        and all(o in ("passed", "inapplicable", "untested") for o in r.outcomes)
        for r in results
    )
    requirements = results and _maps_requirements(procedure.failed_requirements, results[0].case)
    if true_positive and not untested and not missed and requirements:
        return "complete"
    if true_positive:
        return "partial"
    cant_tell = any("cantTell" in r.outcomes for r in results)
    clean_inapplicable = all(
        r.case.expected != "inapplicable"
        or all(o in ("passed", "inapplicable") for o in r.outcomes)
        for r in results
    )
    return "partial" if cant_tell and clean_inapplicable else None


def _maps_requirements(failed: frozenset[str], case: Case) -> bool:
    """The criteria reported for failures name each of the rule's, and no criterion the
    rule neither requires nor names as related (non-WCAG ids do not count)."""
    ids = load_act_map().criteria
    required = {f"WCAG2:{ids[n]}" for n in case.criteria if n in ids}
    allowed = required | {f"WCAG2:{ids[n]}" for n in case.secondary if n in ids}
    wcag = {requirement for requirement in failed if requirement.startswith("WCAG2:")}
    return required <= failed and wcag <= allowed


def _procedure(cases: Sequence[Case], assertions: Sequence[Assertion]) -> _Procedure:
    outcomes: dict[str, list[str]] = {}
    failed: set[str] = set()
    for assertion in assertions:
        key = case_key(assertion.source)
        if key is not None:
            outcomes.setdefault(key[1], []).append(assertion.outcome)
            if assertion.outcome in ("failed", "cantTell"):
                failed.update(assertion.requirements)
    results = tuple(
        CaseResult(case, tuple(outcomes.get(case.id) or ["untested"])) for case in cases
    )
    return _Procedure(results, frozenset(failed))


def rule_result(cases: Sequence[Case], assertions: Iterable[Assertion]) -> RuleResult:
    """The consistency of one tool with one ACT rule (``cases``: that rule's cases)."""
    ids = {case.id for case in cases}
    by_procedure: dict[str, list[Assertion]] = {}
    for assertion in assertions:
        key = case_key(assertion.source)
        if key is not None and key[1] in ids:
            by_procedure.setdefault(assertion.procedure, []).append(assertion)
    first = cases[0]
    if not by_procedure:
        empty = _procedure(cases, [])
        return RuleResult(first.rule, first.rule_name, "untested", (), empty.results)
    scored = {name: level(_procedure(cases, found)) for name, found in by_procedure.items()}
    best = min(scored.values(), key=lambda value: LEVELS.index(value) if value else len(LEVELS))
    chosen = sorted(name for name, value in scored.items() if value == best)
    combined = _procedure(cases, [a for name in chosen for a in by_procedure[name]])
    if best == "partial":
        best = level(combined)
    return RuleResult(
        first.rule, first.rule_name, best or "inconsistent", tuple(chosen), combined.results
    )


def tool_results(cases: Sequence[Case], assertions: Sequence[Assertion]) -> list[RuleResult]:
    """Every ACT rule of ``cases``, judged from one tool's assertions."""
    by_rule: dict[str, list[Case]] = {}
    for case in cases:
        by_rule.setdefault(case.rule, []).append(case)
    relevant: dict[str, list[Assertion]] = {}
    for assertion in assertions:
        key = case_key(assertion.source)
        if key is not None:
            relevant.setdefault(key[0], []).append(assertion)
    return [rule_result(rule_cases, relevant.get(rule, [])) for rule, rule_cases in by_rule.items()]
