"""What the audit treats as one page's content: its bytes and its local stylesheets."""

from __future__ import annotations

from pathlib import Path

from i18n_pipeline.audit.pages import discover_pages

PAGE = """<!DOCTYPE html><html lang="en"><head><title>t</title>
<link rel="stylesheet" href="_static/site.css?v=3">
<link rel="preload stylesheet" href="https://cdn.example.com/x.css">
</head><body><p>text</p></body></html>"""


def test_a_changed_stylesheet_changes_the_page_hash(tmp_path: Path) -> None:
    (tmp_path / "_static").mkdir()
    css = tmp_path / "_static" / "site.css"
    css.write_text("p { color: #111 }")
    (tmp_path / "page.html").write_text(PAGE)
    [page] = discover_pages(tmp_path)
    before = page.content_hash(tmp_path)

    css.write_text("p { color: #bbb }")
    [again] = discover_pages(tmp_path)

    assert again.content_hash(tmp_path) != before


def test_a_page_keeps_its_bytes_but_not_its_parsed_tree(tmp_path: Path) -> None:
    # A tree is about ten times the page: kept for every page, the audit's memory grew
    # with the site (1,673 pages peaked 400 MiB higher than 62).
    (tmp_path / "page.html").write_text("<html><body><p>Text</p></body></html>")
    [page] = discover_pages(tmp_path)

    assert page.source is page.source  # read once
    assert page.root is not page.root  # parsed on use, then dropped
