"""A translator's preview: one language, served on 127.0.0.1, rebuilt on every save.

sphinx-autobuild watches ``source/`` and the language's PO files; Sphinx itself
recompiles the changed catalog and rewrites only the pages that use it, so a
rebuild after a PO edit takes about a second.

The preview serves what it built, so it runs the security checks first, on every
save: before the build, the inputs (no link out of the checkout under ``source/``,
the language's PO files through the checks a translator cannot waive); after it, the
output check of the pages. When either refuses, the served folder is emptied down to
a page that says why: nothing unchecked stays served. This module is also the
command sphinx-autobuild runs for that (``python -m i18n_pipeline.jobs.preview``).
"""

from __future__ import annotations

import html
import re
import shlex
import shutil
import sys
from pathlib import Path
from typing import Literal

from i18n_pipeline.checks.output import verify_site
from i18n_pipeline.checks.registry import ENTRY_CHECKS
from i18n_pipeline.checks.runner import check_catalogs
from i18n_pipeline.errors import PipelineError
from i18n_pipeline.findings import Severity
from i18n_pipeline.project import Project
from i18n_pipeline.text.printable import printable

Gate = Literal["before", "after"]


def preview_arguments(
    project: Project, code: str, host: str = "127.0.0.1", port: int = 0
) -> list[str]:
    """sphinx-autobuild's command line for previewing ``code`` (port 0: a free one)."""
    project.config.language(code)  # a language the site does not have fails here, named
    outdir = preview_dir(project, code)
    return [
        str(project.source_dir),
        str(outdir),
        "-c",
        str(project.conf_dir),
        "-d",
        str(project.cache_dir / "preview-doctrees" / code),
        "-D",
        f"language={code}",
        # No PDF in the preview: printing it would add a second to every save.
        "-D",
        "site_pdf=0",
        "--watch",
        str(project.locale_dir / code),
        "--watch",
        str(project.conf_dir / "conf.py"),
        "--re-ignore",
        r".*\.mo$",
        "--re-ignore",
        r".*\.tmp$",
        # Editors and sed save through temporary files beside the PO file; only a
        # PO file changing is worth a rebuild (else one save builds twice).
        "--re-ignore",
        "^" + re.escape((project.locale_dir / code).resolve().as_posix()) + r"/.*(?<!\.po)$",
        "--pre-build",
        _gate_command(project, code, "before"),
        "--post-build",
        _gate_command(project, code, "after"),
        "--host",
        host,
        "--port",
        str(port),
    ]


def known_language(project: Project, code: str) -> bool:
    return code in project.config.codes


def serve_preview(project: Project, code: str, host: str = "127.0.0.1", port: int = 0) -> int:
    from sphinx_autobuild.__main__ import main as autobuild_main

    autobuild_main(preview_arguments(project, code, host, port))
    return 0


def preview_dir(project: Project, code: str) -> Path:
    return project.build_dir / "preview" / code


def gate(project: Project, code: str, when: Gate) -> list[str]:
    """What stops the preview of ``code`` ``before`` or ``after`` a build (empty: serve).
    A refusal empties the served folder down to a page that says why."""
    try:
        problems = (
            _input_problems(project, code) if when == "before" else _page_problems(project, code)
        )
    except PipelineError as error:
        problems = [str(error)]
    if problems:
        _withhold(preview_dir(project, code), problems)
    return problems


def _input_problems(project: Project, code: str) -> list[str]:
    findings = check_catalogs(project, [project.config.language(code)])
    return [
        finding.as_text()
        for finding in findings
        if finding.severity is Severity.ERROR
        and (check := ENTRY_CHECKS.get(finding.rule)) is not None
        and not check.waivable
    ]


def _page_problems(project: Project, code: str) -> list[str]:
    site = preview_dir(project, code)
    return [problem.as_text() for problem in verify_site(site, project, "")]


def _withhold(outdir: Path, problems: list[str]) -> None:
    shutil.rmtree(outdir, ignore_errors=True)
    outdir.mkdir(parents=True)
    items = "".join(f"<li><pre>{html.escape(printable(p))}</pre></li>" for p in problems)
    (outdir / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Preview withheld</title></head><body><main><h1>Preview withheld</h1>"
        "<p>The security checks refused this build. Fix what they name and save again.</p>"
        f"<ul>{items}</ul></main></body></html>",
        encoding="utf-8",
    )


def _gate_command(project: Project, code: str, when: Gate) -> str:
    return shlex.join(
        [sys.executable, "-m", "i18n_pipeline.jobs.preview", str(project.root), code, when]
    )


def _run_gate(argv: list[str]) -> int:
    """sphinx-autobuild's pre- and post-build command: ROOT CODE before|after. Positional
    and internal; people start the preview with ``i18n-pipeline preview``."""
    root, code, when = argv
    if when not in ("before", "after"):
        raise SystemExit(f"unknown gate {when!r}")
    problems = gate(Project(Path(root)), code, "before" if when == "before" else "after")
    for problem in problems:
        print(printable(problem), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(_run_gate(sys.argv[1:]))
