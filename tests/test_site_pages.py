"""The pages above the languages are rendered by Sphinx from conf.py: one source for the
title, the date and the base URL, and escaped, although Sphinx's own pages are not."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from conftest import SITE, copy_project
from i18n_pipeline.landing import render_landing_page
from i18n_pipeline.site_pages import site_pages


def _start_page_with_conf(tmp_path: Path, old: str, new: str) -> html.HtmlElement:
    project = copy_project(tmp_path / "project")
    conf = project.conf_dir / "conf.py"
    text = conf.read_text(encoding="utf-8")
    assert old in text
    conf.write_text(text.replace(old, new), encoding="utf-8")
    with site_pages(project) as pages:
        return html.fromstring(render_landing_page(pages, SITE.languages))


def test_the_start_page_takes_title_and_date_from_conf_py(tmp_path: Path) -> None:
    root = _start_page_with_conf(
        tmp_path, 'version = release = "2024-11-19"', 'version = release = "2025-01-02"'
    )

    [time] = root.xpath("//main//time")
    assert (time.get("datetime"), time.text_content()) == ("2025-01-02", "2. Januar 2025")
    assert root.xpath("//h1")[0].text_content().startswith("Berliner Erklärung der")


def test_the_start_page_takes_its_base_url_from_conf_py(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SITE_BASE_URL", raising=False)  # conf.py's default applies
    root = _start_page_with_conf(
        tmp_path, "https://example.org/berliner-erklaerung/", "https://example.net/be/"
    )

    [default] = root.xpath('//link[@hreflang="x-default"]')
    assert default.get("href") == "https://example.net/be/index.html"


def test_text_from_the_configuration_is_escaped_on_the_start_page(tmp_path: Path) -> None:
    root = _start_page_with_conf(
        tmp_path,
        'project = "Berliner Erklärung',
        'project = "<script>alert(1)</script>Berliner Erklärung',
    )

    assert not root.xpath("//script")
    assert root.xpath("//h1")[0].text_content().startswith("<script>alert(1)</script>")
