"""Run the ACT rules' test cases through the audit: serve them where they expect to be,
audit every HTML case in one browser, and write the audit's EARL report for them.

The cases load their assets from ``/WAI/content-assets/wcag-act-rules/test-assets/``:
the cases are laid out below that path in a scratch folder, whose ``test-assets`` is a
link to the suite's, and the audit serves the folder on 127.0.0.1 as it serves a site.
Each case gets one assertion per check that the map (``act_map.json``) says implements
the case's ACT rule; a case that is no HTML page (SVG, MathML) is not audited, and its
assertions say ``inapplicable``.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from i18n_pipeline.audit.act.cases import Case, case_key
from i18n_pipeline.audit.act_map import Check, load_act_map
from i18n_pipeline.audit.earl import earl_report, ran
from i18n_pipeline.audit.model import PageResult
from i18n_pipeline.audit.run import AuditSettings, audit_site

SERVED_AT = "WAI/content-assets/wcag-act-rules"
#: The cases' address on W3C's site, which every tool's report names.
W3C_SITE = "https://www.w3.org/"


@dataclass(frozen=True)
class SuiteRun:
    earl: dict[str, object]  # the audit's EARL report on the cases
    browser_starts: int
    failures: tuple[str, ...]  # cases a tool failed on (no verdict)


def run_cases(
    suite: Path,
    cases: list[Case],
    cache_root: Path,
    language_only: bool = False,
) -> SuiteRun:
    """Audit ``cases`` (from the suite folder ``suite``) and report them as EARL."""
    with tempfile.TemporaryDirectory(prefix="act-cases-") as scratch:
        site = Path(scratch)
        served = site / SERVED_AT
        for case in cases:
            target = served / case.path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(suite / case.path, target)
        if (suite / "test-assets").is_dir():
            (served / "test-assets").symlink_to((suite / "test-assets").resolve())
        pages = tuple(f"{SERVED_AT}/{case.path}" for case in cases if case.path.endswith(".html"))
        settings = AuditSettings(
            site=site,
            cache_root=cache_root,
            alternates=False,
            language_only=language_only,
            pages=pages,
        )
        result = audit_site(settings)
    audited = {page.relative: page for page in result.pages}
    results = [
        audited.get(f"{SERVED_AT}/{case.path}")
        or PageResult(f"{SERVED_AT}/{case.path}", f"{SERVED_AT}/{case.path}", None)
        for case in cases
    ]
    report = earl_report(
        results,
        lambda page: W3C_SITE + page.relative,
        _checks_of_rule(language_only),
        tool_versions=result.tool_versions,
        unmapped=False,
    )
    failures = tuple(page.relative for page in result.tool_failures)
    return SuiteRun(report, result.browser_starts, failures)


def _checks_of_rule(language_only: bool) -> Callable[[PageResult], Iterable[Check]]:
    """The checks the map names for the ACT rule of the case a page is (that ran)."""
    act_map = load_act_map()

    def checks(page: PageResult) -> list[Check]:
        key = case_key(page.relative)
        if key is None:
            return []
        return [check for check in act_map.for_rule(key[0]) if ran(check, language_only)]

    return checks
