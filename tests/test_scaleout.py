"""Shards and their assembly: what ``i18n-pipeline assemble`` refuses, and why.

The shards here are written in the real format (``shard.json`` with the digests
this checkout's inputs really have), without building: each test takes one
property of a set of shards away and expects the assembly to stop with an error
that names the shard and what to do, publishing nothing. The real shards, built
and audited by the real pipeline on gitlab-ci-local, are tested in
``test_gitlab_pipeline.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLE_SITE, SITE, copy_example
from i18n_pipeline.build.languages import input_digests
from i18n_pipeline.cache.fingerprint import language_digest
from i18n_pipeline.catalogs.snapshot import take_snapshot
from i18n_pipeline.cli import main
from i18n_pipeline.jobs.shard import FORMAT, MANIFEST, file_digests
from i18n_pipeline.project import Project

REPO = Path(__file__).resolve().parent.parent


def write_shard(directory: Path, code: str, shared: str, inputs: str) -> Path:
    """A shard as ``i18n-pipeline shard`` lays it out (pages reduced to one)."""
    (directory / "site" / code).mkdir(parents=True)
    (directory / "site" / code / "index.html").write_text("<!DOCTYPE html>", encoding="utf-8")
    (directory / "reports").mkdir()
    checks = {"errors": 0, "warnings": 0, "waived": 0, "findings": []}
    (directory / "reports" / "checks.json").write_text(json.dumps(checks), encoding="utf-8")
    manifest = {
        "format": FORMAT,
        "language": code,
        "shared_inputs": shared,
        "inputs": inputs,
        "build": "built",
        "seconds": {"total": 1.0},
        "files": file_digests(directory),
    }
    (directory / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return directory


@pytest.fixture
def shards(example_copy: Project, tmp_path: Path) -> dict[str, Path]:
    """One shard per language (de, en, ar), with the digests of ``example_copy``'s inputs."""
    snapshot = take_snapshot(example_copy, EXAMPLE_SITE.translations)
    shared, digests = input_digests(example_copy, snapshot, EXAMPLE_SITE.languages)
    return {
        code: write_shard(tmp_path / "shards" / code, code, shared, digest)
        for code, digest in digests.items()
    }


def assemble(project: Project, directories: list[Path], capsys: pytest.CaptureFixture[str]) -> str:
    """Run the command; it must fail as a bad input (exit 2). Returns what it said."""
    code = main(["--root", str(project.root), "assemble", *map(str, directories)])
    error = capsys.readouterr().err
    assert code == 2, error
    assert not project.site_dir.exists(), "nothing may be published"
    return error


