"""What every check reports, in one shape: the PO checks, the output check, the audit and
the PDF checks. A reviewer reads one kind of line, a report holds one kind of record, and
a tool that needs more (the audit: runner, criterion, selector) extends it."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from i18n_pipeline.text.printable import printable


class Severity(enum.StrEnum):
    ERROR = "error"  # stops the build
    WARNING = "warning"  # printed, does not stop anything
    WAIVED = "waived"  # a finding a translator waived, with the reason: listed, never hidden
    INFO = "info"  # said for the record (an upstream table that differs): stops nothing


@dataclass(frozen=True, kw_only=True)
class Finding:
    """One problem at one place, said so that whoever owns the input can act on it."""

    path: Path  # the PO file, the page or the PDF
    line: int = 0  # 0: the whole file or page
    rule: str  # which check found it (``numbers``, ``output-script``, ``color-contrast``)
    severity: Severity
    message: str
    fix: str = ""  # what to do about it
    subject: str = ""  # what the finding quotes: a PO finding's msgid

    def as_text(self) -> str:
        """The finding for a terminal: what came from a PO file or a page (the path, the
        subject, a message quoting the msgstr or a waiver's reason) has its control
        characters escaped, so that it cannot rewrite the lines around it."""
        where = printable(f"{self.path}:{self.line}" if self.line else str(self.path))
        text = f"{where}: {self.severity}: {printable(self.message)} ({self.rule})"
        if self.subject:
            shown = self.subject if len(self.subject) <= 70 else self.subject[:67] + "..."
            text += f"\n    about: {printable(shown)}"
        return f"{text}\n    what to do: {printable(self.fix)}" if self.fix else text

    def as_json(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "line": self.line,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "fix": self.fix,
            "subject": self.subject,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Finding:
        return cls(
            path=Path(str(data["path"])),
            line=int(data["line"]),  # type: ignore[call-overload]
            rule=str(data["rule"]),
            severity=Severity(str(data["severity"])),
            message=str(data["message"]),
            fix=str(data["fix"]),
            subject=str(data["subject"]),
        )
