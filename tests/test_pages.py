"""Every page is right for its language and accessible in structure (issue: accessible pages)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from lxml import etree

from conftest import EXAMPLE_SITE, SITE, parse
from i18n_pipeline.config.languages import language
from i18n_pipeline.jobs.site import build_site
from i18n_pipeline.project import Project

pytestmark = pytest.mark.slow

LOADING_ATTRIBUTES = {
    "img": "src",
    "script": "src",
    "iframe": "src",
    "link": "href",
    "source": "src",
    "video": "src",
    "audio": "src",
    "object": "data",
    "embed": "src",
}


def site_pages(project: Project) -> list[Path]:
    return sorted(project.site_dir.rglob("*.html"))


def test_every_page_has_one_h1_a_skip_link_with_target_and_landmarks(
    built_project: Project,
) -> None:
    for page in site_pages(built_project):
        root = parse(page)
        assert len(root.xpath("//h1")) == 1, page
        skip = root.xpath('//body/a[contains(@class, "skip-link")]')[0]
        assert root.xpath(f'//*[@id="{skip.get("href")[1:]}"]'), page
        assert len(root.xpath("//main")) == 1, page
        assert root.xpath("//title")[0].text_content().strip(), page


def test_no_page_loads_anything_from_another_host(built_project: Project) -> None:
    for page in site_pages(built_project):
        root = parse(page)
        for tag, attribute in LOADING_ATTRIBUTES.items():
            for element in root.iter(tag):
                if tag == "link" and element.get("rel") not in ("stylesheet", "icon", "preload"):
                    continue  # rel=alternate is a hint, not a request
                url = element.get(attribute)
                if url:
                    assert not urlparse(url).netloc, f"{page}: <{tag}> loads {url}"
        for css in built_project.site_dir.rglob("*.css"):
            assert "url(http" not in css.read_text(
                encoding="utf-8"
            ) and "@import" not in css.read_text(encoding="utf-8"), css


@pytest.mark.parametrize("lang", SITE.languages, ids=lambda lang: lang.code)
def test_switcher_links_every_language_and_marks_the_current_one(
    built_project: Project, lang
) -> None:
    for page in ("index.html", "barrierefreiheit.html"):
        path = built_project.site_dir / lang.code / page
        *links, easy_read = parse(path).xpath('//nav[contains(@class, "language-switcher")]//a')
        assert [a.get("hreflang") for a in links] == [other.tag for other in SITE.languages]
        assert easy_read.text_content() == "Leichte Sprache"
        assert (easy_read.get("lang"), easy_read.get("hreflang")) == ("de", "de")
        assert (path.parent / easy_read.get("href")).resolve() == (
            built_project.site_dir / "de" / "leichte-sprache.html"
        ).resolve()
        assert easy_read.get("aria-current") is None
        for link in links:
            target = (path.parent / link.get("href")).resolve()
            assert target.is_file(), f"{path}: {link.get('href')} does not resolve"
            assert target.name == page
            assert link.get("lang") == link.get("hreflang")
            other = language(target.parent.name)
            assert link.text_content() == other.native_name
            assert (link.get("aria-current") == "page") == (other.code == lang.code)


def test_hreflang_alternates_are_complete_and_reciprocal(built_project: Project) -> None:
    site = built_project.site_dir
    base = "https://example.org/berliner-erklaerung/"
    alternates: dict[str, dict[str, str]] = {}
    for lang in SITE.languages:
        for page in ("index.html", "barrierefreiheit.html"):
            url = urljoin(base, f"{lang.code}/{page}")
            links = parse(site / lang.code / page).xpath('//head/link[@rel="alternate"]')
            alternates[url] = {link.get("hreflang"): link.get("href") for link in links}
    for url, links in alternates.items():
        assert set(links) == {lang.tag for lang in SITE.languages} | {"x-default"}, url
        for tag, href in links.items():
            if tag != "x-default":
                assert alternates[href][language(tag).tag] == href
                assert url in alternates[href].values(), f"{href} does not point back to {url}"


def test_sitemap_lists_every_page_with_its_alternates(built_project: Project) -> None:
    tree = etree.parse(str(built_project.site_dir / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = tree.xpath("//s:url", namespaces=ns)
    *versions, easy_read = urls
    assert len(versions) == 2 * len(SITE.languages)
    for url in versions:
        assert len(url.xpath("x:link", namespaces=ns)) == len(SITE.languages)
    # Easy-read German has no hreflang tag of its own: listed, with no alternates.
    assert easy_read.findtext("s:loc", namespaces=ns).endswith("/de/leichte-sprache.html")
    assert easy_read.xpath("x:link", namespaces=ns) == []


def test_leichte_sprache_is_a_german_page_of_the_german_build_only(
    built_project: Project,
) -> None:
    site = built_project.site_dir
    page = parse(site / "de" / "leichte-sprache.html")

    assert page.get("lang") == "de"  # screen readers speak it as German
    assert page.findtext(".//h1") == "Die Berliner Erklärung in Leichter Sprache"
    assert "Hier steht die Berliner Erklärung in Leichter Sprache." in page.text_content()
    assert page.xpath('//head/link[@rel="alternate"]') == []
    assert not any(
        (site / lang.code / "leichte-sprache.html").exists() for lang in SITE.translations
    )
    assert not (built_project.locale_dir / "en" / "LC_MESSAGES" / "leichte-sprache.po").exists()


def test_leichte_sprache_switcher_leads_to_every_declaration_and_marks_itself(
    built_project: Project,
) -> None:
    path = built_project.site_dir / "de" / "leichte-sprache.html"
    *links, easy_read = parse(path).xpath('//nav[contains(@class, "language-switcher")]//a')

    assert [(path.parent / a.get("href")).resolve() for a in links] == [
        (built_project.site_dir / lang.code / "index.html").resolve() for lang in SITE.languages
    ]
    assert [a.get("aria-current") for a in links] == [None] * len(links)
    assert easy_read.get("aria-current") == "page"


def test_leichte_sprache_keeps_split_words_whole_and_sentences_on_their_lines(
    built_project: Project,
) -> None:
    page = parse(built_project.site_dir / "de" / "leichte-sprache.html")
    section = page.xpath('//section[contains(@class, "easy-read")]')[0]

    words = {span.text for span in section.xpath('.//span[contains(@class, "word")]')}
    assert {"Integrations-Beauftragten", "Bundes-Regierung", "Einwanderungs-Land"} <= words
    intro = next(p for p in section.xpath(".//p") if p.text_content().startswith("Eine Erklärung"))
    assert intro.text.count("\n") >= 2, "one sentence per line, as in the source"


def test_start_page_leads_to_the_leichte_sprache_page(built_project: Project) -> None:
    start = parse(built_project.site_dir / "index.html")
    links = start.xpath('//a[@href="de/leichte-sprache.html"]')
    assert len(links) == 2  # in the language list and in the easy-read help
    assert links[0].text_content() == "Leichte Sprache" and links[0].get("lang") == "de"


def test_readability_of_the_german_pages_is_measured_and_shown(built_project: Project) -> None:
    status = parse(built_project.site_dir / "status" / "de.html")
    rows = {
        row.xpath("./td")[0].text_content(): row.xpath("./td")[2].text_content()
        for row in status.xpath('//table[caption="Lesbarkeit je Seite"]/tbody/tr')
    }
    declaration = float(rows["de/index.html"].replace(",", "."))
    easy_read = float(rows["de/leichte-sprache.html"].replace(",", "."))
    assert declaration > 10, "the declaration is hard to read (about 13 on the WSTF)"
    assert easy_read <= 5, "the Leichte Sprache page's target (issue 23)"


def test_page_title_names_the_language_version(built_project: Project) -> None:
    titles = {
        lang.code: parse(built_project.site_dir / lang.code / "index.html").findtext(".//title")
        for lang in SITE.languages
    }
    assert titles["de"].endswith("– Deutsche Fassung")
    assert len(set(titles.values())) == len(titles), "each language version has its own title"


def test_languages_built_one_after_another_in_one_process_do_not_mix(example_copy: Project) -> None:
    """Sphinx caches catalogs per process: the next language must not get the last one's strings."""
    build_site(example_copy, jobs=1)

    skip_links = {
        lang.code: parse(example_copy.site_dir / lang.code / "index.html")
        .xpath('//a[@class="skip-link"]')[0]
        .text
        for lang in EXAMPLE_SITE.languages
    }
    assert len(set(skip_links.values())) == len(skip_links), skip_links


