"""Every per-language table of the code covers every language a project configures.

A language added to a conf.py without its entry is named here, instead of being
skipped in silence by the check or the formatter that reads the table. The
projects are this repository's and every example under ``examples/``.
"""

from __future__ import annotations

import pytest

from conftest import REPO
from i18n_pipeline.checks.typography import CLDR_QUOTES
from i18n_pipeline.config.languages import ZERO_DIGIT, language
from i18n_pipeline.project import Project

PROJECTS = [Project(REPO), *(Project(conf.parent) for conf in REPO.glob("examples/*/conf.py"))]
CONFIGURED = sorted({code for project in PROJECTS for code in project.config.codes})

#: Configured languages CLDR has no quotation marks of its own for (only root's, which
#: every locale inherits): the typography check does not judge them until someone who
#: writes the language says which marks are right.
WITHOUT_CLDR_QUOTES = {
    "ps": "CLDR 42 (ICU 72) has no <delimiters> for Pashto; root's “”‘’ are inherited, "
    "and whether Pashto writes them or «» is not settled here",
}


def test_the_projects_are_found() -> None:
    assert PROJECTS[0].root == REPO and "de" in CONFIGURED


@pytest.mark.parametrize(
    "code",
    [
        pytest.param(code, marks=pytest.mark.xfail(strict=True, reason=WITHOUT_CLDR_QUOTES[code]))
        if code in WITHOUT_CLDR_QUOTES
        else code
        for code in CONFIGURED
    ],
)
def test_every_configured_language_has_its_quotation_marks(code: str) -> None:
    assert code in CLDR_QUOTES, f"{code!r} has no entry in checks/typography.py CLDR_QUOTES"


@pytest.mark.parametrize("code", CONFIGURED)
def test_every_configured_language_writes_digits_the_code_knows(code: str) -> None:
    """Else its dates and sizes would silently come out in Latin digits."""
    assert language(code).numbering_system in ZERO_DIGIT
