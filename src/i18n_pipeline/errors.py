"""Errors written for the person who has to act on them, and the one exit-code table.

Each carries the file (and line, where known) and what to do, so the command
line can print one clear line instead of a traceback.

Exit codes of every command:

=====  ===========================================================
0      success
1      findings: the PO checks, the output check or the audit found errors
2      a PO file (or another input) that cannot be read as it must be
3      Sphinx failed or warned while building
4      not this project's layout (no conf.py or source/), or a conf.py the pipeline
       cannot use (its site values missing or wrong)
5      another pipeline command holds the project lock
6      an audit tool failed (the audit documents its own codes)
7      a required tool (GNU msgfmt, a browser) is missing
70     internal error: a bug of the pipeline, never a verdict on the input
130    interrupted
=====  ===========================================================
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


class InputMissingError(CatalogSyntaxError):
    """An input the site is built from is missing: nothing stale may stand in for it."""


class ShardError(CatalogSyntaxError):
    """A shard (one language built on its own) that cannot be assembled: missing,
    doubled, stale or from other inputs. Built from other inputs, it must not be
    published beside the rest."""


class BuildError(PipelineError):
    """Sphinx failed or warned while building one language."""

    exit_code = 3


class ProjectLayoutError(PipelineError):
    """The directory does not look like this project (no conf.py or source/)."""

    exit_code = 4


class ConfigurationError(ProjectLayoutError):
    """conf.py lacks what the pipeline needs of a project, or states it wrongly."""


class BuildLockedError(PipelineError):
    """Another pipeline run holds the project lock."""

    exit_code = 5


class MissingToolError(PipelineError):
    """A tool the pipeline requires is not installed."""

    exit_code = 7


#: A traceback: a bug of ours, reported apart from any finding (sysexits' EX_SOFTWARE).
EXIT_INTERNAL_ERROR = 70
EXIT_FINDINGS = 1
EXIT_INTERRUPTED = 130


def _rebuild(
    cls: type[PipelineError], message: str, path: Path | None, line: int | None, hint: str
) -> PipelineError:
    return cls(message, path=path, line=line, hint=hint)
