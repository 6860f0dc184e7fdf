"""One snapshot of every translation: read once, checked, and built from the same bytes.

A PO file can change between the check and the build (a translator saves, a
pull request is updated, an editor compiles a ``.mo`` beside it). So the main job
reads every PO file once into a :class:`Snapshot`; the checks, the statistics
and the build all use it, and the build compiles its ``.mo`` files from it into a
directory of its own (:func:`write_locale_dir`), never reading ``locales/``.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from i18n_pipeline.catalogs.catalog import CatalogFile, read_catalog
from i18n_pipeline.catalogs.review import Review, load_reviews, page_review_date, reviews_file
from i18n_pipeline.config.languages import Language
from i18n_pipeline.config.site_config import easy_read_source
from i18n_pipeline.errors import CatalogSyntaxError, InputMissingError
from i18n_pipeline.io import refuse_unsafe_tree, write_atomically
from i18n_pipeline.project import Project, catalog_info

#: PO files read at once (each by GNU msgfmt in a process of its own, then parsed).
READERS = 4
#: The domain of the theme's strings (skip link, switcher, footer): Sphinx's own name.
CHROME_DOMAIN = "sphinx"


@dataclass(frozen=True)
class Snapshot:
    """Every PO file of the given languages, read once; and what could not be read."""

    catalogs: dict[str, tuple[CatalogFile, ...]]
    problems: tuple[CatalogSyntaxError, ...] = field(default=())
    reviews: dict[str, dict[str, Review]] = field(default_factory=dict)

    def of(self, code: str) -> tuple[CatalogFile, ...]:
        return self.catalogs.get(code, ())

    def reviews_of(self, code: str) -> dict[str, Review]:
        return self.reviews.get(code, {})

    def page_catalogs(self, code: str, document: str) -> tuple[CatalogFile, ...]:
        """The catalogs one page is made of: its document's and the page chrome's."""
        return tuple(c for c in self.of(code) if c.domain in (document, CHROME_DOMAIN))

    def review_dates(self, code: str) -> dict[str, str]:
        """For each document, the day its page was fully reviewed ("" while it is not)."""
        return {
            catalog.domain: page_review_date(
                self.page_catalogs(code, catalog.domain), self.reviews_of(code)
            )
            for catalog in self.of(code)
            if catalog.domain != CHROME_DOMAIN
        }

    def digest(self, code: str) -> str:
        """One language's compiled catalogs by name, and its reviews: exactly what its
        pages are built from (the footer says whether a page was reviewed)."""
        digest = hashlib.sha256()
        for catalog in self.of(code):
            digest.update(f"{catalog.domain}\0{catalog.digest}\0".encode())
        digest.update(repr(sorted(self.review_dates(code).items())).encode())
        return digest.hexdigest()

    def require_readable(self) -> None:
        """Stop on the first file that could not be read (the checks list them all)."""
        if self.problems:
            raise self.problems[0]


def expected_domains(project: Project) -> list[str]:
    """One catalog per translated source document, and the page chrome's (the
    Leichte Sprache page is German only: no catalog)."""
    easy_read = project.config.easy_read
    german_only = easy_read_source(easy_read) if easy_read else None
    documents = sorted(p.stem for p in project.source_dir.glob("*.rst") if p.name != german_only)
    if not documents:
        raise InputMissingError(
            "no source document (*.rst) found",
            path=project.source_dir,
            hint="restore source/ from the repository",
        )
    return [*documents, CHROME_DOMAIN]


def take_snapshot(project: Project, languages: list[Language]) -> Snapshot:
    """Read every language's PO files; a missing or stray file stops the run, and so does
    anything in ``source/`` that is no regular file of the checkout."""
    refuse_unsafe_tree(project.source_dir, project.root)
    domains = expected_domains(project)
    reviews = {lang.code: load_reviews(reviews_file(project.root, lang.code)) for lang in languages}
    for lang in languages:
        stray = sorted({catalog.domain for catalog in project.catalogs(lang.code)} - set(domains))
        if stray:
            raise InputMissingError(
                f"{project.po_file(lang.code, stray[0])} translates a document that does not "
                f"exist: source/{stray[0]}.rst is missing",
                path=project.source_dir / f"{stray[0]}.rst",
                hint="restore the source document, or remove the PO files of a document "
                "that was deleted on purpose",
            )
        for domain in domains:
            path = project.po_file(lang.code, domain)
            if not (path.exists() or path.is_symlink()):  # anything else, the reader judges
                raise InputMissingError(
                    f"the {lang.english_name} translation has no PO file for {domain!r}",
                    path=path,
                    hint=f"restore it from the repository, or run 'tox -e update -- {lang.code}' "
                    "to create it; nothing was built",
                )
    codes = [lang.code for lang in languages for _ in domains]
    paths = [project.po_file(lang.code, domain) for lang in languages for domain in domains]
    # Each file is read by GNU msgfmt in a process of its own: a few at once, in order.
    with ThreadPoolExecutor(max_workers=READERS) as pool:
        outcomes = list(pool.map(_read, paths, codes, repeat(project.root)))
    catalogs: dict[str, tuple[CatalogFile, ...]] = {lang.code: () for lang in languages}
    problems: list[CatalogSyntaxError] = []
    for code, outcome in zip(codes, outcomes, strict=True):
        if isinstance(outcome, CatalogSyntaxError):
            problems.append(outcome)
        else:
            catalogs[code] += (outcome,)
    return Snapshot(catalogs, tuple(problems), reviews)


def _read(path: Path, language: str, root: Path) -> CatalogFile | CatalogSyntaxError:
    try:
        return read_catalog(path, language, root)
    except CatalogSyntaxError as problem:
        return problem


def write_locale_dir(snapshot: Snapshot, code: str, cache_dir: Path) -> Path:
    """The snapshot's ``.mo`` files for ``code`` in a build-private ``locale_dirs`` entry.

    The directory is named by the catalogs' digest, so a build can never pick up
    a ``.mo`` from other text, and equal input reuses it.
    """
    root = cache_dir / "catalogs" / f"{code}-{snapshot.digest(code)[:16]}"
    for catalog in snapshot.of(code):
        target = Path(catalog_info(root, code, catalog.domain).mo_path)
        if not target.is_file() or target.read_bytes() != catalog.mo:
            write_atomically(target, catalog.mo)
    return root
