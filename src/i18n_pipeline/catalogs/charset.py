"""The charset a PO file's header declares: here it must be UTF-8, and anything else is
named at its header line before any tool reads the file.

GNU msgfmt compiles whatever the header declares (``charset=CHARSET`` as msginit leaves
it, UTF-7, a name nobody knows: it only warns "not a portable encoding name"), and
then polib and Babel decode with that name and fail in their own ways: an unknown name
is a ``LookupError``, UTF-7 garbles the header's own ``\\n``, UTF-16 bytes are no PO
file at all. So the declaration is checked first, on the bytes.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from i18n_pipeline.errors import CatalogSyntaxError

#: What every reader here decodes with; GNU gettext calls "utf8" and the like not portable.
REQUIRED_CHARSET = "UTF-8"

CHARSET_HINT = (
    'set charset=UTF-8 in the header ("Content-Type: text/plain; charset=UTF-8\\n") and '
    "save the file as UTF-8 (Poedit and Weblate do both by default); nothing was changed"
)

# polib's detect_encoding searches the same way, but returns only names Python knows and
# forgets the line; the line is what the translator needs.
_DECLARATION = re.compile(r'"?Content-Type:.+? charset=(?P<charset>[\w\-:.]*)')

#: Byte order marks of the encodings in which a PO file is not ASCII-compatible, longest
#: first (UTF-32-LE's begins with UTF-16-LE's).
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "UTF-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "UTF-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "UTF-16", "utf-16"),
)


def check_charset(path: Path, data: bytes) -> None:
    """Raise :class:`CatalogSyntaxError` at the header's charset line unless it says UTF-8.

    A file without a charset declaration is left to the readers (they assume UTF-8).
    """
    wide = _wide_encoding(data)
    if wide is not None:
        name, codec = wide
        line, _ = _declaration(data.decode(codec, "replace"))
        raise CatalogSyntaxError(
            f"the file is saved as {name}, which GNU gettext cannot read",
            path=path,
            line=line or 1,
            hint=CHARSET_HINT,
        )
    # Only the ASCII part matters for the search; latin-1 decodes any byte.
    line, charset = _declaration(data.decode("latin-1"))
    if charset is None or charset.upper() == REQUIRED_CHARSET:
        return
    raise CatalogSyntaxError(
        f"the header declares charset={charset or '(empty)'}{_why(charset)}; "
        f"PO files here must be {REQUIRED_CHARSET}",
        path=path,
        line=line,
        hint=CHARSET_HINT,
    )


def _wide_encoding(data: bytes) -> tuple[str, str] | None:
    """UTF-16 or UTF-32 (name and codec), by their byte order mark or, without one, by
    the NUL bytes every ASCII character of theirs carries (no PO file holds a NUL)."""
    for bom, name, codec in _WIDE_BOMS:
        if data.startswith(bom):
            return name, codec
    if b"\x00\x00\x00" in data[:64]:
        return "UTF-32", "utf-32-be" if data.startswith(b"\x00") else "utf-32-le"
    if b"\x00" in data[:64]:
        return "UTF-16", "utf-16-be" if data.startswith(b"\x00") else "utf-16-le"
    return None


def _declaration(text: str) -> tuple[int | None, str | None]:
    """The line of the first charset declaration and the name it declares."""
    for number, line in enumerate(text.splitlines(), 1):
        match = _DECLARATION.search(line)
        if match:
            return number, match["charset"]
    return None, None


def _why(charset: str) -> str:
    if not charset:
        return ""
    if charset == "CHARSET":
        return " (the template's placeholder, as msginit leaves it)"
    try:
        codecs.lookup(charset)
    except LookupError:
        return " (an encoding no tool here knows)"
    return ""
