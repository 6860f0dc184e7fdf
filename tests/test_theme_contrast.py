"""The theme's colours meet WCAG 2.1 AA contrast in the light and the dark scheme.

The audit checks the light scheme in a real browser; the dark scheme is checked
here from the stylesheet itself, pair by pair as the pages use them.
"""

from __future__ import annotations

import pytest
import tinycss2

from i18n_pipeline.sphinxext.theme import THEME_DIR

STYLESHEET = THEME_DIR / "static" / "accessible.css"

#: (foreground, background, minimum ratio): text 4.5:1 (1.4.3), focus and borders 3:1 (1.4.11).
PAIRS = [
    ("--text", "--background", 4.5),
    ("--muted", "--background", 4.5),
    ("--link", "--background", 4.5),
    ("--link-visited", "--background", 4.5),
    ("--text", "--surface", 4.5),
    ("--link", "--surface", 4.5),
    ("--muted", "--surface", 4.5),
    ("--focus", "--background", 3.0),
    ("--border", "--background", 3.0),
]


def _custom_properties(rules: list) -> dict[str, str]:
    values: dict[str, str] = {}
    for rule in rules:
        if rule.type == "qualified-rule" and tinycss2.serialize(rule.prelude).strip() == ":root":
            for declaration in tinycss2.parse_declaration_list(rule.content, skip_whitespace=True):
                if declaration.type == "declaration" and declaration.name.startswith("--"):
                    values[declaration.name] = tinycss2.serialize(declaration.value).strip()
    return values


def colour_schemes() -> dict[str, dict[str, str]]:
    rules = tinycss2.parse_stylesheet(
        STYLESHEET.read_text(encoding="utf-8"), skip_whitespace=True, skip_comments=True
    )
    light = _custom_properties(rules)
    dark = dict(light)
    for rule in rules:
        is_media = rule.type == "at-rule" and rule.lower_at_keyword == "media"
        if is_media and "prefers-color-scheme: dark" in tinycss2.serialize(rule.prelude):
            dark.update(
                _custom_properties(tinycss2.parse_rule_list(rule.content, skip_whitespace=True))
            )
    return {"light": light, "dark": dark}


def relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(one: str, two: str) -> float:
    lighter, darker = sorted((relative_luminance(one), relative_luminance(two)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_both_schemes_define_every_colour_as_hex() -> None:
    for scheme in colour_schemes().values():
        for name, *_ in PAIRS:
            assert scheme[name].startswith("#") and len(scheme[name]) == 7, name


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("foreground", "background", "minimum"), PAIRS)
def test_colour_pair_meets_wcag_aa(
    scheme: str, foreground: str, background: str, minimum: float
) -> None:
    colours = colour_schemes()[scheme]
    ratio = contrast_ratio(colours[foreground], colours[background])
    assert ratio >= minimum, f"{scheme}: {foreground} on {background} is {ratio:.2f}:1"


def test_dark_scheme_really_changes_the_colours() -> None:
    schemes = colour_schemes()
    assert schemes["dark"]["--background"] != schemes["light"]["--background"]
