"""The footer's dates end their sentence with one full stop in every language.

CLDR's long date ends with an abbreviation's point in Russian, Ukrainian, Bulgarian
("2026 г.") and Croatian ("2026."): "…geändert am %(date)s." gave "2026 г.." on those
pages (issue 23). The languages are every one a small project configures
(``tests/roots/test-all-languages``, the declaration's 15 codes) and every one the
declaration's conf.py lists, so a language added there is tested here too.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import html
from sphinx.testing.util import SphinxTestApp

from conftest import SITE
from i18n_pipeline.config.languages import Language
from i18n_pipeline.project import Project
from i18n_pipeline.sphinxext.dates import format_for_language
from i18n_pipeline.sphinxext.sentence import sentence

ROOT = Path(__file__).parent / "roots" / "test-all-languages"
ALL = Project(ROOT).config
LANGUAGES = {lang.code: lang for lang in (*ALL.languages, *SITE.languages)}
#: The footer's sentences with a date (the theme's msgids): at the end, and inside.
AT_THE_END = "Übersetzung zuletzt geändert am %(date)s."
INSIDE = "Diese Übersetzung wurde am %(date)s von einer muttersprachlichen Person geprüft."
#: A day of every month: a month's name may be abbreviated with a point too.
DAYS = [dt.date(2026, month, 6).isoformat() for month in range(1, 13)]

by_code = pytest.mark.parametrize("lang", list(LANGUAGES.values()), ids=list(LANGUAGES))


def ends_once(text: str, date: str) -> bool:
    """The sentence ends with the date and one full stop: the date's own, or the sentence's."""
    return text.endswith(date if date.endswith(".") else date + ".") and not text.endswith("..")


def test_the_project_configures_every_language_of_the_declaration() -> None:
    assert set(SITE.codes) <= set(ALL.codes)


def test_some_language_writes_its_date_with_a_full_stop_at_the_end() -> None:
    """Else the tests below would prove nothing."""
    endings = {
        code for code, lang in LANGUAGES.items() if format_for_language(DAYS[0], lang)[-1] == "."
    }
    assert {"ru", "uk", "bg", "hr"} <= endings


@by_code
def test_a_sentence_ending_with_the_date_has_one_full_stop(lang: Language) -> None:
    for day in DAYS:
        date = format_for_language(day, lang)
        text = sentence(AT_THE_END, date=date)
        assert ".." not in text, text
        assert ends_once(text, date), text


@by_code
def test_a_date_inside_a_sentence_keeps_its_own_point(lang: Language) -> None:
    date = format_for_language(DAYS[0], lang)
    assert date + " von" in sentence(INSIDE, date=date)


def test_a_full_stop_is_dropped_only_after_a_value_that_has_one() -> None:
    assert sentence("am %(date)s.", date="6 декабря 2026 г.") == "am 6 декабря 2026 г."
    assert sentence("am %(date)s.", date="6 December 2026") == "am 6 December 2026."
    assert sentence("%(a)s. %(b)s", a="e. V.", b="x") == "e. V. x"
    assert sentence("100%% am %(date)s.", date="6.") == "100% am 6."


@pytest.fixture
def build_in(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> Callable[[str], html.HtmlElement]:
    """The one-page project built in a language, with a translation date and a review date
    in the footer (the chrome stays German: no catalogs, the dates are the language's)."""

    def build(code: str) -> html.HtmlElement:
        srcdir = tmp_path / code
        shutil.copytree(ROOT / "source", srcdir)
        for name in ("conf.py", "glossary.txt"):
            shutil.copy2(ROOT / name, srcdir / name)
        app = make_app(
            "html",
            srcdir=srcdir,
            freshenv=True,
            confoverrides={
                "language": code,
                "site_provenance": {"index": {"revision": "0123456789ab", "changed": DAYS[11]}},
                "site_review_dates": {"index": DAYS[0]},
            },
        )
        app.build()
        return html.fromstring((app.outdir / "index.html").read_bytes())

    return build


@pytest.mark.parametrize("code", ALL.translation_codes)
def test_no_footer_has_a_double_full_stop(
    build_in: Callable[[str], html.HtmlElement], code: str
) -> None:
    footer = build_in(code).xpath("//footer")[0].text_content()
    lang = ALL.language(code)
    changed = format_for_language(DAYS[11], lang)

    assert ".." not in footer
    assert f"Übersetzung zuletzt geändert am {changed}" in footer
    assert format_for_language(DAYS[0], lang) in footer  # the review date
