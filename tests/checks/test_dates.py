"""Dates are compared by value: the day, month and year of the German text, in any form
the language writes a date in (Babel's CLDR formats), in its digits or in 0–9."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import SITE
from i18n_pipeline.checks.dates import german_dates
from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.registry import ENTRY_CHECKS

MSGID = "Diese Erklärung wurde am 24. November 2026 erstellt."


def findings(msgstr: str, code: str, msgid: str = MSGID) -> list[tuple[str, str]]:
    context = Context(Path(f"locales/{code}/LC_MESSAGES/index.po"), SITE.language(code))
    return list(ENTRY_CHECKS["dates"].function(Entry(msgid, msgstr, 1), context))


def test_the_german_dates_are_read_by_value() -> None:
    text = "am 24. November 2026, am 19. Nov. 2024 und am 1.2.2025; nicht am 31. Februar 2025"
    assert [m.value for m in german_dates(text)] == [
        date(2026, 11, 24),
        date(2024, 11, 19),
        date(2025, 2, 1),
    ]


@pytest.mark.parametrize(
    ("code", "msgstr"),
    [
        ("en", "This statement was prepared on 24 November 2026."),
        ("en", "This statement was prepared on November 24, 2026."),  # American order
        ("en", "This statement was prepared on 24/11/2026."),
        ("tr", "Bu beyan 24 Kasım 2026 tarihinde hazırlanmıştır."),
        ("ar", "أُعدّ هذا البيان في 24 نوفمبر 2026."),
        ("ar", "أُعدّ هذا البيان في ٢٤ نوفمبر ٢٠٢٦."),
        ("fa", "این بیانیه در ۲۴ نوامبر ۲۰۲۶ تهیه شده است."),
        ("ru", "Настоящее заявление составлено 24 ноября 2026 года."),
        ("ru", "Настоящее заявление составлено 24.11.2026."),
        ("uk", "Цю заяву складено 24 листопада 2026 р."),
        ("hr", "Ova je izjava izrađena 24. studenoga 2026."),
        ("bg", "Настоящата декларация е изготвена на 24 ноември 2026\u202fг."),
        ("el", "Η παρούσα δήλωση καταρτίστηκε στις 24 Νοεμβρίου 2026."),
        ("ps", "دا څرګندونه د ۲۰۲۶ کال د نومبر په ۲۴مه چمتو شوې ده."),
        ("ku", "Ev daxuyanî di 24ê mijdara 2026an de hate amadekirin."),
    ],
)
def test_the_same_date_in_the_languages_form_passes(code: str, msgstr: str) -> None:
    assert findings(msgstr, code) == []


@pytest.mark.parametrize(
    ("code", "msgstr"),
    [
        ("tr", "Bu beyan 24 Kasım 2025 tarihinde hazırlanmıştır."),  # the year
        ("tr", "Bu beyan 24 Ekim 2026 tarihinde hazırlanmıştır."),  # the month
        ("en", "This statement was prepared on 23 November 2026."),  # the day
        ("en", "This statement was prepared on 24/10/2026."),
        ("ps", "دا څرګندونه د ۲۰۲۶ کال د اکتوبر په ۲۴مه چمتو شوې ده."),
        ("en", "This statement was prepared in November 2026; 24 people took part."),
    ],
)
def test_another_date_is_an_error(code: str, msgstr: str) -> None:
    [(message, hint)] = findings(msgstr, code)
    assert message == "the date '24. November 2026' of the German text is not in the translation"
    assert "the same day, month and year" in hint


def test_the_hint_writes_the_date_as_the_language_does() -> None:
    [(_, hint)] = findings("د ۲۰۲۵ کال", "ps")
    assert hint.endswith("'۲۴ نومبر ۲۰۲۶'")


def test_dates_cannot_be_waived() -> None:
    assert not ENTRY_CHECKS["dates"].waivable
