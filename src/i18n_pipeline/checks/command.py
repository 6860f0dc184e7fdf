"""``i18n-pipeline check``: print the findings for translators (or as JSON) and decide.

Exit codes (:class:`~i18n_pipeline.errors.ExitCode`): 0 no errors (warnings, notes
and waived findings may have been printed), 1 at least one error, 64 an unknown
language or file on the command line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from i18n_pipeline.catalogs.glossary import load_glossary
from i18n_pipeline.checks.registry import ENTRY_CHECKS
from i18n_pipeline.checks.runner import (
    check_catalogs,
    check_easy_read_page,
    check_po_file,
    project_termbase,
)
from i18n_pipeline.config.site_config import easy_read_source
from i18n_pipeline.errors import ExitCode, PipelineError, UsageError
from i18n_pipeline.findings import Finding, Severity
from i18n_pipeline.io import write_json
from i18n_pipeline.lock import project_lock
from i18n_pipeline.project import Project

DESCRIPTION = (
    "Check PO files: gettext validity, markup, security, numbers, protected terms, the term "
    "base's renderings; "
    "and the Leichte Sprache page against the rules of easy-read German."
)


def epilog() -> str:
    fixed = sorted(c.id for c in ENTRY_CHECKS.values() if not c.waivable)
    return (
        "checks: " + ", ".join(sorted(ENTRY_CHECKS)) + ", gettext-syntax, gettext-header, "
        "gettext-plural, plural-table-drift, term-base-coverage. Waive one for an entry with a "
        "translator comment: "
        "'# check: ignore <id> -- <reason>'; waived findings are still listed. "
        f"These cannot be waived: {', '.join(fixed)}."
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The check's arguments, on its sub-command of the one command line (cli.py)."""
    parser.add_argument(
        "targets",
        nargs="*",
        help="language codes, PO files or the Leichte Sprache page's name (default: every "
        "translation and the Leichte Sprache page)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--fresh", action="store_true", help="check every file again, ignoring cached findings"
    )


def run(targets: Sequence[str], project: Project, fresh: bool = False) -> list[Finding]:
    if not targets:
        return check_catalogs(project, fresh=fresh) + check_easy_read_page(project, fresh=fresh)
    glossary = load_glossary(project.glossary_file)
    termbase = project_termbase(project)
    config = project.config
    codes = set(config.translation_codes)
    easy_read = [config.easy_read, easy_read_source(config.easy_read)] if config.easy_read else []
    findings: list[Finding] = []
    for target in targets:
        path = Path(target)
        if path.suffix == ".po":
            code = path.resolve().parent.parent.name
            if code not in codes or not path.is_file():
                raise UsageError(
                    f"{target}: not a PO file of one of the site's languages",
                    hint="pass locales/<lang>/LC_MESSAGES/<name>.po",
                )
            source = config.language(config.source_language)
            findings += check_po_file(path, config.language(code), glossary, termbase, source)
        elif target in easy_read[:1] or path.name in easy_read[1:]:
            findings += check_easy_read_page(project, fresh=fresh)
        elif target in codes:
            findings += check_catalogs(project, [config.language(target)], fresh=fresh)
        else:
            raise UsageError(
                f"{target!r} is neither a language code nor a PO file",
                hint=f"use one of: {', '.join([*sorted(codes), *easy_read[:1]])}",
            )
    return findings


def counts(findings: list[Finding]) -> dict[str, int]:
    return {
        "errors": sum(f.severity is Severity.ERROR for f in findings),
        "warnings": sum(f.severity is Severity.WARNING for f in findings),
        "waived": sum(f.severity is Severity.WAIVED for f in findings),
        "info": sum(f.severity is Severity.INFO for f in findings),
    }


def print_findings(findings: list[Finding]) -> int:
    """Print every finding, waived ones included; return the number of errors."""
    for finding in findings:
        print(finding.as_text())
    total = counts(findings)
    print(
        f"{total['errors']} error(s), {total['warnings']} warning(s), {total['waived']} waived, "
        f"{total['info']} note(s)"
    )
    return total["errors"]


def as_json(findings: list[Finding]) -> str:
    payload = {**counts(findings), "findings": [f.as_json() for f in findings]}
    return json.dumps(payload, indent=2, ensure_ascii=False)


def write_checks_report(findings: list[Finding], path: Path) -> Path:
    """``checks.json``: every finding, waived ones with their reasons, for reviewers."""
    write_json(path, {**counts(findings), "findings": [f.as_json() for f in findings]})
    return path


def run_command(args: argparse.Namespace) -> int:
    """The check as the command line runs it: findings printed, the exit code decided."""
    try:
        project = Project.discover(args.root)
        with project_lock(project, exclusive=False):
            findings = run(args.targets, project, args.fresh)
    except PipelineError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code
    if args.format == "json":
        print(as_json(findings))
        return ExitCode.FINDINGS if counts(findings)["errors"] else ExitCode.OK
    return ExitCode.FINDINGS if print_findings(findings) else ExitCode.OK
