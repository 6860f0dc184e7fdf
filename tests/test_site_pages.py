"""The pages above the languages are rendered by Sphinx from conf.py: one source for the
title, the date and the base URL, and escaped, although Sphinx's own pages are not
(on copies of examples/aushang)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from conftest import EXAMPLE_SITE, copy_example
from i18n_pipeline.build.landing import render_landing_page
from i18n_pipeline.build.site_pages import site_pages
from i18n_pipeline.catalogs.readability import page_text
from i18n_pipeline.errors import ConfigurationError


def _start_page_with_conf(tmp_path: Path, old: str, new: str) -> html.HtmlElement:
    project = copy_example(tmp_path / "project")
    conf = project.conf_dir / "conf.py"
    text = conf.read_text(encoding="utf-8")
    assert old in text
    conf.write_text(text.replace(old, new), encoding="utf-8")
    with site_pages(project) as pages:
        return html.fromstring(render_landing_page(pages, EXAMPLE_SITE.languages))


def test_the_start_page_takes_title_and_date_from_conf_py(tmp_path: Path) -> None:
    root = _start_page_with_conf(
        tmp_path, 'version = release = "2025-03-03"', 'version = release = "2025-01-02"'
    )

    [time] = root.xpath("//main//time")
    assert (time.get("datetime"), time.text_content()) == ("2025-01-02", "2. Januar 2025")
    assert root.xpath("//h1")[0].text_content().startswith("Aushang des Integrationsbüros")


def test_the_start_page_takes_its_base_url_from_conf_py(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SITE_BASE_URL", raising=False)  # conf.py's default applies
    root = _start_page_with_conf(
        tmp_path, "https://example.org/aushang/", "https://example.net/be/"
    )

    [default] = root.xpath('//link[@hreflang="x-default"]')
    assert default.get("href") == "https://example.net/be/index.html"


def test_text_from_the_configuration_is_escaped_on_the_start_page(tmp_path: Path) -> None:
    root = _start_page_with_conf(
        tmp_path,
        'project = "Aushang',
        'project = "<script>alert(1)</script>Aushang',
    )

    assert not root.xpath("//script")
    assert root.xpath("//h1")[0].text_content().startswith("<script>alert(1)</script>")


def test_the_start_page_says_in_leichte_sprache_what_the_projects_template_says(
    tmp_path: Path,
) -> None:
    """What the site is about is the project's text (_templates/start-easy-read.html)."""
    project = copy_example(tmp_path / "project")
    template = project.root / "_templates" / "start-easy-read.html"
    template.write_text("<p>Hier steht ein anderer Text.</p>\n", encoding="utf-8")

    with site_pages(project) as pages:
        root = html.fromstring(render_landing_page(pages, EXAMPLE_SITE.languages))

    [section] = root.xpath('//section[contains(@class, "easy-read")]')
    assert [p.text_content() for p in section.xpath(".//p")] == ["Hier steht ein anderer Text."]


def test_a_project_without_its_start_page_text_is_refused_naming_the_file(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "project")
    (project.root / "_templates" / "start-easy-read.html").unlink()

    with site_pages(project) as pages, pytest.raises(ConfigurationError) as raised:
        render_landing_page(pages, EXAMPLE_SITE.languages)
    assert raised.value.path == project.conf_dir / "conf.py"
    assert "start-easy-read.html" in raised.value.message
    assert "templates_path" in raised.value.hint


@pytest.mark.parametrize(
    "content", ["", "<!DOCTYPE html>", "<html><body><p>no main</p></body></html>"]
)
def test_a_page_without_main_content_has_no_text_to_measure(tmp_path: Path, content: str) -> None:
    """A shard's page is untrusted: an empty one is measured as empty, not a crash."""
    page = tmp_path / "page.html"
    page.write_text(content, encoding="utf-8")
    assert page_text(page) == ""
