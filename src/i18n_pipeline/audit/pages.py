"""Which pages to audit, and which language each was built for.

Discovered from the build, never a hand list. In this project's layout a page
under ``<code>/`` belongs to that language and top-level pages to the source
language; for any other site the language is whatever the page declares.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from lxml import html

from i18n_pipeline.languages import SOURCE_LANGUAGE, all_languages

_STYLESHEET_HREFS = (
    "//link[contains(concat(' ', normalize-space(@rel), ' '), ' stylesheet ')]/@href"
)


@dataclass(frozen=True)
class Page:
    path: Path  # on disk
    relative: str  # URL path below the site root, with /
    language: str | None  # the language it was built for, when the layout tells

    @cached_property
    def source(self) -> bytes:
        """Read once per audit: the hash, the language checks and hreflang all need it."""
        return self.path.read_bytes()

    @cached_property
    def root(self) -> html.HtmlElement:
        return html.fromstring(self.source)

    def content_hash(self, site: Path) -> str:
        """The page and the local stylesheets it links: what its accessibility depends on."""
        digest = hashlib.sha256(self.source)
        for href in sorted(set(self.root.xpath(_STYLESHEET_HREFS))):
            address = urlsplit(href)
            if address.scheme or address.netloc:
                continue  # another host: reported by the browser probe, not hashed
            stylesheet = (self.path.parent / address.path).resolve()
            if stylesheet.is_file() and stylesheet.is_relative_to(site.resolve()):
                digest.update(stylesheet.read_bytes())
        return digest.hexdigest()


def discover_pages(site: Path) -> list[Page]:
    codes = {lang.code for lang in all_languages()}
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        first = relative.split("/", 1)[0]
        if first in codes and "/" in relative:
            language: str | None = first
        elif "/" not in relative and codes <= {p.name for p in site.iterdir() if p.is_dir()}:
            language = SOURCE_LANGUAGE
        else:
            language = None
        pages.append(Page(path, relative, language))
    return pages
