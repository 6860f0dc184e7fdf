"""The languages of the site: one list, everything else derived from Babel.

Adding a language is one line in ``TRANSLATIONS`` plus its PO files (``tox -e
update`` creates them). Names, text direction, plural rules and digits come from
Babel's CLDR data, never from a hand-kept table.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import langcodes
from babel import Locale
from babel.messages.plurals import get_plural

#: The language the declaration was written in; every other page is a translation.
SOURCE_LANGUAGE = "de"

#: Translations, in the order the language switcher shows them (gettext codes).
TRANSLATIONS: tuple[str, ...] = (
    "en",
    "tr",
    "ar",
    "fa",
    "uk",
    "ru",
    "pl",
    "ro",
    "it",
    "hr",
    "bg",
    "el",
    "ps",
    "ku",
)

#: Babel orders Arabic's six plural forms unlike GNU gettext, Poedit and Weblate
#: (its form 4 is "n%100 in 0..2", theirs "n%100 >= 11"); translators' tools use
#: the GNU order, so the header uses it too.
GNU_PLURAL_FORMS = {
    "ar": (
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
        "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
    ),
}

#: The CLDR locale whose conventions (dates, numbers) a translation follows, where it
#: is not the bare language: the English translation is written in British usage
#: (spelling, "Section 3(1)", "19 November 2024"), as the EU's English texts are;
#: Babel's bare ``en`` is American ("November 19, 2024").
FORMAT_LOCALE = {"en": "en_GB"}

#: Zero digit of each CLDR numbering system used by our languages; Babel knows which
#: system a locale uses but formats dates with Latin digits regardless.
ZERO_DIGIT = {
    "latn": "0",
    "arab": "\u0660",
    "arabext": "\u06f0",
    "beng": "\u09e6",
    "deva": "\u0966",
}


@dataclass(frozen=True)
class Language:
    """One language version of the site."""

    code: str  # gettext/Sphinx code, also the directory name: locales/<code>, site/<code>
    tag: str  # BCP 47 tag for lang="" and hreflang=""
    native_name: str
    english_name: str
    direction: str  # "ltr" or "rtl"
    plural_forms: str
    numbering_system: str
    format_locale: str  # CLDR locale for dates and numbers, e.g. en_GB for en

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"

    @property
    def script(self) -> str:
        """The script the language is written in, as Unicode names it (LATIN, ARABIC,
        CYRILLIC…), read off CLDR's native name rather than kept in a table."""
        return next(
            (unicodedata.name(char).split()[0] for char in self.native_name if char.isalpha()),
            "LATIN",
        )

    @property
    def digits(self) -> str:
        """The ten digits this language writes numbers with, 0 to 9."""
        zero = ord(ZERO_DIGIT.get(self.numbering_system, "0"))
        return "".join(chr(zero + i) for i in range(10))

    def localize_digits(self, text: str) -> str:
        """Replace Latin digits by the language's own (Babel leaves them Latin)."""
        return text.translate(str.maketrans("0123456789", self.digits))


@cache
def language(code: str) -> Language:
    """Describe ``code`` from Babel's locale data."""
    locale = Locale.parse(code.replace("-", "_"))
    name = locale.get_display_name(locale) or code
    return Language(
        code=code,
        tag=langcodes.standardize_tag(code),
        native_name=name[:1].upper() + name[1:],
        english_name=locale.get_display_name("en") or code,
        direction=locale.text_direction,
        plural_forms=GNU_PLURAL_FORMS.get(code, get_plural(locale).plural_forms),
        numbering_system=locale.default_numbering_system,
        format_locale=FORMAT_LOCALE.get(code, code.replace("-", "_")),
    )


def all_languages() -> list[Language]:
    """The source language first, then every translation."""
    return [language(code) for code in (SOURCE_LANGUAGE, *TRANSLATIONS)]


def translations() -> list[Language]:
    return [language(code) for code in TRANSLATIONS]
