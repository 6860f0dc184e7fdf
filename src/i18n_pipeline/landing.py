"""The start page: every language by its native name, and help in Leichte Sprache;
and the status page: how far each translation is.

Both are German (the source language); the start page, as BITV 2.0 § 4 asks of a
start page, explains the content and the navigation in Leichte Sprache. Sphinx
renders them (:mod:`i18n_pipeline.site_pages`), with the title and date of conf.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from babel.numbers import format_decimal, format_percent

from i18n_pipeline.languages import SOURCE_LANGUAGE, Language, language
from i18n_pipeline.pdf import PDF_NAME
from i18n_pipeline.readability import Readability
from i18n_pipeline.site_pages import SitePages
from i18n_pipeline.sphinxext.dates import format_for_language
from i18n_pipeline.sphinxext.easy_read import EASY_READ_NAME, EASY_READ_PAGE
from i18n_pipeline.sphinxext.pdf_link import format_size
from i18n_pipeline.sphinxext.theme import CONTENT_SECURITY_POLICY
from i18n_pipeline.stats import LanguageStats

#: The review states, as the (German) status page names them.
STATE_NAMES = {
    "reviewed": "geprüft",
    "draft": "ungeprüfter Entwurf",
    "fuzzy": "unscharf (fuzzy)",
    "untranslated": "unübersetzt",
}
#: What both pages share: the frame of base.html.
FRAME = {
    "source_code": SOURCE_LANGUAGE,
    "stylesheet": f"{SOURCE_LANGUAGE}/_static/accessible.css",
    "content_security_policy": CONTENT_SECURITY_POLICY,
}


def render_landing_page(
    pages: SitePages, languages: list[Language], pdf_sizes: dict[str, int] | None = None
) -> str:
    """The chooser; ``pdf_sizes`` (bytes, by language) lists the PDFs that were made."""
    base = pages.base_url.rstrip("/")

    def alternate_url(lang: Language) -> str:
        return f"{base}/{lang.code}/index.html" if base else f"{lang.code}/index.html"

    return pages.render(
        "landing.html",
        {
            **FRAME,
            "title": pages.title,
            "date_iso": pages.date,
            "date_text": format_for_language(pages.date, SOURCE_LANGUAGE),
            "languages": languages,
            "alternate_url": alternate_url,
            "x_default_url": f"{base}/index.html" if base else "index.html",
            "easy_read_page": EASY_READ_PAGE,
            "pdf_name": PDF_NAME,
            "pdfs": {
                code: format_size(size, SOURCE_LANGUAGE) for code, size in (pdf_sizes or {}).items()
            },
            "easy_read_name": EASY_READ_NAME,
        },
    )


def write_landing_page(site: Path, pages: SitePages, languages: list[Language]) -> Path:
    target = site / "index.html"
    pdf_sizes = {
        lang.code: (site / lang.code / PDF_NAME).stat().st_size
        for lang in languages
        if (site / lang.code / PDF_NAME).is_file()
    }
    target.write_text(render_landing_page(pages, languages, pdf_sizes), encoding="utf-8")
    return target


def write_status_page(
    site: Path,
    pages: SitePages,
    stats: list[LanguageStats],
    readability: Sequence[Readability] = (),
) -> Path:
    """``status.html``: translation progress per language, for translators and reviewers,
    and how hard each page is to read where a formula exists for its language."""
    rows = [
        {
            **vars(s),
            "draft": s.draft,
            "tag": language(s.code).tag,
            "percent_text": format_percent(s.percent / 100, "#,##0.0 %", locale=SOURCE_LANGUAGE),
        }
        for s in stats
    ]
    target = site / "status.html"
    page = pages.render(
        "status.html",
        {
            **FRAME,
            "title": pages.title,
            "stats": rows,
            "readability": [
                {**vars(r), "score_text": format_decimal(r.score, locale=SOURCE_LANGUAGE)}
                for r in readability
            ],
            "state_names": STATE_NAMES,
        },
    )
    target.write_text(page, encoding="utf-8")
    return target
