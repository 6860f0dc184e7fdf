"""Which ACT rules and WCAG success criteria each of the audit's checks implements.

The map is data (``act_map.json``), each entry with its source: axe-core's rules from
the installed axe-core's own metadata (``axe.getRules()``: ``actIds`` and its WCAG
tags), HTML_CodeSniffer's codes and the audit's own checks from the ACT rules'
accessibility requirements (W3C's ``testcases.json``). ``scripts/make_act_map.py``
refreshes the axe-core entries when axe-core is upgraded. Where a tool's rule tests
what an ACT rule asks but the tool's metadata does not say so, ``mapped_here`` adds
the ACT rule, with the reason, and the refresh keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from i18n_pipeline.io import read_json

MAP_FILE = Path(__file__).with_name("act_map.json")
ACT_RULE_URL = "https://www.w3.org/WAI/standards-guidelines/act/rules/{}/"
WCAG_URL = "http://www.w3.org/TR/WCAG2/#"


@dataclass(frozen=True)
class Check:
    """One tool rule: the procedure an EARL assertion names."""

    runner: str  # axe, htmlcs, language, direction, pdf
    code: str
    act: tuple[str, ...]  # ACT rule ids it implements
    wcag: tuple[str, ...]  # WCAG success criteria, e.g. 3.1.1
    source: str  # where this entry comes from
    tags: tuple[str, ...] = ()  # axe-core's tags of the rule (which runs ask for it)

    @property
    def procedure(self) -> str:
        """The name EARL gives the tool rule (its title): the code, as the tool says it."""
        return self.code


@dataclass
class ActMap:
    checks: tuple[Check, ...]
    criteria: dict[str, str]  # success criterion number → its id in WCAG 2 (language-of-page)
    _index: dict[tuple[str, str], Check] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._index = {(check.runner, check.code): check for check in self.checks}

    def find(self, runner: str, code: str) -> Check | None:
        return self._index.get((_runner_key(runner), code))

    def for_rule(self, rule_id: str) -> list[Check]:
        return [check for check in self.checks if rule_id in check.act]

    def requirement_ids(self, check: Check) -> list[str]:
        """``isPartOf`` of an EARL test: the ACT rules and the WCAG criteria, as W3C names them."""
        rules = [ACT_RULE_URL.format(rule) for rule in check.act]
        criteria = [f"WCAG2:{self.criteria[sc]}" for sc in check.wcag if sc in self.criteria]
        return rules + criteria


def _runner_key(runner: str) -> str:
    # WCAG 2.2's own axe rules run in pa11y's axe run too: the same axe rules.
    return "axe" if runner == "axe-wcag22" else runner


def act_map_from(data: dict[str, object]) -> ActMap:
    entries = data["checks"]
    criteria = data["criteria"]
    added = data.get("mapped_here", [])
    assert isinstance(entries, list) and isinstance(criteria, dict) and isinstance(added, list)
    checks = tuple(
        Check(
            str(entry["runner"]),
            str(entry["code"]),
            tuple(entry["act"]),
            tuple(entry["wcag"]),
            str(entry["source"]),
            tuple(entry.get("tags", ())),
        )
        for entry in entries
    )
    return ActMap(_mapped_here(checks, added), {str(k): str(v["id"]) for k, v in criteria.items()})


def _mapped_here(checks: tuple[Check, ...], added: list[dict[str, object]]) -> tuple[Check, ...]:
    """``checks`` with the ACT rules this project maps to a tool's rule added, each
    source naming both; an addition for a rule the map does not have is refused."""
    by_key = {(check.runner, check.code): check for check in checks}
    for entry in added:
        key = (str(entry["runner"]), str(entry["code"]))
        if key not in by_key:
            raise ValueError(f"{MAP_FILE.name}: mapped_here names {key[0]} {key[1]!r}, no check")
        check = by_key[key]
        rules = entry["act"]
        assert isinstance(rules, list)
        by_key[key] = replace(
            check,
            act=tuple(sorted({*check.act, *map(str, rules)})),
            source=f"{check.source}; {entry['source']}",
        )
    return tuple(by_key[(check.runner, check.code)] for check in checks)


@cache
def load_act_map() -> ActMap:
    """The package's map (read once)."""
    return act_map_from(read_json(MAP_FILE))
