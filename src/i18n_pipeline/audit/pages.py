"""Which pages to audit, and which language each was built for.

Discovered from the build, never a hand list. Which language a page was built
for is what the site run says (``SiteLanguages.expected``); for any other site
it is not known, and the page is judged by what it declares.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from lxml import html

_STYLESHEET_HREFS = (
    "//link[contains(concat(' ', normalize-space(@rel), ' '), ' stylesheet ')]/@href"
)


@dataclass(frozen=True)
class Page:
    path: Path  # on disk
    relative: str  # URL path below the site root, with /
    language: str | None  # the tag it was built for, when the site run tells

    @cached_property
    def source(self) -> bytes:
        """Read once per audit: the hash, the language checks and hreflang all need it."""
        return self.path.read_bytes()

    @property
    def root(self) -> html.HtmlElement:
        """Parsed anew on each use, never kept: a tree takes about ten times the page's
        bytes (135 KiB for a page of this site), and an audit of 1,673 pages that kept
        every tree peaked 400 MiB higher than one of 62."""
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


def discover_pages(site: Path, expected: Mapping[str, str] | None = None) -> list[Page]:
    """Every HTML page below ``site``, with the language ``expected`` gives it."""
    expected = expected or {}
    return [
        Page(
            path, path.relative_to(site).as_posix(), expected.get(path.relative_to(site).as_posix())
        )
        for path in sorted(site.rglob("*.html"))
    ]
