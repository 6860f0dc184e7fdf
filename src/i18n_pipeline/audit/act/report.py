"""The implementation report: per ACT rule, the audit's consistency beside the other
tools', all judged by one code (``consistency``) from their EARL reports, and W3C's
published counts beside the recomputed ones."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from i18n_pipeline.audit.act.consistency import WORDS, RuleResult
from i18n_pipeline.io import read_json, write_atomically

#: The published reports compared with, as the suite's earl/ folder names them.
PEERS = {
    "axe-core": "axe-core.json",
    "Alfa": "alfa.json",
    "QualWeb": "qualweb.json",
    "Equal Access": "equal-access.json",
}
OURS = "this audit"
_RANK = {"complete": 2, "partial": 1}


#: Rules where the audit is less consistent than axe-core, with why (data, not code).
DIFFERENCES_FILE = Path(__file__).with_name("differences.json")


def explained_differences() -> dict[str, str]:
    """ACT rule → why the audit is less consistent on it than axe-core's published run."""
    data = read_json(DIFFERENCES_FILE)
    return {str(rule): str(why) for rule, why in data["rules"].items()}


@dataclass(frozen=True)
class Comparison:
    tools: dict[str, list[RuleResult]]  # tool → its result per rule, in the suite's order
    published: dict[str, int]  # tool → consistent rules in W3C's own summary (when shipped)
    explained: dict[str, str] = field(default_factory=dict)  # rule → why it is worse than axe

    def unexplained(self) -> list[str]:
        """Rules worse than axe-core with no reason given: defects."""
        return [rule for rule in self.worse_than_axe() if rule not in self.explained]

    def consistent(self, tool: str) -> int:
        return sum(r.consistency == "complete" for r in self.tools[tool])

    def worse_than_axe(self) -> list[str]:
        """Rules where the audit is less consistent than axe-core's published result (a
        defect: the audit runs axe-core)."""
        if "axe-core" not in self.tools:
            return []
        axe = {r.rule: r for r in self.tools["axe-core"]}
        return [
            r.rule
            for r in self.tools[OURS]
            if _RANK.get(r.consistency, 0) < _RANK.get(axe[r.rule].consistency, 0)
        ]


def published_counts(suite: Path) -> dict[str, int]:
    """Consistent rules per tool in W3C's summaries (``implementations/``), where shipped."""
    counts = {}
    for tool, name in PEERS.items():
        summary = suite / "implementations" / name
        if summary.is_file():
            rules = read_json(summary)["actRuleMapping"]
            counts[tool] = sum(rule.get("consistency") == "complete" for rule in rules)
    return counts


def _cell(result: RuleResult) -> str:
    word = WORDS[result.consistency]
    if result.consistency == "untested":
        return word
    return f"{word} ({result.right}/{len(result.cases)})"


def markdown(comparison: Comparison, title: str, note: str) -> str:
    tools = list(comparison.tools)
    lines = [
        f"### {title}",
        "",
        note,
        "",
        "| ACT rule | " + " | ".join(tools) + " |",
        "| --- | " + " | ".join("---" for _ in tools) + " |",
    ]
    rows: Mapping[str, Sequence[RuleResult]] = comparison.tools
    for index, ours in enumerate(rows[OURS]):
        cells = [_cell(rows[tool][index]) for tool in tools]
        lines.append(
            f"| [{ours.rule_name}]({_rule_url(ours.rule)}) (`{ours.rule}`) | "
            + " | ".join(cells)
            + " |"
        )
    lines.append(
        "| **consistent rules** | "
        + " | ".join(f"**{comparison.consistent(tool)}**" for tool in tools)
        + " |"
    )
    if comparison.published:
        lines.append(
            "| consistent rules in W3C's published summary | "
            + " | ".join(str(comparison.published.get(tool, "–")) for tool in tools)
            + " |"
        )
    worse = comparison.worse_than_axe()
    lines += [
        "",
        "Rules where the audit is less consistent than axe-core's published result: "
        + ("none." if not worse else ""),
    ]
    if worse:
        lines.append("")
    for rule in worse:
        why = comparison.explained.get(rule, "**not explained: a defect**")
        lines.append(f"- `{rule}`: {why}")
    return "\n".join(lines) + "\n"


def _rule_url(rule: str) -> str:
    return f"https://www.w3.org/WAI/standards-guidelines/act/rules/{rule}/"


def replace_section(document: Path, name: str, text: str) -> Path:
    """Put ``text`` between the document's markers for ``name`` (added at its end when
    missing), leaving the rest of the document as it is."""
    start, end = f"<!-- act-report: {name} -->", f"<!-- /act-report: {name} -->"
    old = document.read_text(encoding="utf-8") if document.is_file() else ""
    block = f"{start}\n{text}{end}"
    if start in old and end in old:
        before, rest = old.split(start, 1)
        new = before + block + rest.split(end, 1)[1]
    else:
        new = old.rstrip("\n") + ("\n\n" if old else "") + block + "\n"
    write_atomically(document, new.encode("utf-8"))
    return document
