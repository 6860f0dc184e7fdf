"""The site in Leichte Sprache: a German page of its own, not a translation.

Easy-read German restructures the text (short sentences, hard words explained), so
it is written as its own source document (conf.py's ``site_easy_read``: the
declaration's is ``source/leichte-sprache.rst``) and checked by its own rules
(``checks.easy_read``), not carried in PO files. It exists in the German build
only: the gettext builder and the translations' builds leave it out (its
``:orphan:`` keeps Sphinx from asking for a toctree entry). Its ``lang`` is
``de``, so screen readers speak it as German; every page's switcher leads to it
under its German name.

Easy-read layout puts every sentence on a line of its own and never breaks a word
at the end of a line: the source has one sentence per line, which the page keeps
(``white-space: pre-line`` on the ``easy-read`` section), and every split compound
(Bundes-Regierung, Integrations·kurs) is one unbreakable ``word``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from i18n_pipeline.sphinxext.context import provide

#: Its name in the switcher and on the start page, the same in every language.
EASY_READ_NAME = "Leichte Sprache"


def easy_read_source(document: str) -> str:
    """The document's source file, as Sphinx's ``exclude_patterns`` names it."""
    return f"{document}.rst"


@dataclass(frozen=True)
class EasyReadLink:
    """The switcher's entry for the easy-read page, relative to the current page."""

    url: str
    tag: str
    name: str
    current: bool


def leave_out_of_translations(app: Sphinx, config: Config) -> None:
    """Only the German build has the easy-read page (there is nothing to translate)."""
    if config.site_easy_read and config.language != config.site_source_language:
        config.exclude_patterns = [
            *config.exclude_patterns,
            easy_read_source(config.site_easy_read),
        ]


SPLIT_WORD = re.compile(r"\w+(?:[-·]\w+)+")


def lay_out_for_easy_reading(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Mark the page's section for the easy-read layout and keep split words whole."""
    if not docname or docname != app.config.site_easy_read:
        return
    for section in doctree.findall(nodes.section):
        if isinstance(section.parent, nodes.document):
            section["classes"].append("easy-read")
    for text in list(doctree.findall(nodes.Text)):
        if isinstance(text.parent, (nodes.comment, nodes.raw, nodes.literal)):
            continue
        pieces = _split_words(str(text))
        if len(pieces) > 1:
            text.parent.replace(text, pieces)


def _split_words(text: str) -> list[nodes.Node]:
    pieces: list[nodes.Node] = []
    position = 0
    for match in SPLIT_WORD.finditer(text):
        if match.start() > position:
            pieces.append(nodes.Text(text[position : match.start()]))
        pieces.append(nodes.inline(match.group(), match.group(), classes=["word"]))
        position = match.end()
    if position < len(text):
        pieces.append(nodes.Text(text[position:]))
    return pieces


def easy_read_values(app: Sphinx, pagename: str, doctree: nodes.document | None) -> dict[str, Any]:
    source, page = app.config.site_source_language, app.config.site_easy_read
    if not page:
        return {"easy_read": None}
    to_site_root = "../" * (pagename.count("/") + 1)
    link = EasyReadLink(
        url=f"{to_site_root}{source}/{page}.html",
        tag=source,
        name=EASY_READ_NAME,
        current=pagename == page,
    )
    return {"easy_read": link}


def setup(app: Sphinx) -> None:
    app.connect("config-inited", leave_out_of_translations)
    provide(app, easy_read_values)
    app.connect("doctree-resolved", lay_out_for_easy_reading)
