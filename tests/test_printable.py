"""What reaches the terminal: a translator's text is shown, never obeyed.

A PO file, a waiver's reason or a page's text can carry terminal escape sequences
(erase the line, move the cursor up, paint it green) and bidi controls. Printed
raw, a waived finding erased itself and a fake "0 error(s)" summary took its place.
Every printed line escapes them; the JSON report keeps the text exact.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from i18n_pipeline.audit.command import error_line
from i18n_pipeline.audit.model import Issue
from i18n_pipeline.cli import main
from i18n_pipeline.errors import CatalogSyntaxError
from i18n_pipeline.findings import Finding, Severity
from i18n_pipeline.text.bidi import MARKS, REORDERING
from i18n_pipeline.text.printable import ESCAPED, printable

REPO = Path(__file__).resolve().parent.parent
#: Erase the line, back to its start, up one, erase that too, and print a green all-clear.
#: (No carriage return: the strict PO reader refuses a comment with one, since polib
#: ends a line there and GNU gettext does not.)
FAKE_SUMMARY = "\x1b[2K\x1b[1G\x1b[1A\x1b[2K\x1b[32m0 error(s), 0 warning(s)\x1b[0m"


def _raw_controls(text: str) -> set[str]:
    """Control characters in ``text`` other than the line breaks of its own layout."""
    return {char for char in text if char in ESCAPED and char != "\n"}


def test_every_control_character_and_bidi_control_is_escaped() -> None:
    controls = {
        chr(code)
        for code in range(0x110000)
        if unicodedata.category(chr(code)) in ("Cc", "Zl", "Zp")
    }
    assert controls | REORDERING | MARKS == ESCAPED
    assert printable(FAKE_SUMMARY).startswith("\\x1b[2K\\x1b[1G\\x1b[1A")
    assert printable("\u202eevil") == "\\u202eevil"


def test_letters_of_every_script_and_the_zero_width_non_joiner_print_as_they_are() -> None:
    text = "Türkçe العربية می\u200cکوشد Ελληνικά „Zitat“"
    assert printable(text) == text


def test_a_finding_prints_its_control_characters_escaped() -> None:
    finding = Finding(
        path=Path("locales/en/LC_MESSAGES/\x1b[31mindex.po"),
        line=7,
        rule="same-as-source",
        severity=Severity.WAIVED,
        message=f"the translation is the same (waived: {FAKE_SUMMARY})",
        fix="translate it\x07",
        subject=f"Service{FAKE_SUMMARY}",
    )

    text = finding.as_text()

    assert not _raw_controls(text), text
    assert text.count("\n") == 2, "the finding's own three lines, no more"
    assert "\\x1b[32m0 error(s)" in text


def test_the_json_report_keeps_the_text_exact() -> None:
    finding = Finding(
        path=Path("a.po"),
        line=1,
        rule="numbers",
        severity=Severity.ERROR,
        message=FAKE_SUMMARY,
        fix="h",
        subject="\u202e",
    )
    data = json.loads(json.dumps(finding.as_json()))
    assert Finding.from_json(data) == finding


def test_an_error_message_naming_an_input_is_printed_escaped() -> None:
    error = CatalogSyntaxError(
        f"Babel reads an entry here: {FAKE_SUMMARY}",
        path=Path("x\x1b[2K.po"),
        line=3,
        hint="repair\r",
    )
    assert not _raw_controls(str(error)), str(error)
    assert "\n  what to do: repair\\r" in str(error)


def test_the_audit_and_output_check_lines_are_printed_escaped() -> None:
    issue = Issue(
        runner="axe",
        rule="color-contrast",
        type="error",
        message=f"text {FAKE_SUMMARY}",
        selector="p\x1b[8m",
    )
    problem = Finding(
        path=Path("en/index.html"),
        line=3,
        rule="output-host",
        severity=Severity.ERROR,
        message=f"the host evil\x9b.example {FAKE_SUMMARY}",
    )
    for line in (error_line(Path("site/en/index.html"), issue), problem.as_text()):
        assert not _raw_controls(line), line


def test_a_waiver_reason_cannot_rewrite_the_check_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The attack of issue 26: a waived line that erased itself and printed a fake
    green summary, hiding the error above it."""
    po_file = tmp_path / "locales" / "en" / "LC_MESSAGES" / "sphinx.po"
    po_file.parent.mkdir(parents=True)
    po_file.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        f"# check: ignore same-as-source -- fine{FAKE_SUMMARY}\n"
        'msgid "Service"\nmsgstr "Service"\n',
        encoding="utf-8",
    )
    (tmp_path / "conf.py").write_text(
        'site_languages = {"de": "nplurals=2; plural=(n != 1);", '
        '"en": "nplurals=2; plural=(n != 1);"}\nsite_glossary = "glossary.txt"\n',
        encoding="utf-8",
    )
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "index.rst").write_text("Service\n=======\n", encoding="utf-8")
    (tmp_path / "glossary.txt").write_bytes((REPO / "glossary.txt").read_bytes())

    code = main(["check", "--root", str(tmp_path), str(po_file)])

    out = capsys.readouterr().out
    assert code == 0, out
    assert not _raw_controls(out), out
    assert "waived: fine\\x1b[2K\\x1b[1G\\x1b[1A" in out
    main(["check", "--root", str(tmp_path), "--format", "json", str(po_file)])
    [waived] = json.loads(capsys.readouterr().out)["findings"]
    assert waived["message"].endswith(f"(waived: fine{FAKE_SUMMARY})")
