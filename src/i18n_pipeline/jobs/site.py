"""The main job, and the only path that publishes: snapshot → check → build → output
check → stats → audit → publish.

Every PO file is read once into a snapshot under the project lock; the checks,
the statistics and the build all use that snapshot, so the pages are built from
exactly the bytes that were checked. :func:`_gate` is that sequence up to the
output check, the same for every command that builds. The new site is a release
directory until the output check and the audit have passed it; a failed step
leaves the published ``_build/site`` byte-identical, and a rejected build is
kept in ``_build/rejected/`` for inspection.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from i18n_pipeline.build.languages import build_release, build_workers
from i18n_pipeline.build.release import LanguageBuild, Release, discard, publish, set_aside
from i18n_pipeline.cache.unchanged import (
    Configuration,
    InputState,
    catalog_changes,
    input_state,
    record_published,
    recorded_files,
)
from i18n_pipeline.catalogs.snapshot import Snapshot, take_snapshot
from i18n_pipeline.catalogs.stats import report_stats
from i18n_pipeline.checks.command import print_findings, write_checks_report
from i18n_pipeline.checks.output import verify_site
from i18n_pipeline.checks.runner import check_easy_read_page, check_snapshot
from i18n_pipeline.config.languages import Language
from i18n_pipeline.errors import PipelineError
from i18n_pipeline.findings import Finding, Severity
from i18n_pipeline.lock import project_lock
from i18n_pipeline.project import Project
from i18n_pipeline.timings import stage

if TYPE_CHECKING:
    from i18n_pipeline.audit.browser_tools import EarlyRunner

logger = logging.getLogger(__name__)


def run_site(
    project: Project, *, fresh: bool = False, jobs: int | None = None, audit: bool = True
) -> int:
    """Run every step in order; stop at the first that fails, else publish and return 0.

    Without the audit, the build goes to ``_build/scratch`` and nothing is published.
    """
    steps = Steps(5 if audit else 4)
    with project_lock(project, exclusive=True), EarlyAudit(project, audit) as early:
        with stage("record of the inputs"):
            inputs = _inputs_now(project)
        changed = None if fresh or inputs is None else catalog_changes(project, inputs)
        to_build = len(changed.languages) if changed is not None else None
        known = changed.configuration if changed is not None else None
        release = _gate(project, fresh, jobs, steps, to_build, early.start, known)
        return report_audit_publish(
            project, release, steps, fresh=fresh, audit=audit, inputs=inputs, early=early.runner
        )


class EarlyAudit:
    """The audit's runner, started as the last language builds begin: its browser starts
    while they run (a run that builds nothing starts none), and the builds before them
    have the cores to themselves. Closed when the run ends, however it ends."""

    def __init__(self, project: Project, audit: bool) -> None:
        self.project, self.audit = project, audit
        self.runner: EarlyRunner | None = None

    def start(self) -> None:
        from i18n_pipeline.audit.browser_tools import start_early_runner

        if self.audit and self.runner is None:
            self.runner = start_early_runner(self.project.cache_dir)

    def __enter__(self) -> EarlyAudit:
        return self

    def __exit__(self, *_: object) -> None:
        if self.runner is not None:
            self.runner.close()


def _inputs_now(project: Project) -> InputState | None:
    """What this run reads, as it starts: recorded once it has published, so that an
    unchanged next run can say so without loading anything (cache/unchanged.py). None
    when conf.py cannot even be run: the build then says why."""
    try:
        return input_state(project, recorded_files(project))
    except Exception:
        return None


def report_audit_publish(
    project: Project,
    release: Release,
    steps: Steps,
    *,
    fresh: bool,
    audit: bool = True,
    inputs: InputState | None = None,
    early: EarlyRunner | None = None,
) -> int:
    """The statistics report, the audit of the whole release, and the atomic publish:
    the last steps of the main job, for a release built here or assembled from shards.

    The caller holds the project lock; the release passed the output check.
    """
    from i18n_pipeline.audit.command import run_audit
    from i18n_pipeline.audit.run import AuditSettings
    from i18n_pipeline.jobs.site_languages import site_languages

    try:
        steps.next("translation statistics")
        with stage("statistics report"):
            report_stats(release.stats, project.reports_dir, release.readability)
        if not audit:
            scratch = set_aside(project, release.path, "scratch")
            print(f"\nnot published (no audit): the build is in {scratch}")
            return 0
        steps.next("accessibility audit (before publishing)")
        languages = site_languages(release.path, project)
        settings = AuditSettings(
            release.path, project.cache_dir, fresh=fresh, languages=languages, early=early
        )
        code = run_audit(settings, project.reports_dir, site_label=project.site_dir)
        if code:
            rejected = set_aside(project, release.path, "rejected")
            print(
                f"\nnot published: {project.site_dir} was left as it was; the rejected "
                f"build, with the pages named above, is in {rejected}",
                file=sys.stderr,
            )
            print(f"\nstopped: accessibility audit failed (exit {code})", file=sys.stderr)
            return code
    except BaseException:
        discard(release.path)
        raise
    with stage("publish"):
        publish(project, release)
        if inputs is not None:
            configuration = Configuration(release.shared, release.base_url)
            record_published(project, inputs, release.path, configuration)
    built = sum(result.status == "built" for result in release.results)
    print(
        f"\npublished {project.site_dir} ({built} language(s) built, "
        f"{len(release.results) - built} unchanged)"
    )
    return 0


def build_scratch(
    project: Project, *, fresh: bool = False, jobs: int | None = None
) -> tuple[Path, list[LanguageBuild]]:
    """``i18n-pipeline build``: check and build into ``_build/scratch``; publish nothing."""
    with project_lock(project, exclusive=True):
        release = _gate(project, fresh, jobs, Steps(3))
        return set_aside(project, release.path, "scratch"), release.results


def build_site(
    project: Project, *, fresh: bool = False, jobs: int | None = None
) -> list[LanguageBuild]:
    """Check, build, verify and publish without the browser audit.

    For the tests of the build only (no command calls it): the audit has tests
    of its own, and a browser per build would make them minutes slower.
    """
    with project_lock(project, exclusive=True):
        release = _gate(project, fresh, jobs, Steps(3))
        publish(project, release)
    return release.results


class Steps:
    """Numbers the steps as they run: ``==> [2/5] build all languages``."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0

    def next(self, title: str) -> None:
        self.done += 1
        logger.info("\n==> [%d/%d] %s", self.done, self.total, title)


