"""The documents as accessible PDFs, made at the end of each language's build.

Which documents get a PDF, and its file name, is the project's (``site_pdfs`` in
conf.py). WeasyPrint prints the built page (``i18n_pipeline.sphinxext.pdf_render``), and every page
of the language links a PDF in the language's own words, with its size ("PDF,
barrierefrei, 44 kB"): its own document's, else the site's first. The size is
known only once the PDF exists, and the PDF is made from a written page: the
footer that holds the link is not printed, so the pages are written with a
placeholder for the size, which is filled in once the PDF is made. A language
that did not change is reused whole by the pipeline, PDF included, so an
unchanged language is not printed again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.units import format_unit
from docutils import nodes
from sphinx.application import Sphinx

from i18n_pipeline.config.languages import Language, language
from i18n_pipeline.config.site_config import SiteConfig
from i18n_pipeline.sphinxext.context import provide
from i18n_pipeline.sphinxext.dates import page_language
from i18n_pipeline.sphinxext.pdf_render import render_pdf
from i18n_pipeline.timings import stage


def size_placeholder(name: str) -> str:
    """Stands for the size of the PDF ``name`` in the written pages until it exists
    (private-use characters: no text has them, and none survives the filling in)."""
    return f"\ue000pdf-size:{name}\ue000"


@dataclass(frozen=True)
class PdfLink:
    url: str  # relative to the page
    tag: str  # the PDF's language, for hreflang
    size: str  # the placeholder, replaced by "44 kB" in the language's own digits


def pdf_values(app: Sphinx, pagename: str, doctree: nodes.document | None) -> dict[str, Any]:
    name = SiteConfig.from_config(app.config).pdf_of(pagename) if app.config.site_pdf else ""
    if not name:
        return {}
    link = PdfLink(
        url="../" * pagename.count("/") + name,
        tag=language(app.config.language).tag,
        size=size_placeholder(name),
    )
    return {"pdf": link}


def print_documents(app: Sphinx, exception: Exception | None) -> None:
    """Print every document of ``site_pdfs`` to PDF and put the sizes into the pages' links."""
    if exception is not None or app.builder.format != "html" or not app.config.site_pdf:
        return
    outdir = Path(app.outdir)
    lang = page_language(app.config)
    with stage(f"pdf {app.config.language}"):
        shown = {
            size_placeholder(name): format_size(
                render_pdf(outdir / f"{doc}.html", outdir / name), lang
            )
            for doc, name in SiteConfig.from_config(app.config).pdfs.items()
        }
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        filled = text
        for placeholder, size in shown.items():
            filled = filled.replace(placeholder, size)
        if filled != text:
            page.write_text(filled, encoding="utf-8")


def format_size(size: int, lang: Language) -> str:
    """ "44 kB" as the language writes it (CLDR's unit pattern, the language's digits)."""
    kilobytes = max(1, round(size / 1000))
    return lang.localize_digits(
        format_unit(kilobytes, "digital-kilobyte", length="short", locale=lang.format_locale)
    )


def setup(app: Sphinx) -> None:
    app.add_config_value("site_pdf", True, "html", types=frozenset({bool}))
    provide(app, pdf_values)
    app.connect("build-finished", print_documents)
