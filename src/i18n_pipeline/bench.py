"""Benchmark: the naive way against the pipeline, cold, warm and after one PO edit.

Not a test: timings depend on the machine. It runs every variant in one go on a
temporary copy of the project, so the figures compare like with like, and
prints them as ratios against the targets the project set itself.
"""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import polib
import psutil

from i18n_pipeline.errors import PipelineError
from i18n_pipeline.io import write_atomically
from i18n_pipeline.languages import all_languages
from i18n_pipeline.project import Project

#: Targets from the performance issue, as fractions of the reference run.
TARGETS = {"cold_vs_naive": 0.5, "warm_vs_cold": 0.05, "po_edit_vs_cold": 0.15}
PEAK_MEMORY_LIMIT_MIB = 1536
#: Reading every process's PSS costs CPU that the measured run then lacks on a
#: two-core machine: a quarter second catches every browser without slowing it.
SAMPLE_INTERVAL_S = 0.25


@dataclass(frozen=True)
class Run:
    """One timed command and the most memory its whole process tree held at once."""

    name: str
    seconds: float
    peak_mib: float
    exit_code: int


@dataclass(frozen=True)
class GrowthRow:
    """One synthetic site size: its cold run and the warm and one-edit runs after it."""

    pages: int
    languages: int
    page_builds: int
    cold: Run
    warm_seconds: float
    po_edit_seconds: float

    @property
    def warm_vs_cold(self) -> float:
        return round(self.warm_seconds / self.cold.seconds, 3)

    @property
    def po_edit_vs_cold(self) -> float:
        return round(self.po_edit_seconds / self.cold.seconds, 3)


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
    languages: LanguageCost | None = None

    @property
    def ratios(self) -> dict[str, float]:
        return {
            "cold_vs_naive": ratio(self.cold, self.naive),
            "warm_vs_cold": ratio(self.warm, self.cold),
            "po_edit_vs_cold": ratio(self.po_edit, self.cold),
        }

    @property
    def peak_mib(self) -> float:
        return max(run.peak_mib for run in (self.cold, self.warm, self.po_edit))

    @property
    def met(self) -> dict[str, bool]:
        ratios = self.ratios
        return {key: ratios[key] <= TARGETS[key] for key in TARGETS} | {
            "peak_memory": self.peak_mib <= PEAK_MEMORY_LIMIT_MIB
        }

    def as_json(self) -> dict[str, object]:
        return {
            "machine": {"cpus": self.cpus, "python": self.python},
            "audit_included": self.audit_included,
            "runs": [asdict(run) for run in (self.naive, self.cold, self.warm, self.po_edit)],
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
                }
                for row in self.growth
            ],
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
    name: str, command: Sequence[str], cwd: Path, env: dict[str, str] | None = None
) -> Run:
    """Run ``command``, sampling the memory of it and all its children (PSS on Linux)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        cwd=cwd,
        env=env,
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
    if process.returncode != 0:
        print(f"  {name}: exit {process.returncode}\n{stderr[-2000:]}", file=sys.stderr)
    return Run(name, round(seconds, 3), round(peak / 2**20, 1), process.returncode)


def make_synthetic_project(source: Project, target: Path, pages: int) -> Project:
    """``pages`` copies of the declaration (same messages, so the translations apply)."""
    project = source.copy_inputs(target)
    body = (source.source_dir / "index.rst").read_text(encoding="utf-8").split(".. toctree::")[0]
    names = [f"page{number:03d}" for number in range(1, pages)]
    for name in names:
        (project.source_dir / f"{name}.rst").write_text(body, encoding="utf-8")
        for lang in all_languages()[1:]:
            po_dir = project.locale_dir / lang.code / "LC_MESSAGES"
            shutil.copy2(po_dir / "index.po", po_dir / f"{name}.po")
    toctree = "\n.. toctree::\n   :hidden:\n\n   barrierefreiheit\n" + "".join(
        f"   {n}\n" for n in names
    )
    (project.source_dir / "index.rst").write_text(body + toctree, encoding="utf-8")
    return project


def edit_one_msgstr(project: Project, code: str = "pl") -> None:
    po_file = project.locale_dir / code / "LC_MESSAGES" / "index.po"
    catalog = polib.pofile(str(po_file), wrapwidth=76)
    entry = next(e for e in catalog if e.msgstr and e.msgstr.endswith("."))
    entry.msgstr = entry.msgstr[:-1] + "!"
    write_atomically(po_file, str(catalog).encode("utf-8"))


def naive_sphinx_builds(project: Project, outdir: Path) -> list[str]:
    """The command a newcomer would write: one sphinx-build per language, one after another."""
    commands = []
    for lang in all_languages():
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
    return (
        round(numerator.seconds / denominator.seconds, 3) if denominator.seconds else float("inf")
    )


def measure_cycle(
    project: Project, prefix: str, work: Path, env: dict[str, str], extra: list[str]
) -> tuple[Run, Run, Run]:
    """The pipeline on ``project`` cold, then warm, then after one msgstr edit."""
    print(f"{prefix}pipeline cold (--fresh) ...", flush=True)
    cold = run_measured(f"{prefix}cold", pipeline(project, "--fresh", *extra), work, env)
    with contextlib.suppress(FileNotFoundError):  # kept: the next runs overwrite it
        shutil.copy2(project.reports_dir / "audit.json", work / f"{prefix}cold-audit.json")
    print(f"{prefix}pipeline warm, nothing changed ...", flush=True)
    warm = run_measured(f"{prefix}warm", pipeline(project, *extra), work, env)
    edit_one_msgstr(project)
    print(f"{prefix}pipeline after editing one msgstr ...", flush=True)
    edited = run_measured(f"{prefix}po_edit", pipeline(project, *extra), work, env)
    _must_succeed([cold, warm, edited])
    return cold, warm, edited


def _must_succeed(runs: list[Run]) -> None:
    failed = [run.name for run in runs if run.exit_code != 0]
    if failed:
        raise PipelineError(
            f"benchmark runs failed: {', '.join(failed)} (their output is above)",
            hint="fix what the failing run reported; a failed run is not a timing",
        )


def run_benchmark(project: Project, growth: Sequence[int] = (), audit: bool = True) -> BenchReport:
    """Measure every variant on copies of ``project`` and return the figures."""
    with tempfile.TemporaryDirectory(prefix="i18n-bench-") as scratch:
        work = Path(scratch)
        env = dict(os.environ)
        # Every run shares the project's Node environment: installing pa11y-ci is a
        # one-off, not part of any run's time.
        from i18n_pipeline.audit.node_env import (
            CACHE_VARIABLE,
            default_cache_dir,
            ensure_node_environment,
        )

        env[CACHE_VARIABLE] = str(default_cache_dir(project.cache_dir).resolve())
        if audit:
            ensure_node_environment(Path(env[CACHE_VARIABLE]))
        naive_project = project.copy_inputs(work / "naive")
        script = " && ".join(naive_sphinx_builds(naive_project, naive_project.build_dir))
        # The naive way has no start page: its pa11y-ci run covers the language pages only.
        if audit:
            from i18n_pipeline.audit.baseline import naive_audit_command

            script += " && " + shlex.join(naive_audit_command(naive_project.build_dir / "site"))
        print(
            "naive baseline: sphinx-build per language, then pa11y-ci at concurrency 1 ...",
            flush=True,
        )
        naive = run_measured("naive", ["bash", "-c", script], work, env)

        extra = [] if audit else ["--skip-audit"]
        _must_succeed([naive])
        cold, warm, edited = measure_cycle(
            project.copy_inputs(work / "pipeline"), "", work, env, extra
        )
        # Without the audit nothing is published, so there is no page to print.
        pdfs = measure_pdfs(work / "pipeline" / "_build" / "site", cold, edited) if audit else None
        languages = (
            measure_language_checks(Project(work / "pipeline"), work, env) if audit else None
        )
        growth_rows = []
        for pages in growth:
            synthetic = make_synthetic_project(project, work / f"growth-{pages}", pages)
            print(f"growth: {pages} pages x {len(all_languages())} languages ...", flush=True)
            grown_cold, grown_warm, grown_edit = measure_cycle(
                synthetic, f"growth_{pages}_", work, env, extra
            )
            growth_rows.append(
                GrowthRow(
                    pages=pages,
                    languages=len(all_languages()),
                    page_builds=pages * len(all_languages()),
                    cold=grown_cold,
                    warm_seconds=grown_warm.seconds,
                    po_edit_seconds=grown_edit.seconds,
                )
            )

    return BenchReport(
        cpus=os.cpu_count() or 1,
        python=sys.version.split()[0],
        audit_included=audit,
        naive=naive,
        cold=cold,
        warm=warm,
        po_edit=edited,
        pdfs=pdfs,
        growth=growth_rows,
        languages=languages,
    )


def measure_language_checks(project: Project, work: Path, env: dict[str, str]) -> LanguageCost:
    """The language checks' cost: their time inside the cold run's audit (they share the
    machine with the browser there), and a language-only audit of the same site alone,
    models loaded from scratch, against the cold audit's whole time."""
    cold_audit = json.loads((work / "cold-audit.json").read_text(encoding="utf-8"))["settings"]
    command = [sys.executable, "-m", "i18n_pipeline.cli", "--root", str(project.root), "audit"]
    command += ["--language-only", "--fresh", "--reports", str(work / "language-only")]
    print("language checks alone (audit --language-only --fresh) ...", flush=True)
    alone = run_measured("language_only", command, work, env)
    return LanguageCost(
        audit_seconds=float(cold_audit["seconds"]),
        in_audit_seconds=float(cold_audit.get("language_seconds", 0.0)),
        alone_seconds=alone.seconds,
    )


