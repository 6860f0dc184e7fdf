"""Extraction (`tox -e update`, before the merge): the gettext builder writes one POT template per
source document.

Besides the documents, the theme's templates are scanned too, so the page
chrome (skip link, language switcher, footer) lands in ``sphinx.pot`` and is
translated like the text; Sphinx loads that catalog ahead of its own. The
Leichte Sprache page is left out: it is German for its own readers.
"""

from __future__ import annotations

from pathlib import Path

from i18n_pipeline.project import Project
from i18n_pipeline.sphinx_run import run_sphinx
from i18n_pipeline.sphinxext.easy_read import easy_read_source
from i18n_pipeline.sphinxext.theme import THEME_DIR


def extract_messages(project: Project) -> list[Path]:
    """Write the POT templates to ``_build/gettext`` and return their paths."""
    easy_read = project.config.easy_read
    run_sphinx(
        project,
        "gettext",
        project.pot_dir,
        project.cache_dir / "doctrees" / "gettext",
        language=project.config.source_language,
        # The Leichte Sprache page is German only, written for its readers, not
        # translated: it gets no POT (sphinxext.easy_read).
        overrides={
            "templates_path": [str(THEME_DIR)],
            "exclude_patterns": [easy_read_source(easy_read)] if easy_read else [],
        },
        fresh=True,
    )
    return sorted(project.pot_dir.glob("*.pot"))
