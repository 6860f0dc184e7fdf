"""The start page: every language by its native name, and help in Leichte Sprache.

It is German (the source language) and, as BITV 2.0 § 4 asks of a start page,
explains the content and the navigation in Leichte Sprache.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from babel.numbers import format_decimal, format_percent
from jinja2 import Environment, FileSystemLoader, select_autoescape

from i18n_pipeline.languages import SOURCE_LANGUAGE, Language, language
from i18n_pipeline.pdf import PDF_NAME
from i18n_pipeline.readability import Readability
from i18n_pipeline.sphinxext.dates import format_for_language
from i18n_pipeline.sphinxext.easy_read import EASY_READ_NAME, EASY_READ_PAGE
from i18n_pipeline.sphinxext.pdf_link import format_size
from i18n_pipeline.sphinxext.theme import CONTENT_SECURITY_POLICY
from i18n_pipeline.stats import LanguageStats

TEMPLATES = Path(__file__).parent / "templates"
#: The review states, as the (German) status page names them.
STATE_NAMES = {
    "reviewed": "geprüft",
    "draft": "ungeprüfter Entwurf",
    "fuzzy": "unscharf (fuzzy)",
    "untranslated": "unübersetzt",
}
DECLARATION_TITLE = "Berliner Erklärung der Integrationsbeauftragten der Länder und des Bundes"
DECLARATION_DATE = "2024-11-19"


def _templates() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )


def render_landing_page(
    languages: list[Language], base_url: str, pdf_sizes: dict[str, int] | None = None
) -> str:
    """The chooser; ``pdf_sizes`` (bytes, by language) lists the PDFs that were made."""
    env = _templates()
    base = base_url.rstrip("/")

    def alternate_url(lang: Language) -> str:
        return f"{base}/{lang.code}/index.html" if base else f"{lang.code}/index.html"

    return env.get_template("landing.html").render(
        title=DECLARATION_TITLE,
        date_iso=DECLARATION_DATE,
        date_text=format_for_language(DECLARATION_DATE, SOURCE_LANGUAGE),
        languages=languages,
        alternate_url=alternate_url,
        x_default_url=f"{base}/index.html" if base else "index.html",
        source_code=SOURCE_LANGUAGE,
        easy_read_page=EASY_READ_PAGE,
        pdf_name=PDF_NAME,
        pdfs={code: format_size(size, SOURCE_LANGUAGE) for code, size in (pdf_sizes or {}).items()},
        easy_read_name=EASY_READ_NAME,
        stylesheet=f"{SOURCE_LANGUAGE}/_static/accessible.css",
        content_security_policy=CONTENT_SECURITY_POLICY,
    )


def write_landing_page(site: Path, languages: list[Language], base_url: str) -> Path:
    target = site / "index.html"
    pdf_sizes = {
        lang.code: (site / lang.code / PDF_NAME).stat().st_size
        for lang in languages
        if (site / lang.code / PDF_NAME).is_file()
    }
    target.write_text(render_landing_page(languages, base_url, pdf_sizes), encoding="utf-8")
    return target


def write_status_page(
    site: Path, stats: list[LanguageStats], readability: Sequence[Readability] = ()
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
    target.write_text(
        _templates()
        .get_template("status.html")
        .render(
            title=DECLARATION_TITLE,
            stats=rows,
            readability=[
                {**vars(r), "score_text": format_decimal(r.score, locale=SOURCE_LANGUAGE)}
                for r in readability
            ],
            state_names=STATE_NAMES,
            source_code=SOURCE_LANGUAGE,
            stylesheet=f"{SOURCE_LANGUAGE}/_static/accessible.css",
            content_security_policy=CONTENT_SECURITY_POLICY,
        ),
        encoding="utf-8",
    )
    return target
