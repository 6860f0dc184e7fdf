"""The PDF check: the machine-checkable Matterhorn Protocol conditions that matter here.

veraPDF, the reference PDF/UA validator, is a Java program that cannot be
installed from this project's registries. These checks read the file with
pikepdf (structure, metadata, fonts, and qpdf's reading of the content streams) and
pdfminer.six (the text of each marked content sequence, decoded through the fonts'
ToUnicode maps by its interpreter), and each names
its Matterhorn checkpoint (PDF Association, Matterhorn Protocol 1.1). Passing
them is not PDF/UA conformance: the checkpoints that need a person (is the
alternative text right? is the tag the right one?) stay on the manual list.

The last check compares the text a screen reader gets, read in the order of the
structure tree, with the text the HTML page prints: it proves the reading order,
right-to-left and mixed runs included.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any, cast

import pikepdf
from lxml import html
from pdfminer.pdfdevice import PDFDevice
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager, PDFStackT
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import stream_value
from pdfminer.psparser import LIT

from i18n_pipeline.audit.model import Issue

HEADING = re.compile(r"^/H([1-6])$")


def _issue(checkpoint: str, message: str, criterion: str, context: str = "") -> Issue:
    return Issue(
        runner="pdf",
        rule=f"matterhorn-{checkpoint}" if checkpoint[0].isdigit() else checkpoint,
        type="error",
        message=message,
        criterion=criterion,
        level="A" if criterion in ("1.3.1", "1.3.2", "2.4.2", "3.1.1") else "AA",
        context=context[:200],
        gating=True,
    )


def check_pdf(pdf_path: Path, page: Path | None, language: str | None) -> list[Issue]:
    """Every check on one PDF; against the page it was printed from, where known."""
    try:
        pdf = pikepdf.open(pdf_path)
    except pikepdf.PdfError as error:
        return [_issue("pdf-unreadable", f"the PDF cannot be read: {error}", "1.3.1")]
    root = html.parse(str(page)).getroot() if page is not None else None
    with pdf:
        content = marked_content(pdf_path)
        issues = [
            *_tagged(pdf, content),
            *_identification(pdf),
            *_title(pdf),
            *_language(pdf, language, root),
            *_headings(pdf),
            *_fonts(pdf, content),
        ]
        tagged = not any(i.rule in ("matterhorn-01-005", "pdf-not-tagged") for i in issues)
        if root is not None and tagged:
            issues += _reading_order(pdf, content, root)
    return issues


def pdf_checks_digest() -> str:
    """What the findings depend on besides the files: this module's code."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


# --- the checks ------------------------------------------------------------------------


def _tagged(pdf: pikepdf.Pdf, content: MarkedContent) -> Iterator[Issue]:
    root: Any = pdf.Root  # pikepdf's objects are dynamic: typed at the boundary
    marked = root.get("/MarkInfo", {}).get("/Marked", False)
    if not marked or "/StructTreeRoot" not in pdf.Root:
        yield _issue(
            "pdf-not-tagged",
            "the PDF is not tagged (no structure tree, or MarkInfo Marked is not true): a "
            "screen reader cannot tell its headings, paragraphs or reading order",
            "1.3.1",
        )
    if content.untagged:
        yield _issue(
            "01-005",
            f"{len(content.untagged)} piece(s) of text are neither tagged as real content nor "
            "marked as artifacts",
            "1.3.1",
            context=" ".join(content.untagged),
        )


def _xmp(pdf: pikepdf.Pdf) -> Any:
    """The XMP metadata as pikepdf parses it (namespaces resolved), or None."""
    return pdf.open_metadata() if "/Metadata" in pdf.Root else None


def _identification(pdf: pikepdf.Pdf) -> Iterator[Issue]:
    xmp = _xmp(pdf)
    if xmp is None:
        yield _issue("06-001", "the PDF has no XMP metadata stream", "4.1.2")
    elif xmp.get("pdfuaid:part") != "1":
        yield _issue("06-002", "the XMP metadata does not identify the file as PDF/UA-1", "4.1.2")


