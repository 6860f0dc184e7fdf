"""Run one Sphinx build in-process, turning warnings into errors that name the file.

Warnings are collected from Sphinx's logger, whose records carry their location;
Sphinx's own translator turns a record's docname or node into ``path:line``.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Any

import sphinx.locale
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.console import nocolor
from sphinx.util.docutils import docutils_namespace, patch_docutils
from sphinx.util.logging import NAMESPACE, WarningLogRecordTranslator

from i18n_pipeline.errors import BuildError
from i18n_pipeline.project import Project

logger = logging.getLogger(__name__)


class _Warnings(logging.Handler):
    """Keeps the warning records of one build, located by Sphinx's own translator."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__(level=logging.WARNING)
        self.addFilter(WarningLogRecordTranslator(app))
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


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
            # Sphinx sets up its logger in the constructor (dropping other handlers):
            # the handler is added after it, for the build.
            collected = _Warnings(app)
            sphinx_logger = logging.getLogger(NAMESPACE)
            sphinx_logger.addHandler(collected)
            try:
                app.build(force_all=fresh)
            finally:
                sphinx_logger.removeHandler(collected)
    except SphinxError as exc:
        raise BuildError(
            f"Sphinx failed building {language!r}: {exc}",
            path=project.source_dir,
            hint="fix the input named above and run again",
        ) from exc
    # Sphinx's own account of the build, for --verbose (from a worker, through its queue).
    logger.debug("sphinx, %s, %s:\n%s", builder, language, status.getvalue().rstrip())
    reported = warnings.getvalue().strip()
    if collected.records or reported:
        raise _as_build_error(collected.records, reported, language)


def _as_build_error(records: list[logging.LogRecord], reported: str, language: str) -> BuildError:
    """The first warning, at its place; all of them (as Sphinx printed them) below.

    A warning before the build (while Sphinx reads conf.py) is only in the text.
    """
    path, line = None, None
    message = reported.splitlines()[0] if reported else ""
    if records:
        first = records[0]
        message = f"{first.levelname}: {logging.LogRecord.getMessage(first)}"
        location = str(getattr(first, "location", None) or "")
        where, _, number = location.rpartition(":")
        if number.isdigit():
            path, line = Path(where), int(number)
        elif location:
            path = Path(location)
    more = reported if "\n" in reported else ""
    return BuildError(
        f"building {language!r}: {message}" + (f"\n{more}" if more else ""),
        path=path,
        line=line,
        hint="fix the markup at that place (a PO file's msgstr, or the source) and run again",
    )
