"""The PDFs: printed by WeasyPrint as PDF/UA-1, checked by the audit's Matterhorn checks.

Each failing fixture is a real PDF of a small right-to-left page with a German
term in it, broken in one way, as a faulty tool would break it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from pdfminer.pdfinterp import PDFPageInterpreter

from conftest import EXAMPLE_PDF, SITE, edit_entry, parse, replace_in_msgstr
from i18n_pipeline.audit.pdf_checks import check_pdf, marked_content, printed_text
from i18n_pipeline.jobs.site import build_site
from i18n_pipeline.project import Project
from i18n_pipeline.sphinxext.pdf_link import format_size
from i18n_pipeline.sphinxext.pdf_render import PdfRenderError, render_pdf
from i18n_pipeline.sphinxext.theme import THEME_DIR

pytestmark = pytest.mark.slow

#: The declaration's PDF, in every language's directory (site_pdfs in conf.py).
PDF_NAME = SITE.pdfs[SITE.root_doc]

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>إعلان برلين</title>
<style>
  html {{ font-family: "Noto Naskh Arabic", "DejaVu Sans", sans-serif; }}
  [lang="de"] {{ font-family: "Noto Sans", "DejaVu Sans", sans-serif; }}
  {extra_css}
</style>{extra_head}</head>
<body><main>
<h1>إعلان برلين</h1>
<p>ألمانيا بلد هجرة. نحو 30 في المئة من سكاننا لديهم تاريخ هجرة.</p>
<h2>الحق في اللجوء</h2>
<p>قانون الجنسية (<span lang="de" dir="ltr">Staatsangehörigkeitsrecht</span>) إصلاح مهم.</p>
<p>Second paragraph in Latin letters, 19 November 2024.</p>
</main></body></html>
"""


def write_page(folder: Path, extra_css: str = "", extra_head: str = "") -> Path:
    page = folder / "index.html"
    page.write_text(PAGE.format(extra_css=extra_css, extra_head=extra_head), encoding="utf-8")
    return page


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    page = write_page(folder)
    render_pdf(page, folder / PDF_NAME)
    return page, folder / PDF_NAME


def broken(
    printed: tuple[Path, Path], tmp_path: Path, damage: Callable[[pikepdf.Pdf], None]
) -> Path:
    """A copy of the good PDF with one fault."""
    target = tmp_path / "broken.pdf"
    with pikepdf.open(printed[1]) as pdf:
        damage(pdf)
        pdf.save(target)
    return target


def codes(pdf: Path, page: Path | None, language: str | None = "ar") -> set[str]:
    return {issue.rule for issue in check_pdf(pdf, page, language)}


def test_the_printed_pdf_passes_every_check(printed: tuple[Path, Path]) -> None:
    page, pdf = printed
    assert check_pdf(pdf, page, "ar") == []


def test_it_is_tagged_pdf_ua_with_language_title_and_embedded_fonts(
    printed: tuple[Path, Path],
) -> None:
    with pikepdf.open(printed[1]) as pdf:
        assert pdf.Root.MarkInfo.Marked
        assert str(pdf.Root.Lang) == "ar"
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        assert str(pdf.docinfo.Title) == "إعلان برلين"
        assert 'pdfuaid:part="1"' in pdf.Root.Metadata.read_bytes().decode()
        spans = [e for e in _elements(pdf.Root.StructTreeRoot) if "/Lang" in e]
        assert [str(e.Lang) for e in spans] == ["de"], "the German term is marked German"
        headings = [str(e.S) for e in _elements(pdf.Root.StructTreeRoot) if str(e.S)[:2] == "/H"]
        assert headings == ["/H1", "/H2"]


def test_the_text_of_every_marked_content_sequence_is_what_pdfminer_itself_reads(
    printed: tuple[Path, Path],
) -> None:
    """The checks read content streams with qpdf's tokenizer and pdfminer's interpreter:
    the text filed under each marked content sequence is what pdfminer's own reading of
    the file gives."""
    found = marked_content(printed[1])

    assert found == marked_content(printed[1], PDFPageInterpreter)
    shown = " ".join(" ".join(parts) for parts in found.text.values())
    assert "Staatsangehörigkeitsrecht" in shown and "Second paragraph" in shown
    assert found.untagged == [] and found.notdef == 0


def test_right_to_left_text_reads_in_logical_order(printed: tuple[Path, Path]) -> None:
    """Glyphs of right-to-left lines are drawn in visual order; ActualText gives the
    logical text, so the structure reads like the page."""
    with pikepdf.open(printed[1]) as pdf:
        actual = " ".join(
            str(e.ActualText) for e in _elements(pdf.Root.StructTreeRoot) if "/ActualText" in e
        )
    assert "ألمانيا بلد هجرة" in actual
    assert "Staatsangehörigkeitsrecht" in printed_text(printed[0])