def _title(pdf: pikepdf.Pdf) -> Iterator[Issue]:
    xmp = _xmp(pdf)
    if xmp is None or not xmp.get("dc:title") or not str(pdf.docinfo.get("/Title", "")).strip():
        yield _issue("06-003", "the document has no title in its metadata", "2.4.2")
    preferences: Any = pdf.Root.get("/ViewerPreferences", {})
    if "/DisplayDocTitle" not in preferences:
        yield _issue(
            "07-001",
            "the viewer shows the file name, not the title (no DisplayDocTitle)",
            "2.4.2",
        )
    elif not bool(preferences.DisplayDocTitle):
        yield _issue("07-002", "DisplayDocTitle is false: the viewer shows the file name", "2.4.2")


def _language(
    pdf: pikepdf.Pdf, language: str | None, page: html.HtmlElement | None
) -> Iterator[Issue]:
    declared = str(pdf.Root.get("/Lang", "")).strip()
    if not declared:
        yield _issue(
            "11-006",
            "the document has no /Lang: a screen reader cannot tell which language to speak",
            "3.1.1",
        )
    elif language and declared.split("-")[0].lower() != language.split("-")[0].lower():
        yield _issue(
            "pdf-wrong-language",
            f"the document declares /Lang {declared!r}, but the page is {language!r}",
            "3.1.1",
        )
    if page is None:
        return
    wanted = _foreign_parts(page)
    marked = sorted(str(element.Lang) for element in _elements(pdf) if "/Lang" in element)
    missing = sorted(set(wanted) - set(marked))
    if len(marked) < len(wanted) or missing:
        yield _issue(
            "11-001",
            f"the page marks {len(wanted)} part(s) in another language, the PDF "
            f"{len(marked)}: the rest is read in the document's language",
            "3.1.2",
            context=", ".join(missing),
        )


def _headings(pdf: pikepdf.Pdf) -> Iterator[Issue]:
    levels = [
        int(match[1])
        for element in _elements(pdf)
        if (match := HEADING.match(str(element.get("/S", ""))))
    ]
    if levels and levels[0] != 1:
        yield _issue("14-002", f"the first heading is H{levels[0]}, not H1", "1.3.1")
    for before, after in pairwise(levels):
        if after > before + 1:
            yield _issue(
                "14-003", f"heading levels are skipped: H{after} follows H{before}", "1.3.1"
            )


def _fonts(pdf: pikepdf.Pdf, content: MarkedContent) -> Iterator[Issue]:
    for name, font in _fonts_used(pdf):
        descriptor = _descriptor(font)
        if descriptor is None or not any(
            key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
        ):
            yield _issue("31-009", f"the font {name} is not embedded", "1.4.5")
        if "/ToUnicode" not in font:
            yield _issue(
                "31-027",
                f"the font {name} has no ToUnicode map: its text cannot be read aloud",
                "1.3.1",
            )
    unread = _unread_text(pdf, content)
    if unread:
        yield _issue(
            "10-001",
            f"the text of {unread} marked content sequence(s) cannot be mapped to Unicode (a "
            "font's encoding that a reader cannot decode, often a missing glyph): it is not "
            "read aloud",
            "1.3.1",
        )
    if content.notdef:
        yield _issue(
            "31-030",
            f"{content.notdef} character(s) are drawn with the .notdef glyph (a font lacks them)",
            "1.3.1",
        )


def _unread_text(pdf: pikepdf.Pdf, content: MarkedContent) -> int:
    """Marked content sequences that show text (pikepdf sees the operators) of which
    no text could be decoded (pdfminer maps the codes through the fonts)."""
    unread: set[tuple[int, int]] = set()
    for number, page in enumerate(pdf.pages):
        mcids: list[int | None] = []
        for instruction in pikepdf.parse_content_stream(page):
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                continue
            operands: Any = instruction.operands
            name = str(instruction.operator)
            if name in ("BDC", "BMC"):
                props = operands[1] if len(operands) > 1 else None
                found = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
                mcids.append(int(found) if found is not None else None)
            elif name == "EMC" and mcids:
                mcids.pop()
            elif name in ("Tj", "TJ", "'", '"'):
                inner = next((m for m in reversed(mcids) if m is not None), None)
                if inner is not None and (number, inner) not in content.text:
                    unread.add((number, inner))
    return len(unread)


