"""translate-toolkit's pofilter checks (``StandardChecker``), one check at a time.

The toolkit knows how each language writes punctuation: Arabic and Persian ask
for ``؟`` where German has ``?``, Greek for ``;``, CJK for full-width marks, and
its whitespace, unchanged-text and tag checks are the ones Pootle and Weblate
users know. Each check takes (source, target) and either passes or raises
``FilterFailure``; a check that returns false without raising counts as failed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache

from translate.filters import decoration
from translate.filters.checks import CheckerConfig, FilterFailure, StandardChecker
from translate.lang import common, factory

from i18n_pipeline.config.languages import Language

#: The toolkit language whose punctuation a language it has no class for follows,
#: by script: Pashto (and every other Arabic-script language) writes ، ؛ ؟ as Arabic does.
PUNCTUATION_BY_SCRIPT = {"ARABIC": "ar"}
GERMAN = factory.getlanguage("de")

#: The trailing punctuation and spaces of a text, as ``endpunc`` takes them.
_puncend: Callable[[str, str], str] = decoration.puncend


def normalize(text: str) -> str:
    """NFC, as the toolkit's checker normalizes a unit before its checks."""
    return unicodedata.normalize("NFC", text)


@cache
def _checker(code: str, script: str) -> StandardChecker:
    if type(factory.getlanguage(code)) is common.Common:
        code = PUNCTUATION_BY_SCRIPT.get(script, code)
    return StandardChecker(CheckerConfig(targetlanguage=code))


def checker(language: Language) -> StandardChecker:
    """The language's checker, configured with the toolkit's data for the language."""
    return _checker(language.code, language.script)


def failure(language: Language, check: str, source: str, target: str) -> str | None:
    """The toolkit's message if ``check`` fails on (source, target), else None."""
    test = getattr(checker(language), check)
    try:
        passed = test(normalize(source), normalize(target))
    except FilterFailure as error:
        return str(error)
    return None if passed else check


def endings(language: Language, source: str, target: str) -> tuple[str, str, str]:
    """What ``endpunc`` compares, for the message: the German text's ending, that ending
    as the language writes it (German ``?`` is ``؟`` in Arabic), and the translation's."""
    config = checker(language).config
    marks = f"{config.endpunctuation}{GERMAN.sentenceend}:"

    def end(text: str) -> str:
        return _puncend(normalize(text).rstrip(), marks)

    return end(source), end(config.lang.punctranslate(source)), end(target)


def tags(text: str) -> list[str]:
    """Everything ``xmltags`` counts as a tag: any ``<…>``, as the toolkit's ``<[^>]+>``
    finds them. That pattern reads the rest of the text again from every ``<`` that is
    never closed (quadratic: 400 KB of ``<a `` took minutes); this finds the same tags in
    one pass, since once no ``>`` follows, no later ``<`` can start a tag either."""
    found = []
    start = text.find("<")
    while start != -1:
        end = text.find(">", start + 1)
        if end == -1:
            break
        if end > start + 1:  # "<>" is no tag: the pattern needs a character inside
            found.append(text[start : end + 1])
            start = text.find("<", end + 1)
        else:
            start = text.find("<", start + 1)
    return found


def tag_failure(language: Language, source: str, target: str) -> str | None:
    """The toolkit's ``xmltags`` on the texts' tags alone, which is all it compares: given
    the whole text, it would find them with its quadratic pattern. A source that is one
    tag and nothing else stays itself (``xmltags`` lets that be translated freely)."""

    def only_tags(text: str) -> str:
        found = tags(text)
        return text if found == [text] else " ".join(found) + " "

    return failure(language, "xmltags", only_tags(source), only_tags(target))