def measure_pdfs(site: Path, cold: Run, edited: Run) -> PdfCost:
    """What printing the PDFs costs: every language's page printed once more, one after
    another, in this process. In the pipeline they are printed inside the parallel
    language builds, so a cold run pays about the sum divided by the workers, and a
    one-edit run one language's print."""
    from i18n_pipeline.pdf import render_pdf

    languages = all_languages()
    with tempfile.TemporaryDirectory(prefix="i18n-bench-pdf-") as scratch:
        render_pdf(site / languages[0].code / "index.html", Path(scratch) / "warm-up.pdf")
        started = time.perf_counter()
        for lang in languages:
            render_pdf(site / lang.code / "index.html", Path(scratch) / f"{lang.code}.pdf")
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
        "| run | seconds | peak MiB | ratio | target | met |",
        "| --- | ---: | ---: | ---: | ---: | :---: |",
        "| naive: sphinx-build per language + pa11y-ci at concurrency 1 "
        f"| {report.naive.seconds:.2f} | {report.naive.peak_mib:.0f} | 1.00 | | |",
    ]
    for name, key, run, base in (
        ("pipeline cold (`--fresh`)", "cold_vs_naive", report.cold, "naive"),
        ("pipeline warm, nothing changed", "warm_vs_cold", report.warm, "cold"),
        ("pipeline after one msgstr edit", "po_edit_vs_cold", report.po_edit, "cold"),
    ):
        lines.append(
            f"| {name} | {run.seconds:.2f} | {run.peak_mib:.0f} | {ratios[key]:.3f} x {base} "
            f"| ≤ {TARGETS[key]} | {'yes' if met[key] else 'NO'} |"
        )
    lines.append(
        f"\npeak memory of the pipeline: {report.peak_mib:.0f} MiB "
        f"(limit {PEAK_MEMORY_LIMIT_MIB} MiB: {'met' if met['peak_memory'] else 'NOT met'})"
    )
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
            "| warm/cold | one-edit s | edit/cold |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in report.growth:
            lines.append(
                f"| {row.pages} | {row.languages} | {row.page_builds} "
                f"| {row.cold.seconds:.1f} | {row.cold.seconds / row.page_builds:.3f} "
                f"| {row.warm_seconds:.2f} | {row.warm_vs_cold:.3f} "
                f"| {row.po_edit_seconds:.2f} | {row.po_edit_vs_cold:.3f} |"
            )
    return "\n".join(lines)


def write_report(report: BenchReport, path: Path) -> Path:
    write_atomically(path, (json.dumps(report.as_json(), indent=2) + "\n").encode())
    return path
