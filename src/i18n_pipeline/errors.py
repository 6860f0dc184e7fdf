"""Errors written for the person who has to act on them.

Each carries the file (and line, where known) and what to do, so the command
line can print one clear line instead of a traceback.
"""

from __future__ import annotations

from pathlib import Path


class PipelineError(Exception):
    """An expected failure: bad input or a missing tool, not a bug."""

    exit_code = 1

    def __init__(
        self, message: str, *, path: Path | None = None, line: int | None = None, hint: str = ""
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def __reduce__(self) -> tuple[object, ...]:
        # Keep file, line and hint when the error crosses a process boundary.
        return (_rebuild, (type(self), self.message, self.path, self.line, self.hint))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        text = f"{where}{self.message}"
        return f"{text}\n  what to do: {self.hint}" if self.hint else text


class CatalogSyntaxError(PipelineError):
    """A PO file that gettext cannot read."""

    exit_code = 2


class BuildError(PipelineError):
    """Sphinx failed or warned while building one language."""

    exit_code = 3


class ProjectLayoutError(PipelineError):
    """The directory does not look like this project (no conf.py or source/)."""

    exit_code = 4


class BuildLockedError(PipelineError):
    """Another pipeline run holds the build lock."""

    exit_code = 5


def _rebuild(
    cls: type[PipelineError], message: str, path: Path | None, line: int | None, hint: str
) -> PipelineError:
    return cls(message, path=path, line=line, hint=hint)
