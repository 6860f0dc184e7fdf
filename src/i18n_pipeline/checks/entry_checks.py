"""Checks over one translated entry. Each yields (message, what to do) pairs.

Messages speak to translators, in plain words, about their msgstr; "the German
text" is the msgid.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from i18n_pipeline.checks.characters import describe
from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.registry import entry_check
from i18n_pipeline.checks.rst import ATTRIBUTE_LIKE, DIRECTIVE, parse_markup, without_addresses
from i18n_pipeline.checks.term_match import clustered, has_term, joined_term, look_alikes
from i18n_pipeline.checks.toolkit import endings, failure, tag_failure, tags
from i18n_pipeline.findings import Severity
from i18n_pipeline.sphinxext.roles import (
    known_language_tag,
    lang_role_tags,
    lang_role_texts,
    phrase_and_tag,
)

#: The one role a translator may add: it marks a foreign phrase, ``:lang:`Wort <de>```.
ALLOWED_ADDED_ROLES = frozenset({"lang"})

MARKUP_NAMES = {
    "strong": "**bold**",
    "emphasis": "*italic*",
    "literal": "``code``",
    "reference": "`link <…>`__",
    "title_reference": "`interpreted text`",
}

Findings = Iterator[tuple[str, str]]


@entry_check(Severity.ERROR, waivable=False)
def check_rst_syntax(entry: Entry, context: Context) -> Findings:
    """The msgstr must parse as reStructuredText without warnings."""
    for problem in parse_markup(entry.msgstr).problems:
        yield (
            f"the translation's markup is broken: {problem}",
            "close every ** and * and ` you open, and keep a space (or punctuation) "
            "before and after marked-up words",
        )


@entry_check(Severity.ERROR, waivable=False)
def check_markup_parity(entry: Entry, context: Context) -> Findings:
    """Bold, italics, literals and links of the German text are all in the translation."""
    source, translation = parse_markup(entry.msgid), parse_markup(entry.msgstr)
    if translation.problems:
        return  # rst-syntax reports it; counting broken markup would only repeat it
    for kind, shown in MARKUP_NAMES.items():
        expected = source.kinds[kind]
        found = translation.kinds[kind]
        if found < expected:
            yield (
                f"the German text has {shown} {expected} time(s), the translation {found}",
                f"keep the {shown} markup around the corresponding words",
            )
        elif found > expected:
            yield (
                f"the translation has {shown} {found} time(s), the German text only {expected}",
                f"remove the extra {shown} markup",
            )
    for role, count in source.roles.items():
        if translation.roles.get(role, 0) < count:
            yield (
                f"the role :{role}: of the German text is missing",
                f"keep :{role}:`…` as in the msgid",
            )


@entry_check(Severity.ERROR, waivable=False)
def check_block_structure(entry: Entry, context: Context) -> Findings:
    """The translation has the German text's blocks: one paragraph stays one paragraph.

    Sphinx keeps only the first block of a msgstr that parses into more, so a
    second paragraph would be dropped from the page without a word.
    """
    source, translation = parse_markup(entry.msgid), parse_markup(entry.msgstr)
    if translation.blocks != source.blocks:
        yield (
            f"the translation's structure is {', '.join(translation.blocks) or 'empty'}, "
            f"the German text's {', '.join(source.blocks) or 'empty'} (an empty line, or a "
            "line starting with '-', '*', '#.' or spaces, starts a new block)",
            "write the translation as one block like the msgid: no empty line inside it",
        )


@entry_check(Severity.ERROR, waivable=False)
def check_unsafe_markup(entry: Entry, context: Context) -> Findings:
    """A translation may not add links, targets, roles, directives or raw HTML."""
    source, translation = parse_markup(entry.msgid), parse_markup(entry.msgstr)
    for url in sorted(translation.link_targets - source.link_targets):
        yield (
            f"the translation adds a link to {url!r} that the German text does not have",
            "keep exactly the links of the msgid; to change a link, ask the editors",
        )
    for url in sorted(translation.unsafe_urls - source.unsafe_urls):
        yield (
            f"the translation contains the address {url!r}, which is not http(s), mailto "
            "or relative (javascript:, data: and the like run code in the reader's browser)",
            "remove it; keep exactly the links of the msgid",
        )
    for tag in lang_role_tags(entry.msgstr):
        if not known_language_tag(tag):
            yield (
                f"the language tag {tag!r} in :lang: is not a language the build knows",
                "use a BCP 47 tag such as de, en, ar or fa-IR",
            )
    for role, count in translation.roles.items():
        if count > entry.msgid.count(f":{role}:`") and role not in ALLOWED_ADDED_ROLES:
            yield (
                f"the translation adds the role :{role}:",
                "remove it; only :lang:`phrase <de>` may be added, to mark a foreign phrase",
            )
    added_lang_roles = translation.roles.get("lang", 0) - source.roles.get("lang", 0)
    well_formed = [text for text in lang_role_texts(entry.msgstr) if phrase_and_tag(text)]
    if added_lang_roles > 0 and len(well_formed) < translation.roles["lang"]:
        yield (
            "the :lang: role is not in the form :lang:`phrase <de>`",
            "write the phrase, a space and the language tag in angle brackets",
        )
    if DIRECTIVE.search(entry.msgstr) and not DIRECTIVE.search(entry.msgid):
        yield (
            "the translation adds a directive (a line starting with '.. name::')",
            "remove it; directives belong in the German source, not in a translation",
        )
    if translation.targets and not source.targets:
        yield (
            "the translation adds a link target ('.. _name:' or _`name`)",
            "remove it; link targets belong in the German source",
        )
    if translation.raw and not source.raw:
        yield ("the translation adds raw content", "remove the raw directive or role")
    attribute = ATTRIBUTE_LIKE.search(entry.msgstr)
    if attribute and not ATTRIBUTE_LIKE.search(entry.msgid):
        yield (
            f"the translation contains something like an HTML attribute ({attribute[0]!r})",
            "remove it; write plain words (typographic quotes such as „…“ or «…» are fine)",
        )
    yield from _html_tags(entry, context)


def _html_tags(entry: Entry, context: Context) -> Findings:
    """The toolkit's ``xmltags``; an added tag is refused even where ``xmltags`` lets a
    msgid that is a single tag be translated freely."""
    source, translation = without_addresses(entry.msgid), without_addresses(entry.msgstr)
    added = sorted(set(tags(translation)) - set(tags(source)))
    if added:
        yield (
            f"the translation contains HTML: {', '.join(added)}",
            "remove the HTML; write plain text and reStructuredText only",
        )
    elif different := tag_failure(context.language, source, translation):
        yield (
            f"the translation's HTML tags differ from the German text's ({different})",
            "keep exactly the tags of the msgid",
        )


@entry_check(Severity.ERROR, waivable=False)
def check_protected_term(entry: Entry, context: Context) -> Findings:
    """Names and terms listed in the glossary stay exactly as they are: the same grapheme
    clusters, no letter, digit or combining mark joined to them, no look-alike letters."""
    copy = (
        "copy it letter for letter from the msgid: names of people are never translated "
        "or transliterated"
    )
    for term in context.glossary:
        if not has_term(entry.msgid, term):
            continue
        spoofs = look_alikes(entry.msgstr, term)
        for spoof in spoofs:
            yield (
                f"{spoof!r} looks like {term!r} but is written with other characters "
                f"({_differences(spoof, term)})",
                copy,
            )
        if spoofs or has_term(entry.msgstr, term):
            continue
        joined = joined_term(entry.msgstr, term)
        if joined:
            yield (
                f"{term!r} is only part of {joined!r} here: a letter, digit or combining mark "
                "is joined to it",
                f"{copy}, with a space or punctuation before and after it",
            )
        else:
            yield (f"{term!r} must appear unchanged (it is in glossary.txt)", copy)


def _differences(spoof: str, term: str) -> str:
    """Which characters differ, named: ``'а' U+0430 CYRILLIC SMALL LETTER A for 'a'``."""
    shown, wanted = clustered(spoof).clusters, clustered(term).clusters
    if len(shown) != len(wanted):
        return "another number of characters"
    return ", ".join(
        f"{found!r} {' '.join(map(describe, found))} for {expected!r}"
        for found, expected in zip(shown, wanted, strict=True)
        if found != expected
    )


#: Text that is the same in every language: addresses, numbers, names alone.
_NEUTRAL = re.compile(r"^[\W\d_]*$|https?://|@")


@entry_check(Severity.WARNING)
def check_same_as_source(entry: Entry, context: Context) -> Findings:
    """A msgstr that is the msgid again (toolkit's ``unchanged``) is usually an untranslated copy.

    Names from the glossary are left out of both first, and addresses are never
    judged: they are the same in every language.
    """
    if _NEUTRAL.search(entry.msgid):
        return
    source, target = entry.msgid, entry.msgstr
    for term in context.glossary:
        source, target = source.replace(term, ""), target.replace(term, "")
    if failure(context.language, "unchanged", source, target):
        yield (
            "the translation is the same as the German text",
            "translate it; if it really is the same in your language, waive the check "
            "with '# check: ignore same-as-source -- reason'",
        )


@entry_check(Severity.ERROR)
def check_whitespace(entry: Entry, context: Context) -> Findings:
    """Leading and trailing spaces and line breaks match the German text (the toolkit's
    ``startwhitespace`` and ``endwhitespace``)."""
    for side, check in (("start", "startwhitespace"), ("end", "endwhitespace")):
        if failure(context.language, check, entry.msgid, entry.msgstr):
            yield (
                f"spaces or line breaks at the {side} differ from the German text",
                f"remove or add the whitespace at the {side} so it matches the msgid",
            )


@entry_check(Severity.WARNING)
def check_ending_punctuation(entry: Entry, context: Context) -> Findings:
    """A sentence keeps its ending as the language writes it (the toolkit's ``endpunc``:
    German ``?`` is ``؟`` in Arabic and Persian, ``;`` in Greek), judged on the words
    the reader sees: a role's name or a link's address is not the end of a sentence."""
    translated = parse_markup(entry.msgstr)
    if translated.problems:
        return  # rst-syntax reports it; broken markup has no words to end with
    source, translation = parse_markup(entry.msgid).text, translated.text
    if not failure(context.language, "endpunc", source, translation):
        return
    german, expected, found = endings(context.language, source, translation)
    if found and found == german:
        yield (
            f"the translation ends with {found!r} as the German text does, but "
            f"{context.language.english_name} writes {expected!r}",
            f"end the translation with {expected!r}",
        )
    elif expected:
        shown = f"{found!r}" if found else "no punctuation"
        yield (
            f"the German text ends with {german!r}, the translation with {shown}",
            f"end the translation with {expected!r}, as your language writes it",
        )
    else:
        yield (
            f"the translation ends with {found!r}, the German text does not",
            "remove the final punctuation (headings and names have none)",
        )
