"""Provenance on every translated page: which German text it translates, when the
translation last changed, and how many paragraphs still show German.

The pipeline passes, per document, a digest of the German source and the PO
file's ``PO-Revision-Date`` (``site_provenance``); both come from the inputs, so
the pages carry no build time and two builds stay byte-identical. The German
paragraphs are counted on the page itself: the nodes Sphinx marked untranslated
(a missing or fuzzy translation), which the fallback module marks ``lang="de"``.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from i18n_pipeline.sphinxext.context import provide
from i18n_pipeline.sphinxext.dates import format_for_language, page_language


def provenance_values(app: Sphinx, pagename: str, doctree: nodes.document | None) -> dict[str, Any]:
    facts = app.config.site_provenance.get(pagename)
    if not facts or app.config.language == app.config.site_source_language:
        return {"provenance": None}
    lang = page_language(app.config)
    german = sum(
        1
        for node in (doctree.findall(nodes.Element) if doctree is not None else ())
        if "untranslated" in node.get("classes", [])
    )
    provenance = {
        "source_date": format_for_language(app.config.release, lang),
        "revision": facts["revision"],
        "changed": format_for_language(facts["changed"], lang) if facts["changed"] else "",
        "german_paragraphs": lang.localize_digits(str(german)) if german else "",
    }
    return {"provenance": provenance}


def setup(app: Sphinx) -> None:
    app.add_config_value("site_provenance", {}, "html", types=frozenset({dict}))
    provide(app, provenance_values)
