"""The start page: every language by its native name, and help in Leichte Sprache;
and the status pages: how far each translation is (``status.html``), and per language
its paragraphs and readability (``status/<code>.html``).

Both are German (the source language); the start page, as BITV 2.0 § 4 asks of a
start page, explains the content and the navigation in Leichte Sprache. Sphinx
renders them (:mod:`i18n_pipeline.build.site_pages`), with the title and date of conf.py.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal, format_percent

from i18n_pipeline.build.release import carry_over
from i18n_pipeline.build.site_pages import SitePages
from i18n_pipeline.catalogs.readability import Readability
from i18n_pipeline.catalogs.stats import LanguageStats, ParagraphState
from i18n_pipeline.config.languages import Language, language
from i18n_pipeline.config.site_config import SiteConfig
from i18n_pipeline.errors import ConfigurationError
from i18n_pipeline.sphinxext.dates import format_for_language
from i18n_pipeline.sphinxext.easy_read import EASY_READ_NAME
from i18n_pipeline.sphinxext.pdf_link import format_size
from i18n_pipeline.sphinxext.theme import CONTENT_SECURITY_POLICY

#: Paragraphs on one status page. The audit judges a page within 30 seconds, and
#: axe's time grows with a table's rows: 881 rows took it 8.8 s on an idle 2-core
#: machine, under load several times that; 250 leave a wide margin.
PARAGRAPHS_PER_PAGE = 250
#: The review states, as the (German) status pages name them.
STATE_NAMES = {
    "reviewed": "geprüft",
    "draft": "ungeprüfter Entwurf",
    "fuzzy": "unscharf (fuzzy)",
    "untranslated": "unübersetzt",
}
#: The per-language status pages' directory, below the site root.
STATUS_DIR = "status"
#: The start and status pages, below the site root (the sitemap is written each time).
PAGE_FILES = ("index.html", "status.html", STATUS_DIR)


def frame(site: SiteConfig, to_root: str = "") -> dict[str, str]:
    """What every page above the languages shares: the frame of base.html. ``to_root``
    leads from the page's directory to the site root (``../`` from ``status/``), as
    every address in the frame is relative."""
    return {
        "source_code": site.source_language,
        "to_root": to_root,
        "stylesheet": f"{to_root}{site.source_language}/_static/accessible.css",
        "content_security_policy": CONTENT_SECURITY_POLICY,
        "statement_page": site.accessibility_statement,
    }


#: The project's template (in a ``templates_path`` directory of its conf.py) that says in
#: Leichte Sprache what the site is about: the start page includes it.
START_EASY_READ = "start-easy-read.html"


def render_landing_page(
    pages: SitePages, languages: list[Language], pdf_sizes: dict[str, str] | None = None
) -> str:
    """The chooser; ``pdf_sizes`` (:func:`shown_pdf_sizes`) lists the PDFs that were made."""
    if not pages.has_template(START_EASY_READ):
        raise ConfigurationError(
            f"the start page explains the site in Leichte Sprache (BITV 2.0 § 4) in the "
            f"project's words, and the project has no {START_EASY_READ}",
            path=pages.config_file,
            hint=f"write {START_EASY_READ} (HTML paragraphs in Leichte Sprache) into a "
            "directory of templates_path in conf.py, e.g. _templates/",
        )
    site = pages.site
    source = site.language(site.source_language)
    base = pages.base_url.rstrip("/")
    start = f"{site.root_doc}.html"

    def alternate_url(lang: Language) -> str:
        return f"{base}/{lang.code}/{start}" if base else f"{lang.code}/{start}"

    return pages.render(
        "landing.html",
        {
            **frame(site),
            "title": pages.title,
            "date_iso": pages.date,
            "date_text": format_for_language(pages.date, source),
            "languages": languages,
            "start_page": start,
            "alternate_url": alternate_url,
            "x_default_url": f"{base}/index.html" if base else "index.html",
            "easy_read_page": site.easy_read,
            "pdf_name": site.pdf_of(site.root_doc),
            "pdfs": pdf_sizes or {},
            "easy_read_name": EASY_READ_NAME,
            "start_easy_read": START_EASY_READ,
        },
    )


def write_landing_page(site: Path, pages: SitePages, languages: list[Language]) -> Path:
    """The start page, with the start document's PDF in every language that has it."""
    target = site / "index.html"
    sizes = shown_pdf_sizes(site, pages.site, languages)
    target.write_text(render_landing_page(pages, languages, sizes), encoding="utf-8")
    return target


