"""Write PO files stably, as GNU gettext's msgmerge would.

Writing is stable (fixed width, source order, previous msgids kept as ``#|``
lines, translator comments verbatim) so a translator's diff shows only what
changed. Reading is :mod:`i18n_pipeline.catalog`'s job.
"""

from __future__ import annotations

import polib
from babel.messages.catalog import Catalog, Message

#: Column at which msgid/msgstr lines wrap; the same as sphinx-intl's and msgmerge's.
PO_LINE_WIDTH = 76


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


class _VerbatimCommentEntry(polib.POEntry):  # type: ignore[misc]
    """polib wraps long translator comments; msgmerge, Poedit and Weblate keep them
    as they are (a waiver's ``-- reason`` must stay on its line)."""

    def __unicode__(self, wrapwidth: int = 78) -> str:
        comment = str(getattr(self, "tcomment", "") or "")
        self.tcomment = ""
        try:
            body: str = super().__unicode__(wrapwidth)
        finally:
            self.tcomment = comment
        if not comment:
            return body
        lines = [f"# {line}" if line else "#" for line in comment.split("\n")]
        return "\n".join([*lines, body])


def _entry(message: Message) -> polib.POEntry:
    singular = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
    entry = _VerbatimCommentEntry(
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
