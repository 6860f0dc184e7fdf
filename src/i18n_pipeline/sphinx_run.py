"""Run one Sphinx build in-process, turning warnings into errors that name the file."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import sphinx.locale
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.console import nocolor
from sphinx.util.docutils import docutils_namespace, patch_docutils

from i18n_pipeline.errors import BuildError
from i18n_pipeline.project import Project

_WARNING_LOCATION = re.compile(
    r"^(?P<path>[^\s:][^:]*?):(?P<line>\d+)?:? ?(?P<msg>(WARNING|ERROR|CRITICAL|SEVERE).*)$"
)


def run_sphinx(
    project: Project,
    builder: str,
    outdir: Path,
    doctreedir: Path,
    *,
    language: str,
    overrides: dict[str, Any] | None = None,
    fresh: bool = False,
) -> None:
    """Build ``builder`` output for ``language``; any warning fails the build.

    Warnings matter here: a translation with broken markup is reported by Sphinx
    only as a warning, and the page would silently show it broken.
    """
    # Sphinx caches message catalogs per process, keyed by domain but not by
    # language; a worker that built English would serve English strings to the
    # next language it builds. Sphinx's own test fixtures clear it the same way.
    sphinx.locale.translators.clear()
    nocolor()  # messages go to files and terminals alike: no escape codes
    warnings = io.StringIO()
    status = io.StringIO()
    confoverrides = {"language": language, **(overrides or {})}
    try:
        with patch_docutils(project.conf_dir), docutils_namespace():
            app = Sphinx(
                srcdir=project.source_dir,
                confdir=project.conf_dir,
                outdir=outdir,
                doctreedir=doctreedir,
                buildername=builder,
                confoverrides=confoverrides,
                status=status,
                warning=warnings,
                freshenv=fresh,
                warningiserror=False,
                parallel=1,
            )
            app.build(force_all=fresh)
    except SphinxError as exc:
        raise BuildError(
            f"Sphinx failed building {language!r}: {exc}",
            path=project.source_dir,
            hint="fix the input named above and run again",
        ) from exc
    reported = warnings.getvalue().strip()
    if reported:
        raise _as_build_error(reported, language)


def _as_build_error(reported: str, language: str) -> BuildError:
    first = reported.splitlines()[0]
    match = _WARNING_LOCATION.match(first)
    path = Path(match["path"]) if match else None
    line = int(match["line"]) if match and match["line"] else None
    message = match["msg"] if match else first
    return BuildError(
        f"building {language!r}: {message}" + (f"\n{reported}" if "\n" in reported else ""),
        path=path,
        line=line,
        hint="fix the markup at that place (a PO file's msgstr, or the source) and run again",
    )
