"""Content hashes of a language build's inputs, so an unchanged language is not rebuilt.

A language's pages depend on the shared inputs (source text, conf.py, the theme
and extension code, tool versions) and on its own PO files; nothing else.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import babel
import docutils
import sphinx

from i18n_pipeline import __version__
from i18n_pipeline.project import Project

_PACKAGE_DIR = Path(__file__).parent
#: Parts of the package that never shape a page: editing them rebuilds nothing.
_NOT_READ_BY_BUILDS = frozenset(
    {"audit", "checks", "bench.py", "cli.py", "preview.py", "stats.py", "update.py"}
)


def _hash_files(digest: hashlib._Hash, root: Path, paths: list[Path]) -> None:
    for path in sorted(paths):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")


def files_digest(root: Path, paths: list[Path], *extra: str) -> str:
    """The names (below ``root``) and bytes of ``paths``, and any ``extra`` strings."""
    digest = hashlib.sha256()
    _hash_files(digest, root, paths)
    for text in extra:
        digest.update(text.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def shared_inputs_digest(project: Project) -> str:
    """What every language depends on: a change here rebuilds them all."""
    digest = hashlib.sha256()
    digest.update(
        f"{__version__}|{sphinx.__version__}|{docutils.__version__}|{babel.__version__}".encode()
    )
    _hash_files(digest, project.root, [p for p in project.source_dir.rglob("*") if p.is_file()])
    _hash_files(digest, project.root, [project.root / "conf.py"])
    package_files = [
        p
        for p in _PACKAGE_DIR.rglob("*")
        if p.is_file()
        and p.suffix in {".py", ".html", ".css", ".toml"}
        and p.relative_to(_PACKAGE_DIR).parts[0] not in _NOT_READ_BY_BUILDS
    ]
    _hash_files(digest, _PACKAGE_DIR, package_files)
    return digest.hexdigest()


def language_digest(project: Project, code: str, shared: str) -> str:
    """Shared inputs plus this language's own PO files."""
    digest = hashlib.sha256(shared.encode())
    _hash_files(digest, project.root, project.po_files(code))
    return digest.hexdigest()


def load_fingerprints(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def save_fingerprints(path: Path, fingerprints: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(fingerprints, indent=2, sort_keys=True), encoding="utf-8")
    tmp.replace(path)
