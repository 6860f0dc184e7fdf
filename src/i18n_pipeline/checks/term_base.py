"""The term base, enforced: where the German names a key term, the translation carries the
rendering the term base approves for its language, and none that it forbids.

Matching is plain, so that a translator can predict it. The German term is found
case-insensitively, each word with or without an inflectional ending
(``Integrationsbeauftragte`` also finds ``Integrationsbeauftragten``). A rendering
counts when it is part of the translation's text, compared case-insensitively,
with spaces, apostrophes and invisible marks evened out: so a stem (``курс``) stands
for every ending, and a title's invariant part for every case of its head noun.
A forbidden rendering counts only outside an accepted one: "apertura dei corsi" is
forbidden, "apertura dei corsi … a un maggior numero di persone" is admitted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache

from i18n_pipeline.catalogs.termbase import Rendering, TermBase, TermEntry
from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.registry import entry_check
from i18n_pipeline.checks.rst import parse_markup
from i18n_pipeline.config.languages import Language
from i18n_pipeline.findings import Finding, Severity

#: The endings a German noun or adjective takes in the declension (Beauftragte-n, -r;
#: Senat-s, -es; Staatsministerin-nen): the term base lists each term once.
GERMAN_ENDINGS = "(?:e|n|en|s|es|r|er|em|ern|nen)?"

#: Link addresses and e-mail addresses are never terms (schlichtungsstelle-bgg.de).
_ADDRESS = re.compile(r"\S+@\S+|https?://\S+")
#: Soft hyphen, zero-width space and (non-)joiners, word joiner, BOM, Arabic tatweel,
#: and the dot that case folding leaves on a Turkish İ.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\u0640\u0307"))
#: Letters one writer types one way and another the other: typographic and straight
#: apostrophes, Turkish dotless i, Romanian s and t with comma or with cedilla.
_SAME = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "ı": "i", "ş": "ș", "ţ": "ț"})
#: Arabic vowel marks (harakat) and the superscript alef: written or not, the same word.
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")


@lru_cache(maxsize=512)
def source_pattern(term: str) -> re.Pattern[str]:
    """The German term, case-insensitive, each word with or without a declension ending."""
    words = [re.escape(w) + (GERMAN_ENDINGS if w[-1].isalpha() else "") for w in term.split()]
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=4096)
def comparable(text: str) -> str:
    """``text`` as renderings are compared: NFKC, case-folded, one kind of space, apostrophe
    and Romanian comma letter, without invisible marks and Arabic vowel marks."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_INVISIBLE)
    return " ".join(_ARABIC_MARKS.sub("", folded.translate(_SAME)).split())


def visible_text(text: str) -> str:
    """The words a reader sees (markup and link addresses gone, as ``rst.parse_markup`` has
    them), without e-mail addresses; the raw text where the markup is broken."""
    markup = parse_markup(text)
    return _ADDRESS.sub(" ", text if markup.problems else markup.text)


def names_term(entry: TermEntry, german: str) -> bool:
    return any(source_pattern(term).search(german) for term in entry.source)


@entry_check(Severity.ERROR)
def check_term_base(entry: Entry, context: Context) -> Iterator[tuple[str, str]]:
    """A key term of the German is rendered as the term base approves for the language."""
    german = visible_text(entry.msgid)
    translation = comparable(visible_text(entry.msgstr))
    name = context.termbase.path.name
    for term in context.termbase.entries:
        rendering = term.rendering(context.language.code)
        if rendering is None or not names_term(term, german):
            continue  # a language without entries is reported once, at the term base
        accepted = sorted({comparable(t) for t in rendering.accepted}, key=len, reverse=True)
        if accepted and not any(form in translation for form in accepted):
            yield (
                f"the German text names {_q(term.source[0])}; {name} approves "
                f"{_approved(rendering)} for {context.language.english_name}, and the "
                "translation has none of them",
                f"use {_q(rendering.preferred)} or an accepted form (each counts as part of the "
                "text, in any case); if your wording is right too, propose it as an admitted "
                f"term in {name}, or waive with '# check: ignore term-base -- <reason>'",
            )
        outside = translation
        for form in accepted:
            outside = outside.replace(form, "\0")
        for bad in rendering.forbidden:
            if comparable(bad.text) in outside:
                reason = f": {bad.reason}" if bad.reason else ""
                yield (
                    f"the translation renders {_q(term.source[0])} as {_q(bad.text)}, which "
                    f"{name} forbids for {context.language.english_name}{reason}",
                    f"write {_approved(rendering)} instead"
                    if rendering.accepted
                    else f"rephrase it; {name} has no approved rendering for the language yet",
                )


def _approved(rendering: Rendering) -> str:
    admitted = ", ".join(map(_q, rendering.admitted))
    return _q(rendering.preferred) + (f" (also accepted: {admitted})" if admitted else "")


def _q(text: str) -> str:
    """Quoted as written (``repr`` would show a Persian zero-width non-joiner as ``\\u200c``)."""
    return f"'{text}'"


def check_term_base_coverage(
    termbase: TermBase, languages: Iterable[Language]
) -> Iterator[Finding]:
    """A language without renderings in the term base: one finding per language, at the
    term base (the first entry it lacks), naming every term it lacks. A language is not
    published without them, so what was learned reaches every new language."""
    for lang in languages:
        missing = termbase.missing(lang.code)
        if not missing:
            continue
        yield Finding(
            path=termbase.path,
            line=missing[0].line,
            rule="term-base-coverage",
            severity=Severity.ERROR,
            message=f"the term base has no {lang.english_name} ({lang.code}) rendering for "
            f"{len(missing)} of its {len(termbase.entries)} terms: "
            + ", ".join(repr(entry.source[0]) for entry in missing),
            fix=f'add a <langSet xml:lang="{lang.code}"> with a preferred term to each of them '
            "(docs/translators.md, 'The term base'), read off the other languages and the "
            "German; a reviewer checks them like any translation",
        )
