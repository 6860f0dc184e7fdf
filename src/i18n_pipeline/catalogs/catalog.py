"""The one model of a PO file: read once, strictly, by a reader all gettext tools agree with.

A PO file is untrusted input (it comes from a translator's pull request), and
the tools that read it disagree at the edges: Babel reads an entry after a
``#~ msgid`` as live and "repairs" an unterminated string, polib skips what it
cannot place, GNU msgfmt rejects both. So the bytes are read once and must
satisfy all of them:

0. the header declares UTF-8, the one charset every reader here decodes with
   (:mod:`i18n_pipeline.catalogs.charset`);
1. GNU ``msgfmt --check`` (the reference implementation) compiles the bytes;
   its ``.mo`` is what the build will use, byte for byte;
2. polib parses them into the model (it keeps line numbers and ``#|`` lines);
3. Babel (the library Sphinx reads with) sees the same entries;
4. the compiled ``.mo`` holds exactly the model's translated entries.

Anything on which they differ is a :class:`~i18n_pipeline.errors.CatalogSyntaxError`
naming the file and line. Checks, statistics, ``update`` and the build all use
this model, so what was checked is what is built; and everything GNU ``msgmerge``
writes reads cleanly, since ``update`` merges with it.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from gettext import c2py
from pathlib import Path

import polib
from babel.messages.catalog import Catalog, parse_separated_header
from babel.messages.pofile import PoFileError, read_po

from i18n_pipeline.catalogs.charset import check_charset
from i18n_pipeline.errors import CatalogSyntaxError, MissingToolError
from i18n_pipeline.io import read_input

_MSGFMT_LINE = re.compile(r"^(?:<stdin>|[^:]+):(?P<line>\d+): (?P<message>.*)$")
_POLIB_LINE = re.compile(r"\(line (?P<line>\d+)\)")
# The previous msgid of an obsolete fuzzy entry, as ``msgmerge --previous`` writes it.
_OBSOLETE_PREVIOUS = re.compile(rb"^[ \t]*#~\|.*$", re.MULTILINE)

_REPAIR_HINT = (
    "repair that line in your editor (quotes, the msgid/msgstr keywords, '#, fuzzy' "
    "with a space), then run again; nothing was changed"
)


@dataclass(frozen=True)
class Message:
    """One entry of a PO file, as every gettext tool reads it."""

    msgid: str
    msgstr: str  # the singular msgstr, or msgstr[0] of a plural entry
    line: int  # line of the msgid (or msgctxt), where editors jump to
    msgid_plural: str = ""
    plural_msgstrs: tuple[str, ...] = ()  # msgstr[0], msgstr[1], … of a plural entry
    msgctxt: str | None = None
    flags: tuple[str, ...] = ()
    previous_msgid: str = ""
    translator_comment: str = ""
    obsolete: bool = False
    start_line: int = 0  # first line of the entry's bytes (its comments), where it begins

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def strings(self) -> tuple[str, ...]:
        """Every msgstr of the entry: one, or one per plural form."""
        return self.plural_msgstrs if self.msgid_plural else (self.msgstr,)

    @property
    def translated(self) -> bool:
        """Shown on the page: not obsolete, not fuzzy, and every form filled in."""
        return not self.obsolete and not self.fuzzy and all(self.strings)


@dataclass(frozen=True)
class EntryCounts:
    """How many entries of one file are in each of polib's entry lists (what gettext
    tools call translated, fuzzy, untranslated and obsolete): the statistics' figures."""

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0

    @classmethod
    def of(cls, po: polib.POFile) -> EntryCounts:
        return cls(
            translated=len(po.translated_entries()),
            fuzzy=len(po.fuzzy_entries()),
            untranslated=len(po.untranslated_entries()),
            obsolete=len(po.obsolete_entries()),
        )

    def __add__(self, other: EntryCounts) -> EntryCounts:
        return EntryCounts(
            self.translated + other.translated,
            self.fuzzy + other.fuzzy,
            self.untranslated + other.untranslated,
            self.obsolete + other.obsolete,
        )


@dataclass(frozen=True)
class CatalogFile:
    """One PO file: its bytes, their digest, its entries and the ``.mo`` msgfmt made of them."""

    path: Path
    language: str
    data: bytes
    metadata: tuple[tuple[str, str], ...]
    header_line: int
    messages: tuple[Message, ...]
    mo: bytes
    counts: EntryCounts = EntryCounts()

    @property
    def domain(self) -> str:
        return self.path.stem

    @property
    def digest(self) -> str:
        """What the pages are built from: the compiled catalog (a comment or a fuzzy
        entry changes the PO file, not the pages)."""
        return hashlib.sha256(self.mo).hexdigest()

    @property
    def header(self) -> dict[str, str]:
        return dict(self.metadata)

    @property
    def live(self) -> tuple[Message, ...]:
        return tuple(m for m in self.messages if not m.obsolete)

    @property
    def obsolete(self) -> tuple[Message, ...]:
        return tuple(m for m in self.messages if m.obsolete)


