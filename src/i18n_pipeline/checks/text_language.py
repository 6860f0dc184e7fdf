"""A msgstr that is not in its file's language: an error in ``check``, where the
translator sees it, not a "needs review" in the audit of the built site.

A whole paragraph in French on the Italian page, in Spanish on the Romanian one, and
in Serbian on the Croatian one passed: the audit judges a page only against the site's
own languages. Here each msgstr is judged against every language the identifiers know
(lingua's 75 and py3langid's 140, Pashto and Kurmanji among them), with the audit's
own judgement (:func:`i18n_pipeline.audit.identify.judge`): an error only when it is
clear, that is when lingua finds another language far likelier and py3langid agrees
(where lingua does not know the file's language, as for Pashto and Kurmanji, py3langid
alone must be all but certain). The text judged is the words a reader sees, without
markup, link addresses, phrases marked with ``:lang:``, the glossary's names, numbers
and addresses; shorter than ``MIN_LETTERS`` letters it is not judged at all. The
models load once per process, on the first msgstr long enough.

Croatian and Serbian in Latin script are one case the identifiers cannot tell apart
(see ``serbian_forms.toml``): on a Croatian page, word forms only Serbian uses decide.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError

from i18n_pipeline.audit.identify import judge, known_languages, letters, primary
from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.registry import entry_check
from i18n_pipeline.checks.rst import parse_markup
from i18n_pipeline.findings import Severity
from i18n_pipeline.sphinxext.roles import lang_role_texts, phrase_and_tag

#: Shorter text is not judged: a few words can be the same in many languages.
MIN_LETTERS = 40
#: Serbian on a Croatian page: at least this many words only Serbian uses, and more of
#: them than words only Croatian uses.
MIN_SERBIAN_WORDS = 2

_NOT_WORDS = re.compile(r"\S*[\d@/]\S*")  # numbers, dates, addresses, paths
_WORD = re.compile(r"\w+")


def prose(entry: Entry, context: Context) -> str:
    """The words a reader sees in the msgstr, in the language they are meant to be in."""
    markup = parse_markup(entry.msgstr)
    text = entry.msgstr if markup.problems else markup.text
    for role in lang_role_texts(entry.msgstr):
        marked = phrase_and_tag(role)
        if marked is not None:
            text = text.replace(marked[0], " ")
    for term in context.glossary:
        text = text.replace(term, " ")
    return " ".join(_NOT_WORDS.sub(" ", text).split())


@dataclass(frozen=True)
class Pair:
    serbian: str
    croatian: str
    whole: bool  # a word of its own, else the start of a word

    def finds(self, word: str, form: str) -> bool:
        return word == form if self.whole else word.startswith(form)


@functools.cache
def serbian_forms() -> tuple[Pair, ...]:
    data = tomllib.loads(Path(__file__).with_name("serbian_forms.toml").read_text("utf-8"))
    return tuple(
        Pair(pair["serbian"], pair["croatian"], bool(pair.get("whole", False)))
        for pair in data["pair"]
    )


def serbian_words(text: str) -> dict[str, str]:
    """The words of ``text`` only Serbian uses, each with the start of the Croatian form;
    none unless there are ``MIN_SERBIAN_WORDS`` and more than words only Croatian uses
    (Croatian quoting a Serbian name or title stays Croatian)."""
    words = sorted({word.lower() for word in _WORD.findall(text)})
    pairs = serbian_forms()
    serbian = {
        word: pair.croatian for word in words for pair in pairs if pair.finds(word, pair.serbian)
    }
    croatian = {word for word in words for pair in pairs if pair.finds(word, pair.croatian)}
    if len(serbian) < MIN_SERBIAN_WORDS or len(serbian) <= len(croatian):
        return {}
    return serbian


@entry_check(Severity.ERROR, waivable=False)
def check_text_language(entry: Entry, context: Context) -> Iterator[tuple[str, str]]:
    """The msgstr is in the file's language, judged against every language the language
    identifiers know (long enough text only)."""
    text = prose(entry, context)
    if letters(text) < MIN_LETTERS:
        return
    lang = context.language
    judgement = judge(text, lang.code, known_languages(), clear_only=True)
    if judgement is not None and judgement.clear:
        found = judgement.found
        scores = "; ".join(f"{s.identifier}: {s.top()}" for s in judgement.scores)
        yield (
            f"the translation is in {_english_name(found)}, not in {lang.english_name} ({scores})",
            f"write this entry in {lang.english_name} (a phrase that stays in another language "
            "is marked :lang:`phrase <tag>`); if it is in "
            f"{lang.english_name} and the identifiers are wrong, a reviewer must confirm it "
            "(the check cannot be waived in the translation)",
        )
    elif primary(lang.code) == "hr" and (serbian := serbian_words(text)):
        shown = ", ".join(f"{word!r} (Croatian: {hr}…)" for word, hr in list(serbian.items())[:4])
        yield (
            f"the translation reads as Serbian, not Croatian: {shown}",
            "write this entry in standard Croatian (ijekavian forms, Croatian words); if "
            "the words are right here, a reviewer must confirm it (the check cannot be "
            "waived in the translation)",
        )


@functools.cache
def _english_name(code: str) -> str:
    try:
        return Locale.parse(code).get_display_name("en") or code
    except (ValueError, UnknownLocaleError):
        return code
