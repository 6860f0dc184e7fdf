"""Which pages to audit, and which language each was built for.

Discovered from the build, never a hand list. In this project's layout a page
under ``<code>/`` belongs to that language and top-level pages to the source
language; for any other site the language is whatever the page declares.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from i18n_pipeline.languages import SOURCE_LANGUAGE, all_languages

_STYLESHEET = re.compile(rb'<link[^>]+rel="stylesheet"[^>]+href="([^"?#]+)', re.I)


@dataclass(frozen=True)
class Page:
    path: Path  # on disk
    relative: str  # URL path below the site root, with /
    language: str | None  # the language it was built for, when the layout tells

    def content_hash(self, site: Path) -> str:
        """The page and the stylesheets it links: what its accessibility depends on."""
        data = self.path.read_bytes()
        digest = hashlib.sha256(data)
        for href in sorted(set(_STYLESHEET.findall(data))):
            stylesheet = (self.path.parent / href.decode()).resolve()
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
