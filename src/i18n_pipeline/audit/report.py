"""The auditor's reports: audit.json for machines, audit.html to read and file,
and a short table in the terminal. Both end with what no tool can check."""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from i18n_pipeline import io
from i18n_pipeline.audit.directions import direction_of_language
from i18n_pipeline.audit.language_checks import english_name
from i18n_pipeline.audit.model import PageResult
from i18n_pipeline.audit.run import AuditResult

TEMPLATES = Path(__file__).parent / "templates"

MANUAL_CHECKS = (
    "Keyboard: every link and control is reached with Tab in a sensible order, the focus is "
    "always visible, the skip link works (WCAG 2.1.1, 2.4.3, 2.4.7).",
    "Zoom and reflow: at 200 % zoom and at 320 CSS px width all text is readable without "
    "horizontal scrolling (1.4.4, 1.4.10, 1.4.12).",
    "Screen reader: the page is announced in its language, German parts switch the voice, "
    "headings and landmarks make sense (1.3.1, 3.1.1, 3.1.2, 4.1.2).",
    "Sense: a native speaker confirms that the text is a complete, faithful translation in a "
    "formal register, and that names, numbers and dates are correct (3.1.1; BITV 2.0 § 3).",
    "Colour schemes: light and dark scheme and Windows high-contrast mode keep all text and "
    "focus indicators visible (1.4.3, 1.4.11).",
)
RTL_CHECK = (
    "Right-to-left: the whole layout is mirrored (navigation, lists, alignment), and "
    "Latin names, numbers and German terms read in the right order (1.3.2)."
)


def manual_checks(page: PageResult) -> list[str]:
    checks = list(MANUAL_CHECKS)
    if page.language and direction_of_language(page.language) == "rtl":
        checks.insert(2, RTL_CHECK)
    return checks


def by_language(result: AuditResult) -> dict[str, list[PageResult]]:
    grouped: dict[str, list[PageResult]] = defaultdict(list)
    for page in result.pages:
        grouped[page.language or "unknown"].append(page)
    return dict(grouped)


def verdict(result: AuditResult) -> str:
    if result.tool_failures:
        return "incomplete: the tools failed on some pages"
    return "fail" if result.errors else "pass"


def write_json(result: AuditResult, path: Path, settings: dict[str, object]) -> Path:
    payload = {
        "verdict": verdict(result),
        "summary": {
            "pages": len(result.pages),
            "cached": sum(p.cached for p in result.pages),
            "errors": result.errors,
            "reported": sum(len(p.reported) for p in result.pages),
            "needs_review": sum(len(p.checklist) for p in result.pages),
            "accepted": sum(len(p.accepted) for p in result.pages),
            "tool_failures": [p.relative for p in result.tool_failures],
        },
        "settings": settings,
        "tools": result.tool_versions,
        "browser": result.browser,
        "browser_starts": result.browser_starts,
        "languages": {
            code: {
                page.relative: {
                    "cached": page.cached,
                    "tool_failure": page.tool_failure,
                    "errors": [i.as_json() for i in page.errors],
                    "reported": [i.as_json() for i in page.reported],
                    "needs_review": [i.as_json() for i in page.checklist],
                    "accepted": [i.as_json() for i in page.accepted],
                    "manual_checks": manual_checks(page),
                }
                for page in pages
            }
            for code, pages in by_language(result).items()
        },
    }
    io.write_json(path, payload)
    return path


def write_html(result: AuditResult, path: Path, site: Path | None = None) -> Path:
    """The report; with ``site``, each page heading links to the page it describes."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    groups = by_language(result)
    names = {
        code: (english_name(code) if code != "unknown" else "Pages without a known language")
        for code in groups
    }
    text = env.get_template("audit.html").render(
        result=result,
        verdict=verdict(result),
        groups=groups,
        names=names,
        manual_checks=manual_checks,
        href=lambda page: (
            Path(os.path.relpath(site / page.relative, path.parent)).as_posix() if site else ""
        ),
        # Excerpts of a page are in its language: marked so, the report passes 3.1.2 itself.
        tags={code: code for code in groups if code != "unknown"},
    )
    io.write_atomically(path, text.encode("utf-8"))
    return path


def summary_table(result: AuditResult) -> str:
    columns = "{:<10} {:>6} {:>7} {:>7} {:>9} {:>13} {:>9}"
    lines = [
        columns.format(
            "language", "pages", "cached", "errors", "reported", "needs review", "failures"
        )
    ]
    lines.append("-" * len(lines[0]))
    for code, pages in by_language(result).items():
        lines.append(
            columns.format(
                code,
                len(pages),
                sum(p.cached for p in pages),
                sum(len(p.errors) for p in pages),
                sum(len(p.reported) for p in pages),
                sum(len(p.checklist) for p in pages),
                sum(bool(p.tool_failure) for p in pages),
            )
        )
    return "\n".join(lines)
