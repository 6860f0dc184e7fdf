"""WCAG 2.2 findings are reported but do not gate (BITV 2.0 is WCAG 2.1 AA), until
``--wcag22-gates`` says they do."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from i18n_pipeline.cli import main
from i18n_pipeline.errors import ExitCode

pytestmark = pytest.mark.slow

SMALL_TARGETS = Path(__file__).resolve().parents[1] / "fixtures" / "audit" / "probe-pages"


def audit_small_targets(tmp_path: Path, *options: str) -> tuple[int, list[dict[str, object]]]:
    """Exit code, and the 2.5.8 Target Size findings on a page of two 12 px links."""
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(SMALL_TARGETS / "small-targets.html", site)
    code = main(["audit", str(site), "--reports", str(tmp_path / "reports"), "--fresh", *options])
    report = json.loads((tmp_path / "reports" / "audit.json").read_text(encoding="utf-8"))
    [page] = [pages["small-targets.html"] for pages in report["languages"].values()]
    issues = page["errors"] + page["reported"] + page["needs_review"]
    return code, [i for i in issues if i["rule"] == "target-size"]


def test_a_wcag_22_failure_is_reported_without_gating(tmp_path: Path) -> None:
    code, findings = audit_small_targets(tmp_path)

    assert code == 0
    assert len(findings) == 2
    assert all(f["criterion"] == "2.5.8" and not f["gating"] for f in findings)


def test_with_wcag22_gates_the_same_failure_stops_the_audit(tmp_path: Path) -> None:
    code, findings = audit_small_targets(tmp_path, "--wcag22-gates")

    assert code == ExitCode.FINDINGS
    assert len(findings) == 2
    assert all(f["gating"] for f in findings)
