"""The preview runs the security checks before it serves (``jobs/preview.py``).

sphinx-autobuild runs the gate before and after every build; a refusal leaves only a
page that says why. On the example project (German, English, Arabic).
"""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import polib
import pytest

from i18n_pipeline.jobs.preview import gate, preview_arguments, preview_dir
from i18n_pipeline.project import Project

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "aushang"


@pytest.fixture
def example(tmp_path: Path) -> Project:
    return Project(EXAMPLE).copy_inputs(tmp_path / "project")


def served(project: Project, code: str) -> str:
    return "".join(p.read_text() for p in sorted(preview_dir(project, code).rglob("*.html")))


def test_autobuild_runs_the_gate_before_and_after_every_build(example: Project) -> None:
    args = preview_arguments(example, "en")
    for option, when in (("--pre-build", "before"), ("--post-build", "after")):
        command = shlex.split(args[args.index(option) + 1])
        assert command[1:] == ["-m", "i18n_pipeline.jobs.preview", str(example.root), "en", when]


def test_clean_inputs_pass_the_gate(example: Project) -> None:
    assert gate(example, "en", "before") == []


def test_a_script_in_a_translation_is_not_previewed(example: Project) -> None:
    po = example.locale_dir / "en" / "LC_MESSAGES" / "index.po"
    catalog = polib.pofile(str(po))
    entry = next(e for e in catalog if e.msgstr)
    entry.msgstr = "<script>alert(1)</script>" + entry.msgstr
    catalog.save()
    preview_dir(example, "en").mkdir(parents=True)
    (preview_dir(example, "en") / "index.html").write_text("<p>the last build</p>")
    [problem] = gate(example, "en", "before")
    assert "(unsafe-markup)" in problem
    page = served(example, "en")
    assert "the last build" not in page
    assert "Preview withheld" in page and "&lt;script&gt;" in page and "<script>" not in page


def test_a_download_linked_out_of_the_checkout_is_not_previewed(
    example: Project, tmp_path: Path
) -> None:
    """The November attack: the preview served a :download: of /etc/passwd's like."""
    secret = tmp_path / "secret.txt"
    secret.write_text("do not serve", encoding="utf-8")
    (example.source_dir / "file.txt").symlink_to(secret)
    [problem] = gate(example, "en", "before")
    assert "a link that leaves the checkout" in problem
    assert "do not serve" not in served(example, "en")


def test_a_built_page_the_output_check_refuses_is_withdrawn(example: Project) -> None:
    built = preview_dir(example, "en")
    built.mkdir(parents=True)
    (built / "index.html").write_text("<html><body><script>alert(1)</script></body></html>")
    problems = gate(example, "en", "after")
    assert any("(output-script)" in p for p in problems), problems
    assert "alert(1)" not in served(example, "en")


def test_the_gate_command_exits_non_zero_when_it_refuses(example: Project) -> None:
    built = preview_dir(example, "en")
    built.mkdir(parents=True)
    (built / "index.html").write_text("<html><body><script>alert(1)</script></body></html>")
    args = preview_arguments(example, "en")
    done = subprocess.run(shlex.split(args[args.index("--post-build") + 1]), check=False)
    assert done.returncode == 1
