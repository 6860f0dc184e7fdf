"""What a shard may hold: regular files its manifest lists with their SHA-256, pages of the
source's documents, the same theme files as every other shard. Nothing else is read.

The shards are laid out as ``i18n-pipeline shard`` writes them (pages reduced to one
per document) for the small example project (German, English, Arabic), with the
digests this checkout's inputs really have; each test breaks one rule as a hostile
shard job would, and the assembly must stop (exit 2, or 1 for a finding in a PO
file), naming the file, reading nothing it refused and publishing nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from i18n_pipeline.audit.run import AuditSettings
from i18n_pipeline.build.languages import input_digests
from i18n_pipeline.catalogs.snapshot import take_snapshot
from i18n_pipeline.cli import main
from i18n_pipeline.errors import ExitCode
from i18n_pipeline.jobs.scaleout import _assemble_release
from i18n_pipeline.jobs.shard import FORMAT, MANIFEST, file_digests, read_shard
from i18n_pipeline.project import Project

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "aushang"
SECRET = "I18N_PIPELINE_TEST_SECRET=do-not-publish"


def write_shard(directory: Path, project: Project, code: str, shared: str, inputs: str) -> Path:
    """A shard as ``i18n-pipeline shard`` lays it out, with its manifest written last."""
    pages = directory / "site" / code
    site = project.config
    names = [*project.documents()]
    if code != site.source_language:
        names = [n for n in names if n != site.easy_read] + [*site.parallel_pages.values()]
    for name in names:
        (pages / f"{name}.html").parent.mkdir(parents=True, exist_ok=True)
        (pages / f"{name}.html").write_text("<!DOCTYPE html>", encoding="utf-8")
    (pages / "_static").mkdir()
    (pages / "_static" / "accessible.css").write_text("body { margin: 0 }", encoding="utf-8")
    (directory / "reports").mkdir()
    (directory / "reports" / "checks.json").write_text(
        json.dumps({"errors": 0, "warnings": 0, "waived": 0, "findings": []}), encoding="utf-8"
    )
    (directory / "audit-results").mkdir()
    rewrite_manifest(directory, code=code, shared=shared, inputs=inputs)
    return directory


def rewrite_manifest(directory: Path, **values: str) -> None:
    """The manifest of what ``directory`` holds now, as a shard job that forges it writes."""
    path = directory / MANIFEST
    old = json.loads(path.read_text()) if path.exists() else {}
    manifest = {
        "format": FORMAT,
        "language": values.get("code", old.get("language")),
        "shared_inputs": values.get("shared", old.get("shared_inputs")),
        "inputs": values.get("inputs", old.get("inputs")),
        "build": "built",
        "seconds": {"total": 1.0},
        "files": file_digests(directory),
    }
    path.write_text(json.dumps(manifest), encoding="utf-8")


@pytest.fixture
def example(tmp_path: Path) -> Project:
    return Project(EXAMPLE).copy_inputs(tmp_path / "project")


def make_shards(project: Project, tmp_path: Path) -> dict[str, Path]:
    snapshot = take_snapshot(project, project.config.translations)
    shared, digests = input_digests(project, snapshot, project.config.languages)
    return {
        code: write_shard(tmp_path / "shards" / code, project, code, shared, digest)
        for code, digest in digests.items()
    }


@pytest.fixture
def shards(example: Project, tmp_path: Path) -> dict[str, Path]:
    return make_shards(example, tmp_path)


def refused(
    project: Project,
    shards: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    exit_code: ExitCode = ExitCode.INPUT_UNREADABLE,
) -> str:
    code = main(["--root", str(project.root), "assemble", *map(str, shards.values())])
    said = capsys.readouterr()
    assert code == exit_code, said.err
    assert not project.site_dir.exists(), "nothing may be published"
    return said.out + said.err


def test_a_link_in_a_shard_is_refused_and_never_followed(
    example: Project, shards: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The November attack: a link to the assembling machine's files, published as a page."""
    secret = tmp_path / "environ"
    secret.write_text(SECRET, encoding="utf-8")
    link = shards["en"] / "site" / "en" / "_static" / "environ.txt"
    link.symlink_to(secret)
    said = refused(example, shards, capsys)
    assert f"{link}: the shard holds a link" in said
    assert SECRET not in said
    assert not any(SECRET in p.read_text(errors="replace") for p in _files(example.build_dir))


