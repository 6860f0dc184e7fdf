"""How hard each page is to read, by the formula made for its language, where one exists.

For German and Leichte Sprache the Wiener Sachtextformel (first variant, for
non-fiction; a school grade, 4 = very easy, 15 = very hard), computed by textstat
with its German syllable counting (Pyphen), and for Italian the Gulpease index,
made for Italian. English has Flesch–Kincaid, but textstat counts English
syllables with NLTK's CMU dictionary, downloaded at run time from GitHub, which a
build must not do. The other languages of the site have no formula in textstat
that was made for them, and get none rather than a wrong one.

The text is the page's ``main`` element read block by block (headings, paragraphs,
list items), each block a sentence of its own: a heading or a name in a list has
no full stop, and without one the formula would read it into the next sentence.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from lxml import html

from i18n_pipeline.cache.results import ResultCache
from i18n_pipeline.config.site_config import SiteConfig


@dataclass(frozen=True)
class Formula:
    name: str
    scale: str  # how to read the figure
    measure: Callable[[Any, str], float]  # (textstat's textstatistics, text) → figure


#: Keyed by language; names and scales are German, as the status pages that show them.
FORMULAS: dict[str, Formula] = {
    "de": Formula(
        "Wiener Sachtextformel (1. WSTF)",
        "Schulstufe: 4 sehr leicht, 15 sehr schwer",
        lambda stats, text: stats.wiener_sachtextformel(text, 1),
    ),
    "it": Formula(
        "Gulpease-Index",
        "0 bis 100, je höher, desto leichter; unter 60 schwer für Lesende mit Abschluss der "
        "Mittelschule",
        lambda stats, text: stats.gulpease_index(text),
    ),
}


@dataclass(frozen=True)
class Readability:
    """One page's figure."""

    page: str  # relative to the site: de/index.html
    language: str
    formula: str
    scale: str
    score: float
    words: int
    sentences: int


def page_text(path: Path) -> str:
    """The readable text of the page's main content, one sentence per block at least."""
    root = html.parse(str(path)).getroot()  # None for a page without an element
    main = None if root is None else root.find(".//main")
    if main is None:
        return ""
    blocks = []
    for element in main.iter("h1", "h2", "h3", "p", "li", "dt", "dd"):
        if element.tag == "li" and element.find("p") is not None:
            continue  # its paragraphs are blocks of their own
        text = " ".join(element.text_content().split())
        if text:
            blocks.append(text if text[-1] in ".!?:" else text + ".")
    return " ".join(blocks)


def measure_page(
    path: Path, site: Path, code: str, cache: ResultCache | None = None
) -> Readability | None:
    """The page's figure; from ``cache`` when these bytes were measured before (loading
    textstat and its syllable dictionaries costs more than a second)."""
    formula = FORMULAS.get(code)
    if formula is None or not path.is_file():
        return None
    relative = path.relative_to(site).as_posix()
    key = cache.key(relative, code, path.read_bytes()) if cache else ""
    found = cache.load(key, lambda item: Readability(**item)) if cache else None
    if found:
        return found[0]
    from textstat.textstat import textstatistics

    stats = textstatistics()
    stats.set_lang(code)
    text = page_text(path)
    figure = Readability(
        page=relative,
        language=code,
        formula=formula.name,
        scale=formula.scale,
        score=round(formula.measure(stats, text), 1),
        words=stats.lexicon_count(text),
        sentences=stats.sentence_count(text),
    )
    if cache:
        cache.store(key, [asdict(figure)])
    return figure


def measure_site(
    site: Path, config: SiteConfig, cache_dir: Path | None = None
) -> list[Readability]:
    """The start document in every language that has a formula, and the Leichte Sprache
    page (if the site has one)."""
    cache = ResultCache(cache_dir, _code_digest()) if cache_dir else None
    pages = [(site / code / f"{config.root_doc}.html", code) for code in config.codes]
    if config.easy_read:
        source = config.source_language
        pages.append((site / source / f"{config.easy_read}.html", source))
    measured = (measure_page(path, site, code, cache) for path, code in pages)
    return [figure for figure in measured if figure is not None]


def _code_digest() -> str:
    """A figure depends on this module and the installed textstat, besides the page."""
    from importlib.metadata import version

    return hashlib.sha256(Path(__file__).read_bytes() + version("textstat").encode()).hexdigest()
