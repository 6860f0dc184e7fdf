"""The languages of the site: one table, everything else derived from Babel.

Adding a language is one line in ``LANGUAGES`` (its code and its gettext plural
rule) plus its PO files (``tox -e update`` creates them). Names, text direction and
digits come from Babel's CLDR data, never from a hand-kept table. The plural rule
is the one exception: it is written into every PO header, so it is the project's
record, not the installed Babel's opinion (Babel 2.19 gave Turkish and Persian a
second form and Italian a third; a header that was right the day before turned
into an error on a fresh machine).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import langcodes
from babel import Locale
from babel.messages.plurals import get_plural

#: Every language of the site with its gettext ``Plural-Forms``: the source language
#: first, then the translations in the order the language switcher shows them. The
#: rules are GNU gettext's and translate-toolkit's, the ones Poedit and Weblate
#: write (Arabic in the GNU order, Italian with two forms); Persian's is
#: translate-toolkit's and CLDR's. :mod:`i18n_pipeline.plurals` also accepts a
#: header that follows another recognised table.
LANGUAGES: dict[str, str] = {
    "de": "nplurals=2; plural=(n != 1);",
    "en": "nplurals=2; plural=(n != 1);",
    "tr": "nplurals=2; plural=(n != 1);",
    "ar": (
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
        "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
    ),
    "fa": "nplurals=2; plural=(n > 1);",
    "uk": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
        "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "ru": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
        "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "pl": (
        "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "ro": "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);",
    "it": "nplurals=2; plural=(n != 1);",
    "hr": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
        "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "bg": "nplurals=2; plural=(n != 1);",
    "el": "nplurals=2; plural=(n != 1);",
    "ps": "nplurals=2; plural=(n != 1);",
    "ku": "nplurals=2; plural=(n != 1);",
}

#: The language the declaration was written in; every other page is a translation.
SOURCE_LANGUAGE = "de"

#: Translations, in the order the language switcher shows them (gettext codes).
TRANSLATIONS: tuple[str, ...] = tuple(code for code in LANGUAGES if code != SOURCE_LANGUAGE)

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
        # A language outside the record (an audit of another site) gets CLDR's rule.
        plural_forms=LANGUAGES.get(code) or get_plural(locale).plural_forms,
        numbering_system=locale.default_numbering_system,
        format_locale=FORMAT_LOCALE.get(code, code.replace("-", "_")),
    )


def all_languages() -> list[Language]:
    """The source language first, then every translation."""
    return [language(code) for code in (SOURCE_LANGUAGE, *TRANSLATIONS)]


def translations() -> list[Language]:
    return [language(code) for code in TRANSLATIONS]
