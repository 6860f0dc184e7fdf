"""What a PO check gets to look at (what it reports is a ``findings.Finding``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from i18n_pipeline.catalogs.termbase import TermBase
from i18n_pipeline.config.languages import Language, language


@dataclass(frozen=True)
class Entry:
    """One translated message as the entry checks see it."""

    msgid: str
    msgstr: str
    line: int
    flags: tuple[str, ...] = ()
    translator_comment: str = ""


@dataclass(frozen=True)
class Context:
    """What every check of one file may need: its language, the glossary and the term base."""

    path: Path
    language: Language
    glossary: tuple[str, ...] = field(default_factory=tuple)
    termbase: TermBase = field(default_factory=TermBase)
    #: The language every msgid is written in: the project's site_source_language (the
    #: runner passes it; German by default, for a check called on its own).
    source: Language = field(default_factory=lambda: language("de"))
