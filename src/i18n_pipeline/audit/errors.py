"""Audit failures that are not accessibility findings, each with its own exit code."""

from __future__ import annotations

from i18n_pipeline.errors import ExitCode, PipelineError


class BrowserNotFoundError(PipelineError):
    exit_code = ExitCode.MISSING_TOOL


class NodeSetupError(PipelineError):
    exit_code = ExitCode.NODE_SETUP


class ToolFailureError(PipelineError):
    """pa11y, the probe or the browser failed on a page even when retried: no verdict for it."""

    exit_code = ExitCode.TOOL_FAILED


class NoPagesError(PipelineError):
    exit_code = ExitCode.NO_PAGES
