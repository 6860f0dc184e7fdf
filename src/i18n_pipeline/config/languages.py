"""What a language code says by itself: names, text direction, script and digits, from
Babel's CLDR data (and langcodes for the tag), never from a hand-kept table.

Which languages a site has is the project's, not this module's: ``site_languages``
in its conf.py, with the gettext plural rule the project records for each
(:mod:`i18n_pipeline.config.site_config`). A project's language is :func:`language` with
that record and the locale its dates follow put in; a bare :func:`language` (the
audit of another site) has CLDR's rule and the language's own locale.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import langcodes
from babel import Locale
from babel.messages.plurals import get_plural

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
    plural_forms: str  # the project's record (SiteConfig.language), else CLDR's rule
    numbering_system: str
    format_locale: str  # CLDR locale for dates and numbers: the project's (en_GB for en)

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
    """Describe ``code`` from Babel's locale data alone."""
    locale = Locale.parse(code.replace("-", "_"))
    name = locale.get_display_name(locale) or code
    return Language(
        code=code,
        tag=langcodes.standardize_tag(code),
        native_name=name[:1].upper() + name[1:],
        english_name=locale.get_display_name("en") or code,
        direction=locale.text_direction,
        plural_forms=get_plural(locale).plural_forms,
        numbering_system=locale.default_numbering_system,
        format_locale=code.replace("-", "_"),
    )
