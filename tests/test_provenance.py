"""Every translated page says which German text it translates, when the translation
last changed, and how many paragraphs still show German; from the inputs, not the clock."""

from __future__ import annotations

import datetime as dt
import hashlib

import polib
import pytest

from conftest import SITE, parse
from i18n_pipeline.project import Project

pytestmark = pytest.mark.slow


def _provenance(project: Project, code: str, page: str) -> str:
    found = parse(project.site_dir / code / page).xpath('//footer//p[@class="provenance"]')
    return found[0].text_content() if found else ""


@pytest.mark.parametrize("lang", SITE.translations, ids=lambda lang: lang.code)
def test_every_translated_page_names_its_german_source_and_last_change(
    built_project: Project, lang
) -> None:
    for document in ("index", "barrierefreiheit"):
        source = (built_project.source_dir / f"{document}.rst").read_bytes()
        text = _provenance(built_project, lang.code, f"{document}.html")
        assert hashlib.sha256(source).hexdigest()[:12] in text
    assert _provenance(built_project, "de", "index.html") == ""


def test_the_english_footer_gives_both_dates(built_project: Project) -> None:
    po_file = built_project.locale_dir / "en" / "LC_MESSAGES" / "index.po"
    revised = polib.pofile(str(po_file)).metadata["PO-Revision-Date"][:10]
    day = dt.date.fromisoformat(revised)

    text = _provenance(built_project, "en", "index.html")

    assert text.startswith("Translated from the German version of 19 November 2024")
    assert f"Translation last changed on {day.day} {day:%B %Y}." in text
