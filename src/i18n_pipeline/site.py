"""The main job: check the translations, build every language, count, audit, and
only then publish.

The new site is a release directory until the audit has passed it; a failed
check, build or audit leaves the published ``_build/site`` exactly as it was. A
build the audit rejected is kept in ``_build/rejected/`` for inspection. The
build lock is held from the first step to the last, so two runs cannot interleave.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from i18n_pipeline.build import Release, build_release, publish_release
from i18n_pipeline.project import Project
from i18n_pipeline.publish import build_lock, discard
from i18n_pipeline.stats import report_stats


def run_site(
    project: Project, *, fresh: bool = False, jobs: int | None = None, audit: bool = True
) -> int:
    """Run every step in order; the exit code of the first that fails, else 0."""
    from i18n_pipeline.audit.command import run_audit
    from i18n_pipeline.audit.run import AuditSettings
    from i18n_pipeline.checks.command import main as check_main

    total = 4 if audit else 3
    with build_lock(project):
        _title(1, total, "check PO files")
        code = check_main(["--root", str(project.root), *(["--fresh"] if fresh else [])])
        if code:
            return _stopped("check PO files", code)

        _title(2, total, "build all languages")
        release = build_release(project, fresh=fresh, jobs=jobs)
        try:
            _title(3, total, "translation statistics")
            report_stats(release.stats, project.reports_dir)
            if audit:
                _title(4, total, "accessibility audit (before publishing)")
                settings = AuditSettings(release.path, project.cache_dir, fresh=fresh)
                code = run_audit(settings, project.reports_dir, site_label=project.site_dir)
                if code:
                    kept = _reject(project, release)
                    print(
                        f"\nnot published: {project.site_dir} was left as it was; the "
                        f"rejected build, with the pages named above, is in {kept}",
                        file=sys.stderr,
                    )
                    return _stopped("accessibility audit", code)
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


def _reject(project: Project, release: Release) -> Path:
    rejected = project.build_dir / "rejected"
    shutil.rmtree(rejected, ignore_errors=True)
    release.path.rename(rejected)
    return rejected


def _title(number: int, total: int, title: str) -> None:
    print(f"\n==> [{number}/{total}] {title}", flush=True)


def _stopped(title: str, code: int) -> int:
    print(f"\nstopped: {title} failed (exit {code})", file=sys.stderr)
    return code
