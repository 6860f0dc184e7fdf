"""Protected terms are compared as a reader sees them: whole grapheme clusters, as a
whole term, and never a look-alike.

Issue 26: "Deniz Kurkü", written "Kurku" plus a combining diaeresis, passed as
"Deniz Kurku"; a Cyrillic "а" in a name or an address passed as the Latin one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.registry import ENTRY_CHECKS
from i18n_pipeline.text.skeleton import skeleton

GLOSSARY = (
    "Deniz Kurku",
    "Katarina Niewiedzial",
    "Susi Möbbeck",
    "Mauerstraße 53",
    "HTML_CodeSniffer",
    "barrierefreiheit@example.org",
)
MSGID = "**Deniz Kurku**, Beauftragte für Migration des Landes Niedersachsen"


def findings(msgstr: str, msgid: str = MSGID, code: str = "tr") -> list[tuple[str, str]]:
    from i18n_pipeline.config.languages import language

    context = Context(Path(f"locales/{code}/LC_MESSAGES/index.po"), language(code), GLOSSARY)
    return list(ENTRY_CHECKS["protected-term"].function(Entry(msgid, msgstr, 1), context))


@pytest.mark.parametrize(
    "msgstr",
    [
        "**Deniz Kurku**, Aşağı Saksonya Göç Sorumlusu",
        "Deniz Kurku'nun görevi",  # Turkish writes the suffix after an apostrophe
        "Deniz Kurku (Aşağı Saksonya)",
        "**Deniz Kurku**\u200f، مسؤولة",  # RLM after the name, then Arabic
    ],
)
def test_the_term_as_itself_passes(msgstr: str) -> None:
    assert findings(msgstr) == []


@pytest.mark.parametrize(
    ("msgstr", "shown"),
    [
        ("**Deniz Kurku\u0308**, Sorumlu", "'Deniz Kurkü'"),  # NFC makes it ü
        ("**Deniz Kurku\u0332**, Sorumlu", "'Deniz Kurku\u0332'"),  # no precomposed form
        ("**Deniz Kurkus**, Sorumlu", "'Deniz Kurkus'"),
        ("**XDeniz Kurku**, Sorumlu", "'XDeniz Kurku'"),
        ("**\u0301Deniz Kurku**, Sorumlu", "'*\u0301Deniz Kurku'"),  # a mark alone before it
    ],
    ids=["combining-diaeresis", "combining-low-line", "letter-after", "letter-before", "mark"],
)
def test_a_letter_digit_or_combining_mark_joined_to_the_term_is_an_error(
    msgstr: str, shown: str
) -> None:
    [(message, hint)] = findings(msgstr)
    assert "'Deniz Kurku' is only part of" in message and shown in message
    assert "with a space or punctuation before and after it" in hint


def test_a_digit_after_an_address_makes_it_another_address() -> None:
    msgid = "Mauerstraße 53, 10117 Berlin"
    assert findings("Mauerstraße 53, 10117 Berlin", msgid, "ar") == []
    assert findings("Mauerstraße 531, 10117 Berlin", msgid, "ar")
    assert findings("Mauerstraße 53ب، 10117 برلين", msgid, "ar"), "53b is another house"


def test_a_letter_of_the_other_direction_does_not_join_a_latin_term() -> None:
    """Arabic writes the conjunction و joined to the next word, a Latin name too."""
    msgid = "mit den Prüfwerkzeugen axe und HTML_CodeSniffer geprüft"
    assert findings("بأداتَي الاختبار axe وHTML_CodeSniffer", msgid, "ar") == []
    assert findings("axe иHTML_CodeSniffer", msgid, "ru"), "Cyrillic runs left to right too"


def test_a_term_written_decomposed_is_the_same_term() -> None:
    msgid = "**Susi Möbbeck**, Beauftragte"
    assert findings("**Susi Mo\u0308bbeck**, Sorumlu", msgid) == []


def test_the_skeleton_is_unicodes_uts39_skeleton() -> None:
    assert skeleton("b\u0430rrierefreiheit") == skeleton("barrierefreiheit")  # Cyrillic а
    assert skeleton("\u0440aypal") == skeleton("paypal")  # Cyrillic р
    assert skeleton("rn") == skeleton("m")
    assert skeleton("Kurku") != skeleton("Kurkü")


def test_a_look_alike_letter_in_a_name_is_named() -> None:
    msgid = "**Katarina Niewiedzial**, Beauftragte des Berliner Senats"
    [(message, _)] = findings("**K\u0430tarina Niewiedzial**, Berlin", msgid, "ru")
    assert message.startswith("'Kаtarina Niewiedzial' looks like 'Katarina Niewiedzial'")
    assert "'а' U+0430 CYRILLIC SMALL LETTER A for 'a'" in message


def test_a_look_alike_address_is_an_error_even_beside_the_real_one() -> None:
    """The real address in the link target does not excuse the one the reader sees."""
    msgid = "`barrierefreiheit@example.org <mailto:barrierefreiheit@example.org>`__"
    msgstr = "`b\u0430rrierefreiheit@example.org <mailto:barrierefreiheit@example.org>`__"
    [(message, _)] = findings(msgstr, msgid, "en")
    assert "looks like 'barrierefreiheit@example.org'" in message
