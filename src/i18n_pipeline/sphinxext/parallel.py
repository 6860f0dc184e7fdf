"""Parallel text: the German original and the translation side by side, paragraph by paragraph.

For bilingual readers and for reviewers. Every translation gets a parallel page for
each document of ``site_parallel_pages`` (conf.py: document → page name, the
declaration's is ``parallel.html``): each translatable paragraph of the document as
a pair, the German with ``lang="de" dir="ltr"``, the translation in the page's
language. Both sides are rendered by the same Sphinx HTML translator as the pages
themselves. The German side comes from the message the translation replaced,
remembered on the node just before Sphinx's ``Locale`` transform applies the
catalog. Every translated page's footer links a parallel page: its own document's,
else the site's first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from docutils.core import publish_doctree
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import extract_messages

from i18n_pipeline.config.languages import Language, language
from i18n_pipeline.config.site_config import SiteConfig
from i18n_pipeline.sphinxext.context import provide
from i18n_pipeline.sphinxext.fallback import fallback_language

_SOURCE_TEXT = "source_text"


class RememberSourceText(SphinxTransform):
    """Keep each translatable node's German message before the translation replaces it."""

    default_priority = 15  # after PreserveTranslatableMessages (10), before Locale (20)

    def apply(self, **kwargs: Any) -> None:
        if self.config.language == self.config.site_source_language:
            return
        for node, message in extract_messages(self.document):
            node[_SOURCE_TEXT] = message


def _inline(children: list[nodes.Node]) -> nodes.paragraph:
    """A title's or paragraph's inline content as a paragraph of the pair."""
    return nodes.paragraph("", "", *(child.deepcopy() for child in children))


def _german(message: str) -> nodes.paragraph:
    """The German message parsed as reStructuredText (inline markup, links), as Sphinx
    parses a msgstr; its first block is the paragraph."""
    document = publish_doctree(message, settings_overrides={"report_level": 5})
    first = next(iter(document.findall(nodes.paragraph)), None)
    return _inline(first.children if first is not None else [nodes.Text(message)])


@dataclass(frozen=True)
class ParallelPair:
    """One paragraph in both columns; ``fallback`` is set when the translation column shows
    the German because the paragraph is not translated (marked with its language)."""

    german: str
    translated: str
    fallback: Language | None = None


def parallel_pairs(app: Sphinx, document: str) -> list[ParallelPair]:
    """Both columns for every translatable paragraph of ``document``."""
    builder = app.builder
    assert isinstance(builder, StandaloneHTMLBuilder)
    doctree = app.env.get_and_resolve_doctree(document, builder)
    pairs = []
    for node in doctree.findall(nodes.Element):
        if _SOURCE_TEXT in node:
            german = builder.render_partial(_german(node[_SOURCE_TEXT]))["fragment"]
            translated = builder.render_partial(_inline(node.children))["fragment"]
            shown = fallback_language(node, app.config)
            pairs.append(ParallelPair(german, translated, language(shown) if shown else None))
    return pairs


def collect_parallel_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    if app.builder.format != "html" or app.config.language == app.config.site_source_language:
        return
    for document, page in SiteConfig.from_config(app.config).parallel_pages.items():
        yield page, {"parallel_pairs": parallel_pairs(app, document)}, "parallel.html"


def parallel_values(app: Sphinx, pagename: str, doctree: nodes.document | None) -> dict[str, Any]:
    """The parallel page the footer links (none in the source language)."""
    if app.config.language == app.config.site_source_language:
        return {"parallel_page": ""}
    return {"parallel_page": SiteConfig.from_config(app.config).parallel_page_of(pagename)}


def setup(app: Sphinx) -> None:
    app.add_transform(RememberSourceText)
    app.connect("html-collect-pages", collect_parallel_pages)
    provide(app, parallel_values)
