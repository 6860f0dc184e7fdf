"""Extraction (`tox -e update`, before the merge): the gettext builder writes one POT template per
source document.

Besides the documents, the theme's templates are scanned too, so the page
chrome (skip link, language switcher, footer) lands in ``sphinx.pot`` and is
translated like the text; Sphinx loads that catalog ahead of its own. The
Leichte Sprache page is left out: it is German for its own readers.

The theme's strings with ``%(name)s`` are Python format strings (the templates fill
them with ``|format``), and the template says so (``#, python-format``), as xgettext
would: GNU msgmerge takes format flags from the template, and with the flag GNU
``msgfmt --check`` refuses a translation that lost or misspelt a placeholder.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from i18n_pipeline.build.app import run_sphinx
from i18n_pipeline.config.site_config import easy_read_source
from i18n_pipeline.io import write_atomically
from i18n_pipeline.project import Project
from i18n_pipeline.sphinxext.theme import THEME_DIR

#: The template the theme's strings land in (Sphinx's own domain, which it loads first).
THEME_TEMPLATE = "sphinx.pot"


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
    theme = project.pot_dir / THEME_TEMPLATE
    if theme.exists():
        mark_python_format(theme)
    return sorted(project.pot_dir.glob("*.pot"))


def mark_python_format(pot_file: Path) -> None:
    """Flag the template's Python format strings ``python-format``.

    Babel flags a message whose msgid holds a Python placeholder when it reads it;
    only the theme's template is marked, since the documents' paragraphs are never
    formatted and "50 % der" would read as a placeholder.
    """
    with pot_file.open("rb") as handle:
        template = read_po(handle)
    out = io.BytesIO()
    write_po(out, template, width=0)  # unwrapped, as Sphinx writes templates
    write_atomically(pot_file, out.getvalue())
