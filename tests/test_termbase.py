"""The term base as the check reads it: termbase.tbx, through translate-toolkit's TBX reader.

Weblate imports the same file with the same reader, so what a translator sees in
the glossary and what the check enforces cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from translate.storage.tbx import tbxfile

from conftest import SITE
from i18n_pipeline.catalogs.termbase import read_termbase
from i18n_pipeline.errors import ExitCode, InputMissingError, TermBaseError

REPO = Path(__file__).resolve().parents[1]
TERMBASE = REPO / "termbase.tbx"


def tbx(*lang_sets: str) -> str:
    """A TBX file of one term entry with the given ``<langSet>`` elements."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="de">\n'
        '<text><body>\n<termEntry id="probe">\n' + "\n".join(lang_sets) + "\n</termEntry>\n"
        "</body></text></martif>\n"
    )


def lang_set(code: str, *terms: tuple[str, str]) -> str:
    tigs = "".join(
        f"<tig><term>{text}</term>"
        + (f'<termNote type="administrativeStatus">{status}</termNote>' if status else "")
        + "</tig>"
        for text, status in terms
    )
    return f'<langSet xml:lang="{code}">{tigs}</langSet>'


GERMAN = lang_set("de", ("Einwanderungsland", "preferredTerm-admn-sts"))


def written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "termbase.tbx"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_language_has_a_preferred_term_variants_and_forbidden_ones_with_the_reason() -> None:
    entries = {entry.id: entry for entry in read_termbase(TERMBASE, "de").entries}

    opening = entries["oeffnung-der-integrationskurse"]
    italian = opening.rendering("it")

    assert opening.source == ("Öffnung der Integrationskurse",)
    assert italian is not None
    assert italian.preferred == "ampliamento dell'accesso ai corsi di integrazione"
    assert "apertura dei corsi di integrazione a un maggior numero di persone" in italian.admitted
    [forbidden] = italian.forbidden
    assert forbidden.text == "apertura dei corsi"
    assert "launching the courses" in forbidden.reason


def test_the_term_base_has_every_entry_in_every_configured_language() -> None:
    termbase = read_termbase(TERMBASE, "de")

    assert len(termbase.entries) >= 15
    assert {lang.code: termbase.missing(lang.code) for lang in SITE.translations} == {
        lang.code: () for lang in SITE.translations
    }


def test_translate_toolkit_gives_weblate_the_german_term_and_the_preferred_rendering() -> None:
    with TERMBASE.open("rb") as data:
        store = tbxfile(data, sourcelanguage="de", targetlanguage="ku")

    pairs = {unit.source: unit.target for unit in store.units}

    assert pairs["Öffnung der Integrationskurse"] == (
        "firehkirina gihîştina kursên entegrasyonê ji bo bêtir kesan"
    )


def test_a_term_without_a_status_is_admitted_and_the_first_is_preferred_if_none_is_marked(
    tmp_path: Path,
) -> None:
    """As a glossary exported from Weblate has it: terms without administrativeStatus."""
    path = written(
        tmp_path,
        tbx(GERMAN, lang_set("en", ("country of immigration", ""), ("immigration country", ""))),
    )

    [entry] = read_termbase(path, "de").entries
    english = entry.rendering("en")

    assert english is not None
    assert (english.preferred, english.admitted) == (
        "country of immigration",
        ("immigration country",),
    )


def test_a_language_with_only_forbidden_terms_has_no_entry(tmp_path: Path) -> None:
    path = written(tmp_path, tbx(GERMAN, lang_set("ar", ("بلد هجرة", "deprecatedTerm-admn-sts"))))

    termbase = read_termbase(path, "de")

    assert [entry.id for entry in termbase.missing("ar")] == ["probe"]


def test_two_preferred_terms_for_one_language_are_an_error_at_the_entry(tmp_path: Path) -> None:
    two = lang_set(
        "en",
        ("country of immigration", "preferredTerm-admn-sts"),
        ("immigration country", "preferredTerm-admn-sts"),
    )
    path = written(tmp_path, tbx(GERMAN, two))

    with pytest.raises(TermBaseError) as raised:
        read_termbase(path, "de")

    assert raised.value.exit_code == ExitCode.INPUT_UNREADABLE
    assert (raised.value.path, raised.value.line) == (path, 4)
    assert "2 preferred terms for 'en'" in raised.value.message


def test_an_entry_without_a_german_term_is_an_error(tmp_path: Path) -> None:
    path = written(tmp_path, tbx(lang_set("en", ("country of immigration", ""))))

    with pytest.raises(TermBaseError, match=r"no term in the source language \('de'\)"):
        read_termbase(path, "de")


def test_malformed_xml_is_an_error_naming_its_line(tmp_path: Path) -> None:
    path = written(tmp_path, tbx(GERMAN).replace("</termEntry>", "</termEntri>"))

    with pytest.raises(TermBaseError) as raised:
        read_termbase(path, "de")

    assert raised.value.line == 6  # the closing tag that does not match
    assert "not well-formed XML" in raised.value.message


def test_a_file_that_is_not_tbx_is_an_error(tmp_path: Path) -> None:
    path = written(tmp_path, '<?xml version="1.0"?>\n<tmx version="1.4"><body/></tmx>\n')

    with pytest.raises(TermBaseError, match="not TBX"):
        read_termbase(path, "de")


def test_a_missing_term_base_is_an_error_not_an_empty_one(tmp_path: Path) -> None:
    with pytest.raises(InputMissingError, match="the term base is missing"):
        read_termbase(tmp_path / "termbase.tbx", "de")
