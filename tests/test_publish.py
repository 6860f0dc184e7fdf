"""Publishing is atomic, incremental and reproducible."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pikepdf
import pytest

from conftest import copy_project, edit_entry, replace_in_msgstr
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


def test_second_run_without_changes_rebuilds_nothing(project_copy: Project) -> None:
    build_site(project_copy)
    before = snapshot(project_copy.site_dir)

    results = build_site(project_copy)

    assert {r.status for r in results} == {"reused"}
    assert snapshot(project_copy.site_dir) == before


def test_editing_one_msgstr_rebuilds_only_that_language(project_copy: Project) -> None:
    build_site(project_copy)
    before = snapshot(project_copy.site_dir)
    edit_entry(project_copy, "pl", "Jetzt gilt es", replace_in_msgstr(".", "!"))

    results = build_site(project_copy)

    assert [r.code for r in results if r.status == "built"] == ["pl"]
    after = snapshot(project_copy.site_dir)
    changed = sorted(name for name in after if after[name] != before.get(name))
    # its page, the parallel text and the PDF; the status page counts states, and a draft
    # stays a draft
    assert changed == ["pl/berliner-erklaerung.pdf", "pl/index.html", "pl/parallel.html"]


def test_fresh_builds_of_the_same_inputs_are_byte_identical(tmp_path: Path) -> None:
    first = copy_project(tmp_path / "one")
    second = copy_project(tmp_path / "two")
    build_site(first)
    build_site(second, fresh=True)

    assert snapshot(first.site_dir) == snapshot(second.site_dir)


def test_build_time_leaves_no_trace_in_the_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = copy_project(tmp_path / "one")
    second = copy_project(tmp_path / "two")
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
        with pikepdf.open(project.site_dir / "de" / "berliner-erklaerung.pdf") as pdf:
            assert str(pdf.docinfo.CreationDate).startswith(day)


def test_a_run_killed_mid_build_leaves_the_previous_site_intact(project_copy: Project) -> None:
    build_site(project_copy)
    before = snapshot(project_copy.site_dir)
    published = project_copy.site_dir.resolve()
    releases = project_copy.build_dir / "releases"

    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "i18n_pipeline.cli",
            "--root",
            str(project_copy.root),
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

    assert project_copy.site_dir.resolve() == published
    assert snapshot(project_copy.site_dir) == before
    # The next run is not blocked by the dead one, and cleans up its half-built release.
    build_site(project_copy)
    assert [p.name for p in releases.iterdir()] == [project_copy.site_dir.resolve().name]


def test_a_second_run_at_the_same_time_is_refused_with_a_clear_message(
    project_copy: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    with project_lock(project_copy, exclusive=True):
        code = main(["--root", str(project_copy.root), "build"])

    assert code == BuildLockedError.exit_code
    assert "another pipeline run is building this project" in capsys.readouterr().err


def test_a_file_conf_py_names_is_an_input_of_every_language(project_copy: Project) -> None:
    """glossary.txt (site_glossary) shapes the pages: which names are marked."""
    build_site(project_copy)
    glossary = project_copy.root / "glossary.txt"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace("Jana Michael [de]", "Jana Michael"),
        encoding="utf-8",
    )

    results = build_site(project_copy)

    assert {r.status for r in results} == {"built"}
    page = (project_copy.site_dir / "ar" / "index.html").read_text(encoding="utf-8")
    assert '<span class="foreign name" dir="ltr" lang="de">Jana Michael</span>' not in page
