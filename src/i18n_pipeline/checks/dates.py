"""Dates compared by value: the German text's date must be the translation's date, in
whatever form the language writes it.

Babel writes the date in the language's CLDR formats (short to full, and the
common skeletons), which are compared against the translation with every digit
read as 0–9, spaces as spaces and bidi marks left out. Where a language orders the
words otherwise (Pashto's "د ۲۰۲۶ کال د نومبر په ۲۴مه", "the 24th of November of the
year 2026"; English's "November 24, 2026"), the date is found by its parts: the day
and the year as numbers and the month by one of its CLDR names, close together.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache

from babel.dates import format_date, format_skeleton, get_month_names

from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.registry import entry_check
from i18n_pipeline.config.languages import Language
from i18n_pipeline.findings import Severity
from i18n_pipeline.text.bidi import MARKS

#: Babel's formats of a date that are compared: CLDR's four and the usual skeletons.
FORMATS = ("short", "medium", "long", "full")
SKELETONS = ("yMMMMd", "yMMMd", "yMd")
#: How far apart (in characters) the day, month and year of one date may stand, and
#: what may not stand between them: the end of a clause.
WINDOW = 30
_CLAUSE_END = re.compile(r"[;!?؛؟\n]")


@dataclass(frozen=True)
class Mention:
    """One date in a text, and where it stands."""

    value: date
    start: int
    end: int
    text: str


@cache
def _month_names(locale: str) -> dict[str, int]:
    """Every CLDR name of every month (wide and abbreviated, in a date and standing
    alone), in lower case, longest first, with the month's number."""
    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale).items():
                names.setdefault(name.lower().rstrip("."), number)
    return dict(sorted(names.items(), key=lambda item: -len(item[0])))


@cache
def _german_date(source: str) -> re.Pattern[str]:
    months = "|".join(re.escape(name) for name in _month_names(source))
    return re.compile(
        rf"(?<!\d)(?P<day>\d{{1,2}})\.\s?(?:(?P<name>{months})\.?|(?P<month>\d{{1,2}})\.)"
        rf"\s?(?P<year>\d{{4}})(?!\d)",
        re.IGNORECASE,
    )


def german_dates(text: str, source: str = "de") -> list[Mention]:
    """The dates of a German text: "19. November 2024", "19. Nov. 2024", "19.11.2024"."""
    found = []
    for match in _german_date(source).finditer(text):
        month = (
            _month_names(source)[match["name"].lower()] if match["name"] else int(match["month"])
        )
        try:
            value = date(int(match["year"]), month, int(match["day"]))
        except ValueError:
            continue  # "31. Februar" is not a date
        found.append(Mention(value, match.start(), match.end(), match[0]))
    return found


@dataclass(frozen=True)
class Normalised:
    """A text as dates are compared in it: NFC, digits 0–9, spaces as spaces, lower case,
    bidi marks left out; ``origin`` maps each character back to its offset in the NFC
    text."""

    text: str
    origin: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Normalised:
        text = unicodedata.normalize("NFC", text)
        chars, origin = [], []
        for offset, char in enumerate(text):
            if char in MARKS:
                continue
            digit = unicodedata.decimal(char, None)
            lower = char.lower()
            chars.append(
                str(digit)
                if digit is not None
                else " "
                if char.isspace()
                else lower
                if len(lower) == 1
                else char
            )
            origin.append(offset)
        origin.append(len(text))
        return cls("".join(chars), tuple(origin))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The NFC text's offsets of the normalised ``[start, end)``."""
        return self.origin[start], self.origin[end - 1] + 1


def _locales(language: Language) -> tuple[str, ...]:
    return tuple(dict.fromkeys((language.format_locale, language.code.replace("-", "_"))))


@cache
def written_forms(value: date, language: Language) -> tuple[str, ...]:
    """The date as Babel writes it for the language, normalised, longest first."""
    forms = set()
    for locale in _locales(language):
        forms |= {format_date(value, style, locale=locale) for style in FORMATS}
        forms |= {format_skeleton(skeleton, value, locale=locale) for skeleton in SKELETONS}
    return tuple(sorted({Normalised.of(form).text.strip() for form in forms}, key=len)[::-1])


_NUMBER = re.compile(r"\d+")


def find_date(text: str, value: date, language: Language) -> tuple[int, int] | None:
    """Where ``value`` stands in ``text`` (offsets in its NFC form), or None."""
    normal = Normalised.of(text)
    for form in written_forms(value, language):
        found = normal.text.find(form)
        if found != -1:
            return normal.span(found, found + len(form))
    return _by_parts(normal, value, language)


def _by_parts(normal: Normalised, value: date, language: Language) -> tuple[int, int] | None:
    """The day and year as numbers and the month by name, within ``WINDOW`` characters."""
    numbers = [(m.start(), m.end(), int(m[0])) for m in _NUMBER.finditer(normal.text)]
    days = [(start, end) for start, end, number in numbers if number == value.day]
    years = [(start, end) for start, end, number in numbers if number == value.year]
    if not days or not years:
        return None
    for month in _month_mentions(normal.text, value.month, language):
        for day in days:
            for year in years:
                start = min(day[0], month[0], year[0])
                end = max(day[1], month[1], year[1])
                if end - start <= WINDOW and not _CLAUSE_END.search(normal.text, start, end):
                    return normal.span(start, end)
    return None


def _month_mentions(text: str, month: int, language: Language) -> Iterator[tuple[int, int]]:
    for locale in _locales(language):
        for name, number in _month_names(locale).items():
            if number != month:
                continue
            found = text.find(name)
            while found != -1:
                yield found, found + len(name)
                found = text.find(name, found + 1)


@entry_check(Severity.ERROR, waivable=False)
def check_dates(entry: Entry, context: Context) -> Iterator[tuple[str, str]]:
    """Every date of the German text is in the translation: the same day, month and year,
    in one of the language's CLDR forms, in its digits or in 0–9."""
    for mention in german_dates(entry.msgid, context.source.code):
        if find_date(entry.msgstr, mention.value, context.language) is None:
            written = format_date(mention.value, "long", locale=context.language.format_locale)
            yield (
                f"the date {mention.text!r} of the German text is not in the translation",
                f"write the same day, month and year, as {context.language.english_name} "
                f"does: {context.language.localize_digits(written)!r}",
            )