def test_every_page_links_the_accessibility_statement_and_feedback(built_project: Project) -> None:
    for page in site_pages(built_project):
        hrefs = [a.get("href") for a in parse(page).xpath("//footer//a")]
        assert any(h.endswith("barrierefreiheit.html") for h in hrefs), page
        assert any(h.endswith("barrierefreiheit.html#feedback") for h in hrefs), page
        feedback = (
            page.parent / next(h for h in hrefs if h.endswith("#feedback")).split("#")[0]
        ).resolve()
        assert parse(feedback).xpath('//*[@id="feedback"]'), feedback


def test_accessibility_statement_links_the_conciliation_body(built_project: Project) -> None:
    for lang in SITE.languages:
        root = parse(built_project.site_dir / lang.code / "barrierefreiheit.html")
        hrefs = [unquote(a.get("href")) for a in root.xpath("//main//a")]
        assert "https://www.schlichtungsstelle-bgg.de" in hrefs
        assert "mailto:barrierefreiheit@example.org" in hrefs


def test_no_search_page_index_or_javascript_is_published(built_project: Project) -> None:
    site = built_project.site_dir
    assert not list(site.rglob("search.html")) and not list(site.rglob("genindex.html"))
    assert not list(site.rglob("*.js"))
    for page in site_pages(built_project):
        assert not parse(page).xpath("//script"), page


def test_latin_names_inside_right_to_left_text_are_isolated(built_project: Project) -> None:
    root = parse(built_project.site_dir / "fa" / "index.html")
    # The name sits in Persian text now (its Persian form comes first): the Latin
    # original is the isolated element, not the whole bold run.
    isolated = root.xpath('//main//*[@dir="ltr"][normalize-space()="Katarina Niewiedzial"]')
    assert len(isolated) == 1
