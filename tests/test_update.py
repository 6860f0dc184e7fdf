"""Updating PO files from changed sources never loses a translator's work."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLE_SITE, REPO
from i18n_pipeline.build.extract import extract_messages
from i18n_pipeline.catalogs.catalog import Message, read_catalog
from i18n_pipeline.catalogs.update import update_catalogs
from i18n_pipeline.cli import main
from i18n_pipeline.config.languages import language
from i18n_pipeline.errors import CatalogSyntaxError
from i18n_pipeline.project import Project

OLD = (
    "Jetzt gilt es, diese Errungenschaften zu sichern und weiter gemeinsam an einer\n"
    "modernen Einwanderungsgesellschaft zu arbeiten."
)
NEW = OLD.replace("Errungenschaften zu", "Errungenschaften dauerhaft zu")
OLD_MSGID = OLD.replace("\n", " ")
NEW_MSGID = NEW.replace("\n", " ")

#: A paragraph of examples/aushang's notice, and the same paragraph edited.
NOTICE_OLD = (
    "Für eine Beratung vereinbaren Sie bitte vorher einen Termin, telefonisch oder\n"
    "per E-Mail. Zu den offenen Sprechzeiten am Donnerstagnachmittag können Sie auch\n"
    "ohne Termin kommen."
)
NOTICE_NEW = NOTICE_OLD.replace("vorher einen Termin", "vorher immer einen Termin")
NOTICE_OLD_MSGID = NOTICE_OLD.replace("\n", " ")
NOTICE_NEW_MSGID = NOTICE_NEW.replace("\n", " ")

FIXTURES = Path(__file__).parent / "fixtures" / "update"


def small_project(root: Path) -> Project:
    """The real configuration with six paragraphs of German (fixtures/update/index.rst)
    and an English index.po as Poedit 3.4 saved it (fixtures/update/poedit-en.po)."""
    (root / "source").mkdir(parents=True)
    for name in ("conf.py", "glossary.txt", "termbase.tbx"):
        shutil.copy2(REPO / name, root / name)
    with (root / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\nsite_easy_read = site_accessibility_statement = ""  # one document here\n')
    shutil.copy2(FIXTURES / "index.rst", root / "source" / "index.rst")
    project = Project(root)
    po_file = project.po_file("en", "index")
    po_file.parent.mkdir(parents=True)
    shutil.copy2(FIXTURES / "poedit-en.po", po_file)
    return project


def edit_source(project: Project, old: str, new: str) -> None:
    index = project.source_dir / "index.rst"
    text = index.read_text(encoding="utf-8")
    assert old in text
    index.write_text(text.replace(old, new), encoding="utf-8")


def _translations(project: Project, code: str) -> dict[str, str]:
    catalog = read_catalog(project.locale_dir / code / "LC_MESSAGES" / "index.po", code)
    return {m.msgid: m.msgstr for m in catalog.live}


def _messages(po_file: Path, code: str) -> dict[str, Message]:
    return {m.msgid: m for m in read_catalog(po_file, code).live}


def previous_msgids(po_file: Path) -> dict[str, str]:
    return {
        m.msgid: m.previous_msgid for m in read_catalog(po_file, "en").messages if m.previous_msgid
    }


def test_changed_paragraph_keeps_its_translation_as_fuzzy(example_copy: Project) -> None:
    before = {
        lang.code: _translations(example_copy, lang.code) for lang in EXAMPLE_SITE.translations
    }
    index = example_copy.source_dir / "index.rst"
    index.write_text(
        index.read_text(encoding="utf-8").replace(NOTICE_OLD, NOTICE_NEW), encoding="utf-8"
    )

    extract_messages(example_copy)
    results = update_catalogs(example_copy)

    assert {r.status for r in results if r.po_file.name == "index.po"} == {"updated"}
    for lang in EXAMPLE_SITE.translations:
        po_file = example_copy.locale_dir / lang.code / "LC_MESSAGES" / "index.po"
        catalog = _messages(po_file, lang.code)
        changed = catalog[NOTICE_NEW_MSGID]
        assert changed.fuzzy
        assert changed.msgstr == before[lang.code][NOTICE_OLD_MSGID], (
            "old translation kept for review"
        )
        assert changed.previous_msgid == NOTICE_OLD_MSGID, "previous msgid shown"
        for msgid, string in before[lang.code].items():
            if msgid != NOTICE_OLD_MSGID:
                assert catalog[msgid].msgstr == string and not catalog[msgid].fuzzy


def test_removed_paragraph_stays_as_obsolete_entry(example_copy: Project) -> None:
    index = example_copy.source_dir / "index.rst"
    index.write_text(
        index.read_text(encoding="utf-8").replace(NOTICE_OLD + "\n", ""), encoding="utf-8"
    )

    extract_messages(example_copy)
    update_catalogs(example_copy, [EXAMPLE_SITE.language("en")])

    po_file = example_copy.locale_dir / "en" / "LC_MESSAGES" / "index.po"
    catalog = read_catalog(po_file, "en")
    assert NOTICE_OLD_MSGID not in {m.msgid for m in catalog.live}
    [obsolete] = [m for m in catalog.obsolete if m.msgid == NOTICE_OLD_MSGID]
    assert obsolete.msgstr


def test_update_without_source_changes_leaves_po_files_byte_identical(
    example_copy: Project,
) -> None:
    po_files = [po for lang in EXAMPLE_SITE.translations for po in example_copy.po_files(lang.code)]
    before = {po: po.read_bytes() for po in po_files}

    extract_messages(example_copy)
    results = update_catalogs(example_copy)

    assert {r.status for r in results} == {"unchanged"}
    assert {po: po.read_bytes() for po in po_files} == before


def test_new_language_gets_headers_translators_tools_accept(example_copy: Project) -> None:
    extract_messages(example_copy)
    [result, *_] = update_catalogs(example_copy, [language("nl")])  # not one of the site's

    assert result.status == "created"
    text = result.po_file.read_text(encoding="utf-8")
    assert '"Language: nl\\n"' in text
    assert '"Plural-Forms: nplurals=' in text
    assert "charset=utf-8" in text
    assert "UNREVIEWED DRAFT" in text
    assert '#, fuzzy\nmsgid ""' not in text


def test_previous_msgid_survives_a_second_update(example_copy: Project) -> None:
    index = example_copy.source_dir / "index.rst"
    index.write_text(
        index.read_text(encoding="utf-8").replace(NOTICE_OLD, NOTICE_NEW), encoding="utf-8"
    )
    extract_messages(example_copy)
    update_catalogs(example_copy, [EXAMPLE_SITE.language("ar")])
    index.write_text(
        index.read_text(encoding="utf-8").replace("kostenlos und", "kostenfrei und"),
        encoding="utf-8",
    )
    (example_copy.source_dir / "extra.rst").write_text(
        ":orphan:\n\nNeu\n===\n\nEin neuer Absatz.\n"
    )

    extract_messages(example_copy)
    update_catalogs(example_copy, [EXAMPLE_SITE.language("ar")])

    po_file = example_copy.locale_dir / "ar" / "LC_MESSAGES" / "index.po"
    assert previous_msgids(po_file)[NOTICE_NEW_MSGID] == NOTICE_OLD_MSGID


def test_gnu_msgfmt_accepts_updated_files_with_previous_msgids(example_copy: Project) -> None:
    import subprocess

    index = example_copy.source_dir / "index.rst"
    index.write_text(
        index.read_text(encoding="utf-8").replace(NOTICE_OLD, NOTICE_NEW), encoding="utf-8"
    )
    extract_messages(example_copy)
    [result] = [
        r
        for r in update_catalogs(example_copy, [EXAMPLE_SITE.language("ar")])
        if r.po_file.name == "index.po"
    ]

    check = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(result.po_file)],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr


def test_a_po_file_that_does_not_parse_stops_update_and_stays_byte_identical(
    example_copy: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    po_file = example_copy.locale_dir / "en" / "LC_MESSAGES" / "index.po"
    text = po_file.read_text(encoding="utf-8")
    broken = text.replace(
        'msgstr "Opening hours and advice at the Integration Office"',
        'msgstr "Opening hours and advice at the Integration Office',
    )
    assert broken != text
    po_file.write_text(broken, encoding="utf-8")
    before = {p: p.read_bytes() for p in example_copy.locale_dir.rglob("*.po")}

    code = main(["--root", str(example_copy.root), "update"])

    assert code == 2
    assert f"{po_file}:" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in example_copy.locale_dir.rglob("*.po")} == before


def test_update_keeps_waiver_comments_and_previous_msgids_as_they_are(
    example_copy: Project,
) -> None:
    po_file = example_copy.locale_dir / "ar" / "LC_MESSAGES" / "index.po"
    waiver = (
        "check: ignore same-as-source -- a reason long enough to pass the wrap width of "
        "seventy-six columns by far"
    )
    text = po_file.read_text(encoding="utf-8")
    anchor = '#: ../../source/index.rst:7\nmsgid "Öffnungszeiten und Beratung im Integrationsbüro"'
    assert anchor in text
    po_file.write_text(text.replace(anchor, f"# {waiver}\n{anchor}"), encoding="utf-8")
    index = example_copy.source_dir / "index.rst"
    for old, new in ((NOTICE_OLD, NOTICE_NEW), ("vorher immer einen", "vorher stets einen")):
        index.write_text(index.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        extract_messages(example_copy)
        update_catalogs(example_copy, [EXAMPLE_SITE.language("ar")])

    text = po_file.read_text(encoding="utf-8")
    assert f"# {waiver}\n" in text, "the waiver stays on one line"
    assert "# |" not in text and "#| msgid" in text


def test_a_paragraph_changed_and_then_removed_leaves_files_every_command_reads(
    tmp_path: Path,
) -> None:
    project = small_project(tmp_path / "project")
    po_file = project.po_file("en", "index")
    root = ["--root", str(project.root)]

    edit_source(project, OLD, NEW)
    assert main([*root, "update", "en"]) == 0
    edit_source(project, NEW + "\n\n", "")
    assert main([*root, "update", "en"]) == 0

    assert "#~| msgid" in po_file.read_text(encoding="utf-8"), "msgmerge's form of it"
    assert main([*root, "check", "en"]) == 0
    assert main([*root, "update", "en"]) == 0, "update reads what it wrote"
    [obsolete] = [m for m in read_catalog(po_file, "en").obsolete if m.msgid == NEW_MSGID]
    assert obsolete.fuzzy and obsolete.msgstr.startswith("Now it is important")


def _blocks(data: bytes) -> list[bytes]:
    """The header and each entry, as every PO writer separates them: by a blank line."""
    return data.split(b"\n\n")


def test_update_changes_only_the_entry_whose_german_changed_in_a_file_poedit_saved(
    tmp_path: Path,
) -> None:
    project = small_project(tmp_path / "project")
    po_file = project.po_file("en", "index")
    before = _blocks(po_file.read_bytes())

    edit_source(project, OLD, NEW)
    extract_messages(project)
    [result] = [r for r in update_catalogs(project, [language("en")]) if r.po_file == po_file]

    after = _blocks(po_file.read_bytes())
    assert (result.status, result.added, result.removed) == ("updated", 1, 1)
    assert len(after) == len(before)
    differing = [i for i, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
    assert len(differing) == 1, f"{len(differing)} of {len(before)} blocks differ"
    [changed] = differing
    assert b"Errungenschaften zu sichern" in before[changed]
    assert b"dauerhaft" in after[changed]
    assert b'"X-Generator: Poedit 3.4\\n"' in after[0]
    assert b'"X-Poedit-SearchPath-0: source\\n"' in after[0]
    comments = [line for line in before[changed].splitlines() if line.startswith(b"# ")]
    assert after[changed].startswith(b"\n".join(comments)), "its comments as they were"
    message = _messages(po_file, "en")[NEW_MSGID]
    assert message.fuzzy and message.previous_msgid == OLD_MSGID
    assert message.msgstr.startswith("Now it is important")


#: Headers that declare a charset other than UTF-8, and the bytes saved in it.
CHARSETS = {
    "placeholder-CHARSET": ("CHARSET", "utf-8"),
    "UTF-7": ("UTF-7", "utf-7"),
    "UTF-16": ("UTF-16", "utf-16"),
    "unknown": ("UNICODE", "utf-8"),
}


@pytest.mark.parametrize(("charset", "codec"), CHARSETS.values(), ids=CHARSETS.keys())
def test_a_header_charset_other_than_utf8_stops_update_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], charset: str, codec: str
) -> None:
    project = small_project(tmp_path / "project")
    po_file = project.po_file("en", "index")
    lines = po_file.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(n for n, text in enumerate(lines, 1) if "charset=UTF-8" in text)
    po_file.write_bytes("".join(lines).replace("UTF-8", charset).encode(codec))
    data = po_file.read_bytes()

    code = main(["--root", str(project.root), "update", "en"])

    assert code == 2, "an input error, not a traceback (70)"
    err = capsys.readouterr().err
    assert f"{po_file}:{line}: " in err and "set charset=UTF-8" in err
    assert po_file.read_bytes() == data


def test_a_misspelt_placeholder_in_a_theme_string_is_refused_after_update(
    tmp_path: Path,
) -> None:
    project = small_project(tmp_path / "project")
    extract_messages(project)
    update_catalogs(project, [language("en")])
    po_file = project.po_file("en", "sphinx")
    text = po_file.read_text(encoding="utf-8")
    entry = 'msgid "Übersetzung zuletzt geändert am %(date)s."\nmsgstr ""'
    assert entry in text
    po_file.write_text(
        text.replace(entry, entry[:-2] + '"Translation last changed on %(datum)s."'),
        encoding="utf-8",
    )

    # the template marks it python-format, so GNU msgfmt --check compares placeholders
    with pytest.raises(CatalogSyntaxError, match="argument 'date'"):
        read_catalog(po_file, "en")
