"""The ``accessible`` HTML theme: Sphinx's ``basic`` with our own layout and CSS.

No JavaScript, no search page, no index: a one-document site needs none of them,
and each was a source of accessibility failures in the stock themes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from i18n_pipeline.sphinxext.context import provide
from i18n_pipeline.sphinxext.dates import format_for_language, page_language

THEME_DIR = Path(__file__).parent / "theme" / "accessible"
#: On every page: no script runs, nothing loads from elsewhere, even if an injection
#: slipped past the checks and the escaping (the output check requires it).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
    "form-action 'none'; frame-src 'none'"
)


def drop_search_page(app: Sphinx) -> None:
    """The builder writes search.html unless told not to; we have nothing to search."""
    if app.builder.format == "html":
        app.builder.search = False  # type: ignore[attr-defined]


def drop_unused_assets(app: Sphinx, exception: Exception | None) -> None:
    """Publish only what pages use: no JavaScript, icons, inventory or build info.

    Sphinx copies its scripts and icons even when no page uses them; the
    intersphinx inventory (objects.inv) serves API docs, not a declaration,
    and its bytes vary between runs; .buildinfo is build state, not content.
    """
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    for asset in (
        *static.glob("*.js"),
        *(static / name for name in ("file.png", "minus.png", "plus.png")),
    ):
        asset.unlink(missing_ok=True)
    for state in ("objects.inv", ".buildinfo"):
        (Path(app.outdir) / state).unlink(missing_ok=True)
    sources = Path(app.outdir) / "_sources"
    if sources.is_dir() and not any(sources.iterdir()):
        sources.rmdir()


def page_values(app: Sphinx, pagename: str, doctree: nodes.document | None) -> dict[str, Any]:
    """Every page's security policy, its review state (the footer says "reviewed on …"
    only when every entry of the page was reviewed: the pipeline passes those days in
    ``site_review_dates``; else it is a draft) and the project's accessibility statement,
    which the footer links."""
    day = app.config.site_review_dates.get(pagename, "")
    return {
        "content_security_policy": CONTENT_SECURITY_POLICY,
        "review_date": format_for_language(day, page_language(app.config)) if day else "",
        "statement_page": app.config.site_accessibility_statement,
    }


def setup(app: Sphinx) -> None:
    app.add_config_value("site_review_dates", {}, "html", types=frozenset({dict}))
    app.add_html_theme("accessible", str(THEME_DIR))
    provide(app, page_values)
    app.connect("builder-inited", drop_search_page)
    app.connect("build-finished", drop_unused_assets)
