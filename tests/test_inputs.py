"""Every input the check reads is a regular file of the checkout, or it is refused unread.

A translator's pull request can add links and special files as easily as text. A PO
file linked to /etc/passwd was refused, but by msgfmt, which quoted its first word; a
file of ``source/`` linked out of the checkout would be copied onto the site by
``:download:``. Each is now refused before it is read, and never quoted.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLE_SITE, copy_example
from i18n_pipeline.catalogs.glossary import load_glossary
from i18n_pipeline.catalogs.snapshot import take_snapshot
from i18n_pipeline.checks import check_catalogs
from i18n_pipeline.cli import main
from i18n_pipeline.errors import ExitCode, InputRefusedError
from i18n_pipeline.io import read_input
from i18n_pipeline.project import Project

SECRET = "root-SECRET-WORD:x:0:0:root:/root:/bin/bash\n"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """examples/aushang (de, en, ar), copied."""
    return copy_example(tmp_path / "project")


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "passwd"
    path.parent.mkdir()
    path.write_text(SECRET, encoding="utf-8")
    return path


def _replace_by_link(path: Path, target: Path) -> None:
    path.unlink()
    path.symlink_to(target)


def test_a_po_file_linked_out_of_the_checkout_is_refused_and_not_quoted(
    project: Project, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    po_file = project.po_file("en", "index")
    _replace_by_link(po_file, secret)

    code = main(["check", "--root", str(project.root), "en"])

    out = capsys.readouterr()
    assert code == ExitCode.FINDINGS
    assert f"{po_file}:1: error: a link that leaves the checkout" in out.out
    assert "SECRET" not in out.out + out.err


def test_a_locale_directory_linked_out_of_the_checkout_is_refused(
    project: Project, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(project.locale_dir / "en", elsewhere)
    shutil.rmtree(project.locale_dir / "en")
    (project.locale_dir / "en").symlink_to(elsewhere)

    snapshot = take_snapshot(project, EXAMPLE_SITE.translations)

    assert {problem.path for problem in snapshot.problems} == set(project.po_files("en"))
    assert all("leaves the checkout" in problem.message for problem in snapshot.problems)


def test_a_po_file_that_is_a_fifo_is_refused_without_waiting_for_a_writer(
    project: Project,
) -> None:
    po_file = project.po_file("ar", "index")
    po_file.unlink()
    os.mkfifo(po_file)

    [refused] = [
        f for f in check_catalogs(project, [EXAMPLE_SITE.translations[1]]) if f.path == po_file
    ]

    assert "not a regular file" in refused.message


def test_a_link_inside_the_checkout_is_read(project: Project) -> None:
    po_file = project.po_file("en", "index")
    kept = project.root / "kept-index.po"
    po_file.rename(kept)
    po_file.symlink_to(kept)

    assert take_snapshot(project, EXAMPLE_SITE.translations).problems == ()


def test_a_source_file_linked_out_of_the_checkout_stops_the_run(
    project: Project, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project.source_dir / "annex.txt").symlink_to(secret)

    with pytest.raises(InputRefusedError) as refused:
        take_snapshot(project, EXAMPLE_SITE.translations)
    code = main(["check", "--root", str(project.root)])

    assert refused.value.path == project.source_dir / "annex.txt"
    assert code == ExitCode.INPUT_UNREADABLE
    err = capsys.readouterr().err
    assert "a link that leaves the checkout" in err and "SECRET" not in err


def test_a_special_file_in_the_source_stops_the_run(project: Project) -> None:
    os.mkfifo(project.source_dir / "pipe.rst")
    with pytest.raises(InputRefusedError, match="not a regular file"):
        take_snapshot(project, EXAMPLE_SITE.translations)


def test_a_glossary_linked_out_of_the_checkout_is_refused(project: Project, secret: Path) -> None:
    _replace_by_link(project.glossary_file, secret)
    with pytest.raises(InputRefusedError) as refused:
        load_glossary(project.glossary_file)
    assert "SECRET" not in str(refused.value)


def test_an_input_larger_than_its_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.po"
    big.write_bytes(b"#" * 2000)
    with pytest.raises(InputRefusedError, match="more than the 1000"):
        read_input(big, limit=1000)
    assert read_input(big, limit=2000) == b"#" * 2000
