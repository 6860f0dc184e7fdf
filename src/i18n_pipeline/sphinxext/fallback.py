"""Mark German text that shows through an unfinished translation (WCAG 3.1.2).

Sphinx's ``translation_progress_classes`` tags every translatable node
``translated`` or ``untranslated``; an untranslated node on an English page is
German, so it gets the class ``language-de``, which docutils writes as
``lang="de"`` (and our translator adds ``dir="ltr"`` on right-to-left pages).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms import SphinxTransform

from i18n_pipeline.sphinxext.context import provide


def fallback_language(node: nodes.Element, config: Config) -> str | None:
    """The one rule for every page type (language page, parallel page, PDF): a node that
    Sphinx left untranslated on a translation's page shows the source language."""
    source: str = config.site_source_language
    if config.language != source and "untranslated" in node.get("classes", []):
        return source
    return None


class MarkUntranslatedAsSource(SphinxTransform):
    default_priority = 960  # must run after AddTranslationClasses (950)

    def apply(self, **kwargs: Any) -> None:
        for node in self.document.findall(nodes.Element):
            shown = fallback_language(node, self.config)
            if shown is not None:
                node["classes"].append(f"language-{shown}")


def site_name_values(app: Sphinx, pagename: str, doctree: nodes.document | None) -> dict[str, Any]:
    """The header shows the declaration's title as translated, or German marked as German."""
    root_doctree = app.env.get_doctree(app.config.root_doc)
    title = next(root_doctree.findall(nodes.title), None)
    untranslated = title is None or "untranslated" in title.get("classes", [])
    source = app.config.site_source_language
    return {
        "site_name": title.astext() if title else app.config.project,
        "site_name_lang": source if untranslated and app.config.language != source else "",
    }


def setup(app: Sphinx) -> None:
    app.add_transform(MarkUntranslatedAsSource)
    provide(app, site_name_values)