def _gate(
    project: Project,
    fresh: bool,
    jobs: int | None,
    steps: Steps,
    to_build: int | None = None,
    last_builds: Callable[[], None] | None = None,
    configuration: Configuration | None = None,
) -> Release:
    """Snapshot → check → build → output check; a release that passed all of them.
    ``to_build``: how many languages' files changed, when only theirs did (one edit needs
    one build process, not a process per core). ``last_builds`` is called as the last
    language builds begin; ``configuration`` is conf.py's as the published run read it,
    when nothing but PO files changed since.

    Stops with an error naming the file, line and check of the first problem
    (every finding is printed first); nothing is published here.
    """
    steps.next("read and check PO files")
    # The build's processes start first, and import the PDF printer while this one checks.
    languages = max(1, to_build) if to_build is not None else len(project.config.languages)
    with build_workers(languages, jobs, prepare_pdfs=bool(project.config.pdfs)) as workers:
        with stage("check"):
            translations = project.config.translations
            snapshot = check_inputs(project, translations, fresh, project.reports_dir)
        steps.next("build all languages")
        release = build_release(
            project,
            snapshot,
            fresh=fresh,
            workers=workers,
            last_builds=last_builds,
            configuration=configuration,
        )
    steps.next("output check (script, links, files, security policy)")
    with stage("output check"):
        output_check(project, release.path, release.base_url)
    return release


def check_inputs(
    project: Project,
    languages: list[Language],
    fresh: bool,
    reports_dir: Path,
    *,
    easy_read: bool = True,
    snapshot: Snapshot | None = None,
) -> Snapshot:
    """Read the languages' PO files once (unless ``snapshot`` has them) and check them, and
    the Leichte Sprache page (German only: ``easy_read``); ``checks.json`` goes to
    ``reports_dir``.

    The snapshot, if nothing is wrong; else an error naming the first problem.
    """
    snapshot = snapshot or take_snapshot(project, languages)
    findings = check_snapshot(project, snapshot, fresh=fresh)
    findings += check_easy_read_page(project, fresh=fresh) if easy_read else []
    write_checks_report(findings, reports_dir / "checks.json")
    errors = print_findings(findings)
    snapshot.require_readable()  # an unreadable file: its own error and exit code
    if errors:
        raise _first_error(findings)
    return snapshot


def output_check(project: Project, site: Path, base_url: str) -> None:
    """The built pages themselves (:mod:`i18n_pipeline.checks.output`); a problem stops the run,
    and the build is kept in ``_build/rejected``."""
    problems = verify_site(site, project, base_url)
    for problem in problems:
        print(problem.as_text(), file=sys.stderr)
    print(f"{len(problems)} problem(s) in the built pages")
    if problems:
        rejected = set_aside(project, site, "rejected")
        raise PipelineError(
            f"the built site fails the output check: {problems[0].message} ({problems[0].rule})",
            path=problems[0].path,
            line=problems[0].line or None,
            hint=f"{problems[0].fix}; nothing was published, the build is kept in {rejected}",
        )


def _first_error(findings: list[Finding]) -> PipelineError:
    errors = [f for f in findings if f.severity is Severity.ERROR]
    first = errors[0]
    here = sorted({f.rule for f in errors if (f.path, f.line) == (first.path, first.line)})
    return PipelineError(
        f"{first.message} ({', '.join(here)}; {len(errors)} error(s) in all)",
        path=first.path,
        line=first.line,
        hint="run 'tox -e check' for every finding; nothing was built",
    )
