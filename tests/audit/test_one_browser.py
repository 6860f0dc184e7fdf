"""One Chromium per audit run, whatever the page count, finding what two browsers found.

The browser is started through a wrapper that logs every start before it becomes
Chromium (``exec``): the operating system's count, and the audit's own is checked
against it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from audit.findings import browser_findings
from i18n_pipeline.audit.browser import BROWSER_VARIABLE, BrowserStartLog, find_browser
from i18n_pipeline.cli import main

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "audit"
#: What pa11y-ci and the probe, each in its own Chromium, found on these pages
#: (recorded at commit a7ed3ff, before the audit ran in one browser).
RECORDED = FIXTURES / "findings-before-one-browser.json"


@pytest.fixture(scope="module")
def audited(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, Path, BrowserStartLog]:
    """One fresh audit of every fixture page through the counting browser:
    (site, audit.json, the wrapper's log)."""
    work = tmp_path_factory.mktemp("one-browser")
    site = work / "site"
    shutil.copytree(FIXTURES / "site", site)
    shutil.copytree(FIXTURES / "probe-pages", site, dirs_exist_ok=True)
    starts = BrowserStartLog.install(work / "browser", find_browser())
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(BROWSER_VARIABLE, str(starts.wrapper))
        main(
            [
                "audit",
                str(site),
                "--reports",
                str(work / "reports"),
                "--fresh",
                "--concurrency",
                "4",
            ]
        )
    return site, work / "reports" / "audit.json", starts


def test_every_page_is_audited_in_one_chromium_start(
    audited: tuple[Path, Path, BrowserStartLog],
) -> None:
    site, audit_json, starts = audited
    pages = len(list(site.glob("*.html")))

    assert pages > 4  # more pages than are audited at once
    assert starts.take() == 1
    assert json.loads(audit_json.read_text(encoding="utf-8"))["browser_starts"] == 1


def test_findings_are_those_of_pa11y_ci_and_the_probe_in_two_browsers(
    audited: tuple[Path, Path, BrowserStartLog],
) -> None:
    _, audit_json, _ = audited
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))

    found = browser_findings(audit_json)

    # Pages added to the fixtures since the recording have no earlier findings to match.
    assert {page: found[page] for page in recorded} == recorded
