"""The shape of a translation: no fewer sentences than the German text, and a length in
the language's usual proportion to it. Warnings that point a reviewer at a sentence
left out or at text added."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import pytest

from conftest import SITE
from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.proportions import (
    RATIOS_FILE,
    _rules,
    length,
    length_ratios,
    sentences,
)
from i18n_pipeline.checks.registry import ENTRY_CHECKS
from i18n_pipeline.config.languages import language
from i18n_pipeline.findings import Severity
from i18n_pipeline.io import read_json

REPO = Path(__file__).resolve().parents[2]
GERMAN = (
    "Deutschland hat Fortschritte erzielt, z.B. mit dem Chancenaufenthaltsrecht. "
    "Jetzt gilt es, diese Errungenschaften zu sichern. Wir sind ein Land der Vielfalt."
)


def findings(check: str, msgid: str, msgstr: str, code: str = "en") -> list[tuple[str, str]]:
    context = Context(Path(f"locales/{code}/LC_MESSAGES/index.po"), language(code))
    return list(ENTRY_CHECKS[check].function(Entry(msgid, msgstr, 1), context))


def test_german_abbreviations_end_no_sentence() -> None:
    assert len(sentences(GERMAN, "de")) == 3


def test_a_sentence_left_out_is_a_warning() -> None:
    msgstr = "Germany has made progress, e.g. with the opportunity residence right. We are diverse."
    [(message, hint)] = findings("fewer-sentences", GERMAN, msgstr)
    assert message == "the German text has 3 sentences, the translation 2"
    assert "# check: ignore fewer-sentences" in hint
    assert ENTRY_CHECKS["fewer-sentences"].severity is Severity.WARNING


def test_the_same_sentences_pass_and_more_are_fine() -> None:
    msgstr = (
        "Germany has made progress, e.g. with the opportunity residence right. Now we must "
        "secure these achievements. We are a country of diversity. We are proud of it."
    )
    assert findings("fewer-sentences", GERMAN, msgstr) == []


def test_a_date_ending_in_an_abbreviation_still_ends_its_sentence() -> None:
    """pysbd's Bulgarian rules read "г." (the year) as an abbreviation that ends nothing."""
    msgid = "Diese Erklärung wurde am 24. November 2026 erstellt. Sie beruht auf einer Prüfung."
    msgstr = "Декларацията е изготвена на 24 ноември 2026\u00a0г. Тя се основава на проверка."
    assert len(sentences(msgstr, "bg")) == 1, "pysbd alone counts one"
    assert findings("fewer-sentences", msgid, msgstr, "bg") == []


@pytest.mark.parametrize(
    ("code", "rules"),
    [("de", "de"), ("ru", "ru"), ("uk", "ru"), ("tr", "en"), ("ps", "fa"), ("ku", "en")],
)
def test_a_language_without_rules_of_its_own_takes_its_scripts(code: str, rules: str) -> None:
    assert _rules(language(code)) == rules


def test_every_language_has_rules() -> None:
    for lang in SITE.translations:
        assert sentences("Eins. Zwei.", _rules(lang))


LONG_GERMAN = "Jetzt gilt es, diese Errungenschaften zu sichern und weiter zu arbeiten."


def test_a_translation_far_longer_than_usual_is_a_warning() -> None:
    msgstr = "Now it is important to secure these achievements. " * 4
    [(message, _)] = findings("length-ratio", LONG_GERMAN, msgstr)
    assert message.startswith("the translation is 2.7")
    assert "English translations are" in message
    assert ENTRY_CHECKS["length-ratio"].severity is Severity.WARNING


def test_a_translation_far_shorter_than_usual_is_a_warning() -> None:
    assert findings("length-ratio", LONG_GERMAN, "Secure it.")


def test_a_usual_length_passes_and_short_texts_are_not_judged() -> None:
    msgstr = "Now it is important to secure these achievements and to keep working."
    assert findings("length-ratio", LONG_GERMAN, msgstr) == []
    assert findings("length-ratio", "Service", "Services and links to them") == []


def test_length_is_counted_in_grapheme_clusters_of_the_words_shown() -> None:
    assert length("می\u200cکوشد") == 6  # the zero-width non-joiner joins its letter
    assert length("Ku\u0308rku") == 5


@pytest.mark.slow  # the ratios are measured on the declaration's own translations
def test_the_data_file_is_what_the_script_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "path", list(sys.path))  # the script adds src/: undone after
    spec = importlib.util.spec_from_file_location(
        "length_ratios", REPO / "scripts" / "length_ratios.py"
    )
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    out = tmp_path / "length_ratios.json"

    assert script.main([str(REPO), str(out)]) == 0

    written, committed = read_json(out), read_json(RATIOS_FILE)
    assert written["min_length"] == committed["min_length"] == length_ratios().min_length
    assert set(written["languages"]) == {lang.code for lang in SITE.translations}
    for usual in length_ratios().languages.values():
        assert 0.5 < math.exp(usual.median) < 2 and 0 < usual.spread < 1
