"""Audit failures that are not accessibility findings, each with its own exit code."""

from __future__ import annotations

from i18n_pipeline.errors import PipelineError

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_TOOL_FAILURE = 6
EXIT_NO_BROWSER = 7
EXIT_NODE_SETUP = 8
EXIT_NO_PAGES = 9


class BrowserNotFoundError(PipelineError):
    exit_code = EXIT_NO_BROWSER


class NodeSetupError(PipelineError):
    exit_code = EXIT_NODE_SETUP


class ToolFailureError(PipelineError):
    """pa11y, the probe or the browser failed on a page even when retried: no verdict for it."""

    exit_code = EXIT_TOOL_FAILURE


class NoPagesError(PipelineError):
    exit_code = EXIT_NO_PAGES