def read_catalog(path: Path, language: str, root: Path | None = None) -> CatalogFile:
    """Read ``path`` once; raise :class:`CatalogSyntaxError` (file:line) on any doubt. A
    link that leaves ``root`` (the checkout; without one, any link), a device or a FIFO is
    refused before it is read (:func:`~i18n_pipeline.io.read_input`)."""
    try:
        data = read_input(path, root=root)
    except FileNotFoundError:
        raise CatalogSyntaxError(
            "the PO file is missing",
            path=path,
            hint="restore it from the repository, or run 'tox -e update' to create it",
        ) from None
    except OSError as error:
        raise CatalogSyntaxError(
            f"the PO file cannot be read: {error.strerror}",
            path=path,
            hint="check the file's permissions",
        ) from None
    return parse_catalog(path, data, language)


def parse_catalog(path: Path, data: bytes, language: str) -> CatalogFile:
    """Parse ``data`` (the bytes of ``path``) as msgfmt, polib and Babel all must."""
    check_charset(path, data)
    text = _decode(path, data)
    mo, compiled = _msgfmt(path, data)
    po = _polib_parse(path, text)
    babel = _babel_parse(path, data, language)
    # Babel numbers each entry by its msgid line, where editors jump to.
    lines = {_key(m.context, _singular(m.id)): m.lineno for m in babel if m.id}
    lines |= {_key(m.context, _singular(m.id)): m.lineno for m in babel.obsolete.values()}
    messages = tuple(_message(entry, lines) for entry in po if entry.msgid or entry.obsolete)
    _agree_with_babel(path, babel, messages)
    _agree_with_mo(path, compiled, messages)
    return CatalogFile(
        path=path,
        language=language,
        data=data,
        metadata=tuple(po.metadata.items()),
        header_line=next(
            (n for n, line in enumerate(text.splitlines(), 1) if line.startswith('msgid ""')), 1
        ),
        messages=messages,
        mo=mo,
        counts=EntryCounts.of(po),
    )


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CatalogSyntaxError(
            "the file is not valid UTF-8",
            path=path,
            line=data[: error.start].count(b"\n") + 1,
            hint="save the file as UTF-8 (Poedit and Weblate do this by default)",
        ) from None


def gettext_tool(name: str, needed_to: str) -> str:
    """A program of GNU gettext (Debian: gettext), which the preflight installs."""
    found = shutil.which(name)
    if found is None:
        raise MissingToolError(
            f"GNU {name} is not installed; PO files cannot be {needed_to} without it",
            hint="install GNU gettext (Debian: apt-get install gettext); .ci/run does this",
        )
    return found


def msgfmt_path() -> str:
    """GNU msgfmt is required: it is the reference every other reader is held to."""
    return gettext_tool("msgfmt", "checked or compiled")


Strings = tuple[str, ...]


def _msgfmt(path: Path, data: bytes) -> tuple[bytes, dict[tuple[str, str], Strings]]:
    """``msgfmt --check`` on exactly these bytes: its ``.mo``, and what that ``.mo`` holds."""
    with tempfile.TemporaryDirectory(prefix="msgfmt-") as scratch:
        mo_path = Path(scratch) / "messages.mo"
        result = subprocess.run(
            [msgfmt_path(), "--check", "-o", str(mo_path), "-"],
            input=data,
            capture_output=True,
            check=False,
        )
        if result.returncode == 0:
            compiled = {
                _key(entry.msgctxt, entry.msgid): _polib_strings(entry)
                for entry in polib.mofile(str(mo_path))
                if entry.msgid
            }
            return mo_path.read_bytes(), compiled
    for output in result.stderr.decode("utf-8", "replace").splitlines():
        match = _MSGFMT_LINE.match(output)
        if match and "warning:" not in match["message"]:
            raise CatalogSyntaxError(
                f"GNU msgfmt: {match['message']}",
                path=path,
                line=int(match["line"]),
                hint=_REPAIR_HINT,
            )
    raise CatalogSyntaxError(
        f"GNU msgfmt rejects the file: {result.stderr.decode('utf-8', 'replace').strip()}",
        path=path,
        hint=_REPAIR_HINT,
    )


def _polib_parse(path: Path, text: str) -> polib.POFile:
    try:
        return polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as error:
        match = _POLIB_LINE.search(str(error))
        raise CatalogSyntaxError(
            "polib cannot read this entry the way GNU gettext does",
            path=path,
            line=int(match["line"]) if match else None,
            hint=_REPAIR_HINT,
        ) from None


def _polib_strings(entry: polib.POEntry | polib.MOEntry) -> Strings:
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
    return (entry.msgstr,)


def _message(entry: polib.POEntry, lines: dict[tuple[str, str], int | None]) -> Message:
    strings = _polib_strings(entry)
    return Message(
        msgid=entry.msgid,
        msgstr=strings[0] if strings else "",
        # an entry Babel did not see keeps polib's line; the agreement check names it
        line=lines.get(_key(entry.msgctxt, entry.msgid)) or entry.linenum,
        msgid_plural=entry.msgid_plural or "",
        plural_msgstrs=strings if entry.msgid_plural else (),
        msgctxt=entry.msgctxt,
        flags=tuple(entry.flags),
        previous_msgid=entry.previous_msgid or "",
        translator_comment=entry.tcomment or "",
        obsolete=bool(entry.obsolete),
        start_line=entry.linenum,
    )


