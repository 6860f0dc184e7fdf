#!/usr/bin/env python3
"""Copy what CI needs of W3C's ACT rules into ``tests/act/``:
``python scripts/make_act_subset.py ../shared/act-rules``.

CI runs on a clean clone without the shared copy: the five language rules' test cases
(``testcases.json`` cut to them, the case files, the assets they load), the other
tools' EARL entries and W3C's summaries for those rules, and the W3C Document License.
The EARL entries are cut with the same JSON-LD reading the runner uses (pyld): every
node an assertion on one of the cases reaches, compacted again with the report's own
context.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from pyld import jsonld

from i18n_pipeline.audit.act.cases import LANGUAGE_RULES, case_key
from i18n_pipeline.audit.act.earl_read import DCT, EARL, _load_context
from i18n_pipeline.audit.act.report import PEERS
from i18n_pipeline.io import read_json, write_json

HTTP = "http://www.w3.org/2011/http#"
TARGET = Path(__file__).resolve().parent.parent / "tests" / "act"
_ASSET = re.compile(r"/WAI/content-assets/wcag-act-rules/(test-assets/[^\"' )]+)")


def main() -> int:
    suite = Path(sys.argv[1])
    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.mkdir(parents=True)
    listing = read_json(suite / "testcases.json")
    listing["testcases"] = [c for c in listing["testcases"] if c["ruleId"] in LANGUAGE_RULES]
    listing["count"] = len(listing["testcases"])
    write_json(TARGET / "testcases.json", listing)
    for case in listing["testcases"]:
        copy(suite, case["relativePath"])
        text = (suite / case["relativePath"]).read_text(encoding="utf-8")
        for asset in _ASSET.findall(text):
            copy(suite, asset)
    ids = {c["testcaseId"] for c in listing["testcases"]}
    for name in PEERS.values():
        write_json(TARGET / "earl" / name, cut_earl(read_json(suite / "earl" / name), ids))
        summary = read_json(suite / "implementations" / name)
        summary["actRuleMapping"] = [
            rule for rule in summary["actRuleMapping"] if rule["ruleId"] in LANGUAGE_RULES
        ]
        write_json(TARGET / "implementations" / name, summary)
    shutil.copyfile(suite / "LICENSE.md", TARGET / "LICENSE.md")
    print(f"{TARGET}: {len(ids)} cases")
    return 0


def copy(suite: Path, relative: str) -> None:
    target = TARGET / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(suite / relative, target)


def cut_earl(document: dict[str, Any], ids: set[str]) -> dict[str, Any]:
    """The report's nodes that assertions on the cases ``ids`` reach, in its own context."""
    options = {"documentLoader": _load_context}
    nodes = jsonld.flatten(document, options=options)
    by_id = {node["@id"]: node for node in nodes}
    keep: dict[str, Any] = {}

    def reach(identifier: str) -> None:
        node = by_id.get(identifier)
        if node is None or identifier in keep:
            return
        keep[identifier] = node
        for values in node.values():
            for value in values if isinstance(values, list) else []:
                if isinstance(value, dict) and "@id" in value:
                    reach(value["@id"])

    for node in nodes:
        if EARL + "Assertion" in node.get("@type", []):
            subject = by_id.get(node[EARL + "subject"][0]["@id"], {})
            sources = [v.get("@value", "") for v in subject.get(DCT + "source", [])]
            keys = [case_key(s) for s in [*sources, subject.get("@id", "")]]
            if any(key and key[1] in ids for key in keys):
                reach(node["@id"])
    # Alfa's subjects hold the HTTP exchange (the whole page); the cases are here anyway.
    for node in keep.values():
        node.pop(DCT + "hasPart", None)
    keep = {k: v for k, v in keep.items() if HTTP not in str(v.get("@type"))}
    return jsonld.compact({"@graph": list(keep.values())}, document["@context"], options=options)


if __name__ == "__main__":
    sys.exit(main())
