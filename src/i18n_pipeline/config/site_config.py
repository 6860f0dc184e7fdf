"""What the site is, as its project says in conf.py: read once per run, one model.

The pipeline is a tool; the languages, the documents that get a PDF or a parallel
page, the glossary, the Leichte Sprache page and the accessibility statement are
the project's. Sphinx reads conf.py (``Config.read``, as for a build), the
extension's values are added with their defaults and types
(:mod:`i18n_pipeline.config.values`) and Sphinx's own type check runs;
:class:`SiteConfig` is what the pipeline takes from that. ``Project.config`` reads
it once per project and every stage asks there; inside a build the extension
makes the same model from ``app.config``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from babel import Locale, UnknownLocaleError
from sphinx.config import Config, check_confval_types
from sphinx.errors import ConfigError
from sphinx.util.logging import NAMESPACE
from sphinx.util.tags import Tags

from i18n_pipeline.config.languages import Language, language
from i18n_pipeline.config.plurals import parse_rule
from i18n_pipeline.config.values import add_to
from i18n_pipeline.errors import ConfigurationError, PipelineError


@dataclass(frozen=True)
class SiteConfig:
    """The project's data, as conf.py's site values state it."""

    #: Every language → the gettext ``Plural-Forms`` the project records for it, in the
    #: order the switcher shows them, the source language first. The record is written
    #: into every PO header and every header is held to it: the project's, not the
    #: installed Babel's (Babel 2.19 gave Turkish and Persian a second form overnight).
    plural_forms: Mapping[str, str]
    source_language: str
    #: A language → the CLDR locale of its dates and numbers, where not the bare language.
    format_locales: Mapping[str, str]
    glossary: str  # as conf.py names it: absolute, or relative to conf.py
    termbase: str  # the TBX term base, as conf.py names it, or "" for none
    easy_read: str  # the document in Leichte Sprache, or ""
    easy_read_record: str  # the Prüfgruppe's record, as conf.py names it, or ""
    accessibility_statement: str  # the document every footer links, or ""
    pdfs: Mapping[str, str]  # document → its PDF's file name
    parallel_pages: Mapping[str, str]  # document → its parallel page's name
    root_doc: str
    #: Sphinx's ``templates_path`` (relative to conf.py): the project's own templates,
    #: among them the start page's explanation in Leichte Sprache (start-easy-read.html).
    templates_path: tuple[str, ...] = ()

    @classmethod
    def from_config(cls, config: Config) -> SiteConfig:
        """The site values of a Sphinx configuration (a build's ``app.config`` too)."""
        return cls(
            plural_forms=dict(config.site_languages),
            source_language=str(config.site_source_language),
            format_locales=dict(config.site_format_locales),
            glossary=str(config.site_glossary),
            termbase=str(config.site_termbase),
            easy_read=str(config.site_easy_read),
            easy_read_record=str(config.site_easy_read_record),
            accessibility_statement=str(config.site_accessibility_statement),
            pdfs=dict(config.site_pdfs),
            parallel_pages=dict(config.site_parallel_pages),
            root_doc=str(config.root_doc),
            templates_path=tuple(str(path) for path in config.templates_path),
        )

    @property
    def codes(self) -> tuple[str, ...]:
        """Every language's code, the source language first."""
        return tuple(self.plural_forms)

    @property
    def translation_codes(self) -> tuple[str, ...]:
        return tuple(code for code in self.plural_forms if code != self.source_language)

    def language(self, code: str) -> Language:
        """``code`` as this site has it: Babel's facts, with the project's plural record
        and the locale its dates and numbers follow."""
        if code not in self.plural_forms:
            raise PipelineError(
                f"{code!r} is not one of the site's languages",
                hint=f"use one of: {', '.join(self.codes)} (site_languages in conf.py)",
            )
        found = language(code)
        return replace(
            found,
            plural_forms=self.plural_forms[code],
            format_locale=self.format_locales.get(code, found.format_locale),
        )

    @property
    def languages(self) -> list[Language]:
        """The source language first, then every translation."""
        return [self.language(code) for code in self.codes]

    @property
    def translations(self) -> list[Language]:
        return [self.language(code) for code in self.translation_codes]

    @property
    def documents(self) -> dict[str, str]:
        """Every document a site value names, with the value that names it."""
        named = {self.root_doc: "root_doc"}
        named |= {doc: "site_pdfs" for doc in self.pdfs}
        named |= {doc: "site_parallel_pages" for doc in self.parallel_pages}
        if self.easy_read:
            named[self.easy_read] = "site_easy_read"
        if self.accessibility_statement:
            named[self.accessibility_statement] = "site_accessibility_statement"
        return named

    def problems(self) -> list[str]:
        """What is wrong with the values (empty: the pipeline can build the site)."""
        found = [*_language_problems(self), *_document_problems(self)]
        if not self.glossary:
            found.append("site_glossary names no glossary of protected terms")
        return found

    def pdf_of(self, document: str) -> str:
        """The PDF a page links: its own document's, else the site's first ("" for none)."""
        return self.pdfs.get(document) or next(iter(self.pdfs.values()), "")

    def parallel_page_of(self, document: str) -> str:
        """The parallel page a page links: its own, else the site's first ("" for none)."""
        return self.parallel_pages.get(document) or next(iter(self.parallel_pages.values()), "")

    def parallel_document(self, page: str) -> str | None:
        """The document ``page`` shows beside the source text, if it is a parallel page."""
        return next((doc for doc, name in self.parallel_pages.items() if name == page), None)

    @property
    def single_version_pages(self) -> frozenset[str]:
        """Pages that are no language version of one page: the parallel pages (translations
        only) and the Leichte Sprache page (source language only)."""
        return frozenset({*self.parallel_pages.values(), *filter(None, [self.easy_read])})


def _language_problems(site: SiteConfig) -> Iterator[str]:
    if not site.plural_forms:
        yield "site_languages names no language"
        return
    for code, rule in site.plural_forms.items():
        if not _babel_knows(code):
            yield f"site_languages: Babel has no locale data for {code!r}"
        parsed = parse_rule(rule) if isinstance(rule, str) else None
        if parsed is None or parsed.forms() is None:
            yield (
                f"site_languages: {code!r} needs its gettext Plural-Forms, like "
                f"'nplurals=2; plural=(n != 1);', not {rule!r}"
            )
    if site.source_language != site.codes[0]:
        yield (
            f"site_source_language {site.source_language!r} must be the first of site_languages "
            f"({', '.join(site.codes)}): the switcher shows the source language first"
        )
    for code, locale in site.format_locales.items():
        if code not in site.plural_forms:
            yield f"site_format_locales: {code!r} is not one of site_languages"
        if not isinstance(locale, str) or not _babel_knows(locale):
            yield f"site_format_locales: Babel has no locale data for {locale!r} ({code})"


def _document_problems(site: SiteConfig) -> Iterator[str]:
    for name, files in (("site_pdfs", site.pdfs), ("site_parallel_pages", site.parallel_pages)):
        for document, file in files.items():
            if not isinstance(document, str) or not isinstance(file, str) or "/" in file:
                yield f"{name}: {document!r} → {file!r} is not a document and a file name"
    for document, file in site.pdfs.items():
        if isinstance(file, str) and not file.endswith(".pdf"):
            yield f"site_pdfs: {document!r} → {file!r} does not end in .pdf"
    pages = list(site.parallel_pages.values())
    if len(set(pages)) != len(pages):
        yield f"site_parallel_pages: two documents share a page name ({', '.join(pages)})"


def _babel_knows(code: object) -> bool:
    try:
        Locale.parse(str(code).replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return False
    return True


def read_site_config(conf_dir: Path, source_dir: Path | None = None) -> SiteConfig:
    """conf.py's site values, as Sphinx reads them for a build; anything the pipeline
    cannot build from stops here, naming the value. With ``source_dir``, every document
    a value names must be there."""
    conf = conf_dir / "conf.py"
    try:
        config = Config.read(conf_dir, overrides={}, tags=Tags())
    except ConfigError as error:
        raise ConfigurationError(
            f"Sphinx cannot read the configuration: {error}",
            path=conf,
            hint="fix conf.py and run again",
        ) from error
    add_to(config)
    with _sphinx_warnings() as problems:
        check_confval_types(None, config)  # Sphinx's type check, as a build runs it
    site = None if problems else SiteConfig.from_config(config)
    if site is not None:
        problems += site.problems()
    if site is not None and source_dir is not None and not problems:
        problems += [
            f"{value} names the document {doc!r}, but there is no {doc}.rst in {source_dir}"
            for doc, value in site.documents.items()
            if not (source_dir / f"{doc}.rst").is_file()
        ]
    if site is None or problems:
        more = f" (and {len(problems) - 1} more: {'; '.join(problems[1:])})" if problems[1:] else ""
        raise ConfigurationError(
            problems[0] + more,
            path=conf,
            hint="the project's data are site values in conf.py (site_languages, "
            "site_source_language, site_glossary…): fix them and run again",
        )
    return site


@contextmanager
def _sphinx_warnings() -> Iterator[list[str]]:
    """What Sphinx's logger warns while the configuration is checked (outside a build
    nobody else prints it)."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger(NAMESPACE)
    handler = Collect(level=logging.WARNING)
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)


def easy_read_source(document: str) -> str:
    """The document's source file, as Sphinx's ``exclude_patterns`` names it."""
    return f"{document}.rst"
