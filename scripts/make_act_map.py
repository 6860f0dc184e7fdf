#!/usr/bin/env python3
"""Refresh ``src/i18n_pipeline/audit/act_map.json``:
``python scripts/make_act_map.py``.

- axe-core's entries are rewritten from the installed axe-core's own metadata
  (``axe.getRules()``: each rule's ``actIds`` and its WCAG tags), so that the map says
  what the axe-core the audit runs says of itself. Run it after upgrading axe-core.
- The ids WCAG 2 gives its success criteria (``language-of-page`` for 3.1.1), and the
  other entries (HTML_CodeSniffer's codes, the audit's own checks) are kept as they
  are: each names its own source.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from i18n_pipeline.audit.act_map import MAP_FILE
from i18n_pipeline.audit.node_env import default_cache_dir, ensure_node_environment
from i18n_pipeline.audit.wcag import axe_rules
from i18n_pipeline.io import write_json
from i18n_pipeline.project import Project

_CRITERION_TAG = re.compile(r"^wcag(\d)(\d)(\d+)$")


def axe_entries() -> list[dict[str, object]]:
    env = ensure_node_environment(default_cache_dir(Project.discover(None).cache_dir))
    version, rules = axe_rules(env)
    source = f"axe-core {version}: axe.getRules() (actIds, WCAG tags)"
    return [
        {
            "runner": "axe",
            "code": rule["ruleId"],
            "act": sorted(rule.get("actIds") or []),
            "wcag": [".".join(m.groups()) for m in map(_CRITERION_TAG.match, rule["tags"]) if m],
            "tags": rule["tags"],
            "source": source,
        }
        for rule in sorted(rules, key=lambda rule: rule["ruleId"])
    ]


def main() -> int:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args()
    data = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    data["checks"] = axe_entries() + [e for e in data["checks"] if e["runner"] != "axe"]
    write_json(MAP_FILE, data)
    print(f"{MAP_FILE}: {len(data['checks'])} checks, {len(data['criteria'])} criteria")
    return 0


if __name__ == "__main__":
    sys.exit(main())
