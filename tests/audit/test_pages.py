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
