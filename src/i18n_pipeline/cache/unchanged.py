"""Whether anything changed since the published run, answered without Sphinx, WeasyPrint,
the browser or the language models.

After ``site`` publishes, it records what that run read: every file below the project
root (``_build`` and tool folders aside) and below the package, each with its size,
modification time and SHA-256; the values conf.py sets as plain data (so the
environment variables it reads count, ``SITE_BASE_URL`` included); the installed
distributions and their versions; and the day (accepted audit findings expire). The
next ``site`` compares: when all of it is the same and the published release is still
the one recorded, there is nothing to check, build or audit again, and it says so.

A file whose size and modification time are unchanged is taken as unchanged, as git's
index does; any other is hashed again. Conservative by design: a file anywhere in the
project (the tests, the docs) that changed means a full run, whose stages then reuse
their own caches. No build tool fits: Sphinx's and the stages' fingerprints need
Sphinx loaded, which is the cost this record avoids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import runpy
import sys
from contextlib import chdir
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from i18n_pipeline.io import read_json, write_json
from i18n_pipeline.project import Project

PACKAGE_DIR = Path(__file__).resolve().parent.parent
#: Folders of generated files and tools, never inputs of the site; so are hidden folders
#: (.git, .tox, .venv, the caches CI keeps in .cache), unless conf.py names one.
NOT_INPUTS = frozenset({"_build", "node_modules", "__pycache__"})
#: (size, modification time in ns, SHA-256) of each file, by its path.
Files = dict[str, tuple[int, int, str]]


@dataclass(frozen=True)
class InputState:
    """What a run reads, as it was when the run started."""

    key: str  # conf.py's values, the distributions, the day, the Python
    files: Files

    def same_inputs(self, other: InputState) -> bool:
        """The same key and the same bytes in the same files (times may differ)."""
        digests = {name: digest for name, (_, _, digest) in self.files.items()}
        return self.key == other.key and digests == {
            name: digest for name, (_, _, digest) in other.files.items()
        }

    def to_json(self, release: str) -> dict[str, object]:
        return {"release": release, "key": self.key, "files": self.files}


def record_file(project: Project) -> Path:
    return project.cache_dir / "published-run.json"


def input_state(project: Project, known: Files | None = None) -> InputState:
    """The state of the project's inputs now; files whose size and time ``known`` has
    are not read again."""
    known = known or {}
    files: Files = {}
    with chdir(project.conf_dir):  # as Sphinx runs conf.py
        values = runpy.run_path(str(project.conf_dir / "conf.py"))
    for root in _input_roots(project, values):
        for path in _walk(root):
            stat = path.stat()
            name = str(path)
            seen = known.get(name)
            if seen and seen[0] == stat.st_size and seen[1] == stat.st_mtime_ns:
                files[name] = seen
            else:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                files[name] = (stat.st_size, stat.st_mtime_ns, digest)
    return InputState(_key(values), files)


def _read_record(project: Project) -> tuple[str, InputState, Configuration | None] | None:
    """The published run's release name, inputs and configuration (None for a record
    without one); None when there is no record it can read (no record: the full run
    decides)."""
    try:
        record = read_json(record_file(project))
        files = {name: (int(a), int(b), str(c)) for name, (a, b, c) in record["files"].items()}
        read = record.get("configuration")
        configuration = Configuration(str(read["shared"]), str(read["base_url"])) if read else None
        return str(record["release"]), InputState(str(record["key"]), files), configuration
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def recorded_files(project: Project) -> Files:
    """The files the published run read, to compare with by size and time."""
    record = _read_record(project)
    return record[1].files if record else {}


def record_published(
    project: Project, state: InputState, release: Path, configuration: Configuration | None = None
) -> None:
    """After a publish: ``state`` (taken when the run started) produced ``release``, whose
    build read ``configuration`` from conf.py."""
    record = state.to_json(release.name)
    if configuration is not None:
        record["configuration"] = {
            "shared": configuration.shared,
            "base_url": configuration.base_url,
        }
    write_json(record_file(project), record)


@dataclass(frozen=True)
class Configuration:
    """What the build takes from Sphinx's reading of conf.py: the digest of the inputs every
    language shares (``fingerprint.shared_inputs_digest``), and the base URL."""

    shared: str
    base_url: str


@dataclass(frozen=True)
class CatalogChanges:
    """Since the published run, nothing but files below the locale folder changed."""

    languages: set[str]  # whose files changed
    # What that run read of conf.py: conf.py, the sources, the theme, the package and the
    # distributions are those it read, as an unchanged run trusts them to be, so Sphinx
    # need not read conf.py again for the fingerprints. None if its record has none.
    configuration: Configuration | None


def catalog_changes(project: Project, state: InputState) -> CatalogChanges | None:
    """What changed since the published run, when only PO files did; None when anything
    else changed too, or there is no record to tell. The fingerprints still decide what
    is built."""
    record = _read_record(project)
    if record is None or record[1].key != state.key:
        return None
    before, now = record[1].files, state.files
    locales = str(project.locale_dir.resolve()) + os.sep
    languages = set()
    for name in before.keys() | now.keys():
        if before.get(name, (0, 0, ""))[2] == now.get(name, (0, 0, ""))[2]:
            continue
        if not name.startswith(locales):
            return None
        languages.add(name.removeprefix(locales).split(os.sep, 1)[0])
    return CatalogChanges(languages, record[2])


def unchanged_since_published(project: Project) -> bool:
    """True when the published site was made from exactly the inputs there are now."""
    reports = [project.reports_dir / name for name in ("audit.json", "stats.json")]
    if not project.site_dir.is_symlink() or not all(report.is_file() for report in reports):
        return False  # nothing published, or the verdict it would point to is gone
    record = _read_record(project)
    if record is None or project.site_dir.resolve().name != record[0]:
        return False
    if not project.site_dir.is_dir():
        return False
    published = record[1]
    try:
        return input_state(project, published.files).same_inputs(published)
    except Exception:  # conf.py fails, a file vanished: the full run says what is wrong
        return False


def _input_roots(project: Project, values: dict[str, object]) -> list[Path]:
    """The project root, the package, and every file or folder elsewhere that conf.py
    names by an absolute path (a glossary or locale folder outside the project)."""
    roots = [project.root.resolve()]
    for path in [PACKAGE_DIR, *_named_paths(list(values.values()))]:
        if path.exists() and not any(path.is_relative_to(root) for root in roots):
            roots.append(path)
    return roots


def _named_paths(values: object) -> list[Path]:
    if isinstance(values, Path):
        return [values.resolve()]
    if isinstance(values, str):
        return [Path(values).resolve()] if Path(values).is_absolute() else []
    if isinstance(values, dict):
        return _named_paths(list(values.values()))
    if isinstance(values, (list, tuple, set, frozenset)):
        return [path for value in values for path in _named_paths(value)]
    return []


def _walk(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    found = []
    for folder, folders, names in os.walk(root):
        folders[:] = sorted(f for f in folders if f not in NOT_INPUTS and not f.startswith("."))
        found += [Path(folder, name) for name in sorted(names) if not name.endswith(".pyc")]
    return [path for path in found if path.is_file()]


def _key(values: dict[str, object]) -> str:
    """What else the pages depend on: conf.py's values as Python sets them (with the
    environment it reads), every installed distribution, the day and the Python."""
    plain = {}
    for name, value in values.items():
        if name.startswith("_"):
            continue
        try:
            plain[name] = json.dumps(value, sort_keys=True, default=_path_or_fail)
        except (TypeError, ValueError):
            continue
    distributions = sorted(  # a set: a folder twice on sys.path lists its packages twice
        {f"{dist.metadata['Name']}=={dist.version}" for dist in metadata.distributions()}
    )
    everything = [plain, distributions, dt.date.today().isoformat(), sys.version]
    return hashlib.sha256(json.dumps(everything, sort_keys=True).encode()).hexdigest()


def _path_or_fail(value: object) -> str:
    if isinstance(value, Path):
        return str(value)
    raise TypeError(type(value).__name__)
