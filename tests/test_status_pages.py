"""The status pages: an overview with one row per language, and a page per language
with its paragraphs and readability, so that no page grows with pages × languages
(one page of every paragraph of every language outgrew the audit's page timeout)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import html

from conftest import SITE, parse
from i18n_pipeline.build.landing import PARAGRAPHS_PER_PAGE, write_status_page
from i18n_pipeline.build.site_pages import SitePages, site_pages
from i18n_pipeline.catalogs.readability import Readability
from i18n_pipeline.catalogs.stats import LanguageStats, ParagraphState
from i18n_pipeline.config.languages import language
from i18n_pipeline.project import Project

#: The languages the status pages are written for here: any with locale data (the
#: pages are rendered with examples/aushang's configuration, de, en and ar).
CODES = ("tr", "it", "fa", "uk", "ar", "en")


@pytest.fixture
def pages(example_copy: Project) -> Iterator[SitePages]:
    with site_pages(example_copy) as rendered:
        yield rendered


def stats_of(code: str, paragraphs: int = 3, german: str = "Absatz") -> LanguageStats:
    """A language with ``paragraphs`` draft paragraphs in its index.po, lines 10, 20, …"""
    return LanguageStats(
        code,
        language(code).native_name,
        translated=paragraphs,
        fuzzy=0,
        untranslated=0,
        obsolete=0,
        paragraphs=tuple(
            ParagraphState(f"locales/{code}/LC_MESSAGES/index.po", 10 * n, f"{german} {n}", "draft")
            for n in range(1, paragraphs + 1)
        ),
    )


def figure(page: str, code: str, formula: str = "Wiener Sachtextformel") -> Readability:
    return Readability(page, code, formula, "Schulstufe", 13.3, 481, 41)


def cells(row: html.HtmlElement) -> list[str]:
    return [cell.text_content() for cell in row.xpath("./th|./td")]


def paragraph_rows(page: html.HtmlElement) -> list[list[str]]:
    return [
        cells(row)
        for row in page.xpath('//table[starts-with(caption, "Absätze der Sprache")]/tbody/tr')
    ]


def readability_rows(page: html.HtmlElement) -> list[html.HtmlElement]:
    return page.xpath('//table[caption="Lesbarkeit je Seite"]/tbody/tr')


def test_the_overview_has_one_row_per_language_linking_its_own_status_page(
    tmp_path: Path, pages: SitePages
) -> None:
    write_status_page(tmp_path, pages, [stats_of("tr"), stats_of("ar"), stats_of("pl")])

    overview = parse(tmp_path / "status.html")
    rows = overview.xpath("//main//table/tbody/tr")
    assert [row.xpath("th/a")[0].get("hreflang") for row in rows] == ["tr", "ar", "pl"]
    for row, code in zip(rows, ["tr", "ar", "pl"], strict=True):
        [link] = row.xpath('.//a[starts-with(@href, "status/")]')
        assert link.get("href") == f"status/{code}.html"
        assert (tmp_path / link.get("href")).is_file()
        # Sense out of context: what it leads to, and the language in its own name.
        assert link.text_content() == f"Stand je Absatz: {language(code).native_name}"
        [name] = link.xpath("span")
        assert (name.get("lang"), name.get("dir")) == (
            language(code).tag,
            language(code).direction,
        )


def test_a_language_page_lists_that_languages_paragraphs_and_readability_only(
    tmp_path: Path, pages: SitePages
) -> None:
    italian, polish = stats_of("it", 2, "Italienisch"), stats_of("pl", 3, "Polnisch")
    readability = [
        figure("de/index.html", "de"),
        figure("it/index.html", "it", "Gulpease-Index"),
        figure("de/leichte-sprache.html", "de"),
    ]

    write_status_page(tmp_path, pages, [italian, polish], readability)

    page = parse(tmp_path / "status" / "it.html")
    assert page.get("lang") == "de"
    assert page.xpath("//h1")[0].text_content() == "Stand der Übersetzung: Italiano"
    assert paragraph_rows(page) == [
        ["locales/it/LC_MESSAGES/index.po:10", "Italienisch 1", "ungeprüfter Entwurf"],
        ["locales/it/LC_MESSAGES/index.po:20", "Italienisch 2", "ungeprüfter Entwurf"],
    ]
    [italian_figure] = readability_rows(page)
    assert cells(italian_figure)[:3] == ["it/index.html", "Gulpease-Index", "13,3"]
    assert italian_figure.xpath(".//a")[0].get("href") == "../it/index.html"
    polish_page = parse(tmp_path / "status" / "pl.html")
    assert [row[1] for row in paragraph_rows(polish_page)] == [f"Polnisch {n}" for n in (1, 2, 3)]
    assert not readability_rows(polish_page), "Polish has no formula made for it"
    # The source language is measured, not translated: its page has its figures only.
    german = parse(tmp_path / "status" / "de.html")
    assert [cells(row)[0] for row in readability_rows(german)] == [
        "de/index.html",
        "de/leichte-sprache.html",
    ]
    assert not paragraph_rows(german)


def test_no_page_grows_with_pages_times_languages(tmp_path: Path, pages: SitePages) -> None:
    def written(languages: int, paragraphs: int) -> dict[str, bytes]:
        site = tmp_path / f"{languages}x{paragraphs}"
        site.mkdir()
        stats = [stats_of(code, paragraphs) for code in CODES[:languages]]
        write_status_page(site, pages, stats)
        return {
            path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*.html")
        }

    small, more_paragraphs, more_languages = written(2, 3), written(2, 600), written(6, 3)

    # The overview holds one row per language (and its header), whatever the paragraphs;
    for site, languages in ((small, 2), (more_paragraphs, 2), (more_languages, 6)):
        assert len(html.fromstring(site["status.html"]).xpath("//tr")) == 1 + languages
    # a language's page holds its own paragraphs, whatever the number of languages,
    first = f"status/{CODES[0]}.html"
    assert more_languages[first] == small[first]
    # and at most PARAGRAPHS_PER_PAGE of them, whatever the number of paragraphs.
    assert max(len(paragraph_rows(html.fromstring(page))) for page in more_paragraphs.values()) == (
        PARAGRAPHS_PER_PAGE
    )


def test_a_long_paragraph_list_continues_on_numbered_pages_that_link_each_other(
    tmp_path: Path, pages: SitePages
) -> None:
    write_status_page(tmp_path, pages, [stats_of("tr", 7)], [figure("tr/index.html", "tr")], 3)

    parts = [parse(tmp_path / "status" / name) for name in ("tr.html", "tr-2.html", "tr-3.html")]

    # Every paragraph once, in order, over the three pages;
    listed = [row[1] for part in parts for row in paragraph_rows(part)]
    assert listed == [f"Absatz {n}" for n in range(1, 8)]
    assert not (tmp_path / "status" / "tr-4.html").exists()
    # each page names its part and leads to every part, itself marked as the current one;
    for number, part in enumerate(parts, start=1):
        links = part.xpath('//nav[@aria-label="Teile der Absatzliste"]//a')
        assert [a.get("href") for a in links] == ["tr.html", "tr-2.html", "tr-3.html"]
        assert [a.get("aria-current") for a in links].index("page") == number - 1
    assert "Absätze 4 bis 6" in parts[1].findtext(".//title")
    assert [a.text_content() for a in links] == [
        "Absätze 1 bis 3",
        "Absätze 4 bis 6",
        "Absätze 7 bis 7",
    ]
    # the readability figures are on the first page only.
    assert [len(readability_rows(part)) for part in parts] == [1, 0, 0]


def test_text_from_the_data_stays_text_on_the_status_pages(
    tmp_path: Path, pages: SitePages
) -> None:
    injected = "<script>alert(1)</script>"
    write_status_page(
        tmp_path,
        pages,
        [stats_of("tr", 1, injected)],
        [figure("tr/index.html", "tr", injected)],
    )

    page = parse(tmp_path / "status" / "tr.html")
    assert not page.xpath("//script")
    assert paragraph_rows(page)[0][1] == f"{injected} 1"
    assert cells(readability_rows(page)[0])[1] == injected


def test_a_dropped_language_leaves_no_status_page_behind(tmp_path: Path, pages: SitePages) -> None:
    write_status_page(tmp_path, pages, [stats_of("tr"), stats_of("pl")])

    write_status_page(tmp_path, pages, [stats_of("tr")])

    assert sorted(p.name for p in (tmp_path / "status").iterdir()) == ["de.html", "tr.html"]


def test_every_address_on_the_status_pages_resolves_from_their_directory(
    tmp_path: Path, pages: SitePages
) -> None:
    for code in ("de", "tr", "it"):  # the pages the build writes, where it writes them
        (tmp_path / code / "_static").mkdir(parents=True)
        for name in ("index.html", "barrierefreiheit.html", "_static/accessible.css"):
            (tmp_path / code / name).touch()
    (tmp_path / "index.html").touch()

    written = write_status_page(
        tmp_path, pages, [stats_of("tr"), stats_of("it")], [figure("it/index.html", "it")]
    )

    assert [p.relative_to(tmp_path).as_posix() for p in written] == [
        "status.html",
        "status/de.html",
        "status/tr.html",
        "status/it.html",
    ]
    for page in written:
        addresses = parse(page).xpath("//a/@href|//link/@href")
        assert any(a.endswith("accessible.css") for a in addresses), page
        for address in (a for a in addresses if not a.startswith("#")):
            target = (page.parent / address.split("#")[0]).resolve()
            assert target.is_file(), f"{page.relative_to(tmp_path)}: {address} does not resolve"


@pytest.mark.slow
def test_the_built_language_page_shows_a_known_paragraph_with_its_file_and_line(
    built_project: Project,
) -> None:
    po_file = Path("locales/tr/LC_MESSAGES/index.po")
    lines = (built_project.root / po_file).read_text(encoding="utf-8").splitlines()
    text_line = next(n for n, line in enumerate(lines, 1) if "Jetzt gilt es" in line)
    msgid_line = max(n for n, line in enumerate(lines[:text_line], 1) if line.startswith("msgid"))

    rows = paragraph_rows(parse(built_project.site_dir / "status" / "tr.html"))

    [row] = [row for row in rows if row[0] == f"{po_file}:{msgid_line}"]
    assert row[1].startswith("Jetzt gilt es, diese Errungenschaften")
    assert all(row[0].startswith("locales/tr/") for row in rows), "Turkish paragraphs only"
    assert sorted(p.stem for p in (built_project.site_dir / "status").iterdir()) == sorted(
        lang.code for lang in SITE.languages
    )
