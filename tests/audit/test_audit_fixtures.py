"""The real audit (pa11y with axe and HTML_CodeSniffer in Chromium, the browser
probe, the language checks) on fixture pages that each break one thing.

``fixtures/audit/site/`` is "any site": not this project's layout, audited by
path, as an auditor would point the command at another build.
"""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import pytest

from i18n_pipeline.cli import main
from i18n_pipeline.errors import ExitCode

pytestmark = pytest.mark.slow

FIXTURE_SITE = Path(__file__).resolve().parents[1] / "fixtures" / "audit" / "site"

#: page → (runner, code) pairs that must each be reported as a gating error,
#: and the WCAG success criteria every one of its errors must belong to.
BROKEN = {
    "missing-alt.html": ({("axe", "image-alt"), ("htmlcs", "H37")}, {"1.1.1"}),
    "missing-lang.html": ({("axe", "html-has-lang"), ("htmlcs", "H57.2")}, {"3.1.1"}),
    "low-contrast.html": ({("axe", "color-contrast"), ("htmlcs", "G18.Fail")}, {"1.4.3"}),
    "unlabelled-field.html": ({("axe", "label"), ("htmlcs", "F68")}, {"1.3.1", "4.1.2"}),
    "unmarked-german.html": ({("language", "block-language-mismatch")}, {"3.1.2"}),
    "third-party-image.html": ({("requests", "third-party-request")}, {""}),
}


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, dict[str, object]]:
    """Exit code and audit.json of one real audit over every fixture page."""
    work = tmp_path_factory.mktemp("audit-fixtures")
    site = work / "site"
    shutil.copytree(FIXTURE_SITE, site)
    reports = work / "reports"
    code = main(["audit", str(site), "--reports", str(reports), "--fresh"])
    return code, json.loads((reports / "audit.json").read_text(encoding="utf-8"))


def page_result(report: dict[str, object], page: str) -> dict[str, list[dict[str, str]]]:
    languages = report["languages"]
    assert isinstance(languages, dict)
    for pages in languages.values():
        if page in pages:
            return pages[page]
    raise AssertionError(f"{page} is missing from the report")


def short_code(issue: dict[str, str]) -> tuple[str, str]:
    """HTML_CodeSniffer codes are long paths; the technique at the end is what matters."""
    code = issue["rule"]
    if issue["runner"] == "htmlcs":
        parts = code.split(".")
        code = ".".join(parts[4:]) if len(parts) > 4 else code
    return issue["runner"], code


@pytest.mark.parametrize("page", sorted(BROKEN))
def test_each_broken_page_is_reported_with_the_right_codes(
    audited: tuple[int, dict[str, object]], page: str
) -> None:
    _, report = audited
    errors = page_result(report, page)["errors"]
    expected_codes, _ = BROKEN[page]

    assert expected_codes <= {short_code(issue) for issue in errors}


@pytest.mark.parametrize("page", sorted(BROKEN))
def test_each_broken_page_fails_only_for_its_own_reason(
    audited: tuple[int, dict[str, object]], page: str
) -> None:
    _, report = audited
    errors = page_result(report, page)["errors"]
    _, criteria = BROKEN[page]

    assert {issue["criterion"] for issue in errors} <= criteria


def test_clean_page_passes(audited: tuple[int, dict[str, object]]) -> None:
    _, report = audited
    result = page_result(report, "clean.html")

    assert result["errors"] == []
    assert not result["tool_failure"]


def test_findings_fail_the_audit_with_their_exit_code(
    audited: tuple[int, dict[str, object]],
) -> None:
    code, report = audited

    assert code == ExitCode.FINDINGS
    assert report["verdict"] == "fail"
    summary = report["summary"]
    assert isinstance(summary, dict)
    assert summary["tool_failures"] == []
    assert summary["pages"] == len(BROKEN) + 2  # and the clean page, and the valid tag


def test_htmlcs_calling_a_valid_tag_malformed_is_for_review_not_an_error(
    audited: tuple[int, dict[str, object]],
) -> None:
    """lang="de-DE-AT" has two region subtags: HTML_CodeSniffer's pattern rejects it,
    but its primary subtag decides (BCP 47, the W3C's ACT rules): valid."""
    _, report = audited
    result = page_result(report, "valid-lang-two-regions.html")

    assert result["errors"] == []
    [review] = [i for i in result["needs_review"] if short_code(i) == ("htmlcs", "H58.1.Lang")]
    assert "primary subtag 'de' is registered" in review["message"]


def test_third_party_request_names_the_host_and_is_never_sent(
    audited: tuple[int, dict[str, object]],
) -> None:
    _, report = audited
    (issue,) = [
        i
        for i in page_result(report, "third-party-image.html")["errors"]
        if i["runner"] == "requests"
    ]

    assert "images.example.com" in issue["message"]


def test_no_pass_of_the_audit_sends_a_request_to_another_host(tmp_path: Path) -> None:
    other_host = socket.create_server(("127.0.0.1", 0))  # another origin: another port
    other_host.settimeout(0)
    address = f"http://127.0.0.1:{other_host.getsockname()[1]}/pixel.svg"
    site = tmp_path / "site"
    site.mkdir()
    clean = (FIXTURE_SITE / "clean.html").read_text(encoding="utf-8")
    (site / "tracked.html").write_text(
        clean.replace("</main>", f'<img src="{address}" alt="">\n</main>'), encoding="utf-8"
    )

    with other_host:
        code = main(["audit", str(site), "--reports", str(tmp_path / "reports"), "--fresh"])
        with pytest.raises(BlockingIOError):
            other_host.accept()  # nobody connected

    report = json.loads((tmp_path / "reports" / "audit.json").read_text(encoding="utf-8"))
    assert code == ExitCode.FINDINGS
    assert [i["context"] for i in page_result(report, "tracked.html")["errors"]] == [address]


def test_every_issue_carries_runner_code_criterion_selector_and_message(
    audited: tuple[int, dict[str, object]],
) -> None:
    _, report = audited
    errors = page_result(report, "low-contrast.html")["errors"]

    for issue in errors:
        assert issue["runner"] and issue["rule"] and issue["message"]
        assert issue["criterion"] == "1.4.3"
        assert issue["selector"].endswith("p")


def test_html_report_is_written_beside_the_json(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy2(FIXTURE_SITE / "clean.html", site / "clean.html")
    shutil.copy2(FIXTURE_SITE / "dot.svg", site / "dot.svg")

    code = main(["audit", str(site), "--reports", str(tmp_path / "reports")])

    assert code == 0
    report = (tmp_path / "reports" / "audit.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in report
    assert "manual checks still owed" in report
