"""Numbers are read by value, with the separators of each language, in its digits.

Issue 26: "30 Prozent" became "0.30 per cent" and passed, since "30" still occurred;
a Bengali ৪ or Persian digits on the Turkish page passed as numbers.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.numbers import numbers
from i18n_pipeline.checks.registry import ENTRY_CHECKS
from i18n_pipeline.config.languages import language


def findings(check: str, msgid: str, msgstr: str, code: str) -> list[tuple[str, str]]:
    context = Context(Path(f"locales/{code}/LC_MESSAGES/index.po"), language(code))
    return list(ENTRY_CHECKS[check].function(Entry(msgid, msgstr, 1), context))


@pytest.mark.parametrize(
    ("text", "code", "value"),
    [
        ("10.000", "de", Decimal(10000)),
        ("2,5", "de", Decimal("2.5")),
        ("10,000", "en", Decimal(10000)),
        ("10.000", "en", Decimal(10)),
        ("10\u00a0000", "ru", Decimal(10000)),
        ("۲۰۲۴", "fa", Decimal(2024)),
        ("۲٫۵", "fa", Decimal("2.5")),
        ("2.5", "fa", Decimal("2.5")),
    ],
)
def test_a_number_is_read_by_value_as_the_language_writes_it(
    text: str, code: str, value: Decimal
) -> None:
    [number] = numbers(f"rund {text} Menschen", language(code))
    assert number.text == text and value in number.values


def test_a_version_number_is_compared_by_its_digit_groups() -> None:
    [version] = numbers("BITV 2.0", language("de"))
    assert not version.values, "no German number: 2.0 is not how German groups thousands"
    assert version.groups == ("2", "0")
    assert findings("numbers", "BITV 2.0", "BITV 2.0", "ru") == []
    assert findings("numbers", "BITV 2.0", "BITV 20", "ru")


@pytest.mark.parametrize(
    ("msgid", "msgstr", "code"),
    [
        ("Rund 30 Prozent", "around 30 per cent", "en"),
        ("Rund 30 Prozent", "yaklaşık yüzde 30'u", "tr"),
        ("Rund 30 Prozent", "حدود ۳۰ درصد", "fa"),
        ("Rund 30 Prozent", "نحو 30 بالمئة", "ar"),
        ("Rund 30 Prozent", "نحو ٣٠ بالمئة", "ar"),
        ("2,5 Millionen", "2.5 million", "en"),
        ("10.000 Menschen", "10,000 people", "en"),
        ("§ 3 Absätze 1 bis 4 und § 4", "بندهای ۱ تا ۴ ماده ۳ و ماده ۴", "fa"),
        ("20-jähriges Jubiläum", "20. yıl dönümü", "tr"),
    ],
)
def test_the_same_values_pass(msgid: str, msgstr: str, code: str) -> None:
    assert findings("numbers", msgid, msgstr, code) == []
    assert findings("added-numbers", msgid, msgstr, code) == []


@pytest.mark.parametrize(
    ("msgid", "msgstr", "code", "shown"),
    [
        ("Rund 30 Prozent", "around 0.30 per cent", "en", "30 of the German text are missing"),
        ("10.000 Menschen", "10.000 people", "en", "10.000 of the German text are missing"),
        ("§ 3 Absätze 1 bis 4 und § 4", "Section 3(1) to (4)", "en", "4 of the German"),
    ],
    ids=["thirty-became-0.30", "ten-thousand-became-ten", "counted"],
)
def test_another_value_is_an_error(msgid: str, msgstr: str, code: str, shown: str) -> None:
    [(message, _)] = findings("numbers", msgid, msgstr, code)
    assert shown in message


@pytest.mark.parametrize(
    ("msgstr", "code", "digit"),
    [
        ("Nüfusumuzun yüzde ৪0'ı", "tr", "U+09EA BENGALI DIGIT FOUR"),
        ("Nüfusumuzun yüzde ۳۰'u", "tr", "U+06F3 EXTENDED ARABIC-INDIC DIGIT THREE"),
        ("حدود ٣٠ درصد", "fa", "U+0663 ARABIC-INDIC DIGIT THREE"),  # Arabic's, not Persian's
    ],
)
def test_digits_of_another_script_are_an_error(msgstr: str, code: str, digit: str) -> None:
    messages = [message for message, _ in findings("numbers", "Rund 30 Prozent", msgstr, code)]
    assert any(message.startswith("digits of another script") for message in messages)
    assert any(digit in message for message in messages)


def test_a_number_the_german_text_lacks_is_a_warning() -> None:
    assert ENTRY_CHECKS["added-numbers"].severity == "warning"
    [(message, _)] = findings("added-numbers", "Rund 30 Prozent", "about 30 to 40 per cent", "en")
    assert message == "number(s) 40 are not in the German text"


def test_a_date_written_in_digits_is_not_an_added_number() -> None:
    msgid = "Diese Erklärung wurde am 24. November 2026 erstellt."
    assert findings("numbers", msgid, "Составлено 24.11.2026.", "ru") == []
    assert findings("added-numbers", msgid, "Составлено 24.11.2026.", "ru") == []
