"""``i18n-pipeline check``: print the findings for translators (or as JSON) and decide.

Exit codes: 0 no errors (warnings may have been printed), 1 at least one error,
2 bad arguments (an unknown language or file).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from i18n_pipeline.checks.glossary import load_glossary
from i18n_pipeline.checks.model import Finding, Severity
from i18n_pipeline.checks.registry import ENTRY_CHECKS
from i18n_pipeline.checks.runner import check_catalogs, check_po_file
from i18n_pipeline.errors import PipelineError
from i18n_pipeline.languages import language, translations
from i18n_pipeline.project import Project

EXIT_CLEAN = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="i18n-pipeline check",
        description="Check PO files: gettext validity, markup, security, numbers, protected terms.",
        epilog="checks: " + ", ".join(sorted(ENTRY_CHECKS)) + ", gettext-syntax, gettext-header, "
        "gettext-plural, msgfmt. Waive one for an entry with a translator comment: "
        "'# check: ignore <id> -- <reason>'.",
    )
    parser.add_argument(
        "targets", nargs="*", help="language codes or PO files (default: every translation)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--root", type=Path, default=None, help="project root")
    parser.add_argument(
        "--fresh", action="store_true", help="check every file again, ignoring cached findings"
    )
    return parser


def run(targets: Sequence[str], project: Project, fresh: bool = False) -> list[Finding]:
    if not targets:
        return check_catalogs(project, fresh=fresh)
    glossary = load_glossary(project.glossary_file)
    codes = {lang.code for lang in translations()}
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
            findings += check_po_file(path, language(code), glossary)
        elif target in codes:
            findings += check_catalogs(project, [language(target)], fresh=fresh)
        else:
            raise PipelineError(
                f"{target!r} is neither a language code nor a PO file",
                hint=f"use one of: {', '.join(sorted(codes))}",
            )
    return findings


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        project = Project.discover(args.root)
        findings = run(args.targets, project, args.fresh)
    except PipelineError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if args.format == "json":
        print(
            json.dumps(
                {
                    "errors": len(errors),
                    "warnings": len(findings) - len(errors),
                    "findings": [f.as_json() for f in findings],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        for finding in findings:
            print(finding.as_text())
        print(f"{len(errors)} error(s), {len(findings) - len(errors)} warning(s)")
    return EXIT_ERRORS if errors else EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