def test_untagged_pdf_fails(printed: tuple[Path, Path], tmp_path: Path) -> None:
    from weasyprint import HTML

    untagged = tmp_path / "untagged.pdf"
    HTML(filename=str(printed[0])).write_pdf(untagged)  # no PDF/UA variant: no tags

    assert {"pdf-not-tagged", "matterhorn-01-005"} <= codes(untagged, printed[0])


def test_pdf_without_lang_fails(printed: tuple[Path, Path], tmp_path: Path) -> None:
    def drop_lang(pdf: pikepdf.Pdf) -> None:
        del pdf.Root["/Lang"]

    assert codes(broken(printed, tmp_path, drop_lang), printed[0]) == {"matterhorn-11-006"}


def test_pdf_in_the_wrong_language_fails(printed: tuple[Path, Path], tmp_path: Path) -> None:
    def english(pdf: pikepdf.Pdf) -> None:
        pdf.Root.Lang = pikepdf.String("en")

    assert codes(broken(printed, tmp_path, english), printed[0]) == {"pdf-wrong-language"}


def test_german_term_without_its_language_fails(printed: tuple[Path, Path], tmp_path: Path) -> None:
    def unmark(pdf: pikepdf.Pdf) -> None:
        for element in _elements(pdf.Root.StructTreeRoot):
            if "/Lang" in element:
                del element["/Lang"]

    assert codes(broken(printed, tmp_path, unmark), printed[0]) == {"matterhorn-11-001"}


def test_pdf_without_title_fails(printed: tuple[Path, Path], tmp_path: Path) -> None:
    def untitled(pdf: pikepdf.Pdf) -> None:
        del pdf.docinfo["/Title"]
        del pdf.Root["/ViewerPreferences"]

    assert codes(broken(printed, tmp_path, untitled), printed[0]) == {
        "matterhorn-06-003",
        "matterhorn-07-001",
    }


def test_pdf_without_pdf_ua_identifier_fails(printed: tuple[Path, Path], tmp_path: Path) -> None:
    def unidentified(pdf: pikepdf.Pdf) -> None:
        xmp = pdf.Root.Metadata.read_bytes().replace(b'pdfuaid:part="1"', b"")
        pdf.Root.Metadata = pdf.make_stream(xmp)

    assert codes(broken(printed, tmp_path, unidentified), printed[0]) == {"matterhorn-06-002"}


def test_font_not_embedded_fails(printed: tuple[Path, Path], tmp_path: Path) -> None:
    def unembed(pdf: pikepdf.Pdf) -> None:
        font = next(iter(pdf.pages[0].Resources.Font.values()))
        del font.DescendantFonts[0].FontDescriptor["/FontFile2"]

    assert "matterhorn-31-009" in codes(broken(printed, tmp_path, unembed), printed[0])


def test_text_in_the_wrong_order_fails(printed: tuple[Path, Path], tmp_path: Path) -> None:
    def swap_paragraphs(pdf: pikepdf.Pdf) -> None:
        section = next(
            e
            for e in _elements(pdf.Root.StructTreeRoot)
            if sum(str(_s(kid)) == "/P" for kid in _kids(e)) >= 2
        )
        kids = list(section.K)
        first, last = _two_paragraphs(kids)
        kids[first], kids[last] = kids[last], kids[first]
        section.K = pikepdf.Array(kids)

    assert codes(broken(printed, tmp_path, swap_paragraphs), printed[0]) == {"pdf-reading-order"}


def test_a_character_no_font_has_fails(tmp_path: Path) -> None:
    """A missing glyph: WeasyPrint still writes a PDF, but its text cannot be read."""
    page = write_page(tmp_path)
    page.write_text(
        page.read_text(encoding="utf-8").replace("Second paragraph", "Second \u0378 paragraph"),
        encoding="utf-8",
    )
    render_pdf(page, tmp_path / PDF_NAME)

    assert "matterhorn-10-001" in codes(tmp_path / PDF_NAME, page)


def test_a_pdf_of_older_text_than_its_page_fails(
    printed: tuple[Path, Path], tmp_path: Path
) -> None:
    """A stale PDF never passes for the page: its text must be the page's text."""
    page = write_page(tmp_path)
    page.write_text(
        page.read_text(encoding="utf-8").replace("30 في المئة", "40 في المئة"), encoding="utf-8"
    )

    assert codes(printed[1], page) == {"pdf-reading-order"}


