"""``:lang:`Chancenaufenthaltsrecht <de>``` marks a foreign phrase in a translation.

Translators use it for a German law's name kept in parentheses, so screen readers
pronounce it in German (WCAG 3.1.2) and right-to-left pages isolate it.
"""

from __future__ import annotations

import re

from babel import Locale, UnknownLocaleError
from docutils import nodes
from docutils.parsers.rst.states import Inliner
from sphinx.application import Sphinx

_PHRASE_AND_TAG = re.compile(
    r"^(?P<phrase>.+?)\s*<(?P<tag>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)>$", re.S
)


_ROLE_TAG = re.compile(r":lang:`[^`]*?<(?P<tag>[^<>`]*)>`")


def lang_role_tags(text: str) -> list[str]:
    """The language tags of every ``:lang:`phrase <tag>``` in ``text``."""
    return [match["tag"] for match in _ROLE_TAG.finditer(text)]


def known_language_tag(tag: str) -> bool:
    """A tag Babel has locale data for: the build derives direction and names from it."""
    try:
        Locale.parse(tag.replace("-", "_"))
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
    match = _PHRASE_AND_TAG.match(text)
    if not match:
        message = inliner.reporter.error(
            f"the :lang: role needs a phrase and a language tag, like "
            f":lang:`Chancenaufenthaltsrecht <de>`; got {text!r}",
            line=lineno,
        )
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    tag = match["tag"].replace("_", "-")
    if not known_language_tag(tag):
        message = inliner.reporter.error(
            f"the :lang: role names an unknown language {tag!r}", line=lineno
        )
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    return [nodes.inline(rawtext, match["phrase"], classes=[f"language-{tag}", "foreign"])], []


def setup(app: Sphinx) -> None:
    app.add_role("lang", lang_role)
