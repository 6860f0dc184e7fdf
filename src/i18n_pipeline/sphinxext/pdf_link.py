"""The declaration as an accessible PDF, made at the end of each language's build.

WeasyPrint prints the built declaration page (``i18n_pipeline.pdf``), and every
page of the language links to the PDF in the language's own words, with its
size ("PDF, barrierefrei, 44 kB"). The size is known only once the PDF exists,
and the PDF is made from a written page: the footer that holds the link is not
printed, so the pages are written with a placeholder for the size, which is
filled in once the PDF is made. A language that did not change is reused whole
by the pipeline, PDF included, so an unchanged language is not printed again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.units import format_unit
from docutils import nodes
from sphinx.application import Sphinx

from i18n_pipeline.languages import language
from i18n_pipeline.pdf import PDF_NAME, render_pdf
from i18n_pipeline.sphinxext.context import provide

#: Stands for the PDF's size in the written pages until the PDF exists (private-use
#: characters: no text has them, and none survives the filling in).
SIZE_PLACEHOLDER = "\ue000pdf-size\ue000"


@dataclass(frozen=True)
class PdfLink:
    url: str  # relative to the page
    tag: str  # the PDF's language, for hreflang
    size: str  # the placeholder, replaced by "44 kB" in the language's own digits


def pdf_values(app: Sphinx, pagename: str, doctree: nodes.document | None) -> dict[str, Any]:
    if not app.config.site_pdf:
        return {}
    link = PdfLink(
        url="../" * pagename.count("/") + PDF_NAME,
        tag=language(app.config.language).tag,
        size=SIZE_PLACEHOLDER,
    )
    return {"pdf": link}


def print_declaration(app: Sphinx, exception: Exception | None) -> None:
    """Print the declaration to PDF and put its size into every page's link."""
    if exception is not None or app.builder.format != "html" or not app.config.site_pdf:
        return
    outdir = Path(app.outdir)
    size = render_pdf(outdir / f"{app.config.root_doc}.html", outdir / PDF_NAME)
    shown = format_size(size, app.config.language)
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if SIZE_PLACEHOLDER in text:
            page.write_text(text.replace(SIZE_PLACEHOLDER, shown), encoding="utf-8")


def format_size(size: int, code: str) -> str:
    """ "44 kB" as the language writes it (CLDR's unit pattern, the language's digits)."""
    lang = language(code)
    kilobytes = max(1, round(size / 1000))
    return lang.localize_digits(
        format_unit(kilobytes, "digital-kilobyte", length="short", locale=lang.format_locale)
    )


def setup(app: Sphinx) -> None:
    app.add_config_value("site_pdf", True, "html", types=frozenset({bool}))
    provide(app, pdf_values)
    app.connect("build-finished", print_declaration)
