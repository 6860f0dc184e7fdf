"""The strict reader: where GNU msgfmt, polib and Babel would read a PO file
differently, the file is refused with its line, never read one way and built another."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from i18n_pipeline.catalogs.catalog import read_catalog
from i18n_pipeline.errors import CatalogSyntaxError

HEADER = (
    'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)

DISAGREEMENTS = {
    # valid gettext that polib cannot read: refused with a hint, not a traceback
    "fuzzy-flag-without-space": ('#,fuzzy\nmsgid "a"\nmsgstr "b"\n', 7),
    # Babel reads it as a singular msgstr, polib skips it, msgfmt refuses it
    "plural-msgstr-without-msgid-plural": ('msgid "a"\nmsgstr[0] "b"\n', 7),
    # Babel reads a live entry here, GNU gettext an obsolete one gone wrong
    "obsolete-msgid-with-live-msgstr": ('#~ msgid "a"\nmsgstr "b"\n', 8),
    # Babel "repairs" it by dropping a character; msgfmt notices at the next line
    "unterminated-string": ('msgid "a"\nmsgstr "b\n', 9),
    # the header's msgstr, where editors show the header
    "division-by-zero-plural-rule": ("", 2),
}


def _po(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "en" / "LC_MESSAGES" / "index.po"
    path.parent.mkdir(parents=True)
    path.write_text(header + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(("body", "line"), DISAGREEMENTS.values(), ids=DISAGREEMENTS.keys())
def test_a_file_the_tools_read_differently_is_refused_with_its_line(
    tmp_path: Path, body: str, line: int
) -> None:
    header = HEADER
    if not body:
        header = HEADER.replace("plural=(n != 1)", "plural=n/0")
    path = _po(tmp_path, body, header)

    with pytest.raises(CatalogSyntaxError) as raised:
        read_catalog(path, "en")

    assert raised.value.path == path
    assert raised.value.line == line
    assert raised.value.hint


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = _po(tmp_path, 'msgid "a"\nmsgstr "b"\n')
    path.write_bytes(path.read_bytes().replace(b'"b"', b'"\xff"'))

    with pytest.raises(CatalogSyntaxError, match="UTF-8") as raised:
        read_catalog(path, "en")
    assert raised.value.line == 8


def test_the_model_holds_what_msgfmt_compiled(tmp_path: Path) -> None:
    path = _po(
        tmp_path,
        '#, fuzzy\n#| msgid "old"\nmsgid "a"\nmsgstr "b"\n\n'
        'msgid "c"\nmsgstr "d"\n\nmsgid "e"\nmsgid_plural "es"\nmsgstr[0] "f"\nmsgstr[1] "fs"\n',
    )

    catalog = read_catalog(path, "en")

    fuzzy, plain, plural = catalog.live
    assert (fuzzy.fuzzy, fuzzy.previous_msgid, fuzzy.line, fuzzy.translated) == (
        True,
        "old",
        9,
        False,
    )
    assert (plain.msgstr, plain.line, plain.translated) == ("d", 12, True)
    assert plural.strings == ("f", "fs")
    assert b"fs" in catalog.mo and b'"b"' not in catalog.mo


def test_a_missing_file_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(CatalogSyntaxError, match="missing") as raised:
        read_catalog(tmp_path / "index.po", "en")
    assert raised.value.path == tmp_path / "index.po"


def _msgmerge(po_file: Path, template: str) -> None:
    """What ``msgmerge --previous`` makes of ``po_file`` with ``template`` as the POT."""
    pot = po_file.with_suffix(".pot")
    pot.write_text(HEADER + template, encoding="utf-8")
    subprocess.run(
        ["msgmerge", "--quiet", "--previous", "--update", "--backup=off", str(po_file), str(pot)],
        check=True,
    )


def test_obsolete_fuzzy_entries_with_previous_msgids_read_as_msgmerge_writes_them(
    tmp_path: Path,
) -> None:
    long = "Jetzt gilt es, diese Errungenschaften zu sichern und weiter gemeinsam an einer "
    long += "modernen Einwanderungsgesellschaft zu arbeiten."
    path = _po(
        tmp_path,
        'msgid "Ein Absatz über die Städte"\nmsgstr "A paragraph on the cities"\n\n'
        'msgctxt "footer"\nmsgid "Barriere melden"\nmsgstr "Report a barrier"\n\n'
        f'msgid "{long}"\nmsgstr "Now it is important to safeguard these achievements."\n',
    )
    # the German changed: fuzzy, with the previous msgid (#|)
    _msgmerge(
        path,
        'msgid "Ein Absatz über die Städte und Gemeinden"\nmsgstr ""\n\n'
        'msgctxt "footer"\nmsgid "Eine Barriere melden"\nmsgstr ""\n\n'
        f'msgid "{long.replace("zu sichern", "dauerhaft zu sichern")}"\nmsgstr ""\n',
    )
    _msgmerge(path, "")  # then removed: obsolete, the previous msgid kept (#~|)
    text = path.read_text(encoding="utf-8")
    assert "#~| msgid" in text and "#~| msgctxt" in text and '#~| "' in text

    catalog = read_catalog(path, "en")

    assert not catalog.live
    assert {(m.msgctxt, m.msgstr, m.fuzzy) for m in catalog.obsolete} == {
        (None, "A paragraph on the cities", True),
        ("footer", "Report a barrier", True),
        (None, "Now it is important to safeguard these achievements.", True),
    }


#: Headers that declare a charset other than UTF-8, and the bytes saved in it.
CHARSETS = {
    # msginit leaves the template's placeholder when no locale says otherwise
    "placeholder-CHARSET": ("CHARSET", "utf-8"),
    "UTF-7": ("UTF-7", "utf-7"),
    "UTF-16-with-BOM": ("UTF-16", "utf-16"),
    "UTF-16-without-BOM": ("UTF-16", "utf-16-le"),
    "declared-UTF-16-saved-UTF-8": ("UTF-16", "utf-8"),
    # what some Windows tools write; no codec has that name
    "unknown": ("UNICODE", "utf-8"),
}


@pytest.mark.parametrize(("charset", "codec"), CHARSETS.values(), ids=CHARSETS.keys())
def test_a_header_charset_other_than_utf8_is_refused_at_its_line(
    tmp_path: Path, charset: str, codec: str
) -> None:
    path = _po(tmp_path, 'msgid "Grüße"\nmsgstr "Greetings"\n')
    text = path.read_text(encoding="utf-8").replace("charset=UTF-8", f"charset={charset}")
    path.write_bytes(text.encode(codec))

    with pytest.raises(CatalogSyntaxError) as raised:
        read_catalog(path, "en")

    assert (raised.value.path, raised.value.line) == (path, 4), "the Content-Type line"
    assert "set charset=UTF-8" in raised.value.hint
    assert raised.value.exit_code == 2
