"""The project's own data, as configuration values of its conf.py: one table.

The pipeline is a tool; which languages a site has (with the gettext plural rule
the project records for each), which documents get a PDF or a parallel page, the
glossary, the Leichte Sprache page and the accessibility statement are the
project's, written in its conf.py as Sphinx's own values are. ``register`` adds
them to a build (``app.add_config_value``, with types); the pipeline adds the
same table to the :class:`~sphinx.config.Config` it reads
(:mod:`i18n_pipeline.config.site_config`), so both see one set of names and defaults.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from sphinx.application import Sphinx
from sphinx.config import Config

#: What a change of the value redoes: "env" re-reads the documents, "html" rewrites the pages.
Rebuild = Literal["env", "html"]


def _first_language(config: Config) -> str:
    """The source language, unless conf.py says otherwise: the first of ``site_languages``."""
    return next(iter(config.site_languages), "")


@dataclass(frozen=True)
class SiteValue:
    """One configuration value: as ``app.add_config_value`` and ``Config.add`` take it."""

    name: str
    default: object | Callable[[Config], Any]
    rebuild: Rebuild
    types: frozenset[type]
    description: str


SITE_VALUES = (
    SiteValue(
        "site_languages",
        {},
        "html",
        frozenset({dict}),
        "every language of the site, code → its gettext Plural-Forms (the project's record), "
        "in the order the language switcher shows them, the source language first",
    ),
    SiteValue(
        "site_source_language",
        _first_language,
        "env",
        frozenset({str}),
        "the language the documents are written in; every other language is a translation",
    ),
    SiteValue(
        "site_format_locales",
        {},
        "html",
        frozenset({dict}),
        "code → the CLDR locale whose dates and numbers a translation follows, where that is "
        "not the bare language (en → en_GB)",
    ),
    SiteValue(
        "site_glossary",
        "",
        "env",
        frozenset({str}),
        "the glossary of protected terms (absolute, or relative to conf.py)",
    ),
    SiteValue(
        "site_termbase",
        "",
        "env",
        frozenset({str}),
        "the term base (TBX): the key terms with their approved renderings per language, "
        "which the check term-base enforces (absolute, or relative to conf.py); '' for none",
    ),
    SiteValue(
        "site_easy_read",
        "",
        "env",
        frozenset({str}),
        "the document in Leichte Sprache, built in the source language only; '' for none",
    ),
    SiteValue(
        "site_easy_read_record",
        "",
        "html",
        frozenset({str}),
        "where a Prüfgruppe's check of the Leichte Sprache page is recorded (absolute, or "
        "relative to conf.py); '' for none: the page says it is unchecked",
    ),
    SiteValue(
        "site_accessibility_statement",
        "",
        "html",
        frozenset({str}),
        "the document every page's footer links as the accessibility statement; '' for none",
    ),
    SiteValue(
        "site_pdfs",
        {},
        "html",
        frozenset({dict}),
        "document → the file name of its accessible PDF, made in every language",
    ),
    SiteValue(
        "site_parallel_pages",
        {},
        "html",
        frozenset({dict}),
        "document → the name of the page that shows it beside the source text, in every "
        "translation",
    ),
)


def register(app: Sphinx) -> None:
    """Add the project's values to a build, with their types (Sphinx checks them)."""
    for value in SITE_VALUES:
        app.add_config_value(
            value.name,
            value.default,
            value.rebuild,
            types=value.types,
            description=value.description,
        )


def add_to(config: Config) -> None:
    """Add the project's values to a configuration read outside a build."""
    for value in SITE_VALUES:
        config.add(value.name, value.default, value.rebuild, value.types, value.description)
