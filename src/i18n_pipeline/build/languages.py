"""The build (`site`, after the PO check): every language from the snapshot into a release, plus
start page and sitemap.

Languages build in parallel (one process each, as many as there are cores). Each
keeps its own Sphinx environment under ``_build/cache/doctrees/<lang>``, and a
language whose inputs did not change is carried over from the previous release
instead of being rebuilt. Sphinx reads the translations only as ``.mo`` files
compiled from the checked snapshot into a build-private directory, never from
``locales/``. The release is published only by the main job, after every check.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import re
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager, nullcontext
from dataclasses import asdict, dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

from i18n_pipeline import timings
from i18n_pipeline.build.app import run_sphinx
from i18n_pipeline.build.landing import (
    link_pages,
    shown_pdf_sizes,
    write_landing_page,
    write_status_page,
)
from i18n_pipeline.build.release import (
    LanguageBuild,
    Release,
    carry_over,
    current_release,
    discard,
    fingerprints_file,
    new_release_dir,
)
from i18n_pipeline.build.site_pages import site_pages
from i18n_pipeline.build.sitemap import write_sitemap
from i18n_pipeline.build.worker_logs import forwarded_logs
from i18n_pipeline.cache.fingerprint import (
    PAGES_ABOVE,
    config_values,
    language_digest,
    load_fingerprints,
    pages_above_digest,
    shared_inputs_digest,
)
from i18n_pipeline.cache.unchanged import Configuration
from i18n_pipeline.catalogs.readability import Readability, measure_site
from i18n_pipeline.catalogs.snapshot import Snapshot, write_locale_dir
from i18n_pipeline.catalogs.stats import LanguageStats, collect_stats
from i18n_pipeline.config.languages import Language
from i18n_pipeline.project import Project
from i18n_pipeline.sphinxext.theme import THEME_DIR
from i18n_pipeline.timings import stage

logger = logging.getLogger(__name__)


def _build_language(
    root: str,
    code: str,
    outdir: str,
    locale_dir: str,
    page_facts: tuple[dict[str, str], dict[str, dict[str, str]]],
    fresh: bool,
) -> tuple[str, float, list[tuple[str, float]]]:
    """Build one language; ``page_facts`` are its review dates and provenance per page.
    Returns the seconds it took, and the stages its process timed (the PDFs)."""
    review_dates, provenance = page_facts
    timings.take()  # a forked worker starts with its parent's stages: not its own
    started = time.perf_counter()
    project = Project(Path(root))
    run_sphinx(
        project,
        "html",
        Path(outdir),
        project.doctree_dir(code),
        language=code,
        overrides={
            "locale_dirs": [locale_dir] if locale_dir else [],
            "site_review_dates": review_dates,
            "site_provenance": provenance,
        },
        fresh=fresh,
    )
    return code, time.perf_counter() - started, timings.take()


def build_release(
    project: Project,
    snapshot: Snapshot,
    *,
    fresh: bool = False,
    jobs: int | None = None,
    workers: BuildWorkers | None = None,
    last_builds: Callable[[], None] | None = None,
    configuration: Configuration | None = None,
) -> Release:
    """Build all languages from ``snapshot`` into a new release directory, not yet published;
    in ``workers``, if given (:func:`build_workers`). ``last_builds`` is called as the last
    language builds begin (never when every language is carried over).
    ``configuration``, if given, is conf.py's as a previous build read it (unchanged since).

    The caller holds the project lock, and either publishes the release with
    :func:`~i18n_pipeline.build.release.publish` or removes it with :func:`discard`.
    """
    languages = project.config.languages
    release = new_release_dir(project)
    try:
        built = build_languages(
            project,
            snapshot,
            languages,
            release,
            fresh=fresh,
            jobs=jobs,
            workers=workers,
            last_builds=last_builds,
            configuration=configuration,
        )
        with stage("statistics"):
            stats = collect_stats(project, snapshot=snapshot)
        with stage("pages above the languages"):
            published = None if fresh else _published_pages(project)
            readability, above = write_site_pages(
                release, languages, built.base_url, stats, project, built.shared, published
            )
    except BaseException:
        discard(release)
        raise
    fingerprints = {**built.fingerprints, PAGES_ABOVE: above}
    return Release(
        release, built.results, fingerprints, stats, built.base_url, readability, built.shared
    )


def _published_pages(project: Project) -> tuple[Path, str] | None:
    """The published site and the digest its pages above the languages were made from."""
    site = current_release(project)
    digest = load_fingerprints(fingerprints_file(project)).get(PAGES_ABOVE)
    return (site, digest) if site is not None and digest else None


@dataclass(frozen=True)
class LanguagesBuilt:
    """What :func:`build_languages` did, and the digests of the inputs it built from."""

    results: list[LanguageBuild]  # in the order of the languages asked for
    fingerprints: dict[str, str]  # language → :func:`fingerprint.language_digest`
    base_url: str  # html_baseurl as Sphinx loaded it from conf.py (SITE_BASE_URL)
    shared: str  # :func:`fingerprint.shared_inputs_digest`, what every language shares


def read_configuration(project: Project) -> tuple[dict[str, object], str]:
    """Sphinx's configuration, read by Sphinx: its plain values and the base URL. Its app
    is gone before the language builds fork (they would inherit the roles and nodes it
    registered with docutils)."""
    with site_pages(project) as pages:
        return config_values(pages.config), pages.base_url


def input_digests(
    project: Project,
    snapshot: Snapshot,
    languages: list[Language],
    config: dict[str, object] | None = None,
) -> tuple[str, dict[str, str]]:
    """The digest of the inputs every language shares, and each language's own input
    digest: what the build is keyed by, locally and on CI.

    ``config`` is :func:`read_configuration`'s, when the caller has it already.
    """
    config = read_configuration(project)[0] if config is None else config
    shared = shared_inputs_digest(project, config, THEME_DIR)
    return shared, language_digests(shared, snapshot, languages)


def language_digests(shared: str, snapshot: Snapshot, languages: list[Language]) -> dict[str, str]:
    """Each language's input digest, from the digest every language shares."""
    return {lang.code: language_digest(shared, snapshot.digest(lang.code)) for lang in languages}


