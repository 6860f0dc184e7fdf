"""``i18n-pipeline act [--suite PATH]`` (``tox -e act``): the audit on the W3C ACT rules'
test cases, its EARL report, and its consistency per ACT rule beside
axe-core's, Alfa's, QualWeb's and Equal Access's, judged by the same code from their
published EARL reports.

Without ``--suite`` it runs the five language rules' 62 cases from the copy in this
checkout (``tests/act/``); ``--suite ../shared/act-rules`` runs the whole suite (1,213
cases). Exit codes: 0 done; 1 the audit is less consistent than axe-core on some rule
with no reason in ``differences.json`` (a defect: the audit runs axe-core), or (on the
committed cases) a tool failed on some case; 4 no suite. In the whole suite a case a tool
failed on (one that navigates away while audited) has no outcome, "untested", as W3C
counts it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from i18n_pipeline.audit.act.cases import load_cases
from i18n_pipeline.audit.act.consistency import tool_results
from i18n_pipeline.audit.act.earl_read import read_earl, read_earl_file
from i18n_pipeline.audit.act.report import (
    DIFFERENCES_FILE,
    OURS,
    PEERS,
    Comparison,
    explained_differences,
    markdown,
    published_counts,
    replace_section,
)
from i18n_pipeline.audit.act.suite import SuiteRun, run_cases
from i18n_pipeline.cache.results import user_cache_root
from i18n_pipeline.errors import ExitCode, PipelineError, ProjectLayoutError
from i18n_pipeline.io import write_json
from i18n_pipeline.project import Project

#: The committed copy of the language rules' cases, below the checkout.
COMMITTED = Path("tests") / "act"


DESCRIPTION = __doc__.split("\n\n")[0]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The runner's arguments, on its sub-command of the one command line (cli.py)."""
    parser.add_argument(
        "--suite",
        type=Path,
        help="a copy of W3C's wcag-act-rules content (testcases.json, testcases/, "
        "test-assets/, earl/); default: the language rules' cases committed in tests/act/",
    )
    parser.add_argument("--rules", help="only these ACT rules (ids, comma-separated)")
    parser.add_argument(
        "--language-only", action="store_true", help="the audit's own checks alone: no browser"
    )
    parser.add_argument("--reports", type=Path, help="default: _build/reports/act")
    parser.add_argument(
        "--earl",
        type=Path,
        help="judge this EARL report of an earlier run on the same cases instead of "
        "auditing them again (the tables and docs are made anew)",
    )
    parser.add_argument(
        "--docs",
        type=Path,
        help="also write the table into this Markdown file (its own section, the rest kept)",
    )


def run_command(args: argparse.Namespace) -> int:
    """The runner as the command line runs it (``i18n-pipeline act``)."""
    try:
        return run(args)
    except PipelineError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code


def run(args: argparse.Namespace) -> int:
    try:
        project: Project | None = Project.discover(getattr(args, "root", None))
    except ProjectLayoutError:
        project = None
    if args.suite is None and project is None:
        raise ProjectLayoutError(
            "not in a checkout, and no --suite given",
            hint="run it in the project, or pass --suite PATH (a copy of W3C's ACT rules)",
        )
    suite = args.suite or project.root / COMMITTED  # type: ignore[union-attr]
    rules = tuple(args.rules.split(",")) if args.rules else ()
    cases = load_cases(suite, rules)
    scope = "language-rules" if args.suite is None else ("rules" if rules else "whole-suite")
    reports = args.reports or (project.reports_dir if project else Path.cwd()) / "act"
    cache_root = project.cache_dir if project else user_cache_root()
    started = time.perf_counter()
    print(f"ACT rules: {len(cases)} cases of {len({c.rule for c in cases})} rules from {suite}")
    if args.earl:
        ours = read_earl_file(args.earl)
        ran = SuiteRun({}, 0, ())
        earl = args.earl
    else:
        ran = run_cases(suite, cases, cache_root, args.language_only)
        earl = write_json_path(reports / f"act-{scope}.earl.json", ran.earl)
        ours = read_earl(ran.earl)
    tools = {OURS: tool_results(cases, ours)}
    for tool, name in PEERS.items():
        published = suite / "earl" / name
        if published.is_file():
            tools[tool] = tool_results(cases, read_earl_file(published))
    comparison = Comparison(tools, published_counts(suite), explained_differences())
    title = {
        "language-rules": "The five language rules",
        "whole-suite": "The whole suite",
        "rules": "Selected rules",
    }[scope]
    note = (
        f"{len(cases)} test cases of {len(tools[OURS])} ACT rules"
        + (" (the language-only checks, no browser)" if args.language_only else "")
        + ". Each cell: the consistency W3C's procedure gives, and how many of the rule's "
        "cases the tool got right (failed examples failed, no other example failed)."
    )
    table = markdown(comparison, title, note)
    write_json(
        reports / f"act-{scope}.json",
        {
            tool: [
                {
                    "rule": r.rule,
                    "consistency": r.consistency,
                    "procedures": list(r.procedures),
                    "right": r.right,
                    "cases": len(r.cases),
                    "wrong": [c.case.title for c in r.cases if not c.right],
                }
                for r in results
            ]
            for tool, results in tools.items()
        },
    )
    (reports / f"act-{scope}.md").write_text(table, encoding="utf-8")
    if args.docs:
        replace_section(args.docs, scope, table)
    print(table)
    for result in tools[OURS]:
        wrong = [c.case.title for c in result.cases if not c.right]
        if wrong:
            print(f"{result.rule}: wrong on {', '.join(wrong)}")
    seconds = time.perf_counter() - started
    print(f"EARL: {earl} ({seconds:.0f} s, {ran.browser_starts} browser start(s))")
    if ran.failures:
        print(f"the tools failed on {len(ran.failures)} case(s): untested", file=sys.stderr)
        if scope == "language-rules":
            return ExitCode.FINDINGS  # CI's cases load nothing that navigates: a real failure
    worse = comparison.unexplained()
    if worse:
        print(
            f"error: less consistent than axe-core on {', '.join(worse)}, and no reason is "
            f"given in {DIFFERENCES_FILE.name}: fix the audit, or say why there",
            file=sys.stderr,
        )
        return ExitCode.FINDINGS
    return ExitCode.OK


def write_json_path(path: Path, data: object) -> Path:
    write_json(path, data)
    return path
