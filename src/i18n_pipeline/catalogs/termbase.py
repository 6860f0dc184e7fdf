"""The term base: the declaration's key terms and the rendering each language approved.

It is a TBX file (TermBase eXchange, ISO 30042), the format Weblate and
translate-toolkit read, so the file that the ``term-base`` check enforces is the
one translators import. translate-toolkit reads it; this module keeps what the
check needs: per term entry, the source-language term and, per language, one
preferred term, the admitted variants and the forbidden renderings with the reason
they are forbidden.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from lxml import etree
from translate.misc.xml_helpers import getXMLlang
from translate.storage.tbx import TBXTerm, tbxfile, tbxunit

from i18n_pipeline.errors import InputMissingError, TermBaseError

#: translate-toolkit's readers of a unit's ``<langSet>`` elements and their xml:lang (untyped).
_language_nodes: Callable[[tbxunit], list[etree._Element]] = tbxunit.getlanguageNodes
_xml_lang: Callable[[etree._Element], str | None] = getXMLlang

#: TBX-Basic's values of ``<termNote type="administrativeStatus">``, lower case.
PREFERRED = "preferredterm-admn-sts"
FORBIDDEN = frozenset({"deprecatedterm-admn-sts", "supersededterm-admn-sts", "deprecated"})


@dataclass(frozen=True)
class Forbidden:
    """A rendering that must not be used, and why (the TBX note on the term)."""

    text: str
    reason: str = ""


@dataclass(frozen=True)
class Rendering:
    """One language's terms for one entry. ``preferred`` is "" when the language has
    only forbidden terms: it then has no entry in the sense of the coverage check."""

    preferred: str
    admitted: tuple[str, ...] = ()
    forbidden: tuple[Forbidden, ...] = ()

    @property
    def accepted(self) -> tuple[str, ...]:
        return (self.preferred, *self.admitted) if self.preferred else self.admitted


@dataclass(frozen=True)
class TermEntry:
    """One concept (``<termEntry>``): its source-language terms and its renderings."""

    id: str
    line: int
    source: tuple[str, ...]
    renderings: dict[str, Rendering] = field(default_factory=dict)

    def rendering(self, code: str) -> Rendering | None:
        return self.renderings.get(language_key(code))


@dataclass(frozen=True)
class TermBase:
    """Every entry of the term base; ``digest`` is the file's, so cached findings of an
    older term base are not reused."""

    path: Path = Path("termbase.tbx")
    entries: tuple[TermEntry, ...] = ()
    digest: str = ""
    source_language: str = ""

    def missing(self, code: str) -> tuple[TermEntry, ...]:
        """The entries that give the language no preferred (or admitted) term; none for the
        source language, whose terms every entry has."""
        if language_key(code) == self.source_language:
            return ()
        return tuple(e for e in self.entries if not (r := e.rendering(code)) or not r.accepted)


def language_key(code: str) -> str:
    """``pt_BR``, ``pt-br`` and ``pt-BR`` are one language, as xml:lang and gettext write it."""
    return code.replace("_", "-").lower()


def read_termbase(path: Path, source_language: str) -> TermBase:
    """Every entry of the TBX file at ``path``; a missing file is an error, not an empty
    term base (without it no term would be checked, and every check would still pass)."""
    if not path.is_file():
        raise InputMissingError(
            "the term base is missing",
            path=path,
            hint="restore termbase.tbx (the key terms and their approved renderings) "
            "from the repository",
        )
    data = path.read_bytes()
    store = _parse(data, path)
    entries = tuple(_entry(unit, path, language_key(source_language)) for unit in store.units)
    return TermBase(path, entries, hashlib.sha256(data).hexdigest(), language_key(source_language))


def _parse(data: bytes, path: Path) -> tbxfile:
    hint = "repair the file (an XML editor shows where), or restore it from the repository"
    try:
        store = tbxfile(BytesIO(data))
    except etree.XMLSyntaxError as error:
        raise TermBaseError(
            f"the term base is not well-formed XML: {error.msg}",
            path=path,
            line=error.lineno or 1,
            hint=hint,
        ) from None
    except AssertionError:  # translate-toolkit's own test of the root element
        store = None
    if store is None or etree.QName(store.document.getroot()).localname != "martif":
        raise TermBaseError("the file is not TBX: its root is not <martif>", path=path, hint=hint)
    return store


def _entry(unit: tbxunit, path: Path, source: str) -> TermEntry:
    line = unit.xmlelement.sourceline or 1
    identifier = str(unit.xmlelement.get("id") or f"line {line}")
    renderings: dict[str, Rendering] = {}
    for node in _language_nodes(unit):
        code = language_key(_xml_lang(node) or "")
        if code in renderings:
            raise TermBaseError(
                f"term entry {identifier!r} has two <langSet>s for {code!r}",
                path=path,
                line=node.sourceline or line,
                hint="merge them into one: one preferred term, the others admitted or forbidden",
            )
        renderings[code] = _rendering(unit.get_target_terms(code), identifier, code, path, line)
    german = renderings.pop(source, None)
    if german is None or not german.accepted:
        raise TermBaseError(
            f"term entry {identifier!r} has no term in the source language ({source!r})",
            path=path,
            line=line,
            hint=f'give it a <langSet xml:lang="{source}"> with the term as the source text has it',
        )
    return TermEntry(identifier, line, german.accepted, renderings)


def _rendering(
    terms: list[TBXTerm], identifier: str, code: str, path: Path, line: int
) -> Rendering:
    """Preferred, admitted and forbidden terms; a term without a status is admitted, and
    the first one is preferred where none is marked (as an export from Weblate has it)."""
    forbidden = tuple(
        Forbidden(term.text, " ".join(note.text for note in term.notes if note.scope == "term"))
        for term in terms
        if _status(term) in FORBIDDEN and term.text.strip()
    )
    allowed = [t.text for t in terms if _status(t) not in FORBIDDEN and t.text.strip()]
    preferred = [t.text for t in terms if _status(t) == PREFERRED and t.text.strip()]
    if len(preferred) > 1:
        raise TermBaseError(
            f"term entry {identifier!r} has {len(preferred)} preferred terms for {code!r}",
            path=path,
            line=line,
            hint="keep one preferredTerm-admn-sts per language; mark the others "
            "admittedTerm-admn-sts",
        )
    first = preferred[0] if preferred else (allowed[0] if allowed else "")
    return Rendering(first, tuple(t for t in allowed if t != first), forbidden)


def _status(term: TBXTerm) -> str:
    return (term.administrative_status or "").strip().lower()
