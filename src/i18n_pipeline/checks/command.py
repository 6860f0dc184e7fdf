"""``i18n-pipeline check``: print the findings for translators (or as JSON) and decide.

Exit codes: 0 no errors (warnings and waived findings may have been printed),
1 at least one error, 2 bad arguments (an unknown language or file).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from i18n_pipeline.checks.model import Finding, Severity
from i18n_pipeline.checks.registry import ENTRY_CHECKS
from i18n_pipeline.checks.runner import check_catalogs, check_easy_read_page, check_po_file
from i18n_pipeline.errors import PipelineError
from i18n_pipeline.glossary import load_glossary
from i18n_pipeline.io import write_atomically
from i18n_pipeline.lock import project_lock
from i18n_pipeline.project import Project
from i18n_pipeline.sphinxext.easy_read import easy_read_source

EXIT_CLEAN = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    fixed = sorted(c.id for c in ENTRY_CHECKS.values() if not c.waivable)
    parser = argparse.ArgumentParser(
        prog="i18n-pipeline check",
        description="Check PO files: gettext validity, markup, security, numbers, protected terms; "
        "and the Leichte Sprache page against the rules of easy-read German.",
        epilog="checks: " + ", ".join(sorted(ENTRY_CHECKS)) + ", gettext-syntax, gettext-header, "
        "gettext-plural. Waive one for an entry with a translator comment: "
        "'# check: ignore <id> -- <reason>'; waived findings are still listed. "
        f"These cannot be waived: {', '.join(fixed)}.",
    )
    parser.add_argument(
        "targets",
        nargs="*",
        help="language codes, PO files or the Leichte Sprache page's name (default: every "
        "translation and the Leichte Sprache page)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--root", type=Path, default=None, help="project root")
    parser.add_argument(
        "--fresh", action="store_true", help="check every file again, ignoring cached findings"
    )
    return parser


def run(targets: Sequence[str], project: Project, fresh: bool = False) -> list[Finding]:
    if not targets:
        return check_catalogs(project, fresh=fresh) + check_easy_read_page(project)
    glossary = load_glossary(project.glossary_file)
    config = project.config
    codes = set(config.translation_codes)
    easy_read = [config.easy_read, easy_read_source(config.easy_read)] if config.easy_read else []
    findings: list[Finding] = []
    for target in targets:
        path = Path(target)
        if path.suffix == ".po":
            code = path.resolve().parent.parent.name
            if code not in codes or not path.is_file():
                raise PipelineError(
                    f"{target}: not a PO file of one of the site's languages",
                    hint="pass locales/<lang>/LC_MESSAGES/<name>.po",
                )
            findings += check_po_file(path, config.language(code), glossary)
        elif target in easy_read[:1] or path.name in easy_read[1:]:
            findings += check_easy_read_page(project)
        elif target in codes:
            findings += check_catalogs(project, [config.language(target)], fresh=fresh)
        else:
            raise PipelineError(
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
    write_atomically(path, (as_json(findings) + "\n").encode("utf-8"))
    return path


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        project = Project.discover(args.root)
        with project_lock(project, exclusive=False):
            findings = run(args.targets, project, args.fresh)
    except PipelineError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code if error.exit_code != EXIT_ERRORS else EXIT_USAGE
    if args.format == "json":
        print(as_json(findings))
        return EXIT_ERRORS if counts(findings)["errors"] else EXIT_CLEAN
    return EXIT_ERRORS if print_findings(findings) else EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
