"""The audit's EARL report (``audit --format earl``): JSON-LD that W3C's way of reading
EARL reads, one assertion per check and page, and the map it takes ACT rules and WCAG
criteria from."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pyld import jsonld

from i18n_pipeline.audit.act.earl_read import EARL, read_earl, read_earl_file
from i18n_pipeline.audit.act_map import act_map_from, load_act_map
from i18n_pipeline.audit.earl import OWN_RUNNERS
from i18n_pipeline.cli import main
from i18n_pipeline.errors import ExitCode, InputRefusedError

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "audit" / "language"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def earl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The language checks' EARL on two pages: a German paragraph on an English page,
    and its correctly marked twin."""
    site = tmp_path_factory.mktemp("site")
    for name in ("block-wrong.html", "block-right.html"):
        shutil.copyfile(PAGES / name, site / name)
    reports = tmp_path_factory.mktemp("reports")
    code = main(
        ["audit", str(site), "--language-only", "--format", "earl", "--reports", str(reports)]
    )
    assert code == ExitCode.FINDINGS
    data: dict[str, object] = json.loads((reports / "audit.earl.json").read_text("utf-8"))
    return data


def test_the_report_is_json_ld_whose_assertions_name_subject_test_and_outcome(
    earl: dict[str, object],
) -> None:
    expanded = jsonld.expand(earl)
    assertions = [node for node in expanded if EARL + "Assertion" in node.get("@type", [])]

    assert assertions
    for node in assertions:
        assert {EARL + "subject", EARL + "test", EARL + "result", EARL + "assertedBy"} <= set(node)


def test_one_assertion_per_check_and_page_failed_where_the_check_found_a_barrier(
    earl: dict[str, object],
) -> None:
    assertions = read_earl(earl)
    own = [c for c in load_act_map().checks if c.runner in OWN_RUNNERS]
    outcomes = {(a.source.rsplit("/", 1)[1], a.procedure): a.outcome for a in assertions}

    assert len(assertions) == 2 * len(own)
    assert outcomes["block-wrong.html", "block-language-mismatch"] == "failed"
    assert outcomes["block-right.html", "block-language-mismatch"] == "passed"
    assert outcomes["block-wrong.html", "lang-invalid"] == "passed"


def test_a_test_names_its_act_rules_and_wcag_criteria(earl: dict[str, object]) -> None:
    tests = {
        a.procedure: set(a.requirements)
        for a in read_earl(earl)
        if a.source.endswith("block-right.html")
    }

    assert tests["lang-invalid"] == {
        "https://www.w3.org/WAI/standards-guidelines/act/rules/de46e4/",
        "WCAG2:language-of-parts",
    }
    assert tests["html-lang-missing"] >= {"WCAG2:language-of-page"}


def test_every_entry_of_the_map_names_its_source_and_known_criteria() -> None:
    act_map = load_act_map()

    assert all(check.source for check in act_map.checks)
    assert all(sc in act_map.criteria for check in act_map.checks for sc in check.wcag)
    assert {check.code for check in act_map.for_rule("ucwvc8")} >= {"page-language-mismatch"}


def test_an_act_rule_mapped_here_is_added_to_the_tools_own_metadata() -> None:
    """axe-core's summary-name names no ACT rule; the map adds 2t702h, and says so."""
    summary = load_act_map().find("axe", "summary-name")

    assert summary is not None and summary.act == ("2t702h",)
    assert summary.wcag == ("4.1.2",)
    assert summary.source.startswith("axe-core ") and "this project" in summary.source
    assert summary in load_act_map().for_rule("2t702h")


def test_a_mapping_for_a_check_the_map_lacks_is_refused() -> None:
    data = {
        "criteria": {},
        "checks": [{"runner": "axe", "code": "summary-name", "act": [], "wcag": [], "source": "x"}],
        "mapped_here": [
            {"runner": "axe", "code": "no-such-rule", "act": ["2t702h"], "source": "y"}
        ],
    }

    with pytest.raises(ValueError, match="no-such-rule"):
        act_map_from(data)


def test_a_file_that_is_no_json_ld_is_refused_with_its_name(tmp_path: Path) -> None:
    bad = tmp_path / "report.json"
    bad.write_text('{"@context": "https://example.org/unknown-context.json", "@graph": []}')

    with pytest.raises(InputRefusedError) as raised:
        read_earl_file(bad)

    assert "report.json" in str(raised.value) and "unknown-context" in str(raised.value)
