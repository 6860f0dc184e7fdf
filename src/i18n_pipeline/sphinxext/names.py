"""Names in a page of another script are marked with the language they are pronounced in.

An Arabic or Russian screen-reader voice reads "Katarina Niewiedzial" with its
own rules unless the name carries ``lang``. Translators do not hand-write that
markup: every protected term of ``glossary.txt`` that has a language is wrapped
here, after the translation is applied, on every page whose language is written
in another script than Latin. The class ``language-de`` becomes ``lang="de"``,
and on right-to-left pages the HTML translator adds ``dir="ltr"``, which
isolates the name from the surrounding text (:mod:`.direction`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms import SphinxTransform

from i18n_pipeline.catalogs.glossary import Term, read_glossary
from i18n_pipeline.config.languages import language

#: Nodes whose text is not prose: left as they are.
_SKIPPED = (nodes.FixedTextElement, nodes.literal, nodes.raw, nodes.comment, nodes.title)


def _marked_language(node: nodes.Node) -> bool:
    """The node or one of its ancestors already says which language it is in."""
    element: nodes.Node | None = node.parent
    while element is not None:
        classes: list[str] = (
            element.get("classes", []) if isinstance(element, nodes.Element) else []
        )
        if any(c.startswith("language-") for c in classes):
            return True
        element = element.parent
    return False


class MarkNames(SphinxTransform):
    default_priority = 970  # after the translation (20) and the German fallback marking (960)

    def apply(self, **kwargs: Any) -> None:
        page = self.config.language
        if page == self.config.site_source_language or not self.config.site_glossary:
            return
        if language(page).script == "LATIN":
            return
        glossary = Path(self.config.site_glossary)
        self.env.note_dependency(str(glossary))  # Sphinx re-reads the page when it changes
        terms = {t.text: t for t in read_glossary(glossary) if t.language}
        if not terms:
            return
        pattern = re.compile("|".join(re.escape(text) for text in sorted(terms, key=len)[::-1]))
        for text in list(self.document.findall(nodes.Text)):
            if isinstance(text.parent, _SKIPPED) or _marked_language(text):
                continue
            pieces = _split(str(text), pattern, terms)
            if pieces:
                text.parent.replace(text, pieces)


def _split(text: str, pattern: re.Pattern[str], terms: dict[str, Term]) -> list[nodes.Node]:
    """``text`` as text and marked names, or an empty list when it holds no name."""
    pieces: list[nodes.Node] = []
    position = 0
    for match in pattern.finditer(text):
        if match.start() > position:
            pieces.append(nodes.Text(text[position : match.start()]))
        term = terms[match[0]]
        pieces.append(
            nodes.inline(
                match[0], match[0], classes=[f"language-{term.language}", "foreign", "name"]
            )
        )
        position = match.end()
    if not pieces:
        return []
    if position < len(text):
        pieces.append(nodes.Text(text[position:]))
    return pieces


def resolve_glossary(app: Sphinx, config: Config) -> None:
    """A relative ``site_glossary`` is relative to conf.py, as Sphinx's own paths are."""
    if config.site_glossary:
        config.site_glossary = str(Path(app.confdir) / config.site_glossary)


def setup(app: Sphinx) -> None:
    app.connect("config-inited", resolve_glossary)
    app.add_transform(MarkNames)