def build_languages(
    project: Project,
    snapshot: Snapshot,
    languages: list[Language],
    release: Path,
    *,
    fresh: bool = False,
    jobs: int | None = None,
    workers: BuildWorkers | None = None,
    last_builds: Callable[[], None] | None = None,
    configuration: Configuration | None = None,
) -> LanguagesBuilt:
    """Build ``languages`` into ``release/<code>``; a language whose inputs are those of
    the published site is carried over from it instead. Nothing else is written.

    The builds run in ``workers`` if given (see :func:`build_workers`), else in a pool
    of ``jobs`` processes started here."""
    snapshot.require_readable()
    published = {} if fresh else load_fingerprints(fingerprints_file(project))
    with stage("fingerprint"):
        if configuration is None:
            config, base_url = read_configuration(project)
            shared, wanted = input_digests(project, snapshot, languages, config)
        else:  # what a previous build read of conf.py, unchanged since: no Sphinx start
            shared, base_url = configuration.shared, configuration.base_url
            wanted = {
                lang.code: language_digest(shared, snapshot.digest(lang.code)) for lang in languages
            }
    old_site = None if fresh else current_release(project)
    results: list[LanguageBuild] = []
    to_build = []
    for lang in languages:
        previous = old_site / lang.code if old_site else None
        if previous and previous.is_dir() and published.get(lang.code) == wanted[lang.code]:
            carry_over(previous, release / lang.code)
            results.append(LanguageBuild(lang.code, "reused", 0.0))
            logger.info("  %s: unchanged, reused", lang.code)
        else:
            to_build.append(lang)
    locale_dirs = {
        lang.code: ""
        if lang.code == project.config.source_language
        else str(write_locale_dir(snapshot, lang.code, project.cache_dir))
        for lang in to_build
    }
    with stage("build (all languages, side by side)"):
        if to_build:
            pool = (
                nullcontext(workers) if workers is not None else build_workers(len(to_build), jobs)
            )
            with pool as used:
                results += _build_languages(
                    project, snapshot, to_build, release, locale_dirs, fresh, used, last_builds
                )
    order = [lang.code for lang in languages]
    ordered = sorted(results, key=lambda r: order.index(r.code))
    return LanguagesBuilt(ordered, wanted, base_url, shared)


def write_site_pages(
    release: Path,
    languages: list[Language],
    base_url: str,
    stats: list[LanguageStats],
    project: Project,
    shared: str = "",
    published: tuple[Path, str] | None = None,
) -> tuple[list[Readability], str]:
    """The pages that span languages: start page, sitemap and status pages; every
    language's directory must be there. Returns each page's readability, and the digest
    of what the start and status pages are made from (``shared``, what every language
    shares, is part of it).

    ``published``: the published site and that digest of its pages. When they are made
    from the same, they are linked from it, not rendered again (an edit that changes no
    count, no readability figure and no PDF size starts no Sphinx here)."""
    write_sitemap(release, languages, base_url)
    readability = measure_site(release, project.config, project.cache_dir / "readability")
    shown = {
        "base_url": base_url,
        "languages": [lang.code for lang in languages],
        "stats": [asdict(row) for row in stats],
        "readability": [asdict(figure) for figure in readability],
        "pdf_sizes": shown_pdf_sizes(release, project.config, languages),
    }
    digest = pages_above_digest(project, shared, shown)
    if published is not None and published[1] == digest and link_pages(published[0], release):
        logger.info("  pages above the languages: unchanged, reused")
        return readability, digest
    with site_pages(project) as pages:  # title, date and base URL: conf.py's, through Sphinx
        write_landing_page(release, pages, languages)
        write_status_page(release, pages, stats, readability)
    return readability, digest


