"""The auditor's ``.pa11yci``: pa11y-ci's keys, and accepted findings that stay in the
report, expire on their date, and can never silence the security or page-language checks."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

import pytest

from i18n_pipeline.audit.auditor_config import read_config
from i18n_pipeline.cli import main
from i18n_pipeline.errors import ConfigurationError, ExitCode

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "audit" / "language"
TODAY = datetime.date.today()


def write(tmp_path: Path, config: dict[str, object]) -> Path:
    path = tmp_path / ".pa11yci"
    path.write_text(json.dumps(config), encoding="utf-8")
    return path


def accept(rule: str, until: datetime.date, page: str = "block-wrong.html") -> dict[str, object]:
    return {
        "accepted": [
            {
                "page": page,
                "rule": rule,
                "reason": "the German paragraph is a quotation kept as the court wrote it",
                "by": "A. Auditor",
                "until": until.isoformat(),
            }
        ]
    }


def audit(tmp_path: Path, config: Path) -> tuple[int, dict[str, object]]:
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    shutil.copyfile(PAGES / "block-wrong.html", site / "block-wrong.html")
    reports = tmp_path / "reports"
    code = main(
        ["audit", str(site), "--language-only", "--config", str(config), "--reports", str(reports)]
    )
    report = json.loads((reports / "audit.json").read_text(encoding="utf-8"))
    [page] = [page for pages in report["languages"].values() for page in pages.values()]
    return code, page


def test_an_accepted_finding_stays_in_the_report_as_accepted_and_does_not_gate(
    tmp_path: Path,
) -> None:
    config = write(tmp_path, accept("block-language-mismatch", TODAY + datetime.timedelta(30)))

    code, page = audit(tmp_path, config)

    assert code == ExitCode.OK
    assert page["errors"] == []
    [accepted] = page["accepted"]
    assert accepted["rule"] == "block-language-mismatch"
    assert "A. Auditor" in accepted["accepted"] and "quotation" in accepted["accepted"]
    assert "Accepted:" in (tmp_path / "reports" / "audit.html").read_text(encoding="utf-8")


def test_an_acceptance_holds_through_its_date_and_gates_again_the_day_after(
    tmp_path: Path,
) -> None:
    on_the_day, _ = audit(tmp_path, write(tmp_path, accept("block-language-mismatch", TODAY)))
    after = TODAY - datetime.timedelta(1)
    code, page = audit(tmp_path, write(tmp_path, accept("block-language-mismatch", after)))

    assert on_the_day == ExitCode.OK
    assert code == ExitCode.FINDINGS
    [error] = page["errors"]
    assert page["accepted"] == []
    assert f"expired {after.isoformat()}" in error["message"]


@pytest.mark.parametrize("rule", ["third-party-request", "page-language-mismatch", "html-has-lang"])
def test_the_security_and_page_language_checks_cannot_be_accepted(
    tmp_path: Path, rule: str
) -> None:
    config = write(tmp_path, accept(rule, TODAY + datetime.timedelta(30)))

    with pytest.raises(ConfigurationError) as refused:
        read_config(config)

    assert ".pa11yci" in str(refused.value) and "accepted[0]" in str(refused.value)
    assert main(["audit", str(tmp_path), "--language-only", "--config", str(config)]) != 0


def test_pa11y_ci_s_keys_are_read_as_pa11y_ci_reads_them(tmp_path: Path) -> None:
    config = read_config(
        write(
            tmp_path,
            {
                "defaults": {
                    "standard": "WCAG2A",
                    "ignore": ["color-contrast"],
                    "hideElements": "#cookie-banner",
                    "timeout": 10000,
                },
                "urls": ["/en/index.html", "de/index.html"],
            },
        )
    )

    assert config.pa11y_options() == {
        "standard": "WCAG2A",
        "ignore": ["color-contrast"],
        "hideElements": "#cookie-banner",
    }
    assert (config.timeout_ms, config.urls) == (10000, ("en/index.html", "de/index.html"))


@pytest.mark.parametrize(
    ("config", "said"),
    [
        ({"defaults": {"standard": "WCAG3"}}, "defaults.standard"),
        ({"defaults": {"chromeLaunchConfig": {}}}, "chromeLaunchConfig"),
        ({"urls": ["https://example.org/"]}, "urls"),
        ({"accepted": [{"page": "a.html", "rule": "x"}]}, "accepted[0]"),
    ],
)
def test_a_mistake_is_an_error_naming_the_file_and_the_entry(
    tmp_path: Path, config: dict[str, object], said: str
) -> None:
    with pytest.raises(ConfigurationError) as refused:
        read_config(write(tmp_path, config))

    assert ".pa11yci" in str(refused.value) and said in str(refused.value)
