"""A merged PO file in the translator's own bytes: only the entries the merge changed differ.

msgmerge, like every PO writer, writes the whole file in its own layout (its wrapping,
its header field order). A file Poedit saved (wrapped at 79 columns, ``X-Poedit-*``
headers) or a text editor would then differ on every line, and a translator could not
see in the diff what the German change did. So the result is assembled from the
current file's bytes for the header and for every entry the merge left as it was, and
from msgmerge's bytes for the entries it added, changed or made obsolete, in
msgmerge's order. "As it was" is the model's judgement (:mod:`i18n_pipeline.catalogs.catalog`),
never a comparison of text; an entry's ``#:`` source lines alone do not make it
changed (a paragraph added above shifts them all), so they stay as they were too.

No library fits: polib, Babel and translate-toolkit parse a file into objects and write
them out in their own layout; none keeps an entry's bytes. Where each entry begins is
the reader's (polib's) word; the entry runs to where the next begins.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from i18n_pipeline.catalogs.catalog import CatalogFile, Message

#: What a translator reads and writes in an entry: two entries alike in this are the same.
Content = tuple[object, ...]


@dataclass(frozen=True)
class _Piece:
    """The header or one entry: its lines, and the blank lines after them (None: it
    ended the file)."""

    body: str
    gap: str | None


def content(message: Message) -> Content:
    return (
        message.obsolete,
        message.msgctxt,
        message.msgid,
        message.msgid_plural,
        message.strings,
        frozenset(message.flags),
        message.previous_msgid,
        message.translator_comment,
    )


def same_entries(one: CatalogFile, other: CatalogFile) -> bool:
    """The two files hold the same entries in the same order, however they are written."""
    return [content(m) for m in one.messages] == [content(m) for m in other.messages]


def splice(current: CatalogFile, merged: CatalogFile) -> bytes:
    """``merged``'s entries, each in ``current``'s bytes where ``current`` has it alike,
    under ``current``'s header as it is."""
    header, entries, end = _pieces(current)
    _, merged_entries, _ = _pieces(merged)
    own = {content(message): piece for message, piece in entries}
    chosen = [header, *(own.get(content(message), piece) for message, piece in merged_entries)]
    return _join(chosen, end).encode("utf-8")


def _pieces(catalog: CatalogFile) -> tuple[_Piece, list[tuple[Message, _Piece]], str]:
    """The header, each entry with its bytes, and the blank lines that end the file."""
    lines = catalog.data.decode("utf-8").splitlines(keepends=True)
    starts = [_start(lines, message.start_line) for message in catalog.messages]
    bounds = [1, *starts, len(lines) + 1]
    pieces = [_piece(lines[first - 1 : after - 1]) for first, after in pairwise(bounds)]
    # blank lines after a lone header separate it from the entries to come
    end = (pieces[-1].gap or "") if catalog.messages else ""
    pieces[-1] = _Piece(pieces[-1].body, None)
    return pieces[0], list(zip(catalog.messages, pieces[1:], strict=True)), end


def _start(lines: list[str], line: int) -> int:
    # polib skips ``#~|`` lines, so an obsolete entry that opens with them begins earlier.
    while line > 1 and lines[line - 2].lstrip().startswith("#~|"):
        line -= 1
    return line


def _piece(lines: list[str]) -> _Piece:
    blank = len(lines)
    while blank and not lines[blank - 1].strip():
        blank -= 1
    return _Piece("".join(lines[:blank]), "".join(lines[blank:]))


def _join(pieces: list[_Piece], end: str) -> str:
    text = []
    for piece in pieces[:-1]:
        body = piece.body if not piece.body or piece.body.endswith("\n") else piece.body + "\n"
        # the file's former last piece needs the blank line every writer puts between entries
        text.append(body + (piece.gap if piece.gap is not None else "\n"))
    return "".join([*text, pieces[-1].body, end])
