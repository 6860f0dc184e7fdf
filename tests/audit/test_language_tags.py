"""Whether a lang value is valid is decided exactly (BCP 47, langcodes; the primary
subtag decides, as the W3C's ACT rules do). Where HTML_CodeSniffer's pattern calls a
valid tag malformed, its error goes to the checklist with the reason; on an invalid
tag it stays an error. And the audit's language checks know no project languages."""

from __future__ import annotations

import subprocess
import sys

import pytest
from lxml import html

from i18n_pipeline.audit.pa11y import classify
from i18n_pipeline.audit.tags import reconcile_htmlcs, tag_problem

H58 = "WCAG2AA.Principle3.Guideline3_1.3_1_2.H58.1.Lang"
H57 = "WCAG2AA.Principle3.Guideline3_1.3_1_1.H57.3.Lang"


@pytest.mark.parametrize(
    "value", ["de", "en-GB", "de-DE-AT", "sr-Latn-RS", "es-419", "ku", "ps", "tlh", "qaa"]
)
def test_tags_with_a_registered_primary_subtag_are_valid(value: str) -> None:
    assert tag_problem(value) == ""


@pytest.mark.parametrize(
    # "eng" and the grandfathered "i-lux" are no primary subtags of the registry, though
    # langcodes normalises them (to en, lb): W3C's ACT rules bf051a and de46e4 fail them.
    "value",
    ["", "  ", "english", "xx", "en_US", "123", "x-private", "eng", "i-lux", "i-klingon"],
)
def test_empty_values_and_unregistered_primary_subtags_are_invalid(value: str) -> None:
    assert tag_problem(value)


def htmlcs_error(code: str, context: str) -> dict[str, object]:
    """One HTML_CodeSniffer error as pa11y-ci reports it."""
    return {
        "code": code,
        "type": "error",
        "message": "The language specified in the lang attribute of this element does not "
        "appear to be well formed.",
        "context": context,
        "selector": "html > body > p > span",
        "runner": "htmlcs",
    }


def test_htmlcs_error_on_a_valid_tag_moves_to_the_checklist_with_the_reason() -> None:
    root = html.fromstring(
        '<html lang="en"><body><p><span lang="de-DE-AT">x</span></p></body></html>'
    )
    issue = classify(htmlcs_error(H58, '<span lang="de-DE-AT">x</span>'), {})
    assert issue.gating

    [reconciled] = reconcile_htmlcs([issue], root)

    assert not reconciled.gating and reconciled.needs_review
    assert "primary subtag 'de' is registered" in reconciled.message


def test_htmlcs_error_on_an_invalid_tag_stays_an_error() -> None:
    root = html.fromstring('<html lang="english"><body><p>x</p></body></html>')
    issue = classify(htmlcs_error(H57, '<html lang="english">'), {})

    assert reconcile_htmlcs([issue], root) == [issue]


def test_the_page_lang_of_htmlcs_is_read_from_the_page_itself() -> None:
    root = html.fromstring('<html lang="en-GB-US"><body><p>x</p></body></html>')
    issue = classify(htmlcs_error(H57, "<html lang=…"), {})

    [reconciled] = reconcile_htmlcs([issue], root)

    assert reconciled.needs_review and 'lang="en-GB-US"' in reconciled.message


def test_the_language_checks_import_no_project_language() -> None:
    """The audit stands on its own: the site run hands it the languages (SiteLanguages)."""
    modules = ["run", "language_checks", "identify", "passages", "directions", "tags", "report"]
    script = (
        "import sys\n"
        + "".join(f"import i18n_pipeline.audit.{name}\n" for name in modules)
        + "print('i18n_pipeline.config.languages' in sys.modules)"
    )

    imported = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.strip()

    assert imported == "False"
