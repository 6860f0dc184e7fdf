#!/usr/bin/env python3
"""Make the language checks' false-alarm corpus from a built site:
``python scripts/make_language_corpus.py [SITE] [OUT]``.

Every block of every page of every language (the declaration, the accessibility
statement, the Leichte Sprache page), as the build marked it, goes into one page
per language in ``tests/fixtures/audit/corpus/``; to each language's page are
added short quotations in another language, marked as a careful author marks
them (``<q lang>``, with ``dir`` where the direction changes), and the
signatories' names unmarked in running text. Every passage is correctly marked:
the audit must find nothing in any of them. Run it again when the text changes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lxml import html

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from i18n_pipeline.audit.passages import BLOCKS
from i18n_pipeline.config.languages import language
from i18n_pipeline.project import Project

ROOT = Path(__file__).resolve().parent.parent
SITE = Project(ROOT).config
#: The declaration, the accessibility statement, the Leichte Sprache page.
PAGES = tuple(
    f"{doc}.html" for doc in (SITE.root_doc, SITE.accessibility_statement, SITE.easy_read) if doc
)
NAMES = ("Katarina Niewiedzial", "Reem Alabali-Radovan", "Deniz Kurku")


def blocks(page: Path) -> list[html.HtmlElement]:
    main = html.fromstring(page.read_bytes()).find(".//main")
    if main is None:
        return []
    return [
        element
        for element in main.iter(*BLOCKS)
        if not any(a.tag in BLOCKS for a in element.iterancestors())
        and element.text_content().strip()
    ]


def first_words(element: html.HtmlElement, count: int) -> str:
    return " ".join(element.text_content().split()[:count]).rstrip(",.:;")


def inner_html(element: html.HtmlElement) -> str:
    """The element's content with its markup (names and terms stay marked as built)."""
    return (element.text or "") + "".join(
        html.tostring(child, encoding="unicode", with_tail=True) for child in element
    )


def quotation(source: html.HtmlElement, code: str, words: int) -> str:
    """A short quotation from ``source`` (in ``code``), marked with its language."""
    quoted = language(code)
    direction = f' dir="{quoted.direction}"'
    q = html.Element("q", lang=quoted.tag)
    q.text = first_words(source, words)
    return html.tostring(q, encoding="unicode").replace("<q ", f"<q{direction} ", 1)


def corpus_page(site: Path, code: str, quoted: dict[str, list[html.HtmlElement]]) -> str:
    lang = language(code)
    passages = [
        html.tostring(element, encoding="unicode", with_tail=False)
        for name in PAGES
        if (site / code / name).is_file()
        for element in blocks(site / code / name)
    ]
    other = "en" if code == "de" else "de"
    for index, element in enumerate(quoted[code][:12]):
        source = quoted[other][index % len(quoted[other])]
        quoted_text = quotation(source, other, 3 + index % 4)
        passages.append(f"<p>{inner_html(element)} {quoted_text}</p>")
    if lang.script == "LATIN":
        for index, element in enumerate(quoted[code][:6]):
            name = NAMES[index % len(NAMES)]
            passages.append(f"<p>{name}: {inner_html(element)}</p>")
    body = "\n".join(passages)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang.tag}" dir="{lang.direction}">\n<head>'
        f'<meta charset="utf-8"><title>{lang.native_name}</title></head>\n'
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else ROOT / "_build" / "site"
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "tests" / "fixtures" / "audit" / "corpus"
    out.mkdir(parents=True, exist_ok=True)
    codes = SITE.codes
    start = f"{SITE.root_doc}.html"
    paragraphs = {code: [e for e in blocks(site / code / start) if e.tag == "p"] for code in codes}
    total = 0
    for code in codes:
        page = corpus_page(site, code, paragraphs)
        (out / f"{code}.html").write_text(page, encoding="utf-8")
        count = len(blocks(out / f"{code}.html"))
        total += count
        print(f"{code}: {count} passages")
    print(f"{total} passages in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
