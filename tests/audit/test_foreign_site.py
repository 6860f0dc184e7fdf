"""``i18n-pipeline audit DIR --language-only`` on a small site in languages this project
does not have (Dutch, French, Spanish, Hebrew): the audit knows nothing of it and
still finds each barrier, and nothing on the pages that are correctly marked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from i18n_pipeline.cli import main
from i18n_pipeline.errors import ExitCode

Audited = tuple[int, dict[str, dict[str, object]], Path]
FOREIGN = Path(__file__).resolve().parents[1] / "fixtures" / "audit" / "foreign"

#: page → (runner, code, the text it names) of every finding it must have, errors and
#: warnings; pages not listed must have none.
EXPECTED = {
    "nl/index.html": {
        ("language", "block-language-mismatch", "Please note that the reading room is closed"),
    },
    "fr/index.html": {
        ("language", "unmarked-phrase", "hasta luego y buena suerte"),
        ("language", "name-language-mismatch", "Map of the town centre with the new library"),
    },
    "he/index.html": {("direction", "rtl-text-resolves-ltr", "הספרייה פתוחה מיום ראשון")},
    "he/contact.html": {
        ("language", "unmarked-phrase", "reading room is closed"),
        ("direction", "bidi-unisolated-run", "the reading room is closed"),
    },
}


@pytest.fixture(scope="module")
def audited(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[int, dict[str, dict[str, object]], Path]:
    """Exit code, results per page and the reports directory of one language-only audit."""
    work = tmp_path_factory.mktemp("foreign")
    site = work / "foreign"
    shutil.copytree(FOREIGN, site)
    code = main(
        ["audit", str(site), "--language-only", "--fresh", "--reports", str(work / "reports")]
    )
    report = json.loads((work / "reports" / "audit.json").read_text(encoding="utf-8"))
    pages = {
        page: result for group in report["languages"].values() for page, result in group.items()
    }
    return code, pages, work / "reports"


def found(result: dict[str, object]) -> set[tuple[str, str, str]]:
    return {
        (issue["runner"], issue["rule"], issue["context"])
        for kind in ("errors", "reported", "needs_review")
        for issue in result[kind]  # type: ignore[attr-defined]
    }


def test_the_audit_of_a_foreign_site_fails_on_its_barriers(
    audited: Audited,
) -> None:
    code, pages, _ = audited

    assert code == ExitCode.FINDINGS
    assert sorted(pages) == sorted(
        p.relative_to(FOREIGN).as_posix() for p in FOREIGN.rglob("*.html")
    )


@pytest.mark.parametrize(
    "page", sorted(p.relative_to(FOREIGN).as_posix() for p in FOREIGN.rglob("*.html"))
)
def test_each_page_has_exactly_its_findings(audited: Audited, page: str) -> None:
    _, pages, _ = audited
    expected = EXPECTED.get(page, set())

    actual = found(pages[page])

    assert len(actual) == len(expected)
    for runner, code, text in expected:
        assert any(r == runner and c == code and text in t for r, c, t in actual), (code, actual)


def test_the_report_marks_each_excerpt_in_its_language_and_passes_its_own_checks(
    audited: Audited, tmp_path: Path
) -> None:
    """A finding's excerpt is in the language found, not the page's: the HTML report
    marks it so, and the report passes the language checks itself."""
    _, _, reports = audited
    report_site = tmp_path / "report"
    report_site.mkdir()
    shutil.copy2(reports / "audit.html", report_site / "audit.html")
    page = (report_site / "audit.html").read_text(encoding="utf-8")

    code = main(["audit", str(report_site), "--language-only", "--reports", str(tmp_path / "out")])

    assert '<code lang="es" dir="auto">hasta luego y buena suerte' in page
    assert code == 0


def test_explain_prints_both_identifiers_scores_for_each_passage_of_one_page(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["audit", str(FOREIGN), "--explain", "fr/index.html"])

    out = capsys.readouterr().out
    assert code == ExitCode.FINDINGS
    assert "<p> (declared fr): 'Le maire a conclu la réunion" in out
    assert "lingua: fr " in out and "py3langid: fr " in out
    assert "error: unmarked-phrase" in out
    assert "text: 'hasta luego y buena suerte" in out
