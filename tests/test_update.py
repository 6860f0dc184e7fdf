"""Updating PO files from changed sources never loses a translator's work."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SITE
from i18n_pipeline.catalog import Message, read_catalog
from i18n_pipeline.cli import main
from i18n_pipeline.extract import extract_messages
from i18n_pipeline.languages import language
from i18n_pipeline.project import Project
from i18n_pipeline.update import update_catalogs

OLD = (
    "Jetzt gilt es, diese Errungenschaften zu sichern und weiter gemeinsam an einer\n"
    "modernen Einwanderungsgesellschaft zu arbeiten."
)
NEW = OLD.replace("Errungenschaften zu", "Errungenschaften dauerhaft zu")
OLD_MSGID = OLD.replace("\n", " ")
NEW_MSGID = NEW.replace("\n", " ")


def _translations(project: Project, code: str) -> dict[str, str]:
    catalog = read_catalog(project.locale_dir / code / "LC_MESSAGES" / "index.po", code)
    return {m.msgid: m.msgstr for m in catalog.live}


def _messages(po_file: Path, code: str) -> dict[str, Message]:
    return {m.msgid: m for m in read_catalog(po_file, code).live}


def previous_msgids(po_file: Path) -> dict[str, str]:
    return {
        m.msgid: m.previous_msgid for m in read_catalog(po_file, "en").messages if m.previous_msgid
    }


def test_changed_paragraph_keeps_its_translation_as_fuzzy(project_copy: Project) -> None:
    before = {lang.code: _translations(project_copy, lang.code) for lang in SITE.translations}
    index = project_copy.source_dir / "index.rst"
    index.write_text(index.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")

    extract_messages(project_copy)
    results = update_catalogs(project_copy)

    assert {r.status for r in results if r.po_file.name == "index.po"} == {"updated"}
    for lang in SITE.translations:
        po_file = project_copy.locale_dir / lang.code / "LC_MESSAGES" / "index.po"
        catalog = _messages(po_file, lang.code)
        changed = catalog[NEW_MSGID]
        assert changed.fuzzy
        assert changed.msgstr == before[lang.code][OLD_MSGID], "old translation kept for review"
        assert changed.previous_msgid == OLD_MSGID, "previous msgid shown"
        for msgid, string in before[lang.code].items():
            if msgid != OLD_MSGID:
                assert catalog[msgid].msgstr == string and not catalog[msgid].fuzzy


def test_removed_paragraph_stays_as_obsolete_entry(project_copy: Project) -> None:
    index = project_copy.source_dir / "index.rst"
    index.write_text(index.read_text(encoding="utf-8").replace(OLD + "\n", ""), encoding="utf-8")

    extract_messages(project_copy)
    update_catalogs(project_copy, [SITE.language("en")])

    po_file = project_copy.locale_dir / "en" / "LC_MESSAGES" / "index.po"
    catalog = read_catalog(po_file, "en")
    assert OLD_MSGID not in {m.msgid for m in catalog.live}
    [obsolete] = [m for m in catalog.obsolete if m.msgid == OLD_MSGID]
    assert obsolete.msgstr


def test_update_without_source_changes_leaves_po_files_byte_identical(
    project_copy: Project,
) -> None:
    po_files = [po for lang in SITE.translations for po in project_copy.po_files(lang.code)]
    before = {po: po.read_bytes() for po in po_files}

    extract_messages(project_copy)
    results = update_catalogs(project_copy)

    assert {r.status for r in results} == {"unchanged"}
    assert {po: po.read_bytes() for po in po_files} == before


def test_new_language_gets_headers_translators_tools_accept(project_copy: Project) -> None:
    extract_messages(project_copy)
    [result, *_] = update_catalogs(project_copy, [language("nl")])  # not one of the site's

    assert result.status == "created"
    text = result.po_file.read_text(encoding="utf-8")
    assert '"Language: nl\\n"' in text
    assert '"Plural-Forms: nplurals=' in text
    assert "charset=utf-8" in text
    assert "UNREVIEWED DRAFT" in text
    assert '#, fuzzy\nmsgid ""' not in text


def test_previous_msgid_survives_a_second_update(project_copy: Project) -> None:
    index = project_copy.source_dir / "index.rst"
    index.write_text(index.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    extract_messages(project_copy)
    update_catalogs(project_copy, [SITE.language("ro")])
    index.write_text(
        index.read_text(encoding="utf-8").replace("Jubiläum", "Jubiläum"), encoding="utf-8"
    )
    (project_copy.source_dir / "extra.rst").write_text(
        ":orphan:\n\nNeu\n===\n\nEin neuer Absatz.\n"
    )

    extract_messages(project_copy)
    update_catalogs(project_copy, [SITE.language("ro")])

    po_file = project_copy.locale_dir / "ro" / "LC_MESSAGES" / "index.po"
    assert previous_msgids(po_file)[NEW_MSGID] == OLD_MSGID


def test_gnu_msgfmt_accepts_updated_files_with_previous_msgids(project_copy: Project) -> None:
    import subprocess

    index = project_copy.source_dir / "index.rst"
    index.write_text(index.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    extract_messages(project_copy)
    [result] = [
        r
        for r in update_catalogs(project_copy, [SITE.language("fa")])
        if r.po_file.name == "index.po"
    ]

    check = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(result.po_file)],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr


def test_a_po_file_that_does_not_parse_stops_update_and_stays_byte_identical(
    project_copy: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    po_file = project_copy.locale_dir / "en" / "LC_MESSAGES" / "index.po"
    text = po_file.read_text(encoding="utf-8")
    broken = text.replace(
        'msgstr "The Federal Government Commissioner for Anti-Racism"',
        'msgstr "The Federal Government Commissioner for Anti-Racism',
    )
    assert broken != text
    po_file.write_text(broken, encoding="utf-8")
    before = {p: p.read_bytes() for p in project_copy.locale_dir.rglob("*.po")}

    code = main(["--root", str(project_copy.root), "update"])

    assert code == 2
    assert f"{po_file}:" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in project_copy.locale_dir.rglob("*.po")} == before


def test_update_keeps_waiver_comments_and_previous_msgids_as_they_are(
    project_copy: Project,
) -> None:
    po_file = project_copy.locale_dir / "ro" / "LC_MESSAGES" / "index.po"
    waiver = (
        "check: ignore same-as-source -- a reason long enough to pass the wrap width of "
        "seventy-six columns by far"
    )
    text = po_file.read_text(encoding="utf-8")
    anchor = '#: ../../source/index.rst:8\nmsgid "Die Beauftragte der Bundesregierung für Anti'
    assert anchor in text
    po_file.write_text(text.replace(anchor, f"# {waiver}\n{anchor}"), encoding="utf-8")
    index = project_copy.source_dir / "index.rst"
    for old, new in ((OLD, NEW), ("Errungenschaften dauerhaft", "Errungenschaften stets")):
        index.write_text(index.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        extract_messages(project_copy)
        update_catalogs(project_copy, [SITE.language("ro")])

    text = po_file.read_text(encoding="utf-8")
    assert f"# {waiver}\n" in text, "the waiver stays on one line"
    assert "# |" not in text and "#| msgid" in text
