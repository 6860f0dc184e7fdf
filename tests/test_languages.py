"""The site's languages: the list from conf.py, everything a code says from Babel, the
plural rules as the project records them (GNU gettext's order)."""

from __future__ import annotations

import pytest

from conftest import SITE
from i18n_pipeline.config.languages import language
from i18n_pipeline.sphinxext.dates import format_for_language


def test_source_language_comes_first_then_every_translation() -> None:
    assert [lang.code for lang in SITE.languages] == [SITE.source_language, *SITE.translation_codes]
    assert [lang.code for lang in SITE.translations] == list(SITE.translation_codes)
    assert SITE.source_language == "de"


@pytest.mark.parametrize("code", ["ar", "fa", "ps"])
def test_arabic_script_languages_are_right_to_left(code: str) -> None:
    assert language(code).direction == "rtl"


@pytest.mark.parametrize(
    "code", ["de", "en", "tr", "uk", "ru", "pl", "ro", "it", "hr", "bg", "el", "ku"]
)
def test_other_languages_are_left_to_right(code: str) -> None:
    assert language(code).direction == "ltr"


def test_native_names_come_from_babel() -> None:
    assert language("fa").native_name == "فارسی"
    assert language("uk").native_name == "Українська"
    assert language("tr").native_name == "Türkçe"


def test_kurmanji_has_everything_the_site_needs_from_babel() -> None:
    """CLDR's Kurmanji data is thin; the site relies on these, and supplies none itself."""
    kurmanji = SITE.language("ku")
    assert kurmanji.native_name == "Kurdî (kurmancî)"
    assert kurmanji.script == "LATIN"
    assert kurmanji.plural_forms == "nplurals=2; plural=(n != 1);"
    assert format_for_language("2024-11-19", kurmanji) == "19ê mijdara 2024an"


def test_pashto_writes_extended_arabic_indic_digits() -> None:
    pashto = SITE.language("ps")
    assert pashto.native_name == "پښتو"
    assert pashto.digits == "۰۱۲۳۴۵۶۷۸۹"
    assert format_for_language("2024-11-19", pashto) == "۱۹ نومبر ۲۰۲۴"


def test_the_english_translation_writes_british_dates_as_conf_py_says() -> None:
    """The format locale is the project's (site_format_locales); bare ``en`` is American."""
    assert SITE.language("en").format_locale == "en_GB"
    assert format_for_language("2024-11-19", SITE.language("en")) == "19 November 2024"
    assert format_for_language("2024-11-19", language("en")) == "November 19, 2024"


def _gnu_arabic_plural(n: int) -> int:
    """GNU gettext's documented rule for Arabic, as Poedit and Weblate use it."""
    if n == 0:
        return 0
    if n == 1:
        return 1
    if n == 2:
        return 2
    if 3 <= n % 100 <= 10:
        return 3
    if n % 100 >= 11:
        return 4
    return 5


def test_arabic_plural_header_uses_the_gnu_order() -> None:
    from gettext import c2py

    expression = SITE.language("ar").plural_forms.split("plural=", 1)[1].rstrip(";")
    ours = c2py(expression)
    assert all(ours(n) == _gnu_arabic_plural(n) for n in range(0, 1000))


def test_persian_digits_are_extended_arabic_indic() -> None:
    assert language("fa").localize_digits("19 نوامبر 2024") == "۱۹ نوامبر ۲۰۲۴"
    assert language("en").localize_digits("2024") == "2024"
