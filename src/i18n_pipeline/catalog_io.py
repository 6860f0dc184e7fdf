"""Read and write PO files strictly and stably.

Reading is strict (a syntax error stops with file and line instead of being
skipped, as gettext tools would silently do), and writing is stable (fixed
width, source order, previous msgids kept) so a translator's diff shows only
what changed.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po

from i18n_pipeline.errors import CatalogSyntaxError

#: Column at which msgid/msgstr lines wrap; the same as sphinx-intl's and msgmerge's.
PO_LINE_WIDTH = 76


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    """Parse ``path``; raise :class:`CatalogSyntaxError` naming the bad line."""
    data = path.read_bytes()
    try:
        return read_po(io.BytesIO(data), locale=locale, abort_invalid=True, charset="utf-8")
    except PoFileError as exc:
        raise CatalogSyntaxError(
            f"PO syntax error: {str(exc).rsplit(' on ', 1)[0]}",
            path=path,
            line=exc.lineno + 1,  # Babel counts lines from 0, editors from 1
            hint="repair that line in your editor (check quotes and the msgid/msgstr "
            "keywords), then run again; nothing was changed",
        ) from exc
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CatalogSyntaxError(
            "the file is not valid UTF-8",
            path=path,
            line=line,
            hint="save the file as UTF-8 (Poedit and Weblate do this by default)",
        ) from exc


def render_catalog(catalog: Catalog) -> bytes:
    """Serialise ``catalog`` the same way every time."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=PO_LINE_WIDTH, include_previous=True, sort_output=False)
    return buffer.getvalue()


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` in one step, so an interrupted write never truncates a PO file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).chmod(mode)  # mkstemp creates 0600; keep the file readable like before
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
