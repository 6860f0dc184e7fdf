"""The main job split over machines: one shard per language, then one assembly.

``i18n-pipeline shard --language fa --out DIR`` runs the main job's steps for one
language (check, build, output check, audit) and writes a shard
(:mod:`i18n_pipeline.jobs.shard`). ``i18n-pipeline assemble DIR…`` verifies the shards
against this checkout, writes the pages that span languages (start page, sitemap,
status pages) with the same functions the one-machine build uses, and hands the
release to the main job's own last steps (output check, statistics, audit,
atomic publish): the published site is byte-identical to ``i18n-pipeline site``'s.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from i18n_pipeline.audit.command import audit_and_report
from i18n_pipeline.audit.run import AuditSettings
from i18n_pipeline.build.languages import (
    build_languages,
    input_digests,
    read_configuration,
    write_site_pages,
)
from i18n_pipeline.build.release import (
    LanguageBuild,
    Release,
    discard,
    new_release_dir,
    set_aside,
)
from i18n_pipeline.catalogs.snapshot import Snapshot, take_snapshot
from i18n_pipeline.catalogs.stats import collect_stats, write_stats_json
from i18n_pipeline.errors import ShardError
from i18n_pipeline.jobs.shard import (
    MANIFEST,
    Shard,
    ShardManifest,
    copy_pages,
    export_audit_results,
    file_digests,
    import_audit_results,
    read_shard,
    verify_shards,
    write_manifest,
)
from i18n_pipeline.jobs.site import Steps, check_inputs, output_check, report_audit_publish
from i18n_pipeline.jobs.site_languages import site_languages
from i18n_pipeline.lock import project_lock
from i18n_pipeline.project import Project


def run_shard(
    project: Project, code: str, out: Path, *, fresh: bool = False, jobs: int | None = None
) -> int:
    """Check, build and audit one language into the shard ``out``; 0 when it passed.

    ``shard.json`` is written last, when every step passed: a failed or killed run
    leaves none, and the assembly refuses the directory.
    """
    lang = project.config.language(code)
    steps = Steps(4)
    seconds: dict[str, float] = {}
    started = clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        seconds[name] = round(time.perf_counter() - clock, 2)
        clock = time.perf_counter()

    with project_lock(project, exclusive=True):
        _clear_output(out)
        out.mkdir(parents=True)
        try:
            steps.next(f"read and check the PO files of {lang.code} ({lang.english_name})")
            german = lang.code == project.config.source_language
            snapshot = check_inputs(
                project, [] if german else [lang], fresh, out / "reports", easy_read=german
            )
            if not german:
                stats = collect_stats(project, [lang], snapshot)
                write_stats_json(stats, out / "reports" / "stats.json")
            lap("check")
            steps.next(f"build {lang.code}")
            site = out / "site"
            built = build_languages(project, snapshot, [lang], site, fresh=fresh, jobs=jobs)
            lap("build")
            steps.next("output check (script, links, files, security policy)")
            output_check(project, site, built.base_url)
            lap("output check")
            steps.next(f"accessibility audit of {lang.code} (its pages and PDF)")
            # The site's languages, as the assembly's audit has them: the same cache keys.
            languages = site_languages(site, project)
            settings = AuditSettings(
                site, project.cache_dir, fresh=fresh, alternates=False, languages=languages
            )
            verdict, result = audit_and_report(settings, out / "reports")
            lap("audit")
            if verdict or result is None:
                rejected = set_aside(project, site, "rejected")
                print(f"the rejected pages are in {rejected}", file=sys.stderr)
            else:
                keys = [page.cache_key for page in result.pages if not page.tool_failure]
                export_audit_results(keys, settings.results_dir, out)
                seconds["total"] = round(time.perf_counter() - started, 2)
                # Last: a shard.json says that everything above passed.
                status = built.results[0].status
                manifest = ShardManifest(
                    lang.code,
                    built.shared,
                    built.fingerprints[lang.code],
                    status,
                    seconds,
                    file_digests(out),
                )
                write_manifest(out, manifest)
        except BaseException:
            shutil.rmtree(out, ignore_errors=True)
            raise
    if verdict:
        print(
            f"\nno shard: the audit failed (exit {verdict}); its reports are in {out}",
            file=sys.stderr,
        )
        return verdict
    print(f"\nwrote the shard of {lang.code} to {out} ({seconds['total']:.1f} s)")
    return 0


def run_assemble(project: Project, directories: list[Path], *, reaudit: bool = False) -> int:
    """Verify the shards, assemble the site from them and publish it as ``site`` does.

    With ``reaudit``, the shards' audit results are not taken: every page is audited
    here (a shard job could forge its own pages' result, docs/maintainers.md).
    """
    steps = Steps(5)
    with project_lock(project, exclusive=True):
        steps.next(f"verify {len(directories)} shard(s) against this checkout")
        documents = project.documents()
        shards = [read_shard(directory, project.config, documents) for directory in directories]
        snapshot = take_snapshot(project, project.config.translations)
        snapshot.require_readable()
        languages = project.config.languages
        config, base_url = read_configuration(project)  # one Sphinx start for both
        shared, expected = input_digests(project, snapshot, languages, config)
        verify_shards(shards, shared, expected)
        # The PO checks again, on this checkout's files: a shard's own report is not trusted.
        translations = project.config.translations
        check_inputs(project, translations, False, project.reports_dir, snapshot=snapshot)
        by_language = {shard.language: shard for shard in shards}
        print(f"{len(shards)} shard(s), one per language, all built from inputs {shared[:12]}…")

        steps.next("assemble: every language's pages, start page, sitemap, status pages")
        ordered = [by_language[lang.code] for lang in languages]
        release = _assemble_release(project, ordered, snapshot, expected, base_url, reaudit)
        try:
            steps.next("output check (script, links, files, security policy)")
            output_check(project, release.path, release.base_url)
        except BaseException:
            discard(release.path)
            raise
        return report_audit_publish(project, release, steps, fresh=False)


def _assemble_release(
    project: Project,
    shards: list[Shard],
    snapshot: Snapshot,
    fingerprints: dict[str, str],
    base_url: str,
    reaudit: bool,
) -> Release:
    """A release of the shards' pages (in the order of the languages) and the pages that
    span languages; the checks' findings merged into ``checks.json`` and the shards'
    audit results into the audit cache."""
    languages = project.config.languages
    release = new_release_dir(project)
    try:
        for shard in shards:
            copy_pages(shard, release / shard.language)
        stats = collect_stats(project, snapshot=snapshot)
        readability, _ = write_site_pages(release, languages, base_url, stats, project)
        results_dir = AuditSettings(release, project.cache_dir).results_dir
        imported = 0 if reaudit else sum(import_audit_results(s, results_dir) for s in shards)
    except BaseException:
        discard(release)
        raise
    print(f"took {imported} audit result(s) from the shards")
    results = [
        LanguageBuild(shard.language, shard.manifest.build, shard.manifest.seconds.get("build", 0))
        for shard in shards
    ]
    return Release(release, results, fingerprints, stats, base_url, readability)


def _clear_output(out: Path) -> None:
    """Remove an earlier shard at ``out``; refuse to touch a directory that is not one."""
    if not out.exists():
        return
    parts = {MANIFEST, "site", "reports", "audit-results"}
    if out.is_dir() and not out.is_symlink() and {p.name for p in out.iterdir()} <= parts:
        shutil.rmtree(out)  # a shard, the rest of a failed one, or empty
        return
    raise ShardError(
        f"{out} exists and is not a shard: nothing was written",
        path=out,
        hint="pass an empty or new directory to --out",
    )
