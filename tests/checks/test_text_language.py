"""A msgstr in another language than its file's is an error at its line, judged against
every language the identifiers know; short text is not judged, and names, marked
foreign phrases and addresses do not count. The must-fail fixtures (French on the
Italian page, Spanish on the Romanian, Serbian on the Croatian, Turkish on the
Kurmanji, Persian on the Pashto) are in ``fixtures/po/xfail``."""

from __future__ import annotations

from pathlib import Path

from i18n_pipeline.audit.identify import known_languages
from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.registry import ENTRY_CHECKS
from i18n_pipeline.checks.text_language import MIN_LETTERS, serbian_forms, serbian_words
from i18n_pipeline.config.languages import language

FRENCH = (
    "Environ 30 pour cent de notre population est issue de l'immigration. "
    "Nous sommes un pays de diversité."
)


def findings(msgstr: str, code: str, glossary: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    context = Context(Path(f"locales/{code}/LC_MESSAGES/index.po"), language(code), glossary)
    entry = Entry("Rund 30 Prozent unserer Bevölkerung …", msgstr, 1)
    return list(ENTRY_CHECKS["text-language"].function(entry, context))


def test_the_identifiers_know_languages_the_site_does_not_have() -> None:
    assert {"fr", "es", "sr", "ps", "ku"} <= known_languages()


def test_french_on_the_italian_page_is_named_with_the_identifiers_scores() -> None:
    [(message, hint)] = findings(FRENCH, "it")
    assert message.startswith("the translation is in French, not in Italian (lingua: fr")
    assert "py3langid: fr" in message
    assert "write this entry in Italian" in hint and "cannot be waived" in hint


def test_the_same_text_on_a_french_page_is_fine() -> None:
    assert not findings(FRENCH, "fr")


def test_a_short_text_is_not_judged() -> None:
    short = "Nous sommes un pays de diversité."
    assert sum(c.isalpha() for c in short) < MIN_LETTERS
    assert not findings(short, "it")


def test_names_and_marked_german_phrases_are_not_read_as_the_text() -> None:
    """Mostly German words, every one a glossary name or a marked law name: too little
    Italian is left to judge, and nothing is taken for German."""
    msgstr = (
        "Katarina Niewiedzial e Doris Kratz-Hinrichsen: la legge "
        "(:lang:`Fachkräfteeinwanderungsgesetz <de>`) e "
        "(:lang:`Staatsangehörigkeitsrecht <de>`)."
    )
    assert not findings(msgstr, "it", ("Katarina Niewiedzial", "Doris Kratz-Hinrichsen"))


def test_serbian_words_need_more_than_one_and_more_than_the_croatian_ones() -> None:
    assert serbian_words("Oko 30 odsto našeg stanovništva ima migrantsko poreklo.") == {
        "odsto": "posto",
        "poreklo": "podrijetl",
    }
    assert not serbian_words("Oko 30 odsto našeg stanovništva.")  # one is not enough
    assert not serbian_words(
        "U Srbiji se kaže „poreklo“ ili „odsto“, a mi kažemo posto, podrijetlo i sudjelovanje."
    )


def test_a_serbian_stem_never_starts_its_croatian_form() -> None:
    """Else the Croatian word would count as Serbian too ("takođe" is whole, for "također")."""
    for pair in serbian_forms():
        assert pair.whole or not pair.croatian.startswith(pair.serbian), pair


def test_the_check_cannot_be_waived_by_a_translator() -> None:
    assert ENTRY_CHECKS["text-language"].waivable is False
