"""``.. declaration-date:: 2024-11-19``: the date, formatted by Babel for each language.

A date is locale data, not text to translate: Babel writes "19. November 2024",
"November 19, 2024" or "۱۹ نوامبر ۲۰۲۴", and the ``<time>`` element keeps the
machine-readable ISO date.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator

from i18n_pipeline.config.languages import Language
from i18n_pipeline.config.site_config import SiteConfig


class localized_date(nodes.Inline, nodes.TextElement):  # noqa: N801 - docutils node naming
    """A date rendered in the page's language at write time."""


class DeclarationDate(SphinxDirective):
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        try:
            date = dt.date.fromisoformat(self.arguments[0])
        except ValueError:
            raise self.error(
                f"declaration-date needs an ISO date like 2024-11-19, got {self.arguments[0]!r}"
            ) from None
        paragraph = nodes.paragraph(classes=["declaration-date"])
        paragraph += localized_date(iso=date.isoformat())
        return [paragraph]


def format_for_language(iso: str, lang: Language) -> str:
    """The date as ``lang`` writes it: in its locale (the project's, en_GB for en) and digits."""
    date = dt.date.fromisoformat(iso)
    return lang.localize_digits(format_date(date, "long", locale=lang.format_locale))


def page_language(config: Config) -> Language:
    """The build's language, as the site has it (its format locale included)."""
    return SiteConfig.from_config(config).language(config.language)


def visit_localized_date(self: HTML5Translator, node: localized_date) -> None:
    text = format_for_language(node["iso"], page_language(self.config))
    self.body.append(f'<time datetime="{node["iso"]}"><strong>{self.encode(text)}</strong></time>')
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_node(localized_date, html=(visit_localized_date, None))
    app.add_directive("declaration-date", DeclarationDate)
