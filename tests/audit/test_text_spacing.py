"""Text spacing fixed by a style attribute with !important (WCAG 1.4.12): the audit's
own check in the browser, judged against the font size of the text it spaces."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from i18n_pipeline.audit.probe import read_probe
from i18n_pipeline.cli import main

NOTICE = "Die Sprechstunde des Integrationsbeirats fällt am Mittwoch wegen der Sitzung aus."
WRAPS = "max-width: 12em"  # the notice takes several lines

#: One page per case: the style attributes, outermost first, and the rules that fail.
PAGES: dict[str, tuple[list[str], list[str]]] = {
    "tight-letters.html": (["letter-spacing: 0.05em !important"], ["letter-spacing-important"]),
    "wide-letters.html": (["letter-spacing: 0.2em !important"], []),
    "normal-words.html": (["word-spacing: normal !important"], ["word-spacing-important"]),
    "wide-words.html": (["word-spacing: 0.25em !important"], []),
    "tight-lines.html": ([f"line-height: 1.2 !important; {WRAPS}"], ["line-height-important"]),
    "wide-lines.html": ([f"line-height: 1.6 !important; {WRAPS}"], []),
    # One line of text: line height is not what makes it readable.
    "tight-single-line.html": (["line-height: 1 !important"], []),
    # 2px is too little for 20px text, and enough for the 12px text it actually spaces.
    "small-print.html": (
        ["font-size: 20px; letter-spacing: 2px !important", "font-size: 12px"],
        [],
    ),
    # The inner element's own spacing is what its text gets: the outer one spaces nothing.
    "overridden.html": (
        ["letter-spacing: 0.01em !important", "letter-spacing: 0.2em !important"],
        [],
    ),
    # Too narrow inside, wide outside: the inner element is the one that fails.
    "overridden-narrower.html": (
        ["letter-spacing: 0.2em !important", "letter-spacing: 0.01em !important"],
        ["letter-spacing-important"],
    ),
    # Without !important a reader's style sheet can widen it; inherit is not a value of its own.
    "not-important.html": (["letter-spacing: 0.01em"], []),
    "inherited.html": (["letter-spacing: 0.01em", "letter-spacing: inherit !important"], []),
    "hidden.html": (["display: none; letter-spacing: 0.01em !important"], []),
}


def page(styles: list[str]) -> str:
    opening = "".join(f'<div style="{style}">' for style in styles)
    body = f"{opening}{NOTICE}{'</div>' * len(styles)}"
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Aushang</title>'
        f"</head><body><main><h1>Aushang</h1>{body}</main></body></html>"
    )


@pytest.mark.slow
def test_only_spacing_too_narrow_for_the_text_it_spaces_fails(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for name, (styles, _) in PAGES.items():
        (site / name).write_text(page(styles), encoding="utf-8")
    reports = tmp_path / "reports"

    main(["audit", str(site), "--fresh", "--reports", str(reports)])

    report = json.loads((reports / "audit.json").read_text(encoding="utf-8"))
    results = {
        name: result for pages in report["languages"].values() for name, result in pages.items()
    }
    found = {
        name.rsplit("/", 1)[-1]: [
            issue["rule"] for issue in result["errors"] if issue["runner"] == "text-spacing"
        ]
        for name, result in results.items()
    }
    assert all(not result["tool_failure"] for result in results.values())
    assert found == {name: failing for name, (_, failing) in PAGES.items()}


def test_a_spacing_too_narrow_is_an_error_that_names_both_widths() -> None:
    outcome = read_probe(
        [
            {
                "url": "http://127.0.0.1/aushang.html",
                "requests": [],
                "spacing": [
                    {
                        "property": "line-height",
                        "rule": "line-height-important",
                        "declared": "1.2",
                        "passed": False,
                        "value": 19.2,
                        "needed": 24,
                        "selector": "html > body > main > div",
                        "context": '<div style="line-height: 1.2 !important">…</div>',
                    },
                    {"property": "word-spacing", "rule": "word-spacing-important", "passed": True},
                ],
            }
        ],
        ["http://127.0.0.1/aushang.html"],
    )

    [issue] = outcome.issues["http://127.0.0.1/aushang.html"]
    assert (issue.rule, issue.criterion, issue.gating) == ("line-height-important", "1.4.12", True)
    assert "19.2px" in issue.message and "24px" in issue.message
    assert issue.selector == "html > body > main > div"
