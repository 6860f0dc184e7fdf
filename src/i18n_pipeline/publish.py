"""Publish a finished build in one atomic step, and keep two runs from colliding.

``_build/site`` is a symbolic link to the current release directory; publishing
swaps the link with ``os.replace``, so readers and the audit always see a whole
site, and a run killed half-way leaves the previous site untouched. Only the
main job (:mod:`i18n_pipeline.site`) calls :func:`publish`, holding the project lock.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from i18n_pipeline.project import Project


def new_release_dir(project: Project) -> Path:
    """A fresh, empty directory to build the next release into."""
    releases = project.build_dir / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    release = Path(tempfile.mkdtemp(dir=releases, prefix="site-"))
    release.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    return release


def current_release(project: Project) -> Path | None:
    site = project.site_dir
    if site.is_symlink():
        return site.resolve()
    return site if site.is_dir() else None


def publish(project: Project, release: Path) -> None:
    """Point ``_build/site`` at ``release`` atomically, then remove older releases."""
    site = project.site_dir
    if site.exists() and not site.is_symlink():
        # A site from before releases existed: move it aside first.
        legacy = Path(tempfile.mkdtemp(dir=release.parent, prefix="legacy-"))
        site.rename(legacy / "site")
    link = site.with_name(f".site-{os.getpid()}.link")
    link.unlink(missing_ok=True)
    link.symlink_to(os.path.relpath(release, site.parent))
    link.replace(site)
    # The lock guarantees no other run is writing a release: everything else is stale.
    for old in release.parent.iterdir():
        if old != release:
            shutil.rmtree(old, ignore_errors=True)


def discard(release: Path) -> None:
    shutil.rmtree(release, ignore_errors=True)
