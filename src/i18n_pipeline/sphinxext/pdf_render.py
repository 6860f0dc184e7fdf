"""Accessible PDFs: a built page (one per document of ``site_pdfs`` in every language),
printed by WeasyPrint as PDF/UA-1 (tagged, with the page's language, title and structure).

The print stylesheet (``accessible.css``, ``@media print``) leaves out the page
chrome and keeps the date, the issuers and the signatories; fonts are the Debian
Noto fonts the stylesheet names, embedded. Only local files are read: the page and
its stylesheet (``file:`` URLs; any other address stops the rendering).

Reproducible: the same page gives the same bytes. WeasyPrint writes no creation
date unless the page's metadata has one; ``SOURCE_DATE_EPOCH`` sets it, as
reproducible-builds.org asks. The file identifier is a hash of the page.
"""

from __future__ import annotations

import hashlib
import logging
import os
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from i18n_pipeline.io import write_atomically

PDF_VARIANT = "pdf/ua-1"


class PdfRenderError(RuntimeError):
    """WeasyPrint reported an error (a missing glyph's font, a resource it may not fetch)."""


def render_pdf(page: Path, target: Path) -> int:
    """Print ``page`` to ``target`` as PDF/UA-1; return the file's size in bytes."""
    from weasyprint import HTML, URLFetcher  # 0.5 s to import: only where PDFs are made
    from weasyprint.urls import FatalURLFetchingError

    fetcher = URLFetcher(allowed_protocols={"file"}, fail_on_errors=True)
    with _errors_raised(), _language_and_logical_text():
        try:
            document = HTML(filename=str(page), url_fetcher=fetcher).render()
        except FatalURLFetchingError as error:
            raise PdfRenderError(f"{page}: {error} (a PDF reads local files only)") from error
        created = _source_date()
        if created:
            document.metadata.created = document.metadata.modified = created
        data = document.write_pdf(
            pdf_variant=PDF_VARIANT,
            pdf_identifier=hashlib.sha256(page.read_bytes()).hexdigest()[:32].encode(),
        )
    assert isinstance(data, bytes)
    write_atomically(target, data)
    return len(data)


def _source_date() -> str:
    """``SOURCE_DATE_EPOCH`` as W3C date-time, or nothing: no clock in the output."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return ""
    return datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@contextmanager
def _errors_raised() -> Iterator[None]:
    """WeasyPrint logs its problems; a PDF made despite one is not published."""
    problems: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            problems.append(record.getMessage())

    logger = logging.getLogger("weasyprint")
    handler = Collect(level=logging.ERROR)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    if problems:
        raise PdfRenderError("; ".join(problems))


@contextmanager
def _language_and_logical_text() -> Iterator[None]:
    """Give structure elements the language and the logical text readers need.

    PDF/UA (Matterhorn 11-001) asks that a change of language be declared, as
    ``lang="de"`` on a German term in a translation does in HTML; WeasyPrint 70
    writes ``/Lang`` for the document only. And it draws right-to-left text as
    shaped glyphs in visual order, so text read from the glyphs comes out
    backwards; ``/ActualText`` on the text's structure element gives assistive
    technology the logical text (ISO 32000-1, 14.9.4).

    No option or hook exists for either, so WeasyPrint's tag-tree builder is
    wrapped for the rendering: the element it makes for a box is the first it
    yields and gets the box's ``lang``; the text boxes it takes from ``tags`` are
    recorded, and after the tree is built their elements get ``/ActualText`` where
    the text has right-to-left letters or stands in a right-to-left line. The PDF
    check in the audit compares both against the page, so a WeasyPrint that
    changes this code fails the check loudly instead of publishing a PDF without
    them.
    """
    import pydyf
    from weasyprint.pdf import tags as tagging

    original = tagging._build_box_tree

    class Recorded(dict[Any, Any]):
        """WeasyPrint's box → marked content table, remembering what it hands out."""

        def __init__(self, table: dict[Any, Any]) -> None:
            super().__init__(table)
            self.text_by_mcid: dict[int, str] = {}

        def pop(self, box: Any, *default: Any) -> Any:
            kid = super().pop(box, *default)
            text = getattr(box, "text", None)
            # Glyphs are drawn in visual order in a right-to-left line, neutral runs
            # such as ")." too; their logical text is the box's.
            if (
                isinstance(kid, dict)
                and isinstance(text, str)
                and (_right_to_left(text) or box.style["direction"] == "rtl")
            ):
                self.text_by_mcid[kid["mcid"]] = text
            return kid

    def build(
        box: Any, parent: Any, pdf: Any, page: Any, nums: Any, links: Any, table: Any
    ) -> Iterator[Any]:
        outermost = not isinstance(table, Recorded)
        recorded = Recorded(table) if outermost else table
        lang = box.element.get("lang") if getattr(box, "element", None) is not None else None
        own = lang and getattr(box, "element_tag", None) not in ("html", "body")
        for index, element in enumerate(original(box, parent, pdf, page, nums, links, recorded)):
            if own and index == 0 and "Lang" not in element:
                element["Lang"] = pydyf.String(lang)
            yield element
        if outermost:
            table.clear()
            table.update(recorded)
            for mcid, text in recorded.text_by_mcid.items():
                if mcid in nums:
                    kid = pdf.objects[int(nums[mcid].split()[0])]
                    if kid.get("S") != "/Link":
                        kid["ActualText"] = pydyf.String(text)

    tagging._build_box_tree = build
    try:
        yield
    finally:
        tagging._build_box_tree = original


def _right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)