def _key(context: str | None, msgid: str) -> tuple[str, str]:
    return (context or "", msgid)


def _singular(msgid: str | tuple[str, ...] | list[str]) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]


def _babel_readable(data: bytes) -> bytes:
    """Babel cannot read ``#~|`` lines (python-babel/babel#566); GNU gettext and polib
    skip them, and Babel's reading is compared on live entries only. Each becomes an
    empty comment, so Babel's line numbers stay those of the file."""
    return _OBSOLETE_PREVIOUS.sub(b"#", data)


def _babel_parse(path: Path, data: bytes, language: str) -> Catalog:
    try:
        return read_po(
            io.BytesIO(_babel_readable(data)), locale=language, abort_invalid=True, charset="utf-8"
        )
    except (PoFileError, ValueError) as error:
        raise CatalogSyntaxError(
            f"Babel cannot read the file: {str(error).rsplit(' on ', 1)[0]}",
            path=path,
            line=getattr(error, "lineno", -1) + 1 or None,  # Babel counts errors from 0
            hint=_REPAIR_HINT,
        ) from None


def _agree_with_babel(path: Path, babel: Catalog, messages: tuple[Message, ...]) -> None:
    """Babel (which Sphinx reads with) sees the model's live entries."""
    ours = {_key(m.msgctxt, m.msgid): m for m in messages if not m.obsolete}
    theirs = {_key(m.context, _singular(m.id)): m for m in babel if m.id}
    extra = sorted(theirs.keys() - ours.keys())
    if extra:
        raise CatalogSyntaxError(
            f"Babel reads an entry here that GNU gettext does not: {extra[0][1][:60]!r}",
            path=path,
            line=theirs[extra[0]].lineno,
            hint=_REPAIR_HINT,
        )
    for key, message in ours.items():
        other = theirs.get(key)
        if (
            other is None
            or _strings(other.string) != message.strings
            or other.fuzzy != message.fuzzy
        ):
            raise CatalogSyntaxError(
                "Babel (which Sphinx uses) reads this entry differently from GNU gettext",
                path=path,
                line=message.line,
                hint=_REPAIR_HINT,
            )


def _strings(string: object) -> tuple[str, ...]:
    return tuple(string) if isinstance(string, (list, tuple)) else (str(string or ""),)


def _agree_with_mo(
    path: Path, compiled: dict[tuple[str, str], Strings], messages: tuple[Message, ...]
) -> None:
    """What msgfmt compiled is exactly what the model calls translated."""
    expected = {_key(m.msgctxt, m.msgid): m.strings for m in messages if m.translated}
    if compiled == expected:
        return
    differing = sorted(compiled.keys() ^ expected.keys()) or sorted(
        key for key in expected if compiled.get(key) != expected[key]
    )
    raise CatalogSyntaxError(
        "GNU msgfmt compiles this entry differently from how it reads",
        path=path,
        line=next((m.line for m in messages if _key(m.msgctxt, m.msgid) == differing[0]), None),
        hint=_REPAIR_HINT,
    )


_PLURAL_HINT = "copy the Plural-Forms line from a PO file that 'tox -e update' created"


def plural_form_count(header: dict[str, str], path: Path, line: int) -> int:
    """The header's ``nplurals``, after proving its rule safe to evaluate for 0…199.

    Babel reads the header (``Catalog.num_plurals``, ``plural_expr``), as Sphinx
    does; the header is the truth, never Babel's locale default (CLDR gives Persian
    ``nplurals=1`` and orders Arabic unlike GNU gettext). Babel fills in
    ``nplurals=2`` or ``(n != 1)`` for a part it does not find, without a word, so
    a missing part is reported instead. Babel evaluates CLDR rules, not gettext's C
    expressions: the rule is evaluated with ``gettext.c2py``, as Python's gettext
    does when it reads the ``.mo``.
    """
    value = header.get("Plural-Forms", "")
    catalog = Catalog()
    try:
        catalog.mime_headers = [("Plural-Forms", value)]
    except ValueError:
        found = {}  # a count that is not a number
    else:
        found = parse_separated_header(f" ;{value}")
    if not {"nplurals", "plural"} <= found.keys():
        raise CatalogSyntaxError(
            f"the header's Plural-Forms is missing or malformed: {header.get('Plural-Forms')!r}",
            path=path,
            line=line,
            hint=_PLURAL_HINT,
        )
    try:
        rule = c2py(catalog.plural_expr)
        forms = {rule(n) for n in range(200)}
    except (ValueError, SyntaxError, ArithmeticError) as error:
        raise CatalogSyntaxError(
            f"the plural rule cannot be evaluated: {error}", path=path, line=line, hint=_PLURAL_HINT
        ) from None
    if max(forms) >= catalog.num_plurals:
        raise CatalogSyntaxError(
            f"the plural rule yields form {max(forms)} but nplurals is {catalog.num_plurals}",
            path=path,
            line=line,
            hint=_PLURAL_HINT,
        )
    return catalog.num_plurals
