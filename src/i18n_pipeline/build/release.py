"""A release: one built site, from an empty directory to the published site, set aside or gone.

The whole lifecycle is here. :func:`new_release_dir` gives the build an empty
directory; the build fills it and returns a :class:`Release`; then exactly one of
:func:`publish` (the site, in one step), :func:`set_aside` (``scratch`` or
``rejected``, for a person to look at) or :func:`discard` ends it.

``_build/site`` is a symbolic link to the current release directory; publishing
swaps the link with ``os.replace``, so readers and the audit always see a whole
site, and a run killed half-way leaves the previous site untouched. Only the main
job (:mod:`i18n_pipeline.jobs.site`, or the assembly of shards) publishes, holding
the project lock.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from i18n_pipeline.cache.fingerprint import save_fingerprints
from i18n_pipeline.catalogs.readability import Readability
from i18n_pipeline.catalogs.stats import LanguageStats
from i18n_pipeline.project import Project


@dataclass(frozen=True)
class LanguageBuild:
    """What the build did for one language."""

    code: str
    status: Literal["built", "reused"]
    seconds: float


@dataclass(frozen=True)
class Release:
    """A built site that is not published yet, and what publishing it records."""

    path: Path
    results: list[LanguageBuild]
    fingerprints: dict[str, str]
    stats: list[LanguageStats]  # counted once, for the status pages and the report
    base_url: str  # html_baseurl as Sphinx loaded it from conf.py (SITE_BASE_URL)
    readability: list[Readability] = field(default_factory=list)  # measured on the pages
    shared: str = ""  # the digest of the inputs every language shares (fingerprint.py)


def new_release_dir(project: Project) -> Path:
    """A fresh, empty directory to build the next release into."""
    releases = project.build_dir / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    release = Path(tempfile.mkdtemp(dir=releases, prefix="site-"))
    release.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    return release


def current_release(project: Project) -> Path | None:
    """The directory of the published site, if there is one."""
    site = project.site_dir
    if site.is_symlink():
        return site.resolve()
    return site if site.is_dir() else None


def carry_over(previous: Path, target: Path) -> None:
    """Reuse a file or folder of the published release in the new one: hard links make
    this nearly free; a copy where the file system has none."""
    if previous.is_dir():
        try:
            shutil.copytree(previous, target, copy_function=os.link)
        except OSError:
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(previous, target)
        return
    try:
        os.link(previous, target)
    except OSError:
        shutil.copy2(previous, target)


def fingerprints_file(project: Project) -> Path:
    """Where the digests of the published release's inputs are kept (the next build reuses)."""
    return project.cache_dir / "site-fingerprints.json"


def publish(project: Project, release: Release) -> None:
    """Make ``release`` the site in one step, and remember what it was built from."""
    _point_site_at(project, release.path)
    save_fingerprints(fingerprints_file(project), release.fingerprints)


def set_aside(project: Project, site: Path, name: Literal["scratch", "rejected"]) -> Path:
    """Move an unpublished build to ``_build/<name>``, where a person can look at it."""
    target = project.build_dir / name
    shutil.rmtree(target, ignore_errors=True)
    shutil.move(site, target)
    return target


def discard(release: Path) -> None:
    """Remove an unpublished build."""
    shutil.rmtree(release, ignore_errors=True)


def _point_site_at(project: Project, release: Path) -> None:
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
