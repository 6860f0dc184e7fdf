"""Numbers compared by value, read with the language's separators, in the digits it writes.

"Rund 30 Prozent" became "0.30 per cent" and passed: the check asked only that the
digits "30" occur somewhere. Now each whole number is read by value, as Babel
parses it for the language (German "10.000" is ten thousand, English "10.000" ten),
and must be in the translation with the same value. A number Babel does not read
("BITV 2.0": a version, not a German decimal) must come back with the same digit
groups. Digits are 0–9 or the language's own (Persian ۰–۹); a Bengali ৪ on the
Turkish page is another script's digit, which a reader there cannot read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from babel import Locale
from babel.numbers import NumberFormatError, get_decimal_symbol, get_group_symbol, parse_decimal

from i18n_pipeline.checks.characters import describe
from i18n_pipeline.checks.dates import find_date, german_dates
from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.registry import entry_check
from i18n_pipeline.config.languages import ZERO_DIGIT, Language
from i18n_pipeline.findings import Severity

#: The numbering systems whose separators a language's numbers may use: Latin digits'
#: and the language's own (Persian writes ۲٫۵ with U+066B, or 2.5).
NUMBERING_SYSTEMS = ("latn", "default")
#: Longer runs of digits and separators are compared by their digit groups only: Babel's
#: strict parse takes time that grows faster than the number's length, and no figure of
#: a text has this many characters.
MAX_NUMBER_LENGTH = 64


@dataclass(frozen=True)
class Number:
    """One whole number of a text: "30", "10.000", "2,5", "۲۰۲۴"."""

    text: str
    start: int
    end: int
    values: frozenset[Decimal]  # what it reads as in the language (empty: not a number there)
    groups: tuple[str, ...]  # its digit groups in 0–9: "2.0" → ("2", "0")

    def read_in(self, other: Number) -> bool:
        """Whether ``other`` (in the translation) is this number (of the German text): the
        same value, or, where this one has none, the same digit groups."""
        if self.values:
            return bool(self.values & other.values)
        return self.groups == other.groups


@cache
def _pattern(lang: Language) -> re.Pattern[str]:
    """A whole number: digits, and between digits the language's decimal and group
    separators, and the full stop and comma that a version number has in every language
    ("BITV 2.0" in Russian too). Linear: a separator must be followed by a digit, so there
    are never two ways to match."""
    symbols = {".", ","} | {
        symbol(lang.format_locale, numbering_system=system)
        for symbol in (get_decimal_symbol, get_group_symbol)
        for system in NUMBERING_SYSTEMS
    }
    separators = "".join(re.escape(symbol) for symbol in sorted(symbols) if len(symbol) == 1)
    return re.compile(rf"\d+(?:[{separators}]\d+)*")


def _ascii(text: str) -> str:
    """Every decimal digit of any script as 0–9 (Persian ۲۰۲۴ → 2024)."""
    return "".join(
        str(unicodedata.decimal(char)) if char.isdecimal() and not char.isascii() else char
        for char in text
    )


@lru_cache(maxsize=4096)
def _values(text: str, lang: Language) -> frozenset[Decimal]:
    """What ``text`` (digits 0–9) reads as in the language: parsed once per number."""
    if len(text) > MAX_NUMBER_LENGTH:
        return frozenset()
    values = set()
    for system in NUMBERING_SYSTEMS:
        try:
            values.add(
                parse_decimal(text, lang.format_locale, strict=True, numbering_system=system)
            )
        except (NumberFormatError, InvalidOperation, ValueError):
            continue
    return frozenset(values)


def numbers(text: str, lang: Language) -> list[Number]:
    """Every whole number of ``text`` (NFC), read with ``lang``'s separators."""
    found = []
    for match in _pattern(lang).finditer(unicodedata.normalize("NFC", text)):
        written = _ascii(match[0])
        groups = tuple(group.lstrip("0") or "0" for group in re.findall(r"\d+", written))
        found.append(Number(match[0], match.start(), match.end(), _values(written, lang), groups))
    return found


def _outside(number: Number, spans: list[tuple[int, int]]) -> bool:
    return not any(start <= number.start and number.end <= end for start, end in spans)


@cache
def own_digits(lang: Language) -> str:
    """The digits the language writes besides 0–9: those of the numbering system it uses
    (``Language.digits``) and of its native one in CLDR (Arabic's Arabic-Indic ٠–٩,
    though CLDR's default for Arabic is 0–9)."""
    native = Locale.parse(lang.format_locale).other_numbering_systems.get("native", "latn")
    zero = ord(ZERO_DIGIT.get(native, "0"))
    native_digits = "".join(chr(zero + i) for i in range(10))
    return "".join(sorted(set(lang.digits + native_digits) - set("0123456789")))


def foreign_digits(text: str, lang: Language) -> list[str]:
    """Digits in ``text`` that are neither 0–9 nor the language's own."""
    own = set(own_digits(lang))
    return sorted({char for char in text if char.isdecimal() and not char.isascii()} - own)


def _digits_hint(lang: Language) -> str:
    digits = sorted(own_digits(lang))
    return f"0–9 or {digits[0]}–{digits[-1]}" if digits else "0–9"


@entry_check(Severity.ERROR, waivable=False)
def check_numbers(entry: Entry, context: Context) -> Iterator[tuple[str, str]]:
    """Every number of the German text is in the translation with the same value, in 0–9
    or the language's own digits (dates are the dates check's)."""
    lang = context.language
    foreign = foreign_digits(entry.msgstr, lang)
    if foreign:
        yield (
            f"digits of another script, which {lang.english_name} readers do not read: "
            + ", ".join(map(describe, foreign)),
            f"write numbers in {_digits_hint(lang)}",
        )
    dates = [(m.start, m.end) for m in german_dates(entry.msgid, context.source.code)]
    expected = [n for n in numbers(entry.msgid, context.source) if _outside(n, dates)]
    unmatched = numbers(entry.msgstr, lang)
    missing = []
    for number in expected:
        match = next((found for found in unmatched if number.read_in(found)), None)
        if match is None:
            missing.append(number.text)
        else:
            unmatched.remove(match)
    if missing:
        instead = f" (it has {', '.join(n.text for n in unmatched)})" if unmatched else ""
        yield (
            f"number(s) {', '.join(missing)} of the German text are missing from the "
            f"translation{instead}",
            f"check every number and year against the German text: the same value, with "
            f"{lang.english_name} decimal and thousands separators, in {_digits_hint(lang)}",
        )


@entry_check(Severity.WARNING)
def check_added_numbers(entry: Entry, context: Context) -> Iterator[tuple[str, str]]:
    """A number the German text does not have: a typo, or words added to the text."""
    lang = context.language
    source = numbers(entry.msgid, context.source)
    dates = [
        find_date(entry.msgstr, mention.value, lang)
        for mention in german_dates(entry.msgid, context.source.code)
    ]
    added = [
        number.text
        for number in numbers(entry.msgstr, lang)
        if _outside(number, [span for span in dates if span])
        and not any(known.read_in(number) for known in source)
    ]
    if added:
        yield (
            f"number(s) {', '.join(added)} are not in the German text",
            "check them against the German text; a translation adds no figures",
        )
