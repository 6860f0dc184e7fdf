"""What a translation's shape says about its meaning, cheaply and locally: it has at least
the German text's sentences, and a length in the language's usual proportion to German.

Both are warnings: a translator may join two sentences, or need more words. They
point a reviewer at a sentence left out, or at text added that the German lacks.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pysbd
import regex

from i18n_pipeline.checks.dates import find_date, german_dates
from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.registry import entry_check
from i18n_pipeline.checks.rst import parse_markup
from i18n_pipeline.config.languages import Language
from i18n_pipeline.findings import Severity
from i18n_pipeline.io import read_json

#: The segmentation rules (pysbd's languages) for a language pysbd has none for: those of
#: its script's language it has. Their abbreviations may split a sentence more often,
#: which only makes a translation look longer, never shorter.
RULES_BY_SCRIPT = {"LATIN": "en", "CYRILLIC": "ru", "ARABIC": "fa", "GREEK": "el"}

#: Per language, the median and spread of log(length of the msgstr / length of the msgid)
#: over the committed translations: written by ``scripts/length_ratios.py``.
RATIOS_FILE = Path(__file__).with_name("length_ratios.json")
#: How many spreads from its language's median a ratio may lie before it is "far outside".
#: The committed translations reach 4.2 (a heading that needs a clause in Ukrainian).
FENCE = 5.0

_CLUSTER = regex.compile(r"\X")


@cache
def _segmenter(code: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=code, clean=False)


def _rules(lang: Language) -> str:
    code = lang.code.split("_")[0].split("-")[0]
    return code if code in pysbd.languages.LANGUAGE_CODES else RULES_BY_SCRIPT[lang.script]


@lru_cache(maxsize=4096)
def sentences(text: str, code: str) -> tuple[str, ...]:
    """The sentences of ``text``, by pysbd's rules for ``code``. Kept: every translation
    is held to its German text, segmented once, not once per language."""
    return tuple(s for s in _segmenter(code).segment(text) if s.strip()) if text.strip() else ()


def _dates_as_numbers(text: str, msgid: str, lang: Language, source: str) -> str:
    """``text`` with each date of the msgid replaced by a bare number: pysbd reads the
    abbreviation at the end of a CLDR date ("24 ноември 2026 г. Тя…") as one that does
    not end the sentence, and so would count two sentences as one."""
    text = unicodedata.normalize("NFC", text)
    spans = [find_date(text, mention.value, lang) for mention in german_dates(msgid, source)]
    for start, end in sorted((span for span in spans if span), reverse=True):
        text = f"{text[:start]}0{'.' if text[end - 1] == '.' else ''}{text[end:]}"
    return text


@entry_check(Severity.WARNING)
def check_fewer_sentences(entry: Entry, context: Context) -> Iterator[tuple[str, str]]:
    """The translation has at least as many sentences as the German text (each language
    segmented by its own rules: "z.B." ends no German sentence)."""
    source, translation = parse_markup(entry.msgid), parse_markup(entry.msgstr)
    if translation.problems:
        return  # rst-syntax reports it
    german = len(sentences(source.text, context.source.code))
    shown = _dates_as_numbers(translation.text, entry.msgid, context.language, context.source.code)
    found = len(sentences(shown, _rules(context.language)))
    if found < german:
        yield (
            f"the German text has {german} sentences, the translation {found}",
            "check that no sentence was left out; if two were joined on purpose, waive the "
            "check with '# check: ignore fewer-sentences -- reason'",
        )


@dataclass(frozen=True)
class Usual:
    """A language's usual length in proportion to German: the median and the spread
    (interquartile range) of log(length of the translation / length of the German)."""

    median: float
    spread: float

    def bounds(self) -> tuple[float, float]:
        """The ratios "far outside" begins beyond: ``FENCE`` spreads from the median."""
        return (
            math.exp(self.median - FENCE * self.spread),
            math.exp(self.median + FENCE * self.spread),
        )


@dataclass(frozen=True)
class LengthRatios:
    """The data file of ``scripts/length_ratios.py``."""

    min_length: int  # German texts shorter than this were not counted, nor are they judged
    languages: dict[str, Usual]


@cache
def length_ratios() -> LengthRatios:
    data = read_json(RATIOS_FILE)
    return LengthRatios(
        int(data["min_length"]),
        {
            code: Usual(float(usual["median"]), float(usual["spread"]))
            for code, usual in data["languages"].items()
        },
    )


def length(text: str) -> int:
    """What a reader reads: the grapheme clusters of the words, markup gone."""
    return len(_CLUSTER.findall(unicodedata.normalize("NFC", text)))


@entry_check(Severity.WARNING)
def check_length_ratio(entry: Entry, context: Context) -> Iterator[tuple[str, str]]:
    """The translation's length is within the language's usual proportion to the German
    text (its median over the committed translations, give or take five spreads)."""
    data = length_ratios()
    usual = data.languages.get(context.language.code)
    source, translation = parse_markup(entry.msgid), parse_markup(entry.msgstr)
    if usual is None or translation.problems or length(source.text) < data.min_length:
        return
    ratio = length(translation.text) / length(source.text)
    low, high = usual.bounds()
    if not low <= ratio <= high:
        yield (
            f"the translation is {ratio:.2f} times as long as the German text; "
            f"{context.language.english_name} translations are {low:.2f} to {high:.2f} "
            f"times as long (usually {math.exp(usual.median):.2f})",
            "check that nothing was left out or added; the German text is authoritative",
        )