def test_a_link_as_the_shard_directory_itself_is_refused(
    example: Project, shards: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    linked = tmp_path / "linked-en"
    linked.symlink_to(shards["en"])
    shards["en"] = linked
    assert "is not a shard directory (a link or a file)" in refused(example, shards, capsys)


def test_a_file_the_manifest_does_not_list_is_refused(
    example: Project, shards: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    (shards["ar"] / "site" / "ar" / "_static" / "extra.js").write_text("alert(1)")
    said = refused(example, shards, capsys)
    assert "the 'ar' shard holds site/ar/_static/extra.js, which its manifest does not list" in said


def test_a_file_changed_after_its_manifest_is_refused(
    example: Project, shards: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    page = shards["en"] / "site" / "en" / "index.html"
    page.write_text("<!DOCTYPE html><p>changed words</p>", encoding="utf-8")
    said = refused(example, shards, capsys)
    assert "site/en/index.html is not the file its manifest lists (another SHA-256)" in said


def test_a_page_of_no_document_is_refused_even_when_listed(
    example: Project, shards: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    (shards["en"] / "site" / "en" / "extra.html").write_text("<!DOCTYPE html>", encoding="utf-8")
    rewrite_manifest(shards["en"])
    said = refused(example, shards, capsys)
    assert "the 'en' shard holds extra.html, which is no page of the source's documents" in said


def test_one_language_cannot_bring_its_own_theme_files(
    example: Project, shards: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    css = shards["ar"] / "site" / "ar" / "_static" / "accessible.css"
    css.write_text("body { background: url(https://evil.example/) }", encoding="utf-8")
    rewrite_manifest(shards["ar"])
    said = refused(example, shards, capsys)
    assert "the 'ar' shard's _static/accessible.css differs from the 'de' shard's" in said


def test_the_assembly_checks_the_po_files_itself_whatever_a_shard_reports(
    example: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A shard's own checks report says 0 errors; the checkout's PO file has a script."""
    po = example.locale_dir / "en" / "LC_MESSAGES" / "index.po"
    catalog = polib.pofile(str(po))
    entry = next(e for e in catalog if e.msgstr)
    entry.msgstr = "<script>alert(1)</script> " + entry.msgstr
    catalog.save()
    shards = make_shards(example, tmp_path)
    said = refused(example, shards, capsys, ExitCode.FINDINGS)
    assert f"{po}:" in said  # at its line
    assert "the translation contains HTML: </script>, <script> (unsafe-markup" in said


def _files(directory: Path) -> list[Path]:
    if not directory.exists():
        return []
    return [p for p in directory.rglob("*") if p.is_file() and not p.is_symlink()]


@pytest.mark.parametrize("reaudit", [False, True])
def test_a_shards_audit_results_are_taken_only_without_reaudit(
    example: Project, shards: dict[str, Path], reaudit: bool
) -> None:
    """A shard job could forge its own pages' result ("no issues"): ``--reaudit`` takes
    none, and the assembly's audit checks every page itself."""
    forged = shards["en"] / "audit-results" / f"{'0' * 64}.json"
    forged.write_text("[]", encoding="utf-8")
    rewrite_manifest(shards["en"])
    languages = example.config.languages
    snapshot = take_snapshot(example, example.config.translations)
    _, digests = input_digests(example, snapshot, languages)
    ordered = [
        read_shard(shards[lang.code], example.config, example.documents()) for lang in languages
    ]
    release = _assemble_release(example, ordered, snapshot, digests, "", reaudit)
    taken = AuditSettings(release.path, example.cache_dir).results_dir / forged.name
    assert taken.exists() is not reaudit
