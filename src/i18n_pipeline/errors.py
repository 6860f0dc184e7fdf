"""Errors written for the person who has to act on them, and the one exit-code table.

Each carries the file (and line, where known) and what to do, so the command
line can print one clear line instead of a traceback.

The exit codes of every command, the audit's included, are :class:`ExitCode`: one
table, so that no command gives a number another uses for something else (the
check once answered a usage error with 2, "an input that cannot be read").
"""

from __future__ import annotations

import enum
from pathlib import Path

from i18n_pipeline.text.printable import printable


class ExitCode(enum.IntEnum):
    """What every command's exit status means."""

    OK = 0
    FINDINGS = 1  # the PO checks, the output check or the audit found errors
    INPUT_UNREADABLE = 2  # a PO file (or another input) that cannot be read as it must be
    BUILD_FAILED = 3  # Sphinx failed or warned while building
    NOT_A_PROJECT = 4  # no conf.py or source/ here, or a conf.py without the site values
    LOCKED = 5  # another pipeline command holds the project lock
    TOOL_FAILED = 6  # an audit tool failed on a page even when retried: no verdict for it
    MISSING_TOOL = 7  # a required tool, library or font is missing (a browser too)
    NODE_SETUP = 8  # the audit's Node environment could not be set up
    NO_PAGES = 9  # nothing to audit
    USAGE = 64  # the command line itself is wrong (sysexits' EX_USAGE)
    INTERNAL_ERROR = 70  # a bug of the pipeline, never a verdict on the input (EX_SOFTWARE)
    INTERRUPTED = 130  # Ctrl-C or SIGTERM


class PipelineError(Exception):
    """An expected failure: bad input or a missing tool, not a bug."""

    exit_code: int = ExitCode.FINDINGS

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
        """One line for the terminal (and the hint): a file name or message quoting an
        input has its control characters escaped (:mod:`i18n_pipeline.text.printable`)."""
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        text = printable(f"{where}{self.message}")
        return f"{text}\n  what to do: {printable(self.hint)}" if self.hint else text


class CatalogSyntaxError(PipelineError):
    """A PO file that gettext cannot read."""

    exit_code = ExitCode.INPUT_UNREADABLE


class InputRefusedError(CatalogSyntaxError):
    """An input that is not a regular file of a sane size (a link, a device, gigabytes):
    refused before it is read, and never quoted."""


class InputMissingError(CatalogSyntaxError):
    """An input the site is built from is missing: nothing stale may stand in for it."""


class TermBaseError(CatalogSyntaxError):
    """A term base (TBX) that cannot be read, or that says something twice or not at all:
    checked against it, the translations would pass or fail for the wrong reason."""


class ShardError(CatalogSyntaxError):
    """A shard (one language built on its own) that cannot be assembled: missing,
    doubled, stale or from other inputs. Built from other inputs, it must not be
    published beside the rest."""


class BuildError(PipelineError):
    """Sphinx failed or warned while building one language."""

    exit_code = ExitCode.BUILD_FAILED


class ProjectLayoutError(PipelineError):
    """The directory does not look like this project (no conf.py or source/)."""

    exit_code = ExitCode.NOT_A_PROJECT


class ConfigurationError(ProjectLayoutError):
    """conf.py lacks what the pipeline needs of a project, or states it wrongly."""


class BuildLockedError(PipelineError):
    """Another pipeline run holds the project lock."""

    exit_code = ExitCode.LOCKED


class MissingToolError(PipelineError):
    """A tool the pipeline requires is not installed."""

    exit_code = ExitCode.MISSING_TOOL


class UsageError(PipelineError):
    """The command line names something that is not there (an unknown language, a file)."""

    exit_code = ExitCode.USAGE


def _rebuild(
    cls: type[PipelineError], message: str, path: Path | None, line: int | None, hint: str
) -> PipelineError:
    return cls(message, path=path, line=line, hint=hint)
