"""The main job, and the only path that publishes: snapshot → check → build → stats →
output check → audit → publish.

Every PO file is read once into a snapshot under the project lock; the checks,
the statistics and the build all use that snapshot, so the pages are built from
exactly the bytes that were checked. The new site is a release directory until
the output check and the audit have passed it; a failed step leaves the
published ``_build/site`` byte-identical. A rejected build is kept in
``_build/rejected/`` for inspection.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from i18n_pipeline.build import (
    LanguageBuild,
    Release,
    build_release,
    publish_release,
    site_base_url,
)
from i18n_pipeline.checks.command import print_findings, write_checks_report
from i18n_pipeline.checks.model import Severity
from i18n_pipeline.checks.runner import check_snapshot
from i18n_pipeline.errors import EXIT_FINDINGS, PipelineError
from i18n_pipeline.languages import translations
from i18n_pipeline.lock import project_lock
from i18n_pipeline.project import Project
from i18n_pipeline.publish import discard
from i18n_pipeline.snapshot import Snapshot, take_snapshot
from i18n_pipeline.stats import report_stats
from i18n_pipeline.verify import verify_site

Progress = Callable[[str], None]


def run_site(
    project: Project, *, fresh: bool = False, jobs: int | None = None, audit: bool = True
) -> int:
    """Run every step in order; the exit code of the first that fails, else 0.

    Without the audit, the build goes to ``_build/scratch`` and nothing is published.
    """
    from i18n_pipeline.audit.command import run_audit
    from i18n_pipeline.audit.run import AuditSettings

    total = 5 if audit else 4
    with project_lock(project, exclusive=True):
        _title(1, total, "read and check PO files")
        snapshot = take_snapshot(project, translations())
        if not _checked(project, snapshot, fresh):
            return _stopped("check PO files", EXIT_FINDINGS)

        _title(2, total, "build all languages")
        release = build_release(project, snapshot, fresh=fresh, jobs=jobs)
        try:
            _title(3, total, "translation statistics")
            report_stats(release.stats, project.reports_dir)
            _title(4, total, "output check (script, links, files, security policy)")
            if not _verified(project, release):
                return _reject(project, release, "output check")
            if not audit:
                scratch = _keep_as_scratch(project, release)
                print(f"\nnot published (no audit): the build is in {scratch}")
                return 0
            _title(5, total, "accessibility audit (before publishing)")
            settings = AuditSettings(release.path, project.cache_dir, fresh=fresh)
            code = run_audit(settings, project.reports_dir, site_label=project.site_dir)
            if code:
                return _reject(project, release, "accessibility audit", code)
        except BaseException:
            discard(release.path)
            raise
        publish_release(project, release)
    built = sum(result.status == "built" for result in release.results)
    print(
        f"\npublished {project.site_dir} ({built} language(s) built, "
        f"{len(release.results) - built} unchanged)"
    )
    return 0


def build_scratch(
    project: Project, *, fresh: bool = False, jobs: int | None = None, progress: Progress = print
) -> tuple[Path, list[LanguageBuild]]:
    """``i18n-pipeline build``: check and build into ``_build/scratch``; publish nothing."""
    with project_lock(project, exclusive=True):
        release = _checked_release(project, fresh, jobs, progress)
        return _keep_as_scratch(project, release), release.results


def build_site(
    project: Project, *, fresh: bool = False, jobs: int | None = None, progress: Progress = print
) -> list[LanguageBuild]:
    """Check, build, verify and publish without the browser audit.

    For the tests of the build only (no command calls it): the audit has tests
    of its own, and a browser per build would make them minutes slower.
    """
    with project_lock(project, exclusive=True):
        release = _checked_release(project, fresh, jobs, progress)
        publish_release(project, release)
    return release.results


def _checked_release(
    project: Project, fresh: bool, jobs: int | None, progress: Progress
) -> Release:
    snapshot = take_snapshot(project, translations())
    snapshot.require_readable()
    errors = [
        f for f in check_snapshot(project, snapshot, fresh=fresh) if f.severity is Severity.ERROR
    ]
    if errors:
        first = errors[0]
        here = sorted({f.check for f in errors if (f.path, f.line) == (first.path, first.line)})
        raise PipelineError(
            f"{first.message} ({', '.join(here)}; {len(errors)} error(s) in all)",
            path=first.path,
            line=first.line,
            hint="run 'tox -e check' for every finding; nothing was built",
        )
    release = build_release(project, snapshot, fresh=fresh, jobs=jobs, progress=progress)
    problems = verify_site(release.path, project, site_base_url(project))
    if problems:
        discard(release.path)
        raise PipelineError(
            f"the built site fails the output check: {problems[0]}",
            hint="see 'tox -e site' for every problem; nothing was published",
        )
    return release


def _checked(project: Project, snapshot: Snapshot, fresh: bool) -> bool:
    findings = check_snapshot(project, snapshot, fresh=fresh)
    write_checks_report(findings, project.reports_dir / "checks.json")
    return not print_findings(findings)


def _verified(project: Project, release: Release) -> bool:
    problems = verify_site(release.path, project, site_base_url(project))
    for problem in problems:
        print(f"{problem} (output-check)", file=sys.stderr)
    print(f"{len(problems)} problem(s) in the built pages")
    return not problems


def _keep_as_scratch(project: Project, release: Release) -> Path:
    scratch = project.build_dir / "scratch"
    shutil.rmtree(scratch, ignore_errors=True)
    release.path.rename(scratch)
    return scratch


def _reject(project: Project, release: Release, step: str, code: int = EXIT_FINDINGS) -> int:
    rejected = project.build_dir / "rejected"
    shutil.rmtree(rejected, ignore_errors=True)
    release.path.rename(rejected)
    print(
        f"\nnot published: {project.site_dir} was left as it was; the rejected build, "
        f"with the pages named above, is in {rejected}",
        file=sys.stderr,
    )
    return _stopped(step, code)


def _title(number: int, total: int, title: str) -> None:
    print(f"\n==> [{number}/{total}] {title}", flush=True)


def _stopped(title: str, code: int) -> int:
    print(f"\nstopped: {title} failed (exit {code})", file=sys.stderr)
    return code
