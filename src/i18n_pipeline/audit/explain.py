"""``i18n-pipeline audit --explain PAGE``: what the language identifiers found on one page.

For an auditor who doubts a finding (or its absence): every passage the checks
judge, the language declared for it, both identifiers' best scores among the
page's candidate languages, then the findings themselves.
"""

from __future__ import annotations

import sys
from pathlib import Path

from i18n_pipeline.audit.identify import explain
from i18n_pipeline.audit.language_checks import page_candidates
from i18n_pipeline.audit.model import SiteLanguages
from i18n_pipeline.audit.pages import discover_pages
from i18n_pipeline.audit.passages import page_passages, without_exempt
from i18n_pipeline.audit.run import page_language_issues
from i18n_pipeline.errors import ExitCode
from i18n_pipeline.text.printable import printable


def explain_page(site: Path, relative: str, languages: SiteLanguages) -> int:
    """Print the scores and findings for ``relative``; exit 1 when it has findings."""
    wanted = Path(relative).as_posix().removeprefix(site.as_posix().rstrip("/") + "/")
    pages = [page for page in discover_pages(site, languages.expected) if page.relative == wanted]
    if not pages:
        print(f"error: {site / wanted}: no such page below {site}", file=sys.stderr)
        return 2
    page = pages[0]
    candidates = page_candidates(page.root, languages)
    print(f"{page.relative}: built for {page.language or 'unknown (any site)'}")
    print(f"candidate languages: {' '.join(sorted(candidates))}\n")
    for passage in page_passages(page.root):
        text = " ".join(without_exempt(passage.text, languages.protected))
        if not text:
            continue
        print(f"{passage.what} (declared {passage.declared or 'nothing'}): {text[:100]!r}")
        print(f"    {explain(text, candidates)}")
    issues = page_language_issues(page, languages)
    print(f"\n{len(issues)} finding(s)")
    for issue in issues:
        state = "error" if issue.gating else "needs review" if issue.needs_review else issue.type
        print(printable(f"- {state}: {issue.rule}: {issue.message}"))
        if issue.context:
            print(f"    text: {issue.context!r}")
        if issue.fix:
            print(printable(f"    fix: {issue.fix}"))
    return ExitCode.FINDINGS if any(issue.gating for issue in issues) else ExitCode.OK