def provenance(project: Project, snapshot: Snapshot, code: str) -> dict[str, dict[str, str]]:
    """Per document: a digest of its German source, and the day its translation last
    changed (the PO file's ``PO-Revision-Date``); from the inputs, never the clock."""
    facts = {}
    for catalog in snapshot.of(code):
        source = project.source_dir / f"{catalog.domain}.rst"
        if source.is_file():
            changed = catalog.header.get("PO-Revision-Date", "")[:10]
            facts[catalog.domain] = {
                "revision": hashlib.sha256(source.read_bytes()).hexdigest()[:12],
                "changed": changed if re.fullmatch(r"\d{4}-\d{2}-\d{2}", changed) else "",
            }
    return facts


@contextmanager
def build_workers(
    languages: int, jobs: int | None = None, *, prepare_pdfs: bool = False
) -> Iterator[BuildWorkers]:
    """Processes for up to ``languages`` language builds, one per core (or ``jobs``), whose
    logs reach this process; no worker outlives the block.

    With ``prepare_pdfs``, the workers start at once and each imports WeasyPrint while
    this process goes on (with the PO check, in the main job), so that a one-language
    rebuild does not wait for it. Each of them, because a pool's task goes
    to whichever worker is free.
    """
    size = max(1, min(jobs or os.cpu_count() or 1, languages))
    with forwarded_logs() as logging_options:
        helpers = set(multiprocessing.active_children())  # the log queue's manager
        pool = ProcessPoolExecutor(
            max_workers=size,
            initializer=_start_worker,
            initargs=(logging_options, prepare_pdfs),
        )
        try:
            if prepare_pdfs:
                pool.submit(int)  # forks every worker now (the fork start method)
            yield BuildWorkers(pool, size)
        except BaseException:
            # Cancel what has not started, stop what has. SIGKILL: a worker has nothing
            # to clean up, and SIGTERM (KeyboardInterrupt, cli.py) can be swallowed by an
            # import in progress, leaving the worker waiting on the lock of the pool's
            # queue that a killed one held, for ever.
            pool.shutdown(wait=False, cancel_futures=True)
            workers = set(multiprocessing.active_children()) - helpers
            for child in workers:
                child.kill()
            for child in workers:
                child.join()
            raise
        pool.shutdown()


@dataclass(frozen=True)
class BuildWorkers:
    """The language builds' process pool (:func:`build_workers`) and its size."""

    pool: ProcessPoolExecutor
    size: int


def _start_worker(logging_options: dict[str, Any], prepare_pdfs: bool) -> None:
    """A worker's first step: its logs go to the parent; it imports what printing a PDF
    imports, if the site prints PDFs."""
    logging_options["initializer"](*logging_options["initargs"])
    if prepare_pdfs:
        import_module("weasyprint")
        import_module("weasyprint.pdf.tags")


def _build_languages(
    project: Project,
    snapshot: Snapshot,
    languages: list[Language],
    release: Path,
    locale_dirs: dict[str, str],
    fresh: bool,
    workers: BuildWorkers,
    last_builds: Callable[[], None] | None = None,
) -> list[LanguageBuild]:
    logger.info(
        "building %d language(s) with %d worker(s)",
        len(languages),
        min(workers.size, len(languages)),
    )
    results = []
    futures = [
        workers.pool.submit(
            _build_language,
            str(project.root),
            lang.code,
            str(release / lang.code),
            locale_dirs[lang.code],
            (snapshot.review_dates(lang.code), provenance(project, snapshot, lang.code)),
            fresh,
        )
        for lang in languages
    ]
    # The last builds begin as as many others have ended: ``last_builds`` then (what it
    # starts shares the cores with those builds only).
    queued = len(languages) - workers.size
    if last_builds is not None and queued <= 0:
        last_builds()
    for done, future in enumerate(as_completed(futures), start=1):
        if last_builds is not None and done == queued:
            last_builds()
        code, seconds, stages = future.result()
        results.append(LanguageBuild(code, "built", seconds))
        timings.add(f"build {code}", seconds)
        for name, spent in stages:
            timings.add(name, spent)
        logger.info("  [%d/%d] %s: built in %.2f s", done, len(languages), code, seconds)
    return results
