"""What a check reports, and what it gets to look at."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from i18n_pipeline.catalogs.termbase import TermBase
from i18n_pipeline.config.languages import Language, language
from i18n_pipeline.text.printable import printable


class Severity(enum.StrEnum):
    ERROR = "error"  # stops the build
    WARNING = "warning"  # printed, does not stop anything
    WAIVED = "waived"  # a finding a translator waived, with the reason: listed, never hidden
    INFO = "info"  # said for the record (an upstream table that differs): stops nothing


@dataclass(frozen=True)
class Finding:
    """One problem in one PO file, said so that a translator can act on it."""

    path: Path
    line: int
    check: str
    severity: Severity
    message: str
    hint: str
    msgid: str = ""

    def as_text(self) -> str:
        """The finding for a terminal: what came from a PO file (the path, the msgid, a
        message quoting the msgstr or a waiver's reason) has its control characters
        escaped, so that it cannot rewrite the lines around it."""
        where = printable(f"{self.path}:{self.line}")
        text = f"{where}: {self.severity}: {printable(self.message)} ({self.check})"
        if self.msgid:
            shown = self.msgid if len(self.msgid) <= 70 else self.msgid[:67] + "..."
            text += f"\n    msgid: {printable(shown)}"
        return f"{text}\n    what to do: {printable(self.hint)}"

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Finding:
        return cls(
            Path(str(data["path"])),
            int(data["line"]),  # type: ignore[call-overload]
            str(data["check"]),
            Severity(str(data["severity"])),
            str(data["message"]),
            str(data["hint"]),
            str(data["msgid"]),
        )

    def as_json(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "line": self.line,
            "check": self.check,
            "severity": str(self.severity),
            "message": self.message,
            "hint": self.hint,
            "msgid": self.msgid,
        }


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
