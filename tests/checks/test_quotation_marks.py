"""Quotation marks: judged for every language by CLDR's marks; never skipped in silence.

The marks come from CLDR's resolved data (``checks/cldr_quotes.json``, written by
``scripts/cldr_quotes.py``); that every configured language has an entry is
``tests/test_language_tables.py``'s.
"""

from __future__ import annotations

from pathlib import Path

from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.registry import ENTRY_CHECKS
from i18n_pipeline.config.languages import language


def findings(msgstr: str, code: str) -> list[tuple[str, str]]:
    context = Context(Path(f"locales/{code}/LC_MESSAGES/index.po"), language(code))
    entry = Entry("Wir sagen: „Willkommen“.", msgstr, 1)
    return list(ENTRY_CHECKS["quotation-marks"].function(entry, context))


def test_pashto_is_judged_by_the_marks_cldr_gives_it() -> None:
    assert not findings("موږ وایو: “ښه راغلاست”.", "ps")
    [(message, hint)] = findings("موږ وایو: «ښه راغلاست».", "ps")
    assert "« »" in message and "Pashto" in message
    assert hint == "write “…” (inside quotes: ‘…’)"


def test_croatian_greek_and_bulgarian_are_judged_too() -> None:
    assert findings("Kažemo: «Dobro došli».", "hr")
    assert findings("Λέμε: „Καλώς ήρθατε“.", "el")
    assert findings("Казваме: «Добре дошли».", "bg")


def test_a_language_without_marks_in_the_table_is_named_not_skipped() -> None:
    [(message, hint)] = findings("Nous disons : “Bienvenue”.", "fr")
    assert "cannot be judged" in message and "French" in message
    assert "scripts/cldr_quotes.py" in hint


def test_a_language_without_marks_and_without_quotes_has_nothing_to_judge() -> None:
    assert not findings("Nous disons : bienvenue.", "fr")
