"""Map each tool's rule to the WCAG success criterion and level it tests."""

from __future__ import annotations

import json
import re
import subprocess
from functools import cache
from typing import Any

from i18n_pipeline.audit.node_env import NodeEnvironment

_CRITERION_TAG = re.compile(r"^wcag(\d)(\d)(\d+)$")
_LEVEL_TAGS = {
    "wcag2a": "A",
    "wcag21a": "A",
    "wcag22a": "A",
    "wcag2aa": "AA",
    "wcag21aa": "AA",
    "wcag22aa": "AA",
    "wcag2aaa": "AAA",
    "wcag21aaa": "AAA",
    "wcag22aaa": "AAA",
}
_HTMLCS_CRITERION = re.compile(r"Guideline\d_\d+\.(\d)_(\d+)_(\d+)")
#: The axe-core rules pa11y's axe runner asks for with the standard WCAG2AA (its
#: createAxeRunOnlyTags): rules with none of these tags it does not run by itself.
PA11Y_AXE_TAGS = ("wcag2a", "wcag21a", "wcag2aa", "wcag21aa", "best-practice")
#: WCAG 2.2's own A and AA criteria: BITV 2.0 is WCAG 2.1, so their findings are
#: reported, and gate only when configured to.
WCAG22_TAGS = ("wcag22a", "wcag22aa")


def axe_rule_tags(env: NodeEnvironment) -> dict[str, list[str]]:
    """axe-core's own rule metadata (``axe.getRules()``): rule id → tags."""
    return _axe_rule_tags(env)


@cache
def _axe_rule_tags(env: NodeEnvironment) -> dict[str, list[str]]:
    return {rule["ruleId"]: rule["tags"] for rule in axe_rules(env)[1]}


def axe_rules(env: NodeEnvironment) -> tuple[str, list[dict[str, Any]]]:
    """The installed axe-core's version and its rules' metadata (``axe.getRules()``: id,
    tags, ACT rule ids), as axe-core itself reports them."""
    script = (
        "const a=require('axe-core');process.stdout.write(JSON.stringify("
        "{version:a.version,rules:a.getRules()}))"
    )
    output = subprocess.run(
        [str(env.node), "-e", script],
        capture_output=True,
        text=True,
        check=True,
        env=env.environ(),
        cwd=env.app_dir,
    ).stdout
    data = json.loads(output)
    return str(data["version"]), list(data["rules"])


def is_wcag22_only(tags: list[str]) -> bool:
    """A rule of WCAG 2.2's own A or AA criteria that pa11y's tags do not ask for."""
    return bool(set(tags) & set(WCAG22_TAGS)) and not set(tags) & set(PA11Y_AXE_TAGS)


def axe_criterion(tags: list[str]) -> tuple[str, str]:
    """(criterion, level) from axe tags; ("", "") for best-practice rules."""
    criteria = [".".join(m.groups()) for m in map(_CRITERION_TAG.match, tags) if m]
    levels = [_LEVEL_TAGS[tag] for tag in tags if tag in _LEVEL_TAGS]
    return ", ".join(criteria), (levels[0] if levels else "")


def is_wcag_21_a_or_aa(tags: list[str]) -> bool:
    """In BITV 2.0's scope: WCAG 2.0/2.1 level A or AA (not 2.2, not best practice)."""
    return any(tag in ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa") for tag in tags)


def htmlcs_criterion(code: str) -> str:
    match = _HTMLCS_CRITERION.search(code)
    return ".".join(match.groups()) if match else ""