def shown_pdf_sizes(site: Path, config: SiteConfig, languages: list[Language]) -> dict[str, str]:
    """The size of the start document's PDF in each language that has one, as the start
    page shows it in the source language ("44 kB"): a PDF whose bytes changed may show
    the same."""
    name = config.pdf_of(config.root_doc)
    source = config.language(config.source_language)
    return {
        lang.code: format_size((site / lang.code / name).stat().st_size, source)
        for lang in languages
        if name and (site / lang.code / name).is_file()
    }


def link_pages(published: Path, site: Path) -> bool:
    """The start and status pages of the ``published`` site into ``site``, as hard links
    (a copy where the file system has none); False, and nothing linked, when one is
    missing there."""
    if not all((published / name).exists() for name in PAGE_FILES):
        return False
    for name in PAGE_FILES:
        carry_over(published / name, site / name)
    return True


def write_status_page(
    site: Path,
    pages: SitePages,
    stats: list[LanguageStats],
    readability: Sequence[Readability] = (),
    paragraphs_per_page: int = PARAGRAPHS_PER_PAGE,
) -> list[Path]:
    """``status.html``, one row per translation, and ``status/<code>.html`` per language
    (the source language's too, for its readability): its paragraphs and readability;
    a language with more than ``paragraphs_per_page`` paragraphs continues on
    ``status/<code>-2.html`` and so on.

    No page grows with the site: the overview grows with the languages only, a
    language's page is bounded (one page of every paragraph of every language
    outgrew the audit's page timeout). The directory is written whole: no page of a
    language that was dropped stays behind.
    """
    config = pages.site
    source = config.source_language
    rows = [_summary_row(s, source) for s in stats]
    overview = site / "status.html"
    overview.write_text(
        pages.render(
            "status.html",
            {**frame(config), "title": pages.title, "stats": rows, "status_dir": STATUS_DIR},
        ),
        encoding="utf-8",
    )
    directory = site / STATUS_DIR
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir()
    written = [overview]
    below_root = frame(config, "../")  # status/ is one level below the site root
    # The source language has no counts and no paragraphs: it is not translated, only measured.
    languages: list[tuple[str, dict[str, object] | None, Sequence[ParagraphState]]] = [
        (source, None, ()),
        *((s.code, row, s.paragraphs) for s, row in zip(stats, rows, strict=True)),
    ]
    for code, counts, paragraphs in languages:
        figures = [
            {
                **vars(r),
                "href": below_root["to_root"] + r.page,
                "score_text": format_decimal(r.score, locale=source),
            }
            for r in readability
            if r.language == code
        ]
        parts = _parts(code, len(paragraphs), paragraphs_per_page)
        for part in parts:
            target = directory / part.href
            target.write_text(
                pages.render(
                    "status_language.html",
                    {
                        **below_root,
                        "title": pages.title,
                        "lang": language(code),
                        "counts": counts,
                        "part": part,
                        "parts": parts if len(parts) > 1 else [],
                        "paragraphs": paragraphs[part.start - 1 : part.end],
                        "readability": figures,
                        "state_names": STATE_NAMES,
                    },
                ),
                encoding="utf-8",
            )
            written.append(target)
    return written


@dataclass(frozen=True)
class StatusPart:
    """One page of a language's paragraph list: its file in ``status/`` and its range."""

    href: str
    start: int  # the first paragraph on it, counted from 1
    end: int  # the last (``start - 1`` for a language with none)

    @property
    def first(self) -> bool:
        """The language's own page: its figures and readability are on it."""
        return self.start == 1


def _parts(code: str, paragraphs: int, per_page: int) -> list[StatusPart]:
    """The pages one language's paragraph list is split into."""
    starts = range(1, max(paragraphs, 1) + 1, per_page)
    return [
        StatusPart(
            f"{code}.html" if number == 1 else f"{code}-{number}.html",
            start,
            min(start + per_page - 1, paragraphs),
        )
        for number, start in enumerate(starts, start=1)
    ]


def _summary_row(stats: LanguageStats, source: str) -> dict[str, object]:
    """One language's figures, as the status pages (in the source language) show them."""
    return {
        **vars(stats),
        "draft": stats.draft,
        "tag": language(stats.code).tag,
        "direction": language(stats.code).direction,
        "percent_text": format_percent(stats.percent / 100, "#,##0.0 %", locale=source),
    }
