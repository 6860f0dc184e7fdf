"""The committed PO files: complete, not fuzzy, with headers translators' tools accept
(the slow tier: the declaration's content, not the code)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, SITE
from i18n_pipeline.catalogs.catalog import read_catalog
from i18n_pipeline.catalogs.snapshot import take_snapshot
from i18n_pipeline.errors import InputMissingError
from i18n_pipeline.project import Project

# The declaration's own PO files, every one: content, gated with the slow tier (and by
# tox -e check and tox -e site), never by the code tier.
pytestmark = pytest.mark.slow

PROJECT = Project(REPO)
PO_FILES = [(lang, po) for lang in SITE.translations for po in PROJECT.po_files(lang.code)]


def test_every_language_has_a_po_file_per_template() -> None:
    for lang in SITE.translations:
        names = {po.name for po in PROJECT.po_files(lang.code)}
        assert names == {"index.po", "barrierefreiheit.po", "sphinx.po"}, lang.code


@pytest.mark.parametrize(
    ("lang", "po_file"), PO_FILES, ids=lambda v: getattr(v, "name", getattr(v, "code", ""))
)
def test_every_message_is_translated_and_not_fuzzy(lang, po_file) -> None:
    catalog = read_catalog(po_file, lang.code)
    untranslated = [m.msgid for m in catalog.live if not all(m.strings)]
    fuzzy = [m.msgid for m in catalog.live if m.fuzzy]
    assert not untranslated, f"{po_file}: untranslated {untranslated[:3]}"
    assert not fuzzy, f"{po_file}: fuzzy {fuzzy[:3]}"


@pytest.mark.parametrize(
    ("lang", "po_file"), PO_FILES, ids=lambda v: getattr(v, "name", getattr(v, "code", ""))
)
def test_headers_name_language_plural_forms_charset_and_draft_status(lang, po_file) -> None:
    text = po_file.read_text(encoding="utf-8")
    assert f'"Language: {lang.code}\\n"' in text
    assert '"Content-Type: text/plain; charset=utf-8\\n"' in text
    assert "UNREVIEWED DRAFT" in text.split("msgid", 1)[0]
    catalog = read_catalog(po_file, lang.code)
    assert catalog.header["Plural-Forms"] == lang.plural_forms


@pytest.mark.parametrize(
    ("lang", "po_file"), PO_FILES, ids=lambda v: getattr(v, "name", getattr(v, "code", ""))
)
def test_gnu_msgfmt_accepts_every_po_file(lang, po_file) -> None:
    assert shutil.which("msgfmt"), "GNU gettext is missing: apt-get install gettext (.ci/run does)"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po_file)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_translate_toolkit_pocount_reads_every_po_file() -> None:
    from translate.storage import factory

    for _, po_file in PO_FILES:
        store = factory.getobject(str(po_file))
        units = [unit for unit in store.units if not unit.isheader()]
        assert units and all(unit.istranslated() for unit in units), po_file


def test_a_po_file_in_a_sub_folder_is_seen_as_sphinx_sees_it(tmp_path: Path) -> None:
    """The hand-made ``LC_MESSAGES/*.po`` glob did not look into sub-folders, but Sphinx's
    CatalogRepository does (the domain ``old/index``): a stray catalog there is reported
    like any other, not silently passed over. Dot-folders (editor backups) Sphinx skips."""
    project = PROJECT.copy_inputs(tmp_path / "project")
    folder = project.po_file("tr", "index").parent
    for hidden in ("old", ".backup"):
        (folder / hidden).mkdir()
        shutil.copy2(folder / "index.po", folder / hidden / "index.po")

    assert project.po_file("tr", "old/index") in project.po_files("tr")
    assert folder / ".backup" / "index.po" not in project.po_files("tr")
    with pytest.raises(InputMissingError) as stopped:
        take_snapshot(project, [SITE.language("tr")])
    assert stopped.value.message == (
        f"{folder / 'old' / 'index.po'} translates a document that does not exist: "
        "source/old/index.rst is missing"
    )
