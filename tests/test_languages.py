"""The language list: everything derived from Babel, with GNU gettext's plural order."""

from __future__ import annotations

import pytest

from i18n_pipeline.languages import SOURCE_LANGUAGE, TRANSLATIONS, all_languages, language
from i18n_pipeline.sphinxext.dates import format_for_language


def test_source_language_comes_first_then_every_translation() -> None:
    assert [lang.code for lang in all_languages()] == [SOURCE_LANGUAGE, *TRANSLATIONS]


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
    kurmanji = language("ku")
    assert kurmanji.native_name == "Kurdî (kurmancî)"
    assert kurmanji.script == "LATIN"
    assert kurmanji.plural_forms == "nplurals=2; plural=(n != 1);"
    assert format_for_language("2024-11-19", "ku") == "19ê mijdara 2024an"


def test_pashto_writes_extended_arabic_indic_digits() -> None:
    pashto = language("ps")
    assert pashto.native_name == "پښتو"
    assert pashto.digits == "۰۱۲۳۴۵۶۷۸۹"
    assert format_for_language("2024-11-19", "ps") == "۱۹ نومبر ۲۰۲۴"


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

    expression = language("ar").plural_forms.split("plural=", 1)[1].rstrip(";")
    ours = c2py(expression)
    assert all(ours(n) == _gnu_arabic_plural(n) for n in range(0, 1000))


def test_persian_digits_are_extended_arabic_indic() -> None:
    assert language("fa").localize_digits("19 نوامبر 2024") == "۱۹ نوامبر ۲۰۲۴"
    assert language("en").localize_digits("2024") == "2024"
