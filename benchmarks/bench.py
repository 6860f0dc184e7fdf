"""Benchmark: the naive way against the pipeline, cold, warm and after one PO edit.

Not a test: timings depend on the machine. It runs every variant in one go on a
temporary copy of the project, so the figures compare like with like, and
prints them as ratios against the targets the project set itself.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import polib
import psutil

from i18n_pipeline.audit.browser import BROWSER_VARIABLE, BrowserStartLog, find_browser
from i18n_pipeline.audit.node_env import (
    CACHE_VARIABLE,
    default_cache_dir,
    ensure_node_environment,
)
from i18n_pipeline.audit.run import BROWSER_STAGE, default_workers
from i18n_pipeline.errors import ExitCode, InputMissingError, PipelineError
from i18n_pipeline.io import read_json, write_atomically, write_json
from i18n_pipeline.project import Project
from i18n_pipeline.timings import PROFILE_VARIABLE

#: Targets from issue 25, as fractions of the reference run (issue 15's were 0.35,
#: 0.03 and 0.10; issue 7's 0.5, 0.05 and 0.15).
TARGETS = {"cold_vs_naive": 0.30, "warm_vs_cold": 0.02, "po_edit_vs_cold": 0.10}
PEAK_MEMORY_LIMIT_MIB = 1536
#: At most one Chromium start per run of the pipeline (none when nothing is audited).
BROWSER_STARTS_LIMIT = 1
#: Reading every process's PSS costs CPU that the measured run then lacks on a
#: two-core machine: a quarter second catches every browser without slowing it.
SAMPLE_INTERVAL_S = 0.25
#: The audit's concurrencies compared, to choose the default from data.
DEFAULT_AUDIT_CONCURRENCY = (1, 2, 4, 8)
#: The audit's seconds per page may be at most this many times the floor's (issue 25).
FLOOR_RATIO_LIMIT = 1.5
#: Every WCAG 2.x success criterion of levels A and AA, as axe-core tags its rules.
WCAG_2X_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FLOOR_SCRIPT = Path(__file__).with_name("floor.cjs")
#: The rounds a benchmark measures: in each, the naive run and the pipeline's cold, warm and
#: one-edit runs one after another, and later the floor and the audit alone one after the
#: other. On a shared machine one run can take a third longer than the same run minutes
#: later; two runs measured one after the other drift together, so each round's ratios
#: hold better than any single run, and the median of the rounds' ratios is judged.
DEFAULT_ROUNDS = 3


@dataclass(frozen=True)
class Run:
    """One timed command, the most memory its whole process tree held at once, and
    how many times it started Chromium (counted by the operating system)."""

    name: str
    seconds: float
    peak_mib: float
    exit_code: int
    browser_starts: int = 0
    #: Where the pipeline's seconds went (its I18N_PIPELINE_PROFILE): (stage, seconds).
    stages: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class GrowthRow:
    """One synthetic site size: its cold run and the warm and one-edit runs after it."""

    pages: int
    languages: int
    page_builds: int
    cold: Run
    warm: Run
    po_edit: Run

    @property
    def warm_vs_cold(self) -> float:
        return ratio(self.warm, self.cold)

    @property
    def po_edit_vs_cold(self) -> float:
        return ratio(self.po_edit, self.cold)

    @property
    def peak_mib(self) -> float:
        return max(run.peak_mib for run in (self.cold, self.warm, self.po_edit))


@dataclass(frozen=True)
class AuditConcurrency:
    """The audit alone (``i18n-pipeline audit --fresh``) of one site at one concurrency:
    what the default concurrency is chosen from."""

    concurrency: int
    pages: int  # HTML pages; the site's PDFs are left out (no browser checks them)
    run: Run

    @property
    def seconds_per_page(self) -> float:
        return round(self.run.seconds / self.pages, 3)

    def as_json(self) -> dict[str, object]:
        return asdict(self) | {"seconds_per_page": self.seconds_per_page}


@dataclass(frozen=True)
class Floor:
    """The least a browser audit of the site's pages costs here: one load and one axe run
    with every WCAG 2.x A/AA rule per page, in one browser, at the audit's concurrency
    (``benchmarks/floor.cjs``)."""

    pages: int
    concurrency: int
    seconds: float

    @property
    def seconds_per_page(self) -> float:
        return round(self.seconds / self.pages, 3)

    def audit_ratio(self, rows: Sequence[AuditConcurrency]) -> float | None:
        """The audit's seconds per page over the floor's, at the same concurrency."""
        same = [row for row in rows if row.concurrency == self.concurrency]
        return round(same[0].seconds_per_page / self.seconds_per_page, 2) if same else None

    def browser_stage(self, run: Run) -> float | None:
        """The seconds per page of ``run``'s browser stage (a pipeline run, which audits
        the same pages at the same concurrency): the audit without its fixed costs and
        with the site's languages known (not judged; the audit alone is)."""
        spent = sum(seconds for name, seconds in run.stages if name == BROWSER_STAGE)
        return round(spent / self.pages, 3) if spent and self.pages else None


