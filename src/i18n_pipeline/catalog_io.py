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

import polib
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po

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
    """Serialise ``catalog`` the same way every time, as GNU gettext's tools would.

    Babel merges well but writes a wrapped previous msgid (``#| msgid``) in a
    form Poedit cannot read, so the writing is polib's, which follows msgmerge.
    """
    po = polib.POFile(wrapwidth=PO_LINE_WIDTH, encoding="utf-8")
    po.header = "\n".join(
        line[2:] if line.startswith("# ") else line.lstrip("#")
        for line in catalog.header_comment.splitlines()
    )
    po.metadata = {name: value.strip() for name, value in catalog.mime_headers}
    for message in catalog:
        if message.id:
            po.append(_entry(message))
    for message in catalog.obsolete.values():
        entry = _entry(message)
        entry.obsolete = True
        po.append(entry)
    return str(po).encode("utf-8")


def _entry(message: Message) -> polib.POEntry:
    singular = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
    entry = polib.POEntry(
        msgid=singular,
        msgctxt=message.context,
        occurrences=[(path, str(line) if line else "") for path, line in message.locations],
        flags=sorted(message.flags),
        comment="\n".join(message.auto_comments),
        tcomment="\n".join(message.user_comments),
    )
    if isinstance(message.id, (list, tuple)):
        entry.msgid_plural = message.id[1]
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        entry.msgstr_plural = dict(enumerate(strings))
    else:
        entry.msgstr = message.string or ""
    if message.previous_id:
        entry.previous_msgid = message.previous_id[0]
        if len(message.previous_id) > 1:
            entry.previous_msgid_plural = message.previous_id[1]
    return entry


def previous_msgids(path: Path) -> dict[str, str]:
    """``#| msgid`` lines of a PO file (Babel's reader drops them), by current msgid."""
    return {
        entry.msgid: entry.previous_msgid
        for entry in polib.pofile(str(path))
        if entry.previous_msgid
    }


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
