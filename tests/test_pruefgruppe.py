"""The Prüfgruppe's check of the Leichte Sprache page: recorded only by a person, lost by an
edit, and said on the page in Leichte Sprache either way."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import parse
from i18n_pipeline.build.app import run_sphinx
from i18n_pipeline.cache.fingerprint import shared_inputs_digest
from i18n_pipeline.catalogs.pruefgruppe import current_check, record_check
from i18n_pipeline.checks.easy_read import check_easy_read
from i18n_pipeline.cli import main
from i18n_pipeline.config.languages import language
from i18n_pipeline.errors import CatalogSyntaxError, ExitCode, UsageError
from i18n_pipeline.project import Project
from i18n_pipeline.sphinxext.easy_read import CHECKED, UNCHECKED, check_note
from i18n_pipeline.sphinxext.sentence import sentence
from i18n_pipeline.sphinxext.theme import THEME_DIR

DAY = dt.date(2027, 1, 15)


def record_of(project: Project) -> Path:
    """Where conf.py's site_easy_read_record says the project's checks are recorded."""
    record = project.easy_read_record_file
    assert record is not None
    return record


@pytest.fixture
def page(tmp_path: Path) -> Path:
    source = tmp_path / "source" / "leichte-sprache.rst"
    source.parent.mkdir()
    source.write_text("Titel\n=====\n\nDas ist ein Satz.\n", encoding="utf-8")
    return source


def test_no_page_is_checked_until_a_check_is_recorded(page: Path) -> None:
    record = page.parents[1] / "reviews" / "leichte-sprache.json"
    assert current_check(record, page) is None

    record_check(record, page, "Prüfgruppe Beispiel-Stadt", DAY, readers=3)

    check = current_check(record, page)
    assert check is not None
    assert (check.by, check.date, check.readers) == ("Prüfgruppe Beispiel-Stadt", "2027-01-15", 3)


def test_an_edit_after_the_check_makes_the_page_unchecked_and_undoing_it_checked_again(
    page: Path,
) -> None:
    record = page.parents[1] / "reviews" / "leichte-sprache.json"
    record_check(record, page, "Prüfgruppe Beispiel-Stadt", DAY, readers=2)
    checked = page.read_text(encoding="utf-8")

    page.write_text(checked.replace("ein Satz", "ein neuer Satz"), encoding="utf-8")
    assert current_check(record, page) is None

    page.write_text(checked, encoding="utf-8")
    assert current_check(record, page) is not None


def test_a_check_needs_a_named_group_of_at_least_2_readers(page: Path) -> None:
    record = page.parents[1] / "reviews" / "leichte-sprache.json"
    with pytest.raises(UsageError, match="name"):
        record_check(record, page, "  ", DAY, readers=3)
    with pytest.raises(UsageError, match="at least 2"):
        record_check(record, page, "Prüfgruppe Beispiel-Stadt", DAY, readers=1)
    assert not record.exists()


def test_an_unreadable_record_is_an_error_not_an_unchecked_page(page: Path) -> None:
    record = page.parents[1] / "reviews" / "leichte-sprache.json"
    record.parent.mkdir()
    record.write_text('{"checks": {"abc": {"by": "X"}}}', encoding="utf-8")
    with pytest.raises(CatalogSyntaxError, match="Prüfgruppe record"):
        current_check(record, page)


@pytest.mark.parametrize("sentences", [UNCHECKED, CHECKED], ids=["unchecked", "checked"])
def test_the_note_is_itself_leichte_sprache(sentences: tuple[str, ...], tmp_path: Path) -> None:
    text = sentence("\n".join(sentences), date="15. Januar 2027", by="Prüfgruppe Beispiel-Stadt")
    note = tmp_path / "note.rst"
    note.write_text(f"Hinweis\n=======\n\n{text}\n", encoding="utf-8")
    assert not check_easy_read(note, frozenset({"Prüfgruppe Beispiel-Stadt"}))  # a name


def test_the_note_names_the_group_and_the_day_in_german() -> None:
    note = check_note(None, language("de"))
    assert note.startswith("Diesen Text hat noch keine Prüf-Gruppe geprüft.\n")

    record = {"by": "Prüfgruppe Beispiel-Stadt", "date": "2027-01-15", "readers": 3}
    from i18n_pipeline.catalogs.pruefgruppe import Check

    note = check_note(Check(**record), language("de"))  # type: ignore[arg-type]
    assert note.splitlines()[:2] == [
        "Eine Prüf-Gruppe hat diesen Text am 15. Januar 2027 geprüft.",
        "Die Prüf-Gruppe heißt: Prüfgruppe Beispiel-Stadt.",
    ]


def test_a_group_whose_name_ends_with_a_full_stop_gets_no_second_one() -> None:
    from i18n_pipeline.catalogs.pruefgruppe import Check

    check = Check(by="Lebenshilfe Beispiel-Stadt e. V.", date="2027-01-15", readers=3)
    note = check_note(check, language("de"))
    assert note.splitlines()[1] == "Die Prüf-Gruppe heißt: Lebenshilfe Beispiel-Stadt e. V."


@pytest.mark.slow  # reads the declaration's locales/ (its Leichte Sprache page, term base)
def test_recording_a_check_changes_what_every_language_is_built_from(
    project_copy: Project,
) -> None:
    config = {"site_easy_read_record": str(record_of(project_copy))}
    before = shared_inputs_digest(project_copy, config, THEME_DIR)
    record_check(
        record_of(project_copy),
        project_copy.source_dir / "leichte-sprache.rst",
        "Prüfgruppe Beispiel-Stadt",
        DAY,
        readers=2,
    )
    assert shared_inputs_digest(project_copy, config, THEME_DIR) != before


@pytest.mark.slow  # reads the declaration's locales/ (its Leichte Sprache page, term base)
def test_the_command_records_a_check_and_refuses_fewer_than_2_readers(
    project_copy: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(project_copy.root)
    args = ["--root", root, "pruefgruppe", "--by", "Prüfgruppe Beispiel-Stadt", "--date"]

    assert main([*args, "2027-01-15", "--readers", "1"]) == ExitCode.USAGE
    assert not record_of(project_copy).exists()

    assert main([*args, "2027-01-15", "--readers", "3"]) == 0
    assert "recorded that Prüfgruppe Beispiel-Stadt (3 readers)" in capsys.readouterr().out
    [check] = json.loads(record_of(project_copy).read_text(encoding="utf-8"))["checks"].values()
    assert check == {"by": "Prüfgruppe Beispiel-Stadt", "date": "2027-01-15", "readers": 3}


def _note(project: Project, out: Path) -> str:
    run_sphinx(
        project, "html", out, out / ".doctrees", language="de", overrides={"site_pdf": False}
    )
    page = parse(out / "leichte-sprache.html")
    [note] = page.xpath('//div[contains(@class, "easy-read-check")]/p')
    return str(note.text_content())


@pytest.mark.slow
def test_the_page_says_who_checked_it_until_it_is_edited(
    project_copy: Project, tmp_path: Path
) -> None:
    page = project_copy.source_dir / "leichte-sprache.rst"
    assert _note(project_copy, tmp_path / "before").startswith("Diesen Text hat noch keine")

    record_check(record_of(project_copy), page, "Prüfgruppe Beispiel-Stadt", DAY, 3)
    checked = _note(project_copy, tmp_path / "checked")
    assert checked.startswith("Eine Prüf-Gruppe hat diesen Text am 15. Januar 2027 geprüft.")
    assert "Die Prüf-Gruppe heißt: Prüfgruppe Beispiel-Stadt." in checked

    page.write_text(page.read_text(encoding="utf-8") + "\nEin neuer Satz.\n", encoding="utf-8")
    assert _note(project_copy, tmp_path / "edited").startswith("Diesen Text hat noch keine")


@pytest.mark.slow
def test_the_published_page_says_no_pruefgruppe_has_checked_it(built_project: Project) -> None:
    assert not record_of(built_project).exists(), "nobody has recorded a check"
    main_element = parse(built_project.site_dir / "de" / "leichte-sprache.html").find(".//main")
    first, note = main_element.xpath(".//section/*[self::p or self::div]")[:2]
    assert first.text_content() == "Hier steht die Berliner Erklärung in Leichter Sprache."
    assert "easy-read-check" in note.get("class")
    assert note.xpath("./p")[0].text_content().splitlines() == list(UNCHECKED)