@dataclass(frozen=True)
class Round:
    """One round: the naive run, then the pipeline cold, warm and after one edit."""

    naive: Run
    cold: Run
    warm: Run
    po_edit: Run

    @property
    def ratios(self) -> dict[str, float]:
        return {
            "cold_vs_naive": ratio(self.cold, self.naive),
            "warm_vs_cold": ratio(self.warm, self.cold),
            "po_edit_vs_cold": ratio(self.po_edit, self.cold),
        }

    @property
    def runs(self) -> tuple[Run, ...]:
        return (self.naive, self.cold, self.warm, self.po_edit)


@dataclass(frozen=True)
class FloorRound:
    """The floor, then the audit alone at its concurrency, on the same pages."""

    floor: Floor
    audit: AuditConcurrency

    @property
    def ratio(self) -> float:
        return self.audit.seconds_per_page / self.floor.seconds_per_page


def median_run(runs: Sequence[Run]) -> Run:
    """The run of the median time (of an even number, the faster of the middle two), with
    the highest peak of them all: the memory limit holds for every run."""
    middle = sorted(runs, key=lambda run: run.seconds)[(len(runs) - 1) // 2]
    return replace(middle, peak_mib=max(run.peak_mib for run in runs))


@dataclass(frozen=True)
class PdfCost:
    """What printing the PDFs costs, measured apart from the runs (see measure_pdfs)."""

    languages: int
    seconds_all: float
    seconds_per_language: float
    share_of_cold: float
    share_of_po_edit: float
    share_of_cold_for_one_edit: float


@dataclass(frozen=True)
class LanguageCost:
    """What the audit's language, direction and tag checks cost on the real site
    (target: at most 15 % of the audit)."""

    audit_seconds: float  # the cold run's whole audit (audit.json)
    in_audit_seconds: float  # the checks' own time inside it, in a thread beside the browser
    alone_seconds: float  # ``audit --language-only --fresh`` on the same site, a process alone

    @property
    def share_of_audit(self) -> float:
        return round(self.alone_seconds / self.audit_seconds, 3) if self.audit_seconds else 0.0


@dataclass(frozen=True)
class BenchReport:
    """Everything one benchmark run measured; ``bench.json`` is its JSON form."""

    cpus: int
    python: str
    audit_included: bool
    naive: Run
    cold: Run
    warm: Run
    po_edit: Run
    pdfs: PdfCost | None
    growth: list[GrowthRow]
    audit_concurrency: list[AuditConcurrency]
    languages: LanguageCost | None = None
    growth_failure: Run | None = None  # the growth run that failed; the sizes after it were not run
    floor: Floor | None = None
    # Every round (naive, cold, warm and one-edit runs are then each the median of theirs)
    rounds: list[Round] = field(default_factory=list)
    # Every floor measured beside the audit alone (``floor`` is then the median of them)
    floor_rounds: list[FloorRound] = field(default_factory=list)

    @property
    def ratios(self) -> dict[str, float]:
        """The median of the rounds' ratios; without rounds, the runs' own."""
        if self.rounds:
            return {key: statistics.median(r.ratios[key] for r in self.rounds) for key in TARGETS}
        return Round(self.naive, self.cold, self.warm, self.po_edit).ratios

    @property
    def floor_ratio(self) -> float | None:
        """The audit's seconds per page over the floor's: the median of the rounds'; without
        rounds, at the floor's concurrency."""
        if self.floor_rounds:
            return round(statistics.median(r.ratio for r in self.floor_rounds), 2)
        return self.floor.audit_ratio(self.audit_concurrency) if self.floor else None

    @property
    def pipeline_runs(self) -> list[Run]:
        """Every run of the pipeline on the project (every round's, or the three)."""
        if self.rounds:
            return [run for r in self.rounds for run in (r.cold, r.warm, r.po_edit)]
        return [self.cold, self.warm, self.po_edit]

    @property
    def peak_mib(self) -> float:
        """The most any run of the pipeline held, in any round."""
        return max(run.peak_mib for run in self.pipeline_runs)

    @property
    def met(self) -> dict[str, bool]:
        ratios = self.ratios
        pipeline_runs = [name for name in self.browser_starts if not name.endswith("naive")]
        audit_vs_floor = self.floor_ratio
        return {key: ratios[key] <= TARGETS[key] for key in TARGETS} | {
            "audit_vs_floor": audit_vs_floor is not None and audit_vs_floor <= FLOOR_RATIO_LIMIT,
            "peak_memory": self.peak_mib <= PEAK_MEMORY_LIMIT_MIB,
            "one_browser_per_audit": all(
                self.browser_starts[name] <= BROWSER_STARTS_LIMIT for name in pipeline_runs
            ),
        }

    @property
    def browser_starts(self) -> dict[str, int]:
        """Chromium starts per run: the target is one per audit run (none when every
        page is unchanged)."""
        runs = [r for one in self.rounds for r in one.runs] or [
            self.naive,
            self.cold,
            self.warm,
            self.po_edit,
        ]
        runs += [run for row in self.growth for run in (row.cold, row.warm, row.po_edit)]
        return {run.name: run.browser_starts for run in runs}

    def as_json(self) -> dict[str, object]:
        return {
            "machine": {"cpus": self.cpus, "python": self.python},
            "audit_included": self.audit_included,
            "runs": [asdict(run) for run in (self.naive, self.cold, self.warm, self.po_edit)],
            "browser_starts": self.browser_starts,
            "ratios": self.ratios,
            "targets": TARGETS,
            "met": self.met,
            "peak_mib": self.peak_mib,
            "pdfs": asdict(self.pdfs) if self.pdfs else None,
            "language_checks": (
                asdict(self.languages) | {"share_of_audit": self.languages.share_of_audit}
                if self.languages
                else None
            ),
            "growth": [
                {
                    **asdict(row),
                    "warm_vs_cold": row.warm_vs_cold,
                    "po_edit_vs_cold": row.po_edit_vs_cold,
                    "peak_mib": row.peak_mib,
                }
                for row in self.growth
            ],
            "audit_concurrency": [row.as_json() for row in self.audit_concurrency],
            "growth_failure": asdict(self.growth_failure) if self.growth_failure else None,
            "rounds": [asdict(r) | {"ratios": r.ratios} for r in self.rounds],
            "floor_rounds": [
                {
                    "floor": asdict(r.floor),
                    "audit": r.audit.as_json(),
                    "audit_vs_floor": round(r.ratio, 3),
                }
                for r in self.floor_rounds
            ],
            "floor": (
                asdict(self.floor)
                | {
                    "seconds_per_page": self.floor.seconds_per_page,
                    "audit_vs_floor": self.floor_ratio,
                    "cold_browser_stage_seconds_per_page": self.floor.browser_stage(self.cold),
                    "limit": FLOOR_RATIO_LIMIT,
                }
                if self.floor
                else None
            ),
        }


def resident_share(process: psutil.Process) -> int:
    """Proportional set size where the OS tells it, else resident set size.

    Chromium's renderer and helper processes share most of their pages; adding
    up their RSS counts those pages once per process and reports several times
    the memory the machine really gives them.
    """
    try:
        return int(process.memory_full_info().pss)
    except AttributeError:
        return int(process.memory_info().rss)


def run_measured(
    name: str,
    command: Sequence[str],
    cwd: Path,
    env: dict[str, str] | None = None,
    starts: BrowserStartLog | None = None,
    succeeded: Sequence[int] = (0,),
) -> Run:
    """Run ``command``, sampling the memory of it and all its children (PSS on Linux);
    with ``starts``, count the Chromium starts it made; the pipeline's own profile of
    its stages is kept. An exit code in ``succeeded`` is recorded as 0."""
    if starts:
        starts.take()
    profile = cwd / f"profile-{name}.json"
    profile.unlink(missing_ok=True)
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        cwd=cwd,
        env={**(env or os.environ), PROFILE_VARIABLE: str(profile)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        try:
            parent = psutil.Process(process.pid)
        except psutil.NoSuchProcess:
            return
        while not stop.is_set():
            total = 0
            try:
                for proc in [parent, *parent.children(recursive=True)]:
                    with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                        total += resident_share(proc)
            except psutil.NoSuchProcess:
                return
            peak = max(peak, total)
            stop.wait(SAMPLE_INTERVAL_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    stop.set()
    sampler.join()
    seconds = time.perf_counter() - started
    exit_code = 0 if process.returncode in succeeded else process.returncode
    if exit_code != 0:
        print(f"  {name}: exit {exit_code}\n{stderr[-2000:]}", file=sys.stderr)
    browser_starts = starts.take() if starts else 0
    stages = tuple(
        (str(item["stage"]), float(item["seconds"]))
        for item in (read_json(profile)["stages"] if profile.is_file() else [])
    )
    return Run(name, round(seconds, 3), round(peak / 2**20, 1), exit_code, browser_starts, stages)


def make_synthetic_project(source: Project, target: Path, pages: int) -> Project:
    """``pages`` copies of the start document (same messages, so the translations apply)."""
    project = source.copy_inputs(target)
    start = source.config.root_doc
    text = (source.source_dir / f"{start}.rst").read_text(encoding="utf-8")
    body, directive, toctree = text.partition(".. toctree::")
    names = [f"page{number:03d}" for number in range(1, pages)]
    for name in names:
        (project.source_dir / f"{name}.rst").write_text(body, encoding="utf-8")
        for code in source.config.translation_codes:
            po_dir = project.locale_dir / code / "LC_MESSAGES"
            shutil.copy2(po_dir / f"{start}.po", po_dir / f"{name}.po")
    toctree = directive + toctree if directive else "\n.. toctree::\n   :hidden:\n\n"
    toctree += "".join(f"   {n}\n" for n in names)
    (project.source_dir / f"{start}.rst").write_text(body + toctree, encoding="utf-8")
    return project


def edit_one_msgstr(project: Project, code: str | None = None) -> str:
    """A translator's one-word edit: the first msgstr of the start document that ends in a
    full stop ends in "!" instead; in ``code``'s catalog, by default in the first
    translation (conf.py's order) that has one left. Returns the language edited."""
    start = project.config.root_doc
    for candidate in [code] if code else project.config.translation_codes:
        po_file = project.locale_dir / candidate / "LC_MESSAGES" / f"{start}.po"
        if not po_file.is_file():
            continue
        catalog = polib.pofile(str(po_file), wrapwidth=76)
        entry = next((e for e in catalog if e.msgstr and e.msgstr.endswith(".")), None)
        if entry is not None:
            entry.msgstr = entry.msgstr[:-1] + "!"
            write_atomically(po_file, str(catalog).encode("utf-8"))
            return candidate
    raise InputMissingError(
        f"no translation of {start} has a msgstr ending in a full stop left to edit",
        path=project.locale_dir,
        hint="the one-edit run needs a translated sentence in the start document",
    )


def naive_sphinx_builds(project: Project, outdir: Path) -> list[str]:
    """The command a newcomer would write: one sphinx-build per language, one after another."""
    commands = []
    for lang in project.config.languages:
        commands.append(
            " ".join(
                [
                    sys.executable,
                    "-m",
                    "sphinx",
                    "build",
                    "-q",
                    "-b",
                    "html",
                    "-c",
                    str(project.conf_dir),
                    "-D",
                    f"language={lang.code}",
                    "-d",
                    str(outdir / "doctrees" / lang.code),
                    str(project.source_dir),
                    str(outdir / "site" / lang.code),
                ]
            )
        )
    return commands


def pipeline(project: Project, *args: str) -> list[str]:
    return [sys.executable, "-m", "i18n_pipeline.cli", "--root", str(project.root), "site", *args]


def ratio(numerator: Run, denominator: Run) -> float:
    """Unrounded: a target is judged on the ratio itself, rounding is for display only."""
    return numerator.seconds / denominator.seconds if denominator.seconds else float("inf")


def measure_cycle(
    project: Project,
    prefix: str,
    work: Path,
    env: dict[str, str],
    extra: list[str],
    starts: BrowserStartLog | None,
) -> list[Run]:
    """The pipeline on ``project`` cold, then warm, then after one msgstr edit; it stops
    at the first run that fails (the runs after it would time nothing)."""
    runs: list[Run] = []
    for name, label, args in (
        ("cold", "cold (--fresh)", ["--fresh"]),
        ("warm", "warm, nothing changed", []),
        ("po_edit", "after editing one msgstr", []),
    ):
        if name == "po_edit":
            label += f" ({edit_one_msgstr(project)})"
        print(f"{prefix}pipeline {label} ...", flush=True)
        run = run_measured(prefix + name, pipeline(project, *args, *extra), work, env, starts)
        runs.append(run)
        if name == "cold":
            with contextlib.suppress(FileNotFoundError):  # kept: the next runs overwrite it
                shutil.copy2(project.reports_dir / "audit.json", work / f"{run.name}-audit.json")
        if run.exit_code != 0:
            break
    return runs


def audit_sample(site: Path, target: Path, pages: int | None = None) -> int:
    """A copy of ``site`` to audit without its PDFs (no browser checks them) and, with
    ``pages``, with only its first pages (in the audit's order); returns the page count."""
    shutil.copytree(site, target)
    for pdf in target.rglob("*.pdf"):
        pdf.unlink()
    html = sorted(target.rglob("*.html"))
    for left_out in html[pages:] if pages else []:
        left_out.unlink()
    return len(html[:pages] if pages else html)


def measure_audit_concurrency(
    site: Path,
    levels: Sequence[int],
    work: Path,
    env: dict[str, str],
    starts: BrowserStartLog | None,
    pages: int | None = None,
    name: str = "",
) -> list[AuditConcurrency]:
    """The audit alone, fresh, on a copy of ``site`` at each concurrency in ``levels``
    (``name`` tells measurements of the same concurrency apart).

    Its results cache goes to a scratch directory (``XDG_CACHE_HOME``); findings
    are not the measurement's business, only time: exit code 1 counts as a run.
    """
    sample = Path(tempfile.mkdtemp(dir=work, prefix="audit-sample-")) / "site"
    count = audit_sample(site, sample, pages)
    env = env | {"XDG_CACHE_HOME": str(work / "audit-cache")}
    rows = []
    for level in levels:
        print(f"audit alone: {count} pages at concurrency {level} ...", flush=True)
        command = [sys.executable, "-m", "i18n_pipeline.cli", "audit", str(sample), "--fresh"]
        label = f"{name}_audit_concurrency_{level}" if name else f"audit_concurrency_{level}"
        command += ["--concurrency", str(level), "--reports", str(work / label)]
        succeeded = (ExitCode.OK, ExitCode.FINDINGS)
        run = run_measured(label, command, work, env, starts, succeeded)
        _must_succeed([run])
        rows.append(AuditConcurrency(level, count, run))
    return rows


def measure_floor(site: Path, work: Path, env: dict[str, str], concurrency: int) -> Floor:
    """The floor on a copy of ``site``'s pages (no PDFs), in the audit's own browser and
    Node environment (see :class:`Floor`)."""
    from i18n_pipeline.audit.browser import launch_args
    from i18n_pipeline.audit.server import serve

    sample = Path(tempfile.mkdtemp(dir=work, prefix="floor-sample-")) / "site"
    count = audit_sample(site, sample)
    node = ensure_node_environment(Path(env[CACHE_VARIABLE]))
    real_browser = find_browser({k: v for k, v in env.items() if k != BROWSER_VARIABLE})
    pages = sorted(p.relative_to(sample).as_posix() for p in sample.rglob("*.html"))
    print(f"floor: {count} pages, one load and one axe run each ...", flush=True)
    with serve(sample) as base_url:
        config = {
            "executablePath": str(real_browser),
            "args": list(launch_args()),
            "urls": [f"{base_url}/{page}" for page in pages],
            "tags": WCAG_2X_A_AA,
            "concurrency": concurrency,
        }
        write_json(work / "floor.json", config)
        script = node.app_dir / FLOOR_SCRIPT.name
        shutil.copy2(FLOOR_SCRIPT, script)
        done = subprocess.run(
            [str(node.node), str(script), str(work / "floor.json")],
            cwd=node.app_dir,
            env=node.environ(),
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        raise PipelineError(
            f"the floor measurement failed: {done.stderr.strip()[-500:]}",
            hint="run tox -e doctor: the browser and the Node environment must work",
        )
    measured = json.loads(done.stdout)
    return Floor(int(measured["pages"]), concurrency, round(float(measured["seconds"]), 2))


def bench_environment(
    project: Project, work: Path, audit: bool
) -> tuple[dict[str, str], BrowserStartLog | None]:
    """The environment every run gets, and the count of its Chromium starts.

    Every run shares the project's Node environment: installing pa11y is a one-off,
    not part of any run's time. With the audit, the browser becomes a wrapper that
    logs each start.
    """
    env = dict(os.environ)
    env[CACHE_VARIABLE] = str(default_cache_dir(project.cache_dir).resolve())
    if not audit:
        return env, None
    ensure_node_environment(Path(env[CACHE_VARIABLE]))
    starts = BrowserStartLog.install(work / "browser", find_browser(env))
    env[BROWSER_VARIABLE] = str(starts.wrapper)
    return env, starts


def run_audit_concurrency(
    project: Project, site: Path, levels: Sequence[int], pages: int | None = None
) -> list[AuditConcurrency]:
    """Only the audit's concurrency measurement (``bench --only-audit-concurrency``)."""
    with tempfile.TemporaryDirectory(prefix="i18n-bench-audit-") as scratch:
        work = Path(scratch)
        env, starts = bench_environment(project, work, audit=True)
        return measure_audit_concurrency(site, levels, work, env, starts, pages)


def _must_succeed(runs: list[Run]) -> None:
    failed = [run.name for run in runs if run.exit_code != 0]
    if failed:
        raise PipelineError(
            f"benchmark runs failed: {', '.join(failed)} (their output is above)",
            hint="fix what the failing run reported; a failed run is not a timing",
        )


def run_benchmark(
    project: Project,
    growth: Sequence[int] = (),
    audit: bool = True,
    audit_concurrency: Sequence[int] = DEFAULT_AUDIT_CONCURRENCY,
    rounds: int = DEFAULT_ROUNDS,
) -> BenchReport:
    """Measure every variant on copies of ``project`` and return the figures; the naive
    run and the pipeline's cycle, and the floor beside the audit alone, ``rounds`` times."""
    with tempfile.TemporaryDirectory(prefix="i18n-bench-") as scratch:
        work = Path(scratch)
        env, starts = bench_environment(project, work, audit)
        extra = [] if audit else ["--skip-audit"]
        pipeline_project = project.copy_inputs(work / "pipeline")
        measured = []
        for number in range(1, rounds + 1):
            prefix = f"round{number}_" if rounds > 1 else ""
            naive = measure_naive(
                project, work / f"{prefix}naive", prefix, work, env, starts, audit
            )
            _must_succeed([naive])
            cycle = measure_cycle(pipeline_project, prefix, work, env, extra, starts)
            _must_succeed(cycle)
            measured.append(Round(naive, *cycle))
        middle = Round(
            *(median_run(runs) for runs in zip(*(r.runs for r in measured), strict=True))
        )
        # Without the audit nothing is published, so there is no page to print.
        site = pipeline_project.build_dir / "site"
        pdfs = measure_pdfs(project, site, middle.cold, middle.po_edit) if audit else None
        languages = (
            measure_language_checks(pipeline_project, work, env, middle.cold.name)
            if audit
            else None
        )
        at_floor = default_workers()
        others = [level for level in audit_concurrency if level != at_floor]
        concurrency = measure_audit_concurrency(site, others, work, env, starts) if audit else []
        floor_rounds = (
            [
                measure_floor_round(site, work, env, starts, at_floor, number)
                for number in range(1, rounds + 1)
            ]
            if audit
            else []
        )
        if floor_rounds and at_floor in audit_concurrency:
            audits = [r.audit for r in floor_rounds]
            middle_audit = AuditConcurrency(
                at_floor, audits[0].pages, median_run([a.run for a in audits])
            )
            concurrency = sorted([*concurrency, middle_audit], key=lambda row: row.concurrency)
        floors = sorted((r.floor for r in floor_rounds), key=lambda floor: floor.seconds)
        floor = floors[(len(floors) - 1) // 2] if floors else None
        growth_rows = []
        growth_failure = None
        for pages in growth:
            synthetic = make_synthetic_project(project, work / f"growth-{pages}", pages)
            count = len(project.config.codes)
            print(f"growth: {pages} pages x {count} languages ...", flush=True)
            grown = measure_cycle(synthetic, f"growth_{pages}_", work, env, extra, starts)
            if grown[-1].exit_code != 0:
                # Reported with every figure measured before it; larger sizes would fail too.
                growth_failure = grown[-1]
                break
            grown_cold, grown_warm, grown_edit = grown
            growth_rows.append(
                GrowthRow(
                    pages=pages,
                    languages=count,
                    page_builds=pages * count,
                    cold=grown_cold,
                    warm=grown_warm,
                    po_edit=grown_edit,
                )
            )

    return BenchReport(
        cpus=os.cpu_count() or 1,
        python=sys.version.split()[0],
        audit_included=audit,
        naive=middle.naive,
        cold=middle.cold,
        warm=middle.warm,
        po_edit=middle.po_edit,
        pdfs=pdfs,
        growth=growth_rows,
        audit_concurrency=concurrency,
        languages=languages,
        growth_failure=growth_failure,
        floor=floor,
        rounds=measured if rounds > 1 else [],
        floor_rounds=floor_rounds if rounds > 1 else [],
    )


def measure_naive(
    project: Project,
    target: Path,
    prefix: str,
    work: Path,
    env: dict[str, str],
    starts: BrowserStartLog | None,
    audit: bool,
) -> Run:
    """The naive way on a fresh copy of ``project`` (sphinx-build would reuse an earlier
    round's environment)."""
    naive_project = project.copy_inputs(target)
    script = " && ".join(naive_sphinx_builds(naive_project, naive_project.build_dir))
    # The naive way has no start page: its pa11y-ci run covers the language pages only.
    if audit:
        from i18n_pipeline.audit.baseline import naive_audit_command

        script += " && " + shlex.join(naive_audit_command(naive_project.build_dir / "site"))
    print(
        f"{prefix}naive baseline: sphinx-build per language, then pa11y-ci at concurrency 1 ...",
        flush=True,
    )
    return run_measured(f"{prefix}naive", ["bash", "-c", script], work, env, starts)


def measure_floor_round(
    site: Path,
    work: Path,
    env: dict[str, str],
    starts: BrowserStartLog | None,
    concurrency: int,
    number: int,
) -> FloorRound:
    """The floor, then the audit alone at the same concurrency, on the same pages."""
    floor = measure_floor(site, work, env, concurrency)
    audit = measure_audit_concurrency(site, [concurrency], work, env, starts, name=f"round{number}")
    return FloorRound(floor, audit[0])


def measure_language_checks(
    project: Project, work: Path, env: dict[str, str], cold: str = "cold"
) -> LanguageCost:
    """The language checks' cost: their time inside the cold run's audit (they share the
    machine with the browser there), and a language-only audit of the same site alone,
    models loaded from scratch, against the cold audit's whole time. ``cold`` names the
    cold run whose audit is compared."""
    cold_audit = read_json(work / f"{cold}-audit.json")["settings"]
    command = [sys.executable, "-m", "i18n_pipeline.cli", "--root", str(project.root), "audit"]
    command += ["--language-only", "--fresh", "--reports", str(work / "language-only")]
    print("language checks alone (audit --language-only --fresh) ...", flush=True)
    alone = run_measured("language_only", command, work, env)
    return LanguageCost(
        audit_seconds=float(cold_audit["seconds"]),
        in_audit_seconds=float(cold_audit.get("language_seconds", 0.0)),
        alone_seconds=alone.seconds,
    )


def measure_pdfs(project: Project, site: Path, cold: Run, edited: Run) -> PdfCost:
    """What printing the PDFs costs: every language's page printed once more, one after
    another, in this process. In the pipeline they are printed inside the parallel
    language builds, so a cold run pays about the sum divided by the workers, and a
    one-edit run one language's print."""
    from i18n_pipeline.sphinxext.pdf_render import render_pdf

    languages = project.config.languages
    start = f"{project.config.root_doc}.html"
    with tempfile.TemporaryDirectory(prefix="i18n-bench-pdf-") as scratch:
        render_pdf(site / languages[0].code / start, Path(scratch) / "warm-up.pdf")
        started = time.perf_counter()
        for lang in languages:
            render_pdf(site / lang.code / start, Path(scratch) / f"{lang.code}.pdf")
        total = time.perf_counter() - started
    workers = os.cpu_count() or 1
    per_language = total / len(languages)
    return PdfCost(
        languages=len(languages),
        seconds_all=round(total, 2),
        seconds_per_language=round(per_language, 2),
        share_of_cold=round(total / workers / cold.seconds, 3),
        share_of_po_edit=round(per_language / edited.seconds, 3),
        share_of_cold_for_one_edit=round(per_language / cold.seconds, 3),
    )


def format_report(report: BenchReport) -> str:
    ratios, met = report.ratios, report.met
    lines = [
        "| run | seconds | peak MiB | Chromium starts | ratio | target | met |",
        "| --- | ---: | ---: | ---: | ---: | ---: | :---: |",
        "| naive: sphinx-build per language + pa11y-ci at concurrency 1 "
        f"| {report.naive.seconds:.2f} | {report.naive.peak_mib:.0f} "
        f"| {report.naive.browser_starts} | 1.00 | | |",
    ]
    for name, key, run, base in (
        ("pipeline cold (`--fresh`)", "cold_vs_naive", report.cold, "naive"),
        ("pipeline warm, nothing changed", "warm_vs_cold", report.warm, "cold"),
        ("pipeline after one msgstr edit", "po_edit_vs_cold", report.po_edit, "cold"),
    ):
        lines.append(
            f"| {name} | {run.seconds:.2f} | {run.peak_mib:.0f} | {run.browser_starts} "
            f"| {ratios[key]:.4f} x {base} | ≤ {TARGETS[key]} | {'yes' if met[key] else 'NO'} |"
        )
    if report.rounds:
        lines.append(
            f"\neach run: the median of {len(report.rounds)} rounds; each ratio: the median of "
            "the rounds' ratios ("
            + "; ".join(
                f"{key.replace('_vs_', '/')} "
                + ", ".join(f"{r.ratios[key]:.4f}" for r in report.rounds)
                for key in TARGETS
            )
            + ")"
        )
    lines.append(
        f"\npeak memory of the pipeline: {report.peak_mib:.0f} MiB "
        f"(limit {PEAK_MEMORY_LIMIT_MIB} MiB: {'met' if met['peak_memory'] else 'NOT met'})"
    )
    most = max(starts for name, starts in report.browser_starts.items() if name != "naive")
    lines.append(
        f"Chromium starts: at most {most} per pipeline run (target ≤ {BROWSER_STARTS_LIMIT}: "
        f"{'met' if met['one_browser_per_audit'] else 'NOT met'})"
    )
    lines += ["", format_stages((report.cold, report.warm, report.po_edit))]
    if report.pdfs:
        pdfs = report.pdfs
        lines.append(
            f"\nPDFs: printing all {pdfs.languages} takes {pdfs.seconds_all:.2f} s one after "
            f"another ({pdfs.seconds_per_language:.2f} s each); in the parallel build that is "
            f"about {pdfs.share_of_cold:.1%} of the cold run (target ≤ 15 %) and "
            f"{pdfs.share_of_po_edit:.1%} of the one-edit run "
            f"({pdfs.share_of_cold_for_one_edit:.1%} of cold)"
        )
    if report.languages:
        cost = report.languages
        lines.append(
            f"\nLanguage checks: {cost.alone_seconds:.2f} s alone (audit --language-only "
            f"--fresh) against {cost.audit_seconds:.2f} s for the cold audit: "
            f"{cost.share_of_audit:.1%} (target ≤ 15 %); inside the audit, beside the "
            f"browser, they took {cost.in_audit_seconds:.2f} s"
        )
    if report.growth:
        lines += [
            "",
            "| pages | languages | page builds | cold s | s per page build | warm s "
            "| warm/cold | one-edit s | edit/cold | peak MiB | Chromium starts |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in report.growth:
            starts = "/".join(str(r.browser_starts) for r in (row.cold, row.warm, row.po_edit))
            lines.append(
                f"| {row.pages} | {row.languages} | {row.page_builds} "
                f"| {row.cold.seconds:.1f} | {row.cold.seconds / row.page_builds:.3f} "
                f"| {row.warm.seconds:.2f} | {row.warm_vs_cold:.3f} "
                f"| {row.po_edit.seconds:.2f} | {row.po_edit_vs_cold:.3f} "
                f"| {row.peak_mib:.0f} | {starts} |"
            )
    if report.growth_failure:
        failed = report.growth_failure
        lines.append(
            f"\ngrowth FAILED: {failed.name} stopped with exit code {failed.exit_code} after "
            f"{failed.seconds:.1f} s (its output is above); no larger size was run"
        )
    if report.audit_concurrency:
        lines += ["", format_audit_concurrency(report.audit_concurrency)]
    if report.floor:
        floor = report.floor
        ratio_to_floor = report.floor_ratio
        lines.append(
            f"\nfloor (one load + one axe run, WCAG 2.x A/AA, concurrency {floor.concurrency}): "
            f"{floor.seconds_per_page:.3f} s a page over {floor.pages} pages; the audit "
            + (
                f"{ratio_to_floor:.2f} x the floor (target <= {FLOOR_RATIO_LIMIT})"
                if ratio_to_floor is not None
                else "was not timed at that concurrency"
            )
        )
        if report.floor_rounds:
            lines.append(
                f"the floor and the audit alone, one after the other, {len(report.floor_rounds)} "
                "times; the median of their ratios is judged ("
                + ", ".join(
                    f"{r.audit.seconds_per_page:.3f} / {r.floor.seconds_per_page:.3f} s = "
                    f"{r.ratio:.2f}"
                    for r in report.floor_rounds
                )
                + ")"
            )
        stage = floor.browser_stage(report.cold)
        if stage is not None:
            lines.append(
                f"the cold run's browser stage: {stage:.3f} s a page, "
                f"{stage / floor.seconds_per_page:.2f} x the floor"
            )
    return "\n".join(lines)


def format_stages(runs: Sequence[Run]) -> str:
    """The stage profile of the pipeline's runs side by side: seconds per stage, "–" for
    a stage a run did not reach. Side-by-side stages (the language builds, the
    language checks beside the browser) overlap, so a column does not add up."""
    names = list(dict.fromkeys(name for run in runs for name, _ in run.stages))
    lines = [
        "| stage | " + " | ".join(f"{run.name} s" for run in runs) + " |",
        "| --- |" + " ---: |" * len(runs),
    ]
    for name in names:
        cells = []
        for run in runs:
            spent = [seconds for stage, seconds in run.stages if stage == name]
            cells.append(f"{sum(spent):.2f}" if spent else "–")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def format_audit_concurrency(rows: Sequence[AuditConcurrency]) -> str:
    lines = [
        "| audit alone (`--fresh`): concurrency | pages | seconds | s per page | peak MiB "
        "| Chromium starts |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row.concurrency} | {row.pages} | {row.run.seconds:.2f} "
            f"| {row.seconds_per_page:.3f} | {row.run.peak_mib:.0f} | {row.run.browser_starts} |"
        )
    return "\n".join(lines)


def write_report(report: BenchReport, path: Path) -> Path:
    return _write_json(report.as_json(), path)


def write_audit_concurrency(rows: Sequence[AuditConcurrency], path: Path) -> Path:
    """``bench --only-audit-concurrency``'s figures (a full run puts them in bench.json)."""
    machine = {"cpus": os.cpu_count() or 1, "python": sys.version.split()[0]}
    return _write_json({"machine": machine, "audit_concurrency": [r.as_json() for r in rows]}, path)


def _write_json(data: dict[str, object], path: Path) -> Path:
    write_json(path, data)
    return path


def parser() -> argparse.ArgumentParser:
    """The benchmark's own command line (it is not part of the package's)."""
    bench = argparse.ArgumentParser(
        prog="python -m benchmarks.bench",
        description="benchmark: naive baseline vs. pipeline cold/warm/edit",
    )
    bench.add_argument(
        "--root", type=Path, default=Path(), help="the project (default: the current directory)"
    )
    bench.add_argument(
        "--growth",
        type=int,
        nargs="*",
        default=[],
        metavar="PAGES",
        help="also build synthetic projects of these page counts, e.g. --growth 10 100",
    )
    bench.add_argument("--skip-audit", action="store_true", help="time the builds only")
    bench.add_argument(
        "--rounds",
        type=int,
        default=DEFAULT_ROUNDS,
        metavar="N",
        help="measure the naive run and the pipeline's runs, and the floor beside the audit "
        f"alone, N times; the median of the ratios is judged (default: {DEFAULT_ROUNDS})",
    )
    bench.add_argument(
        "--audit-concurrency",
        type=int,
        nargs="+",
        default=[1, 2, 4, 8],
        metavar="N",
        help="time the audit alone on the cold run's site at these concurrencies "
        "(default: 1 2 4 8)",
    )
    bench.add_argument(
        "--only-audit-concurrency",
        action="store_true",
        help="time only the audit at each --audit-concurrency, on --site "
        "(writes _build/reports/bench-audit-concurrency.json)",
    )
    bench.add_argument(
        "--site",
        type=Path,
        default=None,
        help="the site for --only-audit-concurrency (default: the project's _build/site)",
    )
    bench.add_argument(
        "--audit-pages",
        type=int,
        default=None,
        metavar="N",
        help="with --only-audit-concurrency: only the site's first N pages",
    )
    return bench


def run(args: argparse.Namespace) -> int:
    project = Project(args.root.resolve())
    levels = args.audit_concurrency or DEFAULT_AUDIT_CONCURRENCY
    if args.only_audit_concurrency:
        site = args.site or project.site_dir
        if not site.is_dir():
            raise InputMissingError(f"{site}: no site to audit", hint="build it first: tox -e site")
        rows = run_audit_concurrency(project, site, levels, args.audit_pages)
        print(format_audit_concurrency(rows))
        written = write_audit_concurrency(
            rows, project.reports_dir / "bench-audit-concurrency.json"
        )
        print(f"\nwrote {written}")
        return 0
    result = run_benchmark(
        project,
        growth=args.growth,
        audit=not args.skip_audit,
        audit_concurrency=levels,
        rounds=args.rounds,
    )
    print(format_report(result))
    print(f"\nwrote {write_report(result, project.reports_dir / 'bench.json')}")
    return ExitCode.FINDINGS if result.growth_failure else ExitCode.OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; a pipeline error is printed as the package's command line prints it."""
    try:
        return run(parser().parse_args(argv))
    except PipelineError as error:
        print(error, file=sys.stderr)
        return int(error.exit_code)


if __name__ == "__main__":
    sys.exit(main())
