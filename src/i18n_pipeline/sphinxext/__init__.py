"""Sphinx extension: pages that are right for their language and accessible.

``setup`` is the wiring table, one module per concern: text direction and BCP 47
tags (``direction``), the language switcher and hreflang alternates
(``switcher``), German fallback text marked as such (``fallback``), foreign
phrases inside a translation (``roles``), names marked with the language they are
pronounced in (``names``), the German and the translation side by side
(``parallel``), the declaration in Leichte Sprache (``easy_read``), where a
translation comes from (``provenance``), the declaration as an accessible PDF
(``pdf_link``), the locale-formatted date (``dates``), sentences that end with a value
ending in a full stop (``sentence``) and the theme itself
(``theme``). What the site is (its languages, which documents get a PDF or a
parallel page…) are the project's values in conf.py (:mod:`i18n_pipeline.config.values`).
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util.typing import ExtensionMetadata

from i18n_pipeline import __version__
from i18n_pipeline.config import values as site_values
from i18n_pipeline.config.site_config import SiteConfig
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
    sentence,
    switcher,
    theme,
)


def check_site_values(app: Sphinx, config: Config) -> None:
    """Stop a build whose site values are missing or wrong, naming them (and a build in a
    language the site does not have)."""
    try:
        site = SiteConfig.from_config(config)
    except (TypeError, ValueError) as error:
        raise ConfigError(f"a site value of conf.py has the wrong type: {error}") from None
    problems = site.problems()
    if site.plural_forms and config.language not in site.plural_forms:
        problems.append(
            f"the build's language {config.language!r} is not one of site_languages "
            f"({', '.join(site.codes)})"
        )
    if problems:
        raise ConfigError("; ".join(problems))


def setup(app: Sphinx) -> ExtensionMetadata:
    site_values.register(app)
    app.connect("config-inited", check_site_values)

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
    sentence.setup(app)
    easy_read.setup(app)

    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
