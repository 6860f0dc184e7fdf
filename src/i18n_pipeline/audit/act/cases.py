"""The ACT rules' test cases: ``testcases.json`` of a copy of W3C's wcag-act-rules content."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from i18n_pipeline.errors import InputMissingError
from i18n_pipeline.io import read_json

#: Where a case lives, on W3C's site and in every tool's report: .../testcases/RULE/ID.EXT
_WCAG_KEY = re.compile(r"^wcag2\d:", re.IGNORECASE)
_CASE_PATH = re.compile(r"testcases/([a-z0-9]{6})/([0-9a-f]{40})\.[a-z]+$")
#: The five language rules: html has lang, html lang valid, html language subtag matches
#: the default language, element lang valid, element language subtag matches.
LANGUAGE_RULES = ("b5c3f8", "bf051a", "ucwvc8", "de46e4", "off6ek")


@dataclass(frozen=True)
class Case:
    rule: str
    rule_name: str
    id: str
    title: str  # Passed Example 1, …
    expected: str  # passed, failed, inapplicable
    path: str  # testcases/RULE/ID.EXT, below the suite
    url: str  # its address on W3C's site
    approved: bool
    criteria: tuple[str, ...] = ()  # the WCAG criteria the rule maps to (3.1.1)
    secondary: tuple[str, ...] = ()  # those it is merely related to (may be reported too)


def case_key(address: str) -> tuple[str, str] | None:
    """(rule, case id) of a case's address, whoever's site it was served from."""
    match = _CASE_PATH.search(address)
    return (match.group(1), match.group(2)) if match else None


def load_cases(suite: Path, rules: tuple[str, ...] = ()) -> list[Case]:
    """The suite's cases (of ``rules`` only, when given), in the order W3C lists them."""
    listing = suite / "testcases.json"
    try:
        data = read_json(listing)
    except FileNotFoundError:
        raise InputMissingError(
            "no testcases.json: not a copy of W3C's ACT rules content",
            path=listing,
            hint="pass --suite the folder that holds testcases.json, testcases/ and "
            "test-assets/ (for example ../shared/act-rules)",
        ) from None
    cases = [
        Case(
            rule=entry["ruleId"],
            rule_name=entry["ruleName"],
            id=entry["testcaseId"],
            title=entry["testcaseTitle"],
            expected=entry["expected"],
            path=entry["relativePath"],
            url=entry["url"],
            approved=bool(entry.get("approved", True)),
            criteria=_criteria(entry, secondary=False),
            secondary=_criteria(entry, secondary=True),
        )
        for entry in data["testcases"]
    ]
    return [case for case in cases if not rules or case.rule in rules]


def _criteria(entry: dict[str, Any], secondary: bool) -> tuple[str, ...]:
    requirements = entry.get("ruleAccessibilityRequirements") or {}
    return tuple(
        key.split(":", 1)[1]
        for key, value in requirements.items()
        if _WCAG_KEY.match(key) and ("secondary" in value) == secondary
    )
