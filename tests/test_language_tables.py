"""Every per-language table of the code covers every language a project configures.

A language added to a conf.py without its entry is named here, instead of being
skipped in silence by the check or the formatter that reads the table. The
projects are this repository's and every example under ``examples/``.
"""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from i18n_pipeline.checks.quotes import cldr_locale, quotation_marks, source
from i18n_pipeline.config.languages import ZERO_DIGIT, Language, language
from i18n_pipeline.project import Project

PROJECTS = [Project(REPO), *(Project(conf.parent) for conf in REPO.glob("examples/*/conf.py"))]
CONFIGURED = sorted({code for project in PROJECTS for code in project.config.codes})
#: As each project writes them (its format locale: en_GB for the English translations).
LANGUAGES = sorted(
    {lang for project in PROJECTS for lang in project.config.languages}, key=lambda lang: lang.code
)


def test_the_projects_are_found() -> None:
    assert PROJECTS[0].root == REPO and "de" in CONFIGURED


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.format_locale)
def test_every_configured_language_has_its_quotation_marks(lang: Language) -> None:
    """Pashto too: CLDR's ps.xml votes to inherit root's marks, so its resolved data have them."""
    assert len(quotation_marks(lang)) == 4, (
        f"{lang.code!r} ({cldr_locale(lang)}) has no entry in checks/cldr_quotes.json: "
        "run 'python scripts/cldr_quotes.py'"
    )


def test_the_quotation_marks_name_their_cldr_source() -> None:
    assert re.match(r"CLDR \d+, resolved: the npm package cldr-misc-full \d+\.\d+\.\d+", source())


@pytest.mark.parametrize("code", CONFIGURED)
def test_every_configured_language_writes_digits_the_code_knows(code: str) -> None:
    """Else its dates and sizes would silently come out in Latin digits."""
    assert language(code).numbering_system in ZERO_DIGIT
