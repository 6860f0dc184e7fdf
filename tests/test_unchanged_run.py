"""A run on the inputs the published site was made from does nothing, and says so; any
change to what a run reads makes it a full run again (cache/unchanged.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import edit_entry, node_cache_for_tests, replace_in_msgstr
from i18n_pipeline.build import languages
from i18n_pipeline.build.release import fingerprints_file
from i18n_pipeline.cache.fingerprint import PAGES_ABOVE, load_fingerprints
from i18n_pipeline.cache.unchanged import (
    CatalogChanges,
    Configuration,
    catalog_changes,
    input_state,
    record_file,
    record_published,
    unchanged_since_published,
)
from i18n_pipeline.catalogs.snapshot import take_snapshot
from i18n_pipeline.cli import main
from i18n_pipeline.errors import ExitCode
from i18n_pipeline.jobs import site
from i18n_pipeline.project import Project

#: What an unchanged run must not load: the build, the PDFs, the audit's language models.
HEAVY = ("sphinx", "docutils", "weasyprint", "lingua", "py3langid", "numpy", "lxml", "polib")


def publish_as_is(project: Project) -> Path:
    """A published release recorded with the inputs as they are (no build: the record
    and the link are what is compared)."""
    release = project.build_dir / "releases" / "r1"
    release.mkdir(parents=True)
    project.reports_dir.mkdir(parents=True)
    for report in ("audit.json", "stats.json"):
        (project.reports_dir / report).write_text("{}", encoding="utf-8")
    project.site_dir.symlink_to(release.relative_to(project.build_dir))
    record_published(project, input_state(project), release)
    return release


@pytest.fixture
def published(example_copy: Project) -> Project:
    publish_as_is(example_copy)
    return example_copy


def test_the_same_inputs_are_unchanged(published: Project) -> None:
    assert unchanged_since_published(published)


def test_an_edited_msgstr_is_a_change(published: Project) -> None:
    edit_entry(published, "en", "Das Büro ist", replace_in_msgstr("is closed", "stays closed"))

    assert not unchanged_since_published(published)


def test_the_languages_whose_files_alone_changed_are_named(published: Project) -> None:
    assert catalog_changes(published, input_state(published)) == CatalogChanges(set(), None)

    edit_entry(published, "en", "Das Büro ist", replace_in_msgstr("is closed", "stays closed"))

    assert catalog_changes(published, input_state(published)) == CatalogChanges({"en"}, None)


def test_a_change_beside_the_catalogs_names_no_languages(published: Project) -> None:
    edit_entry(published, "en", "Das Büro ist", replace_in_msgstr("is closed", "stays closed"))
    (published.source_dir / "neu.rst").write_text("Neu\n===\n", encoding="utf-8")

    assert catalog_changes(published, input_state(published)) is None


def test_the_published_configuration_holds_while_only_po_files_change(published: Project) -> None:
    release = published.site_dir.resolve()
    read = Configuration(shared="digest of what every language shares", base_url="https://x/")
    record_published(published, input_state(published), release, read)

    edit_entry(published, "en", "Das Büro ist", replace_in_msgstr("is closed", "stays closed"))
    assert catalog_changes(published, input_state(published)) == CatalogChanges({"en"}, read)

    (published.source_dir / "neu.rst").write_text("Neu\n===\n", encoding="utf-8")
    assert catalog_changes(published, input_state(published)) is None


@pytest.mark.slow
def test_after_an_edit_of_a_po_file_sphinx_does_not_read_conf_py_for_the_fingerprints(
    example_copy: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("I18N_PIPELINE_NODE_CACHE", str(node_cache_for_tests()))
    assert main(["--root", str(example_copy.root), "site"]) == ExitCode.OK
    edit_entry(example_copy, "en", "Das Büro ist", replace_in_msgstr("is closed", "stays closed"))
    reading = languages.read_configuration

    def not_again(project: Project) -> Any:
        raise AssertionError("Sphinx read conf.py for the fingerprints again")

    monkeypatch.setattr(languages, "read_configuration", not_again)
    assert main(["--root", str(example_copy.root), "site"]) == ExitCode.OK
    monkeypatch.setattr(languages, "read_configuration", reading)

    page = (example_copy.site_dir / "en" / "index.html").read_text(encoding="utf-8")
    assert "stays closed" in page
    snapshot = take_snapshot(example_copy, example_copy.config.translations)
    _, digests = languages.input_digests(example_copy, snapshot, example_copy.config.languages)
    recorded = load_fingerprints(fingerprints_file(example_copy))
    assert {part: d for part, d in recorded.items() if part != PAGES_ABOVE} == digests


def test_an_edit_of_one_language_builds_in_one_process(
    published: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    sizes: list[int] = []
    workers = site.build_workers

    def sized(languages: int, *arguments: Any, **options: Any) -> Any:
        sizes.append(languages)
        return workers(languages, *arguments, **options)

    monkeypatch.setattr(site, "build_workers", sized)
    edit_entry(published, "en", "Das Büro ist", replace_in_msgstr("is closed", "stays closed"))

    site.run_site(published, audit=False)

    assert sizes == [1]


def test_a_new_source_file_is_a_change(published: Project) -> None:
    (published.source_dir / "neu.rst").write_text("Neu\n===\n", encoding="utf-8")

    assert not unchanged_since_published(published)


def test_a_file_touched_but_not_changed_is_no_change(published: Project) -> None:
    po = published.locale_dir / "ar" / "LC_MESSAGES" / "index.po"
    po.write_bytes(po.read_bytes())  # a new modification time, the same bytes

    assert unchanged_since_published(published)


def test_tools_and_caches_in_hidden_folders_are_not_inputs(published: Project) -> None:
    """CI keeps its Node environment and pip cache in .cache/ beside the project."""
    (published.root / ".cache" / "node").mkdir(parents=True)
    (published.root / ".cache" / "node" / "installed.stamp").write_text("x", encoding="utf-8")

    assert unchanged_since_published(published)


def test_an_environment_variable_conf_py_reads_is_a_change(
    published: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    conf = published.root / "conf.py"
    setting = '\nimport os\n\nhtml_baseurl = os.environ.get("SITE_BASE_URL", html_baseurl)\n'
    conf.write_text(conf.read_text(encoding="utf-8") + setting, encoding="utf-8")
    record_published(published, input_state(published), published.site_dir.resolve())
    assert unchanged_since_published(published)

    monkeypatch.setenv("SITE_BASE_URL", "https://integration.example.de/")

    assert not unchanged_since_published(published)


def test_another_published_release_is_a_change(published: Project) -> None:
    other = published.build_dir / "releases" / "r2"
    other.mkdir()
    published.site_dir.unlink()
    published.site_dir.symlink_to(other.relative_to(published.build_dir))

    assert not unchanged_since_published(published)


def test_a_missing_audit_report_is_made_again(published: Project) -> None:
    (published.reports_dir / "audit.json").unlink()

    assert not unchanged_since_published(published)


def test_a_garbled_record_is_no_record(published: Project) -> None:
    record_file(published).write_text('{"release": "r1", "files": [', encoding="utf-8")

    assert not unchanged_since_published(published)


def test_a_changed_record_of_another_file_is_a_change(published: Project) -> None:
    """The record is compared with the files, not trusted: a record claiming other
    bytes for a file than it has does not pass."""
    record = json.loads(record_file(published).read_text(encoding="utf-8"))
    name = next(n for n in record["files"] if n.endswith("index.po"))
    size, mtime, _ = record["files"][name]
    record["files"][name] = [size + 1, mtime, "0" * 64]
    record_file(published).write_text(json.dumps(record), encoding="utf-8")

    assert not unchanged_since_published(published)


def test_a_folder_listed_twice_on_the_import_path_is_no_change(
    published: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A script that puts src/ on sys.path again lists the installed packages twice."""
    monkeypatch.setattr(sys, "path", [*sys.path, *sys.path])

    assert unchanged_since_published(published)


def test_the_site_command_on_unchanged_inputs_loads_nothing_heavy(published: Project) -> None:
    script = (
        "import sys\n"
        "from i18n_pipeline.cli import main\n"
        f"code = main(['--root', {str(published.root)!r}, 'site'])\n"
        f"print(code, sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )

    assert "nothing changed since" in done.stdout
    assert done.stdout.splitlines()[-1] == "0 []"