def _reading_order(
    pdf: pikepdf.Pdf, content: MarkedContent, page: html.HtmlElement
) -> Iterator[Issue]:
    read = _normalised(_logical_text(pdf, content))
    printed = _normalised(_printed(page))
    if read != printed:
        at = next(
            (i for i, (a, b) in enumerate(zip(read, printed, strict=False)) if a != b),
            min(len(read), len(printed)),
        )
        yield _issue(
            "pdf-reading-order",
            "the text in the order of the structure tree differs from the page's text "
            f"at character {at}: the PDF reads {read[max(0, at - 30) : at + 30]!r}",
            "1.3.2",
            context=printed[max(0, at - 30) : at + 30],
        )


# --- reading the file --------------------------------------------------------------------


@dataclass
class MarkedContent:
    """The text of every marked content sequence, by page and MCID."""

    text: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    untagged: list[str] = field(default_factory=list)
    notdef: int = 0


class _MarkedContentReader(PDFDevice):
    """A pdfminer device that files each shown string under its marked content."""

    def __init__(self, resources: PDFResourceManager, found: MarkedContent) -> None:
        super().__init__(resources)
        self.found = found
        self.page = 0
        self.stack: list[tuple[str, int | None]] = []

    def begin_tag(self, tag: Any, props: Any = None) -> None:
        mcid = props.get("MCID") if isinstance(props, dict) else None
        self.stack.append((str(getattr(tag, "name", tag)), mcid))

    def end_tag(self) -> None:
        if self.stack:
            self.stack.pop()

    def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
        font = textstate.font
        chars = []
        for item in seq:
            if not isinstance(item, bytes):
                continue
            for cid in font.decode(item):
                if cid == 0 and font.is_multibyte():
                    self.found.notdef += 1
                try:
                    chars.append(font.to_unichr(cid))
                except PDFUnicodeNotDefined:
                    chars.append("\ufffd")
        text = "".join(chars)
        if not text.strip():
            return
        for name, mcid in reversed(self.stack):
            if mcid is not None:
                self.found.text.setdefault((self.page, mcid), []).append(text)
                return
            if name == "Artifact":
                return
        self.found.untagged.append(text)


