"""The benchmark's bookkeeping: what it judges and what it keeps when a run fails.

The timings themselves are not tested (they depend on the machine); what is tested
is that a target is judged on the measured figure and that a failed run loses no
figure measured before it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from benchmarks.bench import (
    AuditConcurrency,
    BenchReport,
    Floor,
    FloorRound,
    GrowthRow,
    Round,
    Run,
    bench_environment,
    edit_one_msgstr,
    format_report,
    measure_cycle,
    measure_floor,
    median_run,
    run_measured,
    write_report,
)

from conftest import REPO
from i18n_pipeline.audit.run import BROWSER_STAGE
from i18n_pipeline.catalogs.catalog import read_catalog
from i18n_pipeline.errors import InputMissingError
from i18n_pipeline.project import Project


def run(name: str, seconds: float, exit_code: int = 0) -> Run:
    return Run(name, seconds, peak_mib=500.0, exit_code=exit_code, browser_starts=1)


def report(**changes: object) -> BenchReport:
    figures: dict[str, object] = {
        "cpus": 2,
        "python": "3.11",
        "audit_included": True,
        "naive": run("naive", 100.0),
        "cold": run("cold", 30.0),
        "warm": run("warm", 0.5),
        "po_edit": run("po_edit", 2.0),
        "pdfs": None,
        "growth": [],
        "audit_concurrency": [],
    }
    return BenchReport(**(figures | changes))  # type: ignore[arg-type]


def test_a_target_is_judged_on_the_ratio_not_on_its_rounded_display() -> None:
    just_over = report(cold=run("cold", 88.02), warm=run("warm", 1.77))  # 0.0201 x cold

    assert just_over.met["warm_vs_cold"] is False
    assert "0.0201 x cold | ≤ 0.02 | NO" in format_report(just_over)


def a_round(number: int, naive: float, cold: float, peak: float = 500.0) -> Round:
    prefix = f"round{number}_"
    return Round(
        run(prefix + "naive", naive),
        Run(prefix + "cold", cold, peak_mib=peak, exit_code=0, browser_starts=1),
        run(prefix + "warm", 0.1),
        run(prefix + "po_edit", cold / 10),
    )


def test_with_rounds_each_ratio_judged_is_the_median_of_the_rounds_ratios() -> None:
    rounds = [a_round(1, 100.0, 25.0), a_round(2, 80.0, 30.0), a_round(3, 120.0, 33.0)]

    judged = report(naive=run("naive", 100.0), cold=run("cold", 30.0), rounds=rounds)

    # 0.25, 0.375 and 0.275: the median of the rounds' ratios, not 30 s over 100 s
    assert judged.ratios["cold_vs_naive"] == 0.275
    assert judged.met["cold_vs_naive"] is True
    assert "cold/naive 0.2500, 0.3750, 0.2750" in format_report(judged)


def test_with_rounds_the_peak_and_the_browser_starts_count_every_round() -> None:
    rounds = [a_round(1, 100.0, 30.0), a_round(2, 100.0, 30.0, peak=1600.0)]

    judged = report(rounds=rounds)

    assert judged.peak_mib == 1600.0
    assert judged.met["peak_memory"] is False
    assert set(judged.browser_starts) >= {"round1_cold", "round2_po_edit", "round2_naive"}


def test_a_run_shown_for_its_rounds_has_their_median_time_and_their_highest_peak() -> None:
    runs = [
        Run("round1_cold", 31.0, peak_mib=1100.0, exit_code=0),
        Run("round2_cold", 40.0, peak_mib=1300.0, exit_code=0),
        Run("round3_cold", 29.0, peak_mib=1000.0, exit_code=0),
    ]

    shown = median_run(runs)

    assert (shown.name, shown.seconds, shown.peak_mib) == ("round1_cold", 31.0, 1300.0)


def test_with_rounds_the_audit_is_judged_on_the_median_of_its_ratios_to_the_floors() -> None:
    def floor_round(number: int, floor_seconds: float, audit_seconds: float) -> FloorRound:
        audit = AuditConcurrency(8, 10, run(f"round{number}_audit_concurrency_8", audit_seconds))
        return FloorRound(Floor(pages=10, concurrency=8, seconds=floor_seconds), audit)

    rounds = [floor_round(1, 2.0, 2.8), floor_round(2, 3.0, 5.4), floor_round(3, 2.5, 3.5)]

    judged = report(floor=rounds[2].floor, floor_rounds=rounds)

    assert judged.floor_ratio == 1.4  # of 1.4, 1.8 and 1.4
    assert judged.met["audit_vs_floor"] is True
    assert "the audit 1.40 x the floor" in format_report(judged)


def test_a_failed_growth_run_keeps_every_figure_measured_before_it(tmp_path: Path) -> None:
    ten = GrowthRow(10, 15, 150, run("g10c", 60.0), run("g10w", 1.0), run("g10e", 5.0))
    failed = run("growth_100_cold", 1800.0, exit_code=6)

    written = json.loads(
        write_report(
            report(growth=[ten], growth_failure=failed), tmp_path / "bench.json"
        ).read_text(encoding="utf-8")
    )

    assert written["runs"][1]["seconds"] == 30.0
    assert [row["pages"] for row in written["growth"]] == [10]
    assert written["growth_failure"] == {
        "name": "growth_100_cold",
        "seconds": 1800.0,
        "peak_mib": 500.0,
        "exit_code": 6,
        "browser_starts": 1,
        "stages": [],
    }
    shown = format_report(report(growth=[ten], growth_failure=failed))
    assert "growth FAILED: growth_100_cold stopped with exit code 6" in shown


def test_a_cycle_stops_at_its_first_failed_run_and_edits_nothing(example_copy: Project) -> None:
    po_file = example_copy.locale_dir / "ar" / "LC_MESSAGES" / "index.po"
    po_file.write_text(po_file.read_text(encoding="utf-8") + '\nmsgid "broken\n', "utf-8")
    before = po_file.read_bytes()

    runs = measure_cycle(example_copy, "t_", example_copy.root, {}, ["--skip-audit"], None)

    assert [(r.name, r.exit_code != 0) for r in runs] == [("t_cold", True)]
    assert po_file.read_bytes() == before  # the one-msgstr edit is for a warm site only


def test_the_audit_is_judged_against_the_floor_at_the_same_concurrency() -> None:
    rows = [
        AuditConcurrency(1, 10, run("audit_concurrency_1", 20.0)),  # 2.0 s a page
        AuditConcurrency(8, 10, run("audit_concurrency_8", 9.0)),  # 0.9 s a page
    ]
    near = report(audit_concurrency=rows, floor=Floor(pages=10, concurrency=8, seconds=7.0))
    far = report(audit_concurrency=rows, floor=Floor(pages=10, concurrency=1, seconds=7.0))

    assert near.floor is not None and near.floor.audit_ratio(rows) == 1.29
    assert near.met["audit_vs_floor"] is True
    assert far.met["audit_vs_floor"] is False  # 2.0 s against 0.7 s: 2.86 x
    assert "the audit 1.29 x the floor (target <= 1.5)" in format_report(near)
    assert report().met["audit_vs_floor"] is False  # no floor measured: not met


def test_the_cold_runs_browser_stage_is_set_against_the_floor_but_not_judged() -> None:
    cold = Run("cold", 30.0, 900.0, 0, 1, (("check", 2.0), (BROWSER_STAGE, 8.0)))
    rows = [AuditConcurrency(8, 10, run("audit_concurrency_8", 20.0))]  # 2.0 s a page
    judged = report(cold=cold, audit_concurrency=rows, floor=Floor(10, 8, 7.0))

    assert judged.floor is not None and judged.floor.browser_stage(cold) == 0.8
    assert "the cold run's browser stage: 0.800 s a page, 1.14 x the floor" in format_report(judged)
    assert judged.met["audit_vs_floor"] is False  # the audit alone: 2.86 x
    assert (
        json.loads(json.dumps(judged.as_json()))["floor"]["cold_browser_stage_seconds_per_page"]
        == 0.8
    )


@pytest.mark.slow
def test_the_floor_is_measured_in_the_audits_browser(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name in ("a", "b", "c"):
        page = site / "de" / f"{name}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            f'<!DOCTYPE html><html lang="de"><head><title>{name}</title></head>'
            f"<body><main><h1>{name}</h1><p>Text.</p></main></body></html>",
            encoding="utf-8",
        )
    (site / "de" / "a.pdf").write_bytes(b"%PDF-1.7")  # no browser checks a PDF
    env, _ = bench_environment(Project(REPO), tmp_path / "work", audit=True)
    (tmp_path / "work").mkdir(exist_ok=True)

    floor = measure_floor(site, tmp_path / "work", env, concurrency=2)

    assert (floor.pages, floor.concurrency) == (3, 2)
    assert 0 < floor.seconds_per_page < 60


def test_each_run_keeps_the_stage_profile_its_command_wrote(tmp_path: Path) -> None:
    script = (
        "from i18n_pipeline import timings\n"
        "timings.add('check', 1.25)\n"
        "timings.add('build de', 2.5)\n"
        "timings.write_profile()\n"
    )

    measured = run_measured("cold", [sys.executable, "-c", script], tmp_path)

    assert measured.stages == (("check", 1.25), ("build de", 2.5))


def test_the_report_shows_the_stages_of_the_three_runs_side_by_side(tmp_path: Path) -> None:
    cold = Run("cold", 30.0, 500.0, 0, 1, (("check", 4.0), ("build de", 9.0)))
    warm = Run("warm", 0.3, 100.0, 0, 0, (("unchanged inputs?", 0.2),))
    edited = Run("po_edit", 3.0, 500.0, 0, 1, (("check", 0.5), ("build de", 2.0)))

    shown = format_report(report(cold=cold, warm=warm, po_edit=edited))
    written = json.loads(
        write_report(report(cold=cold), tmp_path / "bench.json").read_text(encoding="utf-8")
    )

    assert "| stage | cold s | warm s | po_edit s |" in shown
    assert "| check | 4.00 | – | 0.50 |" in shown
    assert "| unchanged inputs? | – | 0.20 | – |" in shown
    assert written["runs"][1]["stages"] == [["check", 4.0], ["build de", 9.0]]


def msgstrs(project: Project, code: str) -> list[str]:
    po_file = project.locale_dir / code / "LC_MESSAGES" / f"{project.config.root_doc}.po"
    return [message.msgstr for message in read_catalog(po_file, code).live]


def test_the_one_edit_changes_one_msgstr_of_the_first_translation_of_any_project(
    example_copy: Project,
) -> None:
    first = example_copy.config.translation_codes[0]
    before = {code: msgstrs(example_copy, code) for code in example_copy.config.translation_codes}

    edited = edit_one_msgstr(example_copy)

    after = {code: msgstrs(example_copy, code) for code in example_copy.config.translation_codes}
    assert edited == first
    changed = [(a, b) for a, b in zip(before[first], after[first], strict=True) if a != b]
    assert len(changed) == 1 and changed[0][1] == changed[0][0][:-1] + "!"
    assert all(after[code] == before[code] for code in after if code != first)


def test_a_project_with_no_sentence_left_to_edit_is_told_so(example_copy: Project) -> None:
    for code in example_copy.config.translation_codes:
        while True:
            try:
                edit_one_msgstr(example_copy, code)
            except InputMissingError:
                break

    with pytest.raises(InputMissingError, match="no translation of index has a msgstr"):
        edit_one_msgstr(example_copy)
