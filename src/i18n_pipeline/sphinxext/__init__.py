"""Sphinx extension: pages that are right for their language and accessible.

``setup`` is the wiring table, one module per concern: text direction and BCP 47
tags (``direction``), the language switcher and hreflang alternates
(``switcher``), German fallback text marked as such (``fallback``), foreign
phrases inside a translation (``roles``), names marked with the language they are
pronounced in (``names``), the German and the translation side by side
(``parallel``), the declaration in Leichte Sprache (``easy_read``), where a
translation comes from (``provenance``), the declaration as an accessible PDF
(``pdf_link``), the locale-formatted date (``dates``) and the theme itself
(``theme``).
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from i18n_pipeline import __version__
from i18n_pipeline.sphinxext import (
    dates,
    direction,
    easy_read,
    fallback,
    names,
    parallel,
    pdf_link,
    provenance,
    roles,
    switcher,
    theme,
)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value("site_source_language", "de", "env", types=frozenset({str}))
    app.add_config_value("site_languages", [], "html", types=frozenset({list, tuple}))

    theme.setup(app)
    direction.setup(app)
    switcher.setup(app)
    fallback.setup(app)
    roles.setup(app)
    names.setup(app)
    parallel.setup(app)
    pdf_link.setup(app)
    provenance.setup(app)
    dates.setup(app)
    easy_read.setup(app)

    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
