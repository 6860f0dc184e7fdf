"""Publishing is atomic, incremental and reproducible: on the example, printed (a PDF per
language), as the declaration is."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pikepdf
import pytest

from conftest import EXAMPLE_PDF, copy_example, edit_entry, replace_in_msgstr
from i18n_pipeline.cli import main
from i18n_pipeline.errors import BuildLockedError
from i18n_pipeline.jobs.site import build_site
from i18n_pipeline.lock import project_lock
from i18n_pipeline.project import Project

pytestmark = pytest.mark.slow


def snapshot(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_second_run_without_changes_rebuilds_nothing(printed_example: Project) -> None:
    build_site(printed_example)
    before = snapshot(printed_example.site_dir)

    results = build_site(printed_example)

    assert {r.status for r in results} == {"reused"}
    assert snapshot(printed_example.site_dir) == before


def test_editing_one_msgstr_rebuilds_only_that_language(printed_example: Project) -> None:
    build_site(printed_example)
    before = snapshot(printed_example.site_dir)
    edit_entry(
        printed_example, "en", "Das Büro ist", replace_in_msgstr("is closed", "stays closed")
    )

    results = build_site(printed_example)

    assert [r.code for r in results if r.status == "built"] == ["en"]
    after = snapshot(printed_example.site_dir)
    changed = sorted(name for name in after if after[name] != before.get(name))
    # its page, the parallel text and the PDF; the status page counts states, and a draft
    # stays a draft. (The PDF keeps its size in kB, which the links to it show.)
    assert changed == [f"en/{EXAMPLE_PDF}", "en/index.html", "en/parallel.html"]


def test_fresh_builds_of_the_same_inputs_are_byte_identical(tmp_path: Path) -> None:
    first = copy_example(tmp_path / "one", printed=True)
    second = copy_example(tmp_path / "two", printed=True)
    build_site(first)
    build_site(second, fresh=True)

    assert snapshot(first.site_dir) == snapshot(second.site_dir)


def test_build_time_leaves_no_trace_in_the_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = copy_example(tmp_path / "one", printed=True)
    second = copy_example(tmp_path / "two", printed=True)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1732000000")  # 19 Nov 2024
    build_site(first)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")  # 17 Mar 2030
    build_site(second)

    pages = {name: data for name, data in snapshot(first.site_dir).items() if ".pdf" not in name}
    assert pages == {
        name: data for name, data in snapshot(second.site_dir).items() if ".pdf" not in name
    }
    # A PDF has a creation date field; it holds SOURCE_DATE_EPOCH, never the clock.
    for project, day in ((first, "D:20241119"), (second, "D:20300317")):
        with pikepdf.open(project.site_dir / "de" / EXAMPLE_PDF) as pdf:
            assert str(pdf.docinfo.CreationDate).startswith(day)


def test_a_run_killed_mid_build_leaves_the_previous_site_intact(printed_example: Project) -> None:
    build_site(printed_example)
    before = snapshot(printed_example.site_dir)
    published = printed_example.site_dir.resolve()
    releases = printed_example.build_dir / "releases"

    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "i18n_pipeline.cli",
            "--root",
            str(printed_example.root),
            "build",
            "--fresh",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not any(p != published for p in releases.iterdir()):
        assert process.poll() is None, "the build finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.001)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()

    assert printed_example.site_dir.resolve() == published
    assert snapshot(printed_example.site_dir) == before
    # The next run is not blocked by the dead one, and cleans up its half-built release.
    build_site(printed_example)
    assert [p.name for p in releases.iterdir()] == [printed_example.site_dir.resolve().name]


def test_a_second_run_at_the_same_time_is_refused_with_a_clear_message(
    printed_example: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    with project_lock(printed_example, exclusive=True):
        code = main(["--root", str(printed_example.root), "build"])

    assert code == BuildLockedError.exit_code
    assert "another pipeline run is building this project" in capsys.readouterr().err


def test_a_file_conf_py_names_is_an_input_of_every_language(printed_example: Project) -> None:
    """glossary.txt (site_glossary) shapes the pages: which names are marked."""
    marked = '<span class="foreign name" dir="ltr" lang="de">Rathausplatz 1</span>'
    arabic = printed_example.site_dir / "ar" / "index.html"
    build_site(printed_example)
    assert marked in arabic.read_text(encoding="utf-8")
    glossary = printed_example.root / "glossary.txt"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace("Rathausplatz 1 [de]", "Rathausplatz 1"),
        encoding="utf-8",
    )

    results = build_site(printed_example)

    assert {r.status for r in results} == {"built"}
    assert marked not in arabic.read_text(encoding="utf-8")
