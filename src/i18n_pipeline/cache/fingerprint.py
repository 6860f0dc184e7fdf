"""Content hashes of a language build's inputs, so an unchanged language is not rebuilt.

A language's pages depend on the source text, on every configuration value
Sphinx loads from conf.py (``SITE_BASE_URL`` included, through ``html_baseurl``),
on the code Sphinx loads (conf.py's imports and extensions, followed by
:mod:`modulefinder`, not a hand-kept list of modules), on the theme's files, on the tool versions
and on the language's own catalogs in the snapshot; nothing else.
"""

from __future__ import annotations

import hashlib
import json
import modulefinder
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import babel
import docutils
import sphinx
from sphinx.config import Config

from i18n_pipeline import __version__
from i18n_pipeline.io import read_json, write_json
from i18n_pipeline.project import Project

PACKAGE_DIR = Path(__file__).parent.parent  # the whole package: i18n_pipeline/


def _hash_files(digest: Any, root: Path, paths: Iterable[Path]) -> None:
    for path in sorted(paths):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
        digest.update(b"\0")


def files_digest(root: Path, paths: list[Path], *extra: str) -> str:
    """The names (below ``root``) and bytes of ``paths``, and any ``extra`` strings."""
    digest = hashlib.sha256()
    _hash_files(digest, root, paths)
    for text in extra:
        digest.update(text.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def config_values(config: Config) -> dict[str, object]:
    """Sphinx's configuration (conf.py, environment variables applied, and defaults): the
    values that are plain data. A value that is not (a function, a translatable string)
    is left out of the digest; conf.py's own bytes are hashed as well."""
    plain = {}
    for item in config:
        try:
            json.dumps(item.value, sort_keys=True)
        except (TypeError, ValueError):
            continue
        plain[item.name] = item.value
    return plain


class _PackageFinder(modulefinder.ModuleFinder):
    """Follows imports inside this package only (Sphinx, Babel… are versioned instead)."""

    def find_module(self, name: str, path: Any, parent: Any = None) -> Any:
        if path is None and name != PACKAGE_DIR.name:
            raise ImportError(name)
        return super().find_module(name, path, parent)


def page_code_files(project: Project, config: dict[str, object]) -> list[Path]:
    """This package's modules that Sphinx loads: conf.py's imports and its extensions'."""
    finder = _PackageFinder(path=[str(PACKAGE_DIR.parent)])
    finder.run_script(str(project.conf_dir / "conf.py"))
    extensions = config.get("extensions") or []
    for name in extensions if isinstance(extensions, (list, tuple)) else []:
        if str(name).split(".")[0] == PACKAGE_DIR.name:
            finder.import_hook(str(name))
    found = (getattr(module, "__file__", None) for module in finder.modules.values())
    return sorted(Path(f) for f in found if f and Path(f).is_relative_to(PACKAGE_DIR))


def config_files(project: Project, config: dict[str, object]) -> list[Path]:
    """Files of the project that a configuration value names (``site_glossary``…):
    Sphinx reads them, so their bytes shape pages as much as the value does."""
    root = project.root.resolve()
    named = (Path(v) for v in config.values() if isinstance(v, str) and v.startswith("/"))
    return [path for path in named if path.is_file() and path.resolve().is_relative_to(root)]


def shared_inputs_digest(project: Project, config: dict[str, object], theme_dir: Path) -> str:
    """What every language depends on: a change here rebuilds them all.

    ``config`` is :func:`config_values`, evaluated once by the caller.
    """
    digest = hashlib.sha256()
    digest.update(
        f"{__version__}|{sphinx.__version__}|{docutils.__version__}|{babel.__version__}".encode()
    )
    _hash_files(digest, project.root, [p for p in project.source_dir.rglob("*") if p.is_file()])
    _hash_files(digest, project.root, [project.root / "conf.py"])
    # The package's own files are hashed below; where it is installed is no input.
    portable = _without_root(config, str(PACKAGE_DIR.resolve()), "<package>")
    portable = _without_root(portable, str(project.root.resolve()), "<project>")
    digest.update(json.dumps(portable, sort_keys=True, default=repr).encode())
    _hash_files(digest, project.root, config_files(project, config))
    _hash_files(digest, PACKAGE_DIR, page_code_files(project, config))
    _hash_files(digest, PACKAGE_DIR, [p for p in theme_dir.rglob("*") if p.is_file()])
    return digest.hexdigest()


def _without_root(value: object, root: str, label: str) -> object:
    """``value`` with a location written as ``label``: conf.py names its files absolutely,
    and a CI job's checkout (and the package installed in it) is somewhere else on every
    runner, but the same inputs must have the same digest wherever they are built."""
    if isinstance(value, str) and (value == root or value.startswith(root + "/")):
        return label + value[len(root) :]
    if isinstance(value, (list, tuple)):
        return [_without_root(item, root, label) for item in value]
    if isinstance(value, dict):
        return {key: _without_root(item, root, label) for key, item in value.items()}
    return value


def language_digest(shared: str, catalogs_digest: str) -> str:
    """Shared inputs plus this language's own catalogs, as the snapshot holds them."""
    return hashlib.sha256(f"{shared}\0{catalogs_digest}".encode()).hexdigest()


#: The pages above the languages (start page, status pages) among the published site's
#: fingerprints, beside each language's: no language is called that.
PAGES_ABOVE = "/"


def pages_above_digest(project: Project, shared: str, shown: object) -> str:
    """What the pages above the languages are made from: what every language shares, this
    package's code and templates, the project's own templates, and what the pages show
    (``shown``: plain data, such as the counts, the readability and the PDF sizes)."""
    digest = hashlib.sha256(shared.encode())
    package = [p for p in PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    _hash_files(digest, PACKAGE_DIR, package)
    folders = [project.conf_dir / name for name in project.config.templates_path]
    templates = [p for folder in folders if folder.is_dir() for p in folder.rglob("*")]
    _hash_files(digest, project.root, [p for p in templates if p.is_file()])
    digest.update(json.dumps(shown, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def load_fingerprints(path: Path) -> dict[str, str]:
    """Each language's input digest when the site was last published."""
    try:
        data = read_json(path)
    except (FileNotFoundError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def save_fingerprints(path: Path, fingerprints: dict[str, str]) -> None:
    write_json(path, fingerprints, sort_keys=True)
