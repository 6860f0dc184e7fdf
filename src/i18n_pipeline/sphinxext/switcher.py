"""Language navigation: the switcher on every page and hreflang alternates in <head>.

Both link the same page in every language. The switcher uses relative links so
the site works from any directory; the alternates use ``html_baseurl`` when it is
set, as search engines want absolute URLs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from i18n_pipeline.config.languages import language
from i18n_pipeline.config.site_config import SiteConfig
from i18n_pipeline.sphinxext.context import provide


@dataclass(frozen=True)
class LanguageVersion:
    """The same page in one language, as the templates need it."""

    code: str
    tag: str
    native_name: str
    direction: str
    url: str  # relative to the current page
    absolute_url: str  # from html_baseurl, or the relative one when no base URL is set
    current: bool


def language_versions(app: Sphinx, pagename: str) -> list[LanguageVersion]:
    to_site_root = "../" * (pagename.count("/") + 1)
    base = app.config.html_baseurl.rstrip("/")
    site = SiteConfig.from_config(app.config)
    # The German original has no parallel page of its own (it is the original): from a
    # parallel page, German leads to the document it shows. The easy-read page is no
    # language's version of the declaration: from it, every language's entry leads to
    # that language's start page, none is "current".
    on_easy_read = bool(site.easy_read) and pagename == site.easy_read
    shown_in_source = site.parallel_document(pagename) or pagename
    versions = []
    for code in site.codes:
        lang = language(code)
        if on_easy_read:
            shown = site.root_doc
        else:
            shown = shown_in_source if code == site.source_language else pagename
        path = f"{code}/{shown}.html"
        versions.append(
            LanguageVersion(
                code=code,
                tag=lang.tag,
                native_name=lang.native_name,
                direction=lang.direction,
                url=to_site_root + path,
                absolute_url=f"{base}/{path}" if base else to_site_root + path,
                current=code == app.config.language and not on_easy_read,
            )
        )
    return versions


def x_default_url(app: Sphinx, pagename: str) -> str:
    """Readers with none of our languages get the language chooser (start page) or German."""
    to_site_root = "../" * (pagename.count("/") + 1)
    base = app.config.html_baseurl.rstrip("/")
    path = (
        "index.html"
        if pagename == app.config.root_doc
        else f"{app.config.site_source_language}/{pagename}.html"
    )
    return f"{base}/{path}" if base else to_site_root + path


def switcher_values(app: Sphinx, pagename: str, doctree: nodes.document | None) -> dict[str, Any]:
    versions = language_versions(app, pagename)
    # A parallel page is German and a translation at once, and the easy-read page has
    # no other language versions; neither is a language version of one page, so
    # neither has hreflang alternates (the switcher still leads to the others).
    single = pagename in SiteConfig.from_config(app.config).single_version_pages
    return {
        "language_versions": versions,
        "alternates": [] if single else versions,
        "x_default_url": x_default_url(app, pagename),
        "site_root": "../" * (pagename.count("/") + 1),
    }


def setup(app: Sphinx) -> None:
    provide(app, switcher_values)
