"""The merge itself is GNU ``msgmerge --previous``'s, the reference every translator's tool
(Poedit's "Update from POT", Weblate, ``make update-po``) follows.

A msgid whose German changed keeps its translation as *fuzzy* with the previous msgid
beside it (``#| msgid``), a removed one is kept as obsolete (``#~``, with ``#~|`` if it
was still fuzzy), a msgid that comes back revives its obsolete entry. msgmerge drops
only obsolete entries that hold no translation.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from i18n_pipeline.catalogs.catalog import gettext_tool
from i18n_pipeline.errors import CatalogSyntaxError

#: Where msgid/msgstr lines of merged entries wrap: the width the committed files have.
PO_LINE_WIDTH = 76


def msgmerge_path() -> str:
    """GNU msgmerge comes with msgfmt (package gettext), which the pipeline requires."""
    return gettext_tool("msgmerge", "updated")


def msgmerge(po_data: bytes, pot_file: Path) -> bytes:
    """``po_data`` brought up to date with ``pot_file``, as msgmerge writes it."""
    with tempfile.TemporaryDirectory(prefix="msgmerge-") as scratch:
        po_file = Path(scratch) / "current.po"
        merged_file = Path(scratch) / "merged.po"
        po_file.write_bytes(po_data)
        result = subprocess.run(
            [
                msgmerge_path(),
                "--quiet",
                "--previous",
                f"--width={PO_LINE_WIDTH}",
                "--output-file",
                str(merged_file),
                str(po_file),
                str(pot_file),
            ],
            capture_output=True,
            check=False,
            # its messages in English, whatever the translator's locale
            env={**os.environ, "LC_ALL": "C", "LANGUAGE": ""},
        )
        if result.returncode != 0:
            raise CatalogSyntaxError(
                "GNU msgmerge cannot merge the template: "
                + result.stderr.decode("utf-8", "replace").strip(),
                path=pot_file,
                hint="run 'tox -e update' again (it extracts the templates afresh); "
                "nothing was changed",
            )
        return merged_file.read_bytes()
