"""``i18n-pipeline``: the command line behind the tox environments.

This module only parses arguments and prints; the stages do the work and
return plain data. The exit codes are one table, in :mod:`i18n_pipeline.errors`:
a traceback is an internal error (70), never mistaken for a finding (1).
"""

from __future__ import annotations

import argparse
import gc
import logging
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from i18n_pipeline.errors import (
    ExitCode,
    InputMissingError,
    MissingToolError,
    PipelineError,
    UsageError,
)
from i18n_pipeline.lock import project_lock
from i18n_pipeline.project import Project


def _project(args: argparse.Namespace) -> Project:
    return Project.discover(args.root)


def cmd_extract(args: argparse.Namespace) -> int:
    from i18n_pipeline.build.extract import extract_messages

    for pot in extract_messages(_project(args)):
        print(f"wrote {pot}")
    return 0


def cmd_update(args: argparse.Namespace) -> int:
    from i18n_pipeline.build.extract import extract_messages
    from i18n_pipeline.catalogs.update import update_catalogs

    project = _project(args)
    config = project.config
    languages = [config.language(code) for code in args.languages] or config.translations
    with project_lock(project, exclusive=True):
        print("extracting messages from source/ ...")
        extract_messages(project)
        results = update_catalogs(project, languages)
    for result in results:
        detail = f" (+{result.added}, -{result.removed})" if result.status == "updated" else ""
        print(f"{result.status:>9}: {result.po_file.relative_to(project.root)}{detail}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Check and build into _build/scratch; only ``site`` publishes."""
    from i18n_pipeline.jobs.site import build_scratch

    project = _project(args)
    started = time.perf_counter()
    scratch, results = build_scratch(project, fresh=args.fresh, jobs=args.jobs)
    built = sum(r.status == "built" for r in results)
    print(
        f"built into {scratch}, not published ({built} built, {len(results) - built} reused, "
        f"{time.perf_counter() - started:.1f} s); 'tox -e site' checks, audits and publishes"
    )
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from i18n_pipeline.catalogs.readability import measure_site
    from i18n_pipeline.catalogs.stats import collect_stats, format_paragraphs, report_stats

    project = _project(args)
    with project_lock(project, exclusive=False):
        stats = collect_stats(project)
        # Readability is a property of pages: measured on the published site, if any.
        readability = measure_site(
            project.site_dir, project.config, project.cache_dir / "readability"
        )
    report_stats(stats, project.reports_dir, readability)
    for code in args.paragraphs:
        project.config.language(code)  # a language the site does not have fails here
        print(f"\n{code}:")
        print("\n".join(format_paragraphs(s) for s in stats if s.code == code))
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    """A native speaker records that they read the language's translation against the German."""
    import datetime as dt

    from i18n_pipeline.catalogs.review import record_review, reviews_file
    from i18n_pipeline.catalogs.snapshot import take_snapshot

    project = _project(args)
    lang = project.config.language(args.language)
    with project_lock(project, exclusive=True):
        snapshot = take_snapshot(project, [lang])
        snapshot.require_readable()
        catalogs = [
            c for c in snapshot.of(lang.code) if not args.documents or c.domain in args.documents
        ]
        path = reviews_file(project.root, lang.code)
        added = record_review(path, catalogs, args.by, dt.date.fromisoformat(args.date))
    print(
        f"recorded {added} entr{'y' if added == 1 else 'ies'} of {lang.english_name} as reviewed "
        f"by {args.by} on {args.date} in {path.relative_to(project.root)}; an entry edited "
        "later is a draft again by itself"
    )
    return 0


def cmd_verify_reviews(args: argparse.Namespace) -> int:
    """A merge request's commits: no review or trust statement forged by the translator."""
    from i18n_pipeline.checks.command import print_findings
    from i18n_pipeline.checks.review_guard import guard_reviews

    project = _project(args)
    errors = print_findings(guard_reviews(project.root, args.base, args.head))
    return ExitCode.FINDINGS if errors else ExitCode.OK


def cmd_pruefgruppe(args: argparse.Namespace) -> int:
    """A Prüfgruppe's check of the Leichte Sprache page, recorded by the person who saw it."""
    import datetime as dt

    from i18n_pipeline.catalogs.pruefgruppe import record_check
    from i18n_pipeline.config.site_config import easy_read_source

    project = _project(args)
    if not project.config.easy_read:
        raise UsageError(
            "this project has no Leichte Sprache page", hint="site_easy_read in conf.py names it"
        )
    source = project.source_dir / easy_read_source(project.config.easy_read)
    if not source.is_file():
        raise InputMissingError(
            "the Leichte Sprache page is missing",
            path=source,
            hint="restore it from the repository",
        )
    path = project.easy_read_record_file
    if path is None:
        raise UsageError(
            "this project records no Prüfgruppe check",
            hint="name the record's file in conf.py: site_easy_read_record",
        )
    with project_lock(project, exclusive=True):
        check = record_check(path, source, args.by, dt.date.fromisoformat(args.date), args.readers)
    print(
        f"recorded that {check.by} ({check.readers} readers) checked "
        f"{source.relative_to(project.root)} on {check.date} in {path.relative_to(project.root)}; "
        "an edit to the page later makes it unchecked again by itself"
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from i18n_pipeline.checks.command import run_command

    return run_command(args)


def cmd_audit(args: argparse.Namespace) -> int:
    from i18n_pipeline.audit.command import run_command
    from i18n_pipeline.jobs.site_languages import site_languages

    return run_command(args, own_site_languages=site_languages)


def cmd_act(args: argparse.Namespace) -> int:
    from i18n_pipeline.audit.act.command import run_command

    return run_command(args)


def cmd_preview(args: argparse.Namespace) -> int:
    from i18n_pipeline.jobs.preview import known_language, serve_preview

    project = _project(args)
    if not known_language(project, args.language):
        raise UsageError(
            f"{args.language!r} is not one of the site's languages",
            hint=f"use one of {', '.join(project.config.codes)} (site_languages in conf.py)",
        )
    _preflight(project)
    with project_lock(project, exclusive=False):
        return serve_preview(project, args.language, port=args.port)


def cmd_doctor(args: argparse.Namespace) -> int:
    """The machine's side, as a table: what every command needs and where it was found."""
    from i18n_pipeline.jobs.preflight import (
        EVERYTHING,
        ensure_requirements,
        format_table,
        missing_packages,
        survey,
    )

    project = _project(args)
    try:  # as root on Debian, installs what is missing first, as every command would
        requirements = ensure_requirements(EVERYTHING, project=project)
    except MissingToolError:
        requirements = survey(EVERYTHING, project=project)
    print(format_table(requirements))
    packages = missing_packages(requirements)
    if packages:
        print(f"\nmissing; as root: apt-get install {' '.join(packages)}")
        return MissingToolError.exit_code
    print("\neverything the pipeline and its tests need is here")
    return 0


def _preflight(project: Project) -> None:
    """Every system requirement of a run, before any of its work (see preflight.py)."""
    from i18n_pipeline.jobs.preflight import SITE, ensure_requirements

    ensure_requirements(SITE, project=project)


def cmd_site(args: argparse.Namespace) -> int:
    """The main job: check translations, build every language, report, audit, publish."""
    project = _project(args)
    if not (args.fresh or args.skip_audit) and _published_is_current(project):
        print(
            f"nothing changed since {project.site_dir} was published: its checks, build, "
            f"statistics and audit stand (reports in {project.reports_dir}); "
            "--fresh runs every step again"
        )
        return 0
    from i18n_pipeline.jobs.site import run_site

    _preflight(project)
    return run_site(project, fresh=args.fresh, jobs=args.jobs, audit=not args.skip_audit)


def _published_is_current(project: Project) -> bool:
    """Asked before anything heavy is imported (cache/unchanged.py)."""
    from i18n_pipeline.cache.unchanged import unchanged_since_published
    from i18n_pipeline.timings import stage

    with stage("unchanged inputs?"), project_lock(project, exclusive=True):
        return unchanged_since_published(project)


def cmd_shard(args: argparse.Namespace) -> int:
    """One language checked, built and audited on its own: a CI matrix job."""
    from i18n_pipeline.jobs.scaleout import run_shard

    project = _project(args)
    _preflight(project)
    return run_shard(project, args.language, args.out, fresh=args.fresh, jobs=args.jobs)


def cmd_assemble(args: argparse.Namespace) -> int:
    """The shards of every language verified, assembled, audited and published."""
    from i18n_pipeline.jobs.scaleout import run_assemble

    project = _project(args)
    _preflight(project)
    return run_assemble(project, args.shards, reaudit=args.reaudit)


class CommandLine(argparse.ArgumentParser):
    """The one parser of every command: a usage error exits with ExitCode.USAGE (64), not
    argparse's 2, which the table gives to an input that cannot be read.

    ``fill``: a command whose arguments are defined beside code that is slow to import
    (the check's registry, the audit's tools) gets them only when that command is run or
    its help is shown, so that ``site`` on unchanged inputs loads none of it.
    """

    def __init__(
        self,
        *args: Any,
        fill: Callable[[argparse.ArgumentParser], None] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._fill = fill

    def _filled(self) -> None:
        if self._fill is not None:
            fill, self._fill = self._fill, None
            fill(self)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        self._filled()
        return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        self._filled()
        return super().format_help()

    def format_usage(self) -> str:
        self._filled()
        return super().format_usage()

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = CommandLine(prog="i18n-pipeline", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--root",
        type=Path,
        default=None,
        help="project root (default: found from the current directory)",
    )
    parser.set_defaults(verbosity=logging.INFO)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=CommandLine)
    # ``--root`` also after the command (``i18n-pipeline site --root examples/aushang``): each
    # command's parser takes it too, with no default that would undo one given before.
    root_after = CommandLine(add_help=False)
    root_after.add_argument("--root", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    for options in (parser, root_after):
        shown = options is parser
        # Hidden options in a mutually exclusive group break argparse's usage line (3.11).
        verbosity = options.add_mutually_exclusive_group() if shown else options
        verbosity.add_argument(
            "-q",
            "--quiet",
            dest="verbosity",
            action="store_const",
            const=logging.WARNING,
            default=argparse.SUPPRESS,
            help="no progress lines, only results and errors" if shown else argparse.SUPPRESS,
        )
        verbosity.add_argument(
            "-v",
            "--verbose",
            dest="verbosity",
            action="store_const",
            const=logging.DEBUG,
            default=argparse.SUPPRESS,
            help="also Sphinx's own output for every build" if shown else argparse.SUPPRESS,
        )

    def command(name: str, **options: Any) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[root_after], **options)

    command("extract", help="write POT templates to _build/gettext").set_defaults(func=cmd_extract)

    update = command("update", help="extract, then merge templates into every PO file")
    update.add_argument("languages", nargs="*", help="language codes (default: all translations)")
    update.set_defaults(func=cmd_update)

    for name, func, text in (
        ("build", cmd_build, "check and build every language into _build/scratch (no publish)"),
        ("site", cmd_site, "check, build, report and audit: the main job"),
    ):
        sub = command(name, help=text)
        sub.add_argument(
            "--fresh", action="store_true", help="ignore all caches and rebuild everything"
        )
        sub.add_argument(
            "--jobs", type=int, default=None, help="parallel builds (default: one per core)"
        )
        if name == "site":
            sub.add_argument(
                "--skip-audit",
                action="store_true",
                help="build into _build/scratch without the audit; publishes nothing",
            )
        sub.set_defaults(func=func)

    shard = command(
        "shard", help="check, build and audit one language into a shard (a CI matrix job)"
    )
    shard.add_argument("--language", required=True, help="language code, e.g. fa (de: German)")
    shard.add_argument(
        "--out", type=Path, required=True, help="the shard's directory (replaced if a shard)"
    )
    shard.add_argument("--fresh", action="store_true", help="ignore all caches")
    shard.add_argument("--jobs", type=int, default=None, help=argparse.SUPPRESS)
    shard.set_defaults(func=cmd_shard)

    assemble = command(
        "assemble",
        help="verify one shard per language, assemble the site, audit and publish it",
    )
    assemble.add_argument("shards", nargs="+", type=Path, metavar="DIR", help="shard directories")
    assemble.add_argument(
        "--reaudit",
        action="store_true",
        help="audit every page again instead of taking the shards' audit results",
    )
    assemble.set_defaults(func=cmd_assemble)

    command(
        "doctor", help="the system requirements (browser, gettext, Node, Pango, fonts): a table"
    ).set_defaults(func=cmd_doctor)

    stats = command("stats", help="translation and review progress per language")
    stats.add_argument(
        "--paragraphs",
        nargs="+",
        default=[],
        metavar="LANG",
        help="also list every paragraph of these languages with its state",
    )
    stats.set_defaults(func=cmd_stats)

    review = command(
        "review", help="record that a native speaker reviewed a language (or some documents)"
    )
    review.add_argument("language", help="language code, e.g. fa")
    review.add_argument("--by", required=True, help="the reviewer's name")
    review.add_argument(
        "--date", default=_today(), help="the day of the review (ISO, default: today)"
    )
    review.add_argument(
        "documents",
        nargs="*",
        help="only these documents (their names in source/; sphinx: the page chrome)",
    )
    review.set_defaults(func=cmd_review)

    verify_reviews = command(
        "verify-reviews",
        help="refuse commits that mark reviews or reword trust statements without a "
        "reviewer's signature, or in the same change as the translation",
    )
    verify_reviews.add_argument(
        "--base", required=True, help="the revision the change starts from (a merge base)"
    )
    verify_reviews.add_argument("--head", default="HEAD", help="the change's last commit")
    verify_reviews.set_defaults(func=cmd_verify_reviews)

    pruefgruppe = command(
        "pruefgruppe",
        help="record that a Prüfgruppe (readers with learning difficulties) checked the "
        "Leichte Sprache page",
    )
    pruefgruppe.add_argument("--by", required=True, help="the Prüfgruppe's name")
    pruefgruppe.add_argument(
        "--readers",
        type=int,
        required=True,
        help="how many Prüferinnen and Prüfer read the page (the Netzwerk asks for at least 2)",
    )
    pruefgruppe.add_argument(
        "--date", default=_today(), help="the day of the check (ISO, default: today)"
    )
    pruefgruppe.set_defaults(func=cmd_pruefgruppe)

    preview = command("preview", help="serve one language on 127.0.0.1, rebuilt on save")
    preview.add_argument("language", help="language code, e.g. fa")
    preview.add_argument(
        "--port", type=int, default=8000, help="port (0: any free port; default 8000)"
    )
    preview.set_defaults(func=cmd_preview)

    command(
        "check", help="check PO files (see: i18n-pipeline check --help)", fill=_check_arguments
    ).set_defaults(func=cmd_check)
    command(
        "audit", help="audit a built site (see: i18n-pipeline audit --help)", fill=_audit_arguments
    ).set_defaults(func=cmd_audit)
    command(
        "act",
        help="the audit on W3C's ACT test cases, beside the published tools (tox -e act)",
        fill=_act_arguments,
    ).set_defaults(func=cmd_act)
    return parser


def _check_arguments(parser: argparse.ArgumentParser) -> None:
    from i18n_pipeline.checks import command as check_command

    parser.description, parser.epilog = check_command.DESCRIPTION, check_command.epilog()
    check_command.add_arguments(parser)


def _audit_arguments(parser: argparse.ArgumentParser) -> None:
    from i18n_pipeline.audit import command as audit_command

    parser.description = audit_command.DESCRIPTION
    audit_command.add_arguments(parser)


def _act_arguments(parser: argparse.ArgumentParser) -> None:
    from i18n_pipeline.audit.act import command as act_command

    parser.description = act_command.DESCRIPTION
    act_command.add_arguments(parser)


def _today() -> str:
    import datetime as dt

    return dt.date.today().isoformat()


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C, so every ``finally`` stops workers and browsers."""
    raise KeyboardInterrupt


@contextmanager
def progress_lines(level: int) -> Iterator[None]:
    """The package's log records at ``level`` and above, as plain lines on stdout (where
    the command's results go too), for one command; the logger is as it was afterwards."""
    package = logging.getLogger("i18n_pipeline")
    handler = logging.StreamHandler(sys.stdout)  # the stdout of now: pytest's capsys, too
    handler.setFormatter(logging.Formatter("%(message)s"))
    previous = package.level
    package.addHandler(handler)
    package.setLevel(level)
    try:
        yield
    finally:
        package.removeHandler(handler)
        package.setLevel(previous)


def main(argv: Sequence[str] | None = None) -> int:
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _terminate)
    from i18n_pipeline import timings

    timings.take()  # a command's profile is its own (the tests run many in one process)
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with progress_lines(args.verbosity):
            return _run(args)
    finally:
        timings.write_profile()


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args))
    except PipelineError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("interrupted; the previous site was left as it was", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except Exception:
        traceback.print_exc()
        print(
            "internal error: this is a bug of the pipeline, not a finding about your files; "
            "please report it with the traceback above",
            file=sys.stderr,
        )
        return ExitCode.INTERNAL_ERROR


def entry() -> NoReturn:
    """The command's process: :func:`main`, then exit without the last garbage collection.

    Python collects garbage once more as it exits, over every object still alive (Sphinx,
    the snapshot, the audit's results), to free memory the process gives back whole
    anyway. Frozen objects are not collected; the exit handlers (logging's flush, the
    worker pools' joins) still run. In the command's own process only: the tests call
    :func:`main` many times in one.
    """
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    entry()
