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

Below its first paragraph the page says, in Leichte Sprache, whether a Prüfgruppe has
checked it: a check recorded for the page's current source (:mod:`pruefgruppe`, named by
``site_easy_read_record``) shows its group and day; without one, or after an edit, the
note says that no Prüfgruppe has checked the text yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from i18n_pipeline.catalogs.pruefgruppe import Check, current_check
from i18n_pipeline.config.languages import Language
from i18n_pipeline.config.site_config import easy_read_source
from i18n_pipeline.sphinxext.context import provide
from i18n_pipeline.sphinxext.dates import format_for_language, page_language

#: Its name in the switcher and on the start page, the same in every language.
EASY_READ_NAME = "Leichte Sprache"


#: The note on the page, one sentence a line, in Leichte Sprache (the check's tests read it
#: as they read the page). What a Prüfgruppe is, then whether one has checked this text.
WHAT_A_PRUEFGRUPPE_DOES = (
    "In einer Prüf-Gruppe sind Menschen mit Lern-Schwierigkeiten.",
    "Sie prüfen: Kann man den Text gut verstehen?",
)
UNCHECKED = ("Diesen Text hat noch keine Prüf-Gruppe geprüft.", *WHAT_A_PRUEFGRUPPE_DOES)
CHECKED = (
    "Eine Prüf-Gruppe hat diesen Text am {date} geprüft.",
    "Die Prüf-Gruppe heißt: {by}.",
    *WHAT_A_PRUEFGRUPPE_DOES,
)


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


def check_note(check: Check | None, lang: Language) -> str:
    """The note's sentences, one a line: the recorded check, or that there is none."""
    if check is None:
        return "\n".join(UNCHECKED)
    date = format_for_language(check.date, lang)
    return "\n".join(CHECKED).format(date=date, by=check.by)


def _page_check(app: Sphinx) -> Check | None:
    record = app.config.site_easy_read_record
    if not record:
        return None
    source = Path(app.srcdir) / easy_read_source(app.config.site_easy_read)
    return current_check(Path(app.confdir) / record, source)  # relative to conf.py


def lay_out_for_easy_reading(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Mark the page's section for the easy-read layout, say whether a Prüfgruppe has
    checked it, and keep split words whole."""
    if not docname or docname != app.config.site_easy_read:
        return
    for section in doctree.findall(nodes.section):
        if isinstance(section.parent, nodes.document):
            section["classes"].append("easy-read")
            note = nodes.container(classes=["easy-read-check"])
            note += nodes.paragraph(text=check_note(_page_check(app), page_language(app.config)))
            first = next(iter(section.findall(nodes.paragraph)), None)
            place = section.index(first) + 1 if first is not None and first.parent is section else 1
            section.insert(place, note)
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
