"""``sitemap.xml`` listing every page with its language alternates.

Search engines use the ``xhtml:link`` alternates to show readers the page in
their own language. The Leichte Sprache page is listed without alternates: its
language is German, and hreflang has no tag for easy-read German (BCP 47 registers
none; ``de`` already names the German declaration).
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from i18n_pipeline.config.languages import Language

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def pages_by_language(site: Path, languages: list[Language]) -> dict[str, set[str]]:
    """Each language's pages, relative to its directory: read once per sitemap."""
    return {
        lang.code: {
            p.relative_to(site / lang.code).as_posix() for p in (site / lang.code).rglob("*.html")
        }
        for lang in languages
    }


def write_sitemap(site: Path, languages: list[Language], base_url: str) -> Path:
    """Every page with its alternates; ``languages`` starts with the source language."""
    base = base_url.rstrip("/")
    urlset = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS, "xhtml": XHTML_NS})
    pages = pages_by_language(site, languages)
    source, *others = languages
    shared = set.intersection(*pages.values())
    # Pages only the source language has (the Leichte Sprache page): listed once, with
    # no alternates, since no other language has a version of them.
    source_only = pages[source.code] - set().union(*(pages[lang.code] for lang in others))
    for page in sorted(shared):
        for lang in languages:
            url = etree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = f"{base}/{lang.code}/{page}"
            for alternate in languages:
                etree.SubElement(
                    url,
                    f"{{{XHTML_NS}}}link",
                    rel="alternate",
                    hreflang=alternate.tag,
                    href=f"{base}/{alternate.code}/{page}",
                )
    for page in sorted(source_only):
        url = etree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = f"{base}/{source.code}/{page}"
    target = site / "sitemap.xml"
    target.write_bytes(
        etree.tostring(urlset, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    )
    return target
