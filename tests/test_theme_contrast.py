"""The theme's colours meet WCAG 2.1 AA contrast in the light and the dark scheme.

The judge is axe-core in a real Chromium, on the built pages, once with each
colour scheme (``prefers-color-scheme`` emulated), as pydata-sphinx-theme tests its
own. The stylesheet's colour pairs are also checked by the WCAG formula: a fast
unit check, and the only one for focus and border colours (3:1, 1.4.11), which
axe does not judge.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import tinycss2

from conftest import node_cache_for_tests
from i18n_pipeline.audit.browser import find_browser, launch_args
from i18n_pipeline.audit.node_env import ensure_node_environment
from i18n_pipeline.audit.server import serve
from i18n_pipeline.project import Project
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


CONTRAST_SCRIPT = Path(__file__).parent / "support" / "contrast.cjs"
#: Pages of every kind: the start page, the status overview and a language's status page,
#: a left-to-right and a right-to-left declaration, a parallel text, Leichte Sprache,
#: the accessibility statement.
PAGES = [
    "index.html",
    "status.html",
    "status/ar.html",
    "de/index.html",
    "ar/index.html",
    "fa/parallel.html",
    "de/leichte-sprache.html",
    "uk/barrierefreiheit.html",
]


def axe_contrast(site: Path, pages: list[str], tmp_path: Path) -> dict[str, dict[str, Any]]:
    """axe's contrast verdict per colour scheme and page, from a real Chromium."""
    env = ensure_node_environment(node_cache_for_tests())
    with serve(site) as base:
        config = tmp_path / "contrast.json"
        config.write_text(
            json.dumps(
                {
                    "executablePath": str(find_browser()),
                    "args": list(launch_args()),
                    "urls": [base + page for page in pages],
                }
            )
        )
        done = subprocess.run(
            [str(env.node), str(CONTRAST_SCRIPT), str(config)],
            cwd=env.app_dir,
            env=env.environ(),
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert done.returncode == 0, done.stderr  # a tool failure is a failure, never a pass
    results: dict[str, dict[str, Any]] = json.loads(done.stdout)
    return {
        scheme: {url.removeprefix(base): page for url, page in by_url.items()}
        for scheme, by_url in results.items()
    }


@pytest.mark.slow
def test_axe_finds_no_contrast_failure_in_either_colour_scheme(
    built_project: Project, tmp_path: Path
) -> None:
    results = axe_contrast(built_project.site_dir, PAGES, tmp_path)

    for scheme in ("light", "dark"):
        for page in PAGES:
            assert results[scheme][page]["violations"] == [], f"{scheme}: {page}"
            assert results[scheme][page]["checked"] > 0, f"{scheme}: axe judged no text on {page}"
    assert results["light"]["de/index.html"]["background"] == "rgb(255, 255, 255)"
    assert results["dark"]["de/index.html"]["background"] == "rgb(21, 23, 26)"  # #15171a


@pytest.mark.slow
def test_axe_finds_grey_on_dark_grey_in_the_dark_scheme_only(
    built_project: Project, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_project.site_dir / "de", site / "de")
    stylesheet = site / "de" / "_static" / "accessible.css"
    css = stylesheet.read_text(encoding="utf-8")
    stylesheet.write_text(css.replace("--text: #ececec;", "--text: #4a4a4a;"), encoding="utf-8")

    results = axe_contrast(site, ["de/index.html"], tmp_path)

    assert results["light"]["de/index.html"]["violations"] == []
    [violation] = results["dark"]["de/index.html"]["violations"]
    assert violation["id"] == "color-contrast"
