"""``:lang:`Chancenaufenthaltsrecht <de>``` marks a foreign phrase in a translation.

Translators use it for a German law's name kept in parentheses, so screen readers
pronounce it in German (WCAG 3.1.2) and right-to-left pages isolate it.
"""

from __future__ import annotations

import re

import langcodes
from babel import Locale, UnknownLocaleError
from docutils import nodes
from docutils.parsers.rst.states import Inliner
from langcodes.tag_parser import LanguageTagError
from sphinx.application import Sphinx

_ROLE_TEXT = re.compile(r":lang:`(?P<text>[^`]*)`")
_ROLE_TAG = re.compile(r":lang:`[^`]*?<(?P<tag>[^<>`]*)>`")


def lang_role_tags(text: str) -> list[str]:
    """The language tags of every ``:lang:`phrase <tag>``` in ``text``."""
    return [match["tag"] for match in _ROLE_TAG.finditer(text)]


def lang_role_texts(text: str) -> list[str]:
    """What stands between the backquotes of every ``:lang:`…``` in ``text``."""
    return [match["text"] for match in _ROLE_TEXT.finditer(text)]


def phrase_and_tag(text: str) -> tuple[str, str] | None:
    """The phrase and its BCP 47 tag, as langcodes writes it (``fa_ir`` → ``fa-IR``), of
    a role's text; None unless the text is ``phrase <tag>`` with a well-formed tag.

    The tag is what follows the last ``<``: found with ``rfind``, since a lazy pattern
    for the phrase read a role of spaces again from every space (quadratic)."""
    opening = text.rfind("<")
    tag = text[opening + 1 : -1]
    if opening < 1 or not text.endswith(">") or not tag or any(c in tag for c in "<>`"):
        return None
    phrase = text[:opening].rstrip() or text[0]  # the phrase is at least one character
    try:
        return phrase, langcodes.standardize_tag(tag)
    except LanguageTagError:
        return None


def known_language_tag(tag: str) -> bool:
    """A valid BCP 47 tag (langcodes, by the IANA registry) that Babel has locale data
    for: the build derives direction and names from it."""
    if not langcodes.tag_is_valid(tag):
        return False
    try:
        Locale.parse(langcodes.standardize_tag(tag), sep="-")
    except (ValueError, TypeError, UnknownLocaleError):
        return False
    return True


def lang_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Inliner,
    options: dict[str, object] | None = None,
    content: list[str] | None = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    found = phrase_and_tag(text)
    if found is None:
        message = inliner.reporter.error(
            f"the :lang: role needs a phrase and a language tag, like "
            f":lang:`Chancenaufenthaltsrecht <de>`; got {text!r}",
            line=lineno,
        )
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    phrase, tag = found
    if not known_language_tag(tag):
        message = inliner.reporter.error(
            f"the :lang: role names an unknown language {tag!r}", line=lineno
        )
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    return [nodes.inline(rawtext, phrase, classes=[f"language-{tag}", "foreign"])], []


def setup(app: Sphinx) -> None:
    app.add_role("lang", lang_role)