def test_skipped_heading_level_fails(printed: tuple[Path, Path], tmp_path: Path) -> None:
    def h3(pdf: pikepdf.Pdf) -> None:
        for element in _elements(pdf.Root.StructTreeRoot):
            if str(element.S) == "/H2":
                element.S = pikepdf.Name("/H3")

    assert codes(broken(printed, tmp_path, h3), printed[0]) == {"matterhorn-14-003"}


def test_two_prints_are_byte_identical_and_carry_no_date(
    printed: tuple[Path, Path], tmp_path: Path
) -> None:
    again = tmp_path / "again.pdf"
    render_pdf(printed[0], again)

    assert again.read_bytes() == printed[1].read_bytes()
    assert b"/CreationDate" not in again.read_bytes()


def test_source_date_epoch_sets_the_creation_date(
    printed: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1732000000")  # 2024-11-19T07:06:40Z
    dated = tmp_path / "dated.pdf"
    render_pdf(printed[0], dated)

    with pikepdf.open(dated) as pdf:
        assert str(pdf.docinfo.CreationDate).startswith("D:20241119070640")


def test_a_resource_from_another_host_stops_the_print(tmp_path: Path) -> None:
    page = write_page(
        tmp_path, extra_head='<link rel="stylesheet" href="http://example.org/x.css">'
    )

    with pytest.raises(PdfRenderError):
        render_pdf(page, tmp_path / PDF_NAME)
    assert not (tmp_path / PDF_NAME).exists()


def test_every_language_has_its_pdf_linked_from_every_page(built_project: Project) -> None:
    site = built_project.site_dir
    for lang in SITE.languages:
        pdf = site / lang.code / PDF_NAME
        size = format_size(pdf.stat().st_size, lang)
        for page in (site / lang.code).glob("*.html"):
            [link] = parse(page).xpath(f'//a[@href="{PDF_NAME}"]')
            assert link.get("type") == "application/pdf"
            assert link.get("hreflang") == lang.tag
            assert link.text_content().endswith(f"({size})"), page
            assert "\ue000" not in page.read_text(encoding="utf-8")
    start = parse(site / "index.html")
    assert len(start.xpath('//a[@type="application/pdf"]')) == len(SITE.languages)


def test_only_the_edited_language_is_printed_again(printed_example: Project) -> None:
    """An unchanged language's directory, PDF included, is reused by hard links."""
    site = printed_example.site_dir
    build_site(printed_example)
    before = {code: (site / code / EXAMPLE_PDF).stat().st_ino for code in ("de", "ar")}
    # the same word (free), with its doubling mark
    edit_entry(
        printed_example, "ar", "Das Integrationsbüro der", replace_in_msgstr("مجانية", "مجّانية")
    )

    build_site(printed_example)

    assert (site / "de" / EXAMPLE_PDF).stat().st_ino == before["de"]
    assert (site / "ar" / EXAMPLE_PDF).stat().st_ino != before["ar"]
    assert check_pdf(site / "ar" / EXAMPLE_PDF, site / "ar" / "index.html", "ar") == []


def _elements(node: object) -> list[pikepdf.Dictionary]:
    found = []
    if isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            found.append(node)
        for kid in _kids(node):
            found += _elements(kid)
    return found


def _kids(node: pikepdf.Dictionary) -> list[object]:
    kids = node.get("/K")
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _two_paragraphs(kids: list[object]) -> tuple[int, int]:
    positions = [i for i, kid in enumerate(kids) if _s(kid) == "/P"]
    return positions[0], positions[-1]


def _s(kid: object) -> str:
    return str(kid.get("/S", "")) if isinstance(kid, pikepdf.Dictionary) else ""


def test_addresses_the_print_style_sheet_adds_after_links_are_part_of_the_reading_order(
    tmp_path: Path,
) -> None:
    """The theme prints a link's address after it, " (mailto:…)": text that is in the PDF
    and not in the page's text (a PDF of a page with a mailto link failed the audit)."""
    css = Path(THEME_DIR) / "static" / "accessible.css"
    page = tmp_path / "index.html"
    page.write_text(
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Aushang</title>'
        f'<link rel="stylesheet" href="{css.as_uri()}"></head><body><main><h1>Aushang</h1>'
        '<p>Schreiben Sie an <a href="mailto:info%40example.org">info@example.org</a> oder '
        'lesen Sie <a href="https://example.org/">die Seite</a>.</p></main></body></html>',
        encoding="utf-8",
    )
    render_pdf(page, tmp_path / "aushang.pdf")
    assert [i.rule for i in check_pdf(tmp_path / "aushang.pdf", page, "de")] == []
