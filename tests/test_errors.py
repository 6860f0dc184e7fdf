"""Bad input stops the pipeline with file and line, and loses nothing."""

from __future__ import annotations

import pytest

from conftest import edit_entry, replace_in_msgstr
from i18n_pipeline.cli import main
from i18n_pipeline.errors import CatalogSyntaxError
from i18n_pipeline.jobs.site import build_site
from i18n_pipeline.project import Project

pytestmark = pytest.mark.slow


def _break_po_file(project: Project) -> tuple[int, bytes]:
    po_file = project.locale_dir / "en" / "LC_MESSAGES" / "index.po"
    lines = po_file.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("msgstr") and i > 20)
    lines[number] = lines[number].replace("msgstr", "msgstr_oops", 1)
    po_file.write_text("".join(lines), encoding="utf-8")
    return number + 1, po_file.read_bytes()


def test_po_syntax_error_names_file_and_line_and_keeps_the_old_site(example_copy: Project) -> None:
    build_site(example_copy)
    site_before = {p: p.read_bytes() for p in example_copy.site_dir.rglob("*") if p.is_file()}
    line, broken = _break_po_file(example_copy)

    with pytest.raises(CatalogSyntaxError) as caught:
        build_site(example_copy)

    assert caught.value.path == example_copy.locale_dir / "en" / "LC_MESSAGES" / "index.po"
    assert caught.value.line == line
    site_after = {p: p.read_bytes() for p in example_copy.site_dir.rglob("*") if p.is_file()}
    assert site_after == site_before
    assert (example_copy.locale_dir / "en" / "LC_MESSAGES" / "index.po").read_bytes() == broken
    assert [p.name for p in (example_copy.build_dir / "releases").iterdir()] == [
        example_copy.site_dir.resolve().name
    ], "no half-written release left behind"


def test_command_line_prints_one_clear_line_and_exit_code(
    project_copy: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    line, _ = _break_po_file(project_copy)

    code = main(["--root", str(project_copy.root), "build"])

    err = capsys.readouterr().err
    assert code == CatalogSyntaxError.exit_code
    assert f"locales/en/LC_MESSAGES/index.po:{line}: GNU msgfmt:" in err
    assert "what to do:" in err
    assert "Traceback" not in err


def test_broken_markup_in_a_translation_stops_the_build_naming_the_po_file_and_line(
    project_copy: Project,
) -> None:
    from i18n_pipeline.errors import PipelineError

    po_file = project_copy.locale_dir / "en" / "LC_MESSAGES" / "index.po"
    name = "**Katarina Niewiedzial**"
    edit_entry(project_copy, "en", name, replace_in_msgstr(name, "**Katarina Niewiedzial"))

    with pytest.raises(PipelineError) as caught:
        build_site(project_copy)

    lines = po_file.read_text(encoding="utf-8").splitlines()
    msgid_line = next(
        n - 1 for n, text in enumerate(lines, 1) if text.startswith('"**Katarina Niewiedzial**')
    )
    assert (caught.value.path, caught.value.line) == (po_file, msgid_line)
    assert "rst-syntax" in str(caught.value)
    assert not (project_copy.build_dir / "releases").exists() or not any(
        (project_copy.build_dir / "releases").iterdir()
    ), "nothing was built"


def test_a_sphinx_warning_stops_the_build_at_its_place_in_the_source(
    project_copy: Project,
) -> None:
    """Sphinx reports some problems only as warnings; each fails the build, with the
    file and line Sphinx's logger records for it."""
    from i18n_pipeline.errors import BuildError

    source = project_copy.source_dir / "barrierefreiheit.rst"
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("Sind Ihnen Mängel"))
    lines[number - 1] = "Siehe :doc:`gibt-es-nicht`. " + lines[number - 1]
    source.write_text("".join(lines), encoding="utf-8")

    with pytest.raises(BuildError) as caught:
        build_site(project_copy)

    assert caught.value.path == source
    assert caught.value.line == number
    assert "gibt-es-nicht" in str(caught.value)
