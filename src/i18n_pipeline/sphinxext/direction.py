"""``<html lang dir>``: a valid BCP 47 tag and Babel's text direction for every page.

Sphinx writes ``lang`` but never ``dir`` (sphinx-doc/sphinx#10385); right-to-left
readers need both, and the direction must come from CLDR, not a hand list.
The HTML translator here also isolates left-to-right runs (names, German terms)
inside right-to-left text, and gives every element with a foreign ``lang`` the
matching ``dir``.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

from i18n_pipeline.config.languages import language
from i18n_pipeline.sphinxext.context import provide

#: Inline elements whose Latin-script content would otherwise be reordered by the
#: bidi algorithm inside an Arabic or Persian sentence.
_ISOLATED_INLINES = (nodes.strong, nodes.emphasis, nodes.literal, nodes.reference, nodes.inline)


def first_strong_direction(text: str) -> str | None:
    """The direction of the first strongly directional character, as the bidi algorithm sees it."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return None


def language_values(app: Sphinx, pagename: str, doctree: nodes.document | None) -> dict[str, Any]:
    lang = language(app.config.language)
    return {
        "language_tag": lang.tag,
        "text_direction": lang.direction,
        "language_native_name": lang.native_name,
        "site_source_language": app.config.site_source_language,
    }


class AccessibleHTMLTranslator(HTML5Translator):
    """Adds ``dir`` wherever the direction changes, so the bidi algorithm never guesses."""

    def starttag(
        self,
        node: nodes.Element,
        tagname: str,
        suffix: str = "\n",
        empty: bool = False,
        **attributes: Any,
    ) -> str:
        page_direction = language(self.config.language).direction
        classes: list[str] = node.get("classes", [])
        element_language = next(
            (c.removeprefix("language-") for c in classes if c.startswith("language-")),
            None,
        )
        if element_language:
            element_direction = language(element_language).direction
            if element_direction != page_direction:
                attributes.setdefault("dir", element_direction)
        elif (
            page_direction == "rtl"
            and isinstance(node, _ISOLATED_INLINES)
            and first_strong_direction(node.astext()) == "ltr"
        ):
            attributes.setdefault("dir", "ltr")
        return str(super().starttag(node, tagname, suffix, empty, **attributes))


def setup(app: Sphinx) -> None:
    app.set_translator("html", AccessibleHTMLTranslator, override=True)
    provide(app, language_values)
