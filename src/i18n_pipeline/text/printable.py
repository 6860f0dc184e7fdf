"""Untrusted text made safe to print: a terminal shows its control characters, never obeys them.

A PO file's msgid and msgstr, a waiver's reason and a page's text reach the terminal
inside findings. An escape sequence in them could erase the line it is on, move the
cursor, or paint a fake green summary; a bidi control could reorder what follows.
Each is printed as its Python escape (``\\x1b``, ``\\u202e``). The JSON reports need
none of this: JSON escapes control characters itself, and keeps the text exact.
"""

from __future__ import annotations

from i18n_pipeline.text.bidi import MARKS, REORDERING

#: The control characters (general category Cc, fixed by Unicode's stability policy),
#: the line and paragraph separators, and the bidi controls.
ESCAPED = (
    frozenset(chr(code) for code in (*range(0x00, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029))
    | REORDERING
    | MARKS
)

# No library escapes exactly these: repr() and the unicode_escape codec also escape
# the zero-width non-joiner that Persian words are spelt with, or every non-ASCII letter.
_TABLE = {ord(char): repr(char)[1:-1] for char in ESCAPED}


def printable(text: str) -> str:
    """``text`` with every control character (C0, DEL, C1), line or paragraph separator
    and bidi control written as its escape: ``"\\x1b[2K"`` prints as ``\\x1b[2K``."""
    return text.translate(_TABLE)
