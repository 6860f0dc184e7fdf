"""Each language's quotation marks, as CLDR gives them (its ``<delimiters>``).

Babel does not carry them, so ``scripts/cldr_quotes.py`` writes them from the CLDR
project's JSON (resolved, with the package and version named in the file) into
``cldr_quotes.json`` beside this module, one entry per locale a configured language is
written in. A language without an entry is an error of the table, named by a test, not
a language the check skips.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from i18n_pipeline.config.languages import Language
from i18n_pipeline.io import read_json

QUOTES_FILE = Path(__file__).with_name("cldr_quotes.json")


def cldr_locale(lang: Language) -> str:
    """The CLDR locale the language is written in, as CLDR's JSON names it (en-GB)."""
    return lang.format_locale.replace("_", "-")


@cache
def _table() -> dict[str, str]:
    return {locale: str(marks) for locale, marks in read_json(QUOTES_FILE)["locales"].items()}


def source() -> str:
    """Where the marks come from: CLDR's version and the package they were read from."""
    return str(read_json(QUOTES_FILE)["source"])


def quotation_marks(lang: Language) -> str:
    """Start and end, then the alternate (inner) start and end: "„“‚‘" for German; "" for a
    language the table lacks (the locale, else the bare language, is looked up)."""
    table = _table()
    for locale in (cldr_locale(lang), lang.code.replace("_", "-").split("-")[0]):
        if locale in table:
            return table[locale]
    return ""