def test_a_missing_language_is_named(
    example_copy: Project, shards: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    given = [path for code, path in shards.items() if code != "ar"]
    error = assemble(example_copy, given, capsys)
    assert "no shard for ar" in error
    assert "i18n-pipeline shard --language CODE" in error


def test_a_language_in_two_shards_is_refused(
    example_copy: Project,
    shards: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    manifest = json.loads((shards["ar"] / MANIFEST).read_text())
    again = write_shard(tmp_path / "again", "ar", manifest["shared_inputs"], manifest["inputs"])
    error = assemble(example_copy, [*shards.values(), again], capsys)
    assert "'ar' is in two shards" in error
    assert str(shards["ar"]) in error and str(again) in error


def test_shards_of_different_sources_are_refused(
    example_copy: Project, shards: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = json.loads((shards["en"] / MANIFEST).read_text())
    other_source = "0" * 64
    manifest["shared_inputs"] = other_source
    manifest["inputs"] = language_digest(other_source, "en")
    (shards["en"] / MANIFEST).write_text(json.dumps(manifest))
    error = assemble(example_copy, list(shards.values()), capsys)
    assert "built from different sources" in error
    assert "en from 000000000000" in error


def test_shards_of_another_commit_are_refused(
    example_copy: Project, shards: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """All shards agree with each other, but the checkout's source text is newer."""
    source = example_copy.source_dir / "index.rst"
    source.write_text(source.read_text(encoding="utf-8") + "\nNeu.\n", encoding="utf-8")
    error = assemble(example_copy, list(shards.values()), capsys)
    assert "'de' shard was built from other sources" in error
    assert "assemble in the checkout of the commit the shards were built from" in error


def test_a_shard_built_before_a_translation_changed_is_stale(
    example_copy: Project, shards: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    po = example_copy.locale_dir / "ar" / "LC_MESSAGES" / "barrierefreiheit.po"
    text = po.read_text(encoding="utf-8")
    edited = text.replace('msgstr "', 'msgstr "ویرایش ', 1)
    assert edited != text
    po.write_text(edited, encoding="utf-8")
    error = assemble(example_copy, list(shards.values()), capsys)
    assert "the 'ar' shard is stale" in error
    assert "i18n-pipeline shard --language ar --out DIR" in error


def test_a_directory_without_shard_json_is_not_a_shard(
    example_copy: Project, shards: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A shard whose audit failed keeps its reports but has no manifest."""
    (shards["ar"] / MANIFEST).unlink()
    error = assemble(example_copy, list(shards.values()), capsys)
    assert f"{shards['ar']} is not a shard: it has no shard.json" in error


def test_a_garbled_manifest_is_named_with_its_line(
    example_copy: Project, shards: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    (shards["en"] / MANIFEST).write_text('{\n  "format": \n}', encoding="utf-8")
    error = assemble(example_copy, list(shards.values()), capsys)
    assert f"{shards['en'] / MANIFEST}:3: shard.json (its manifest) is not valid JSON" in error


def test_a_shard_of_an_unknown_language_is_refused(
    example_copy: Project, shards: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = json.loads((shards["en"] / MANIFEST).read_text())
    manifest["language"] = "xx"
    (shards["en"] / MANIFEST).write_text(json.dumps(manifest))
    error = assemble(example_copy, list(shards.values()), capsys)
    assert "a shard of 'xx', not one of the site's languages" in error


def test_shard_refuses_a_language_the_site_does_not_have(
    example_copy: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["--root", str(example_copy.root), "shard", "--language", "xx", "--out", str(tmp_path)]
    )
    assert code == 1
    assert "'xx' is not one of the site's languages" in capsys.readouterr().err


def test_shard_never_overwrites_a_directory_that_is_not_a_shard(
    example_copy: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    code = main(["--root", str(example_copy.root), "shard", "--language", "ar", "--out", str(mine)])
    assert code == 2
    assert f"{mine} exists and is not a shard" in capsys.readouterr().err
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_the_digests_do_not_depend_on_where_the_checkout_is(tmp_path: Path) -> None:
    """CI runners check out into different directories; conf.py names files absolutely."""
    digests = []
    for name in ("here", "there"):
        project = copy_example(tmp_path / name)
        digests.append(
            input_digests(project, take_snapshot(project, []), EXAMPLE_SITE.languages[:1])
        )
    assert digests[0] == digests[1]


def test_the_gitlab_matrix_lists_every_language_of_the_site() -> None:
    """The matrix is a copy of conf.py's site_languages, in its order."""
    pipeline = YAML(typ="safe").load((REPO / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    (matrix,) = pipeline["shard"]["parallel"]["matrix"]
    assert matrix["LANGUAGE"] == [lang.code for lang in SITE.languages]


def test_the_gitlab_pipeline_is_valid_by_gitlabs_schema() -> None:
    """check-jsonschema's copy of GitLab's own schema for .gitlab-ci.yml."""
    from check_jsonschema import main as check_jsonschema

    files = [str(REPO / ".gitlab-ci.yml"), str(REPO / ".gitlab" / "image.yml")]
    with pytest.raises(SystemExit) as done:
        check_jsonschema(["--builtin-schema", "vendor.gitlab-ci", *files])
    assert done.value.code == 0