class _QpdfTokenizedInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter (its text state, fonts and ToUnicode maps) over the
    operators qpdf reads from the content streams.

    pdfminer's content stream parser is pure Python, and was most of the PDF checks'
    time; pikepdf's ``parse_content_stream`` is qpdf's, in C++. Neither library
    lets the other's tokenizer be plugged in, so :meth:`execute` hands qpdf's operands
    to pdfminer's own ``do_*`` methods as pdfminer's loop would (same stack, same
    argument counts). A stream qpdf cannot read is read by pdfminer, as before.
    """

    def execute(self, streams: Sequence[object]) -> None:
        # As pdfminer's execute: a stream already being run higher up is not run again.
        valid = [stream_value(obj) for obj in streams]
        valid = [s for s in valid if s.objid is not None and s.objid not in self.parent_stream_ids]
        self.stream_ids.clear()
        self.stream_ids.update(stream.objid for stream in valid if stream.objid is not None)
        scratch = pikepdf.new()
        data = b"\n".join(stream.get_data() for stream in valid)
        try:
            operations = pikepdf.parse_content_stream(pikepdf.Stream(scratch, data))
        except pikepdf.PdfError:
            super().execute(streams)
            return
        for instruction in operations:
            method = getattr(self, _pdfminer_method(str(instruction.operator)), None)
            if method is None:  # an inline image, or an operator pdfminer does not run
                continue
            for operand in instruction.operands:
                self.push(cast(PDFStackT, _as_pdfminer(operand)))
            count = method.__code__.co_argcount - 1
            if not count:
                method()
            elif len(arguments := self.pop(count)) == count:
                method(*arguments)


@functools.cache
def _pdfminer_method(operator: str) -> str:
    """The method of pdfminer's interpreter that runs ``operator`` (pdfminer's naming)."""
    return "do_" + operator.replace("*", "_a").replace('"', "_w").replace("'", "_q")


def _as_pdfminer(operand: object) -> object:
    """A qpdf operand as pdfminer's parser gives it: names as literals, strings as
    bytes, reals as floats."""
    if isinstance(operand, pikepdf.Name):
        return LIT(str(operand)[1:])
    if isinstance(operand, pikepdf.String):
        return bytes(operand)
    if isinstance(operand, pikepdf.Array):
        return [_as_pdfminer(item) for item in operand]
    if isinstance(operand, pikepdf.Dictionary):
        return {str(key)[1:]: _as_pdfminer(value) for key, value in operand.items()}
    if isinstance(operand, Decimal):
        return float(operand)
    return operand


def marked_content(
    path: Path, interpreter_class: type[PDFPageInterpreter] = _QpdfTokenizedInterpreter
) -> MarkedContent:
    """The text of every marked content sequence of the PDF at ``path``, read by
    ``interpreter_class`` (pdfminer's own, to compare with)."""
    found = MarkedContent()
    resources = PDFResourceManager()
    reader = _MarkedContentReader(resources, found)
    interpreter = interpreter_class(resources, reader)
    with path.open("rb") as stream:
        for number, page in enumerate(PDFPage.get_pages(stream)):
            reader.page = number
            interpreter.process_page(page)
    return found


def _logical_text(pdf: pikepdf.Pdf, content: MarkedContent) -> str:
    """The text in structure order, as assistive technology reads it: an element's
    ActualText stands for its content."""
    if "/StructTreeRoot" not in pdf.Root:
        return ""
    pages: dict[Any, int] = {page.objgen: number for number, page in enumerate(pdf.pages)}
    parts: list[str] = []

    def visit(node: Any, page: int | None) -> None:
        if isinstance(node, int):
            if page is not None:
                parts.extend(content.text.get((page, node), []))
            return
        if not isinstance(node, pikepdf.Dictionary):
            return
        if node.get("/Type") == "/MCR":
            parts.extend(content.text.get((pages[node.Pg.objgen], int(node.MCID)), []))
            return
        if node.get("/Type") == "/OBJR":
            return
        if "/ActualText" in node:
            parts.append(str(node.ActualText))
            return
        if "/Pg" in node:
            page = pages.get(node.Pg.objgen, page)
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            visit(kid, page)  # pikepdf gives an MCID as a Python int

    visit(pdf.Root.StructTreeRoot, None)
    return "".join(parts)


def _elements(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every structure element, in the order of the tree."""
    if "/StructTreeRoot" not in pdf.Root:
        return

    def walk(node: Any) -> Iterator[pikepdf.Dictionary]:
        if not isinstance(node, pikepdf.Dictionary) or node.get("/Type") in ("/MCR", "/OBJR"):
            return
        if "/S" in node:
            yield node
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            yield from walk(kid)

    yield from walk(pdf.Root.StructTreeRoot)


def _fonts_used(pdf: pikepdf.Pdf) -> Iterator[tuple[str, Any]]:
    seen = set()
    for page in pdf.pages:
        resources: Any = page.get("/Resources", {})
        fonts: Any = resources.get("/Font", {})
        for font in fonts.values():
            if font.objgen not in seen:
                seen.add(font.objgen)
                yield str(font.get("/BaseFont", "?")), font


def _descriptor(font: Any) -> Any:
    if "/DescendantFonts" in font:
        return font.DescendantFonts[0].get("/FontDescriptor")
    return font.get("/FontDescriptor")


# --- the page ------------------------------------------------------------------------------


def printed_text(page: Path) -> str:
    """What the print stylesheet puts on paper: the main content and the footer's notes."""
    return _printed(html.parse(str(page)).getroot())


#: Links whose address the print style sheet writes after them, as `` (address)``
#: (accessible.css, ``@media print``: ``main a[href^="http"]::after``, and mailto:):
#: that text is in the PDF, so it is in the text the PDF is compared with.
PRINTED_ADDRESSES = '//main//a[starts-with(@href, "http") or starts-with(@href, "mailto:")]'


def _printed(root: html.HtmlElement) -> str:
    """The text the PDF prints of the page: its main content and the footer's sentences,
    with the addresses the print style sheet adds after links."""
    root = copy.deepcopy(root)
    for link in root.xpath(PRINTED_ADDRESSES):
        link.append(html.Element("span"))
        link[-1].text = f" ({link.get('href')})"
    return " ".join(
        element.text_content()
        for element in root.xpath('//main | //footer[contains(@class, "site-footer")]//p')
    )


def _foreign_parts(root: html.HtmlElement) -> list[str]:
    """The languages of the page's parts marked in another language than the page's."""
    own = (root.get("lang") or "").lower()
    return sorted(
        str(element.get("lang"))
        for element in root.xpath("//main//*[@lang] | //footer//p//*[@lang]")
        if str(element.get("lang")).lower() != own
    )


def _normalised(text: str) -> str:
    """Compared without whitespace: line breaks and spaces between boxes differ by layout."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))
