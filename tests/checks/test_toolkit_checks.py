"""Whitespace, ending punctuation, unchanged text and HTML tags are translate-toolkit's checks.

Where the toolkit's answer differs from the hand-written checks it replaced, a
test below says which answer is right and why the toolkit's was kept.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.registry import ENTRY_CHECKS
from i18n_pipeline.config.languages import language


def findings(check: str, msgid: str, msgstr: str, code: str = "en") -> list[tuple[str, str]]:
    glossary = ("Katarina Niewiedzial",)
    context = Context(Path(f"locales/{code}/LC_MESSAGES/index.po"), language(code), glossary)
    return list(ENTRY_CHECKS[check].function(Entry(msgid, msgstr, 7), context))


@pytest.mark.parametrize(
    ("code", "msgstr"),
    [
        ("ar", "هل لاحظتم أوجه قصور؟"),
        ("fa", "آیا کاستی‌هایی دیده‌اید؟"),
        ("ps", "ایا تاسو نیمګړتیاوې ولیدې؟"),  # no toolkit class: Arabic script, Arabic marks
        ("el", "Παρατηρήσατε ελλείψεις;"),
        ("el", "Παρατηρήσατε ελλείψεις\u037e"),  # the Greek question mark itself
        ("en", "Did you notice any shortcomings?"),
    ],
)
def test_a_question_ends_with_the_question_mark_of_the_language(code: str, msgstr: str) -> None:
    assert findings("ending-punctuation", "Sind Ihnen Mängel aufgefallen?", msgstr, code) == []


@pytest.mark.parametrize(
    ("code", "msgstr", "expected"),
    [
        ("el", "Παρατηρήσατε ελλείψεις?", ";"),
        ("ar", "هل لاحظتم أوجه قصور?", "؟"),
        ("ps", "ایا تاسو نیمګړتیاوې ولیدې?", "؟"),
    ],
)
def test_a_latin_question_mark_is_not_the_question_mark_of_greek_or_arabic_script(
    code: str, msgstr: str, expected: str
) -> None:
    """The hand-written check let every language end a question with ``?`` or ``;``.
    The toolkit's is right: Greek asks with ``;`` (U+037E, the same after NFC), and
    Arabic-script languages with ``؟``; a Latin ``?`` there is a typo."""
    [(message, hint)] = findings("ending-punctuation", "Mängel aufgefallen?", msgstr, code)
    name = language(code).english_name
    assert (
        message
        == f"the translation ends with '?' as the German text does, but {name} writes {expected!r}"
    )
    assert hint == f"end the translation with {expected!r}"


def test_a_doubled_full_stop_is_reported() -> None:
    """The hand-written check compared one character, so ``..`` passed; the toolkit
    compares all the punctuation at the end, and a doubled full stop is a typo."""
    [(message, _)] = findings("ending-punctuation", "Wir sind ein Land.", "We are a country..")
    assert message == "the German text ends with '.', the translation with '..'"


def test_a_heading_that_became_a_question_is_reported() -> None:
    """The hand-written check only noticed an added '.' or ':'; the toolkit notices any
    added ending, and a heading turned into a question changes what the page says."""
    [(message, hint)] = findings("ending-punctuation", "Unsere Ziele", "Our goals?")
    assert message == "the translation ends with '?', the German text does not"
    assert "remove the final punctuation" in hint


@pytest.mark.parametrize(
    "msgstr",
    [
        "The law applies: `Chancenaufenthaltsrecht <de>`:lang:.",  # a role name is no ending
        "See the `annex. <https://example.org/a>`__",  # the reader sees "See the annex."
    ],
)
def test_ending_is_judged_on_the_words_the_reader_sees_not_on_markup(msgstr: str) -> None:
    assert findings("ending-punctuation", "Das Gesetz gilt.", msgstr) == []


def test_a_link_does_not_hide_a_lost_ending() -> None:
    msgstr = "See the `annex <https://example.org/a>`__"
    assert findings("ending-punctuation", "Siehe die `Anlage <https://example.org/a>`__.", msgstr)


def test_a_copy_that_differs_only_in_case_is_still_a_copy() -> None:
    """The hand-written check wanted the msgstr identical; the toolkit's ``unchanged``
    ignores case and surrounding spaces, and a recased copy is still untranslated."""
    assert findings("same-as-source", "Barrierefreier Service", "barrierefreier service")


@pytest.mark.parametrize(
    "msgid",
    ["Katarina Niewiedzial", "https://example.org/erklaerung", "19.11.2024"],
)
def test_names_addresses_and_numbers_may_stay_as_they_are(msgid: str) -> None:
    assert findings("same-as-source", msgid, msgid) == []


@pytest.mark.parametrize(
    ("msgstr", "side"),
    [(" We are a country.", "start"), ("We are a country.\n", "end")],
)
def test_whitespace_at_either_end_must_match(msgstr: str, side: str) -> None:
    [(message, _)] = findings("whitespace", "Wir sind ein Land.", msgstr)
    assert message == f"spaces or line breaks at the {side} differ from the German text"


def test_an_added_tag_is_reported_by_name_and_a_link_address_is_not_a_tag() -> None:
    msgid = "Siehe `Anlage <https://example.org/a>`__."
    msgstr = "See `annex <https://example.org/a>`__ <b>now</b>."
    [(message, _)] = findings("unsafe-markup", msgid, msgstr)
    assert message == "the translation contains HTML: </b>, <b>"
    assert findings("unsafe-markup", msgid, "See `annex <https://example.org/a>`__.") == []
