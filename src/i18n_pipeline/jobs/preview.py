"""A translator's preview: one language, served on 127.0.0.1, rebuilt on every save.

sphinx-autobuild watches ``source/`` and the language's PO files; Sphinx itself
recompiles the changed catalog and rewrites only the pages that use it, so a
rebuild after a PO edit takes about a second.
"""

from __future__ import annotations

import re

from i18n_pipeline.project import Project


def preview_arguments(
    project: Project, code: str, host: str = "127.0.0.1", port: int = 0
) -> list[str]:
    """sphinx-autobuild's command line for previewing ``code`` (port 0: a free one)."""
    project.config.language(code)  # a language the site does not have fails here, named
    outdir = project.build_dir / "preview" / code
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
