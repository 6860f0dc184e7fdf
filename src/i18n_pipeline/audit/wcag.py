"""Map each tool's rule to the WCAG success criterion and level it tests."""

from __future__ import annotations

import json
import re
import subprocess
from functools import cache

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


def axe_rule_tags(env: NodeEnvironment) -> dict[str, list[str]]:
    """axe-core's own rule metadata (``axe.getRules()``): rule id → tags."""
    return _axe_rule_tags(env)


@cache
def _axe_rule_tags(env: NodeEnvironment) -> dict[str, list[str]]:
    script = "const a=require('axe-core');process.stdout.write(JSON.stringify(a.getRules()))"
    output = subprocess.run(
        [str(env.node), "-e", script],
        capture_output=True,
        text=True,
        check=True,
        env=env.environ(),
        cwd=env.app_dir,
    ).stdout
    return {rule["ruleId"]: rule["tags"] for rule in json.loads(output)}


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
