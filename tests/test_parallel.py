"""Parallel text: the German original and each translation side by side, paragraph by paragraph."""

from __future__ import annotations

import pytest

from conftest import SITE, parse
from i18n_pipeline.catalogs.catalog import read_catalog
from i18n_pipeline.project import Project

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("lang", SITE.translations, ids=lambda lang: lang.code)
def test_every_paragraph_is_paired_with_its_german_original(built_project: Project, lang) -> None:
    root = parse(built_project.site_dir / lang.code / "parallel.html")
    german = root.xpath('//div[@class="parallel-source"]')
    translated = root.xpath('//div[@class="parallel-translation"]')
    catalog = read_catalog(
        built_project.locale_dir / lang.code / "LC_MESSAGES" / "index.po", lang.code
    )
    messages = catalog.live

    assert len(german) == len(translated) == len(messages)
    assert root.get("lang") == lang.tag and root.get("dir") == lang.direction
    for source, message in zip(german, messages, strict=True):
        assert (source.get("lang"), source.get("dir")) == ("de", "ltr")
        assert " ".join(source.text_content().split()) == " ".join(
            message.msgid.replace("**", "").split()
        )
    assert all(t.get("lang") is None for t in translated), "the page's own language"


def test_the_german_original_has_no_parallel_page(built_project: Project) -> None:
    assert not (built_project.site_dir / "de" / "parallel.html").exists()
    root = parse(built_project.site_dir / "de" / "index.html")
    assert not root.xpath('//footer//a[contains(@href, "parallel")]')


@pytest.mark.parametrize("lang", SITE.translations, ids=lambda lang: lang.code)
def test_every_translated_page_links_its_comparison(built_project: Project, lang) -> None:
    for page in ("index.html", "barrierefreiheit.html"):
        root = parse(built_project.site_dir / lang.code / page)
        assert root.xpath('//footer//a[@href="parallel.html"]'), page


def test_a_parallel_page_has_no_hreflang_alternates_and_a_switcher_that_works(
    built_project: Project,
) -> None:
    page = built_project.site_dir / "ar" / "parallel.html"
    root = parse(page)
    assert not root.xpath('//link[@rel="alternate"]')
    for link in root.xpath('//nav[contains(@class, "language-switcher")]//a'):
        assert (page.parent / link.get("href")).resolve().is_file(), link.get("href")
