"""Typography as each language writes it: quotation marks, no-break spaces, dashes and
Arabic-script punctuation. Warnings: they do not stop a build, but ``tox -e check``
lists them with the fix, and the committed translations are kept free of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.quotes import quotation_marks
from i18n_pipeline.checks.registry import entry_check
from i18n_pipeline.checks.rst import EMBEDDED_URI, HTML_TAG
from i18n_pipeline.findings import Severity

#: Every character used as a double quotation mark somewhere (the single ones double
#: as apostrophes and are not judged).
DOUBLE_QUOTES = '"„“”«»‹›'

#: One-letter words that must not end a line (Polish and Czech typesetting rules).
ONE_LETTER_WORDS = {"pl": "aiouwzAIOUWZ", "cs": "kvszouaiKVSZOUAI"}

_LITERAL = re.compile(r"``.*?``")
_ARABIC_SCRIPT_THEN_LATIN_PUNCTUATION = re.compile(r"[\u0600-\u06ff]\s?(?P<mark>[,;?])")
_ARABIC_MARKS = {",": "،", ";": "؛", "?": "؟"}


def _prose(text: str) -> str:
    """The words of a msgstr: link addresses, :lang: tags, literals and HTML (which
    unsafe-markup reports) removed."""
    return HTML_TAG.sub(" ", _LITERAL.sub(" ", EMBEDDED_URI.sub(" ", text)))


@entry_check(Severity.WARNING)
def check_quotation_marks(entry: Entry, context: Context) -> Iterator[tuple[str, str]]:
    """Quotation marks as the language writes them (CLDR's delimiters, checks/quotes.py)."""
    allowed = quotation_marks(context.language)
    wrong = sorted({c for c in _prose(entry.msgstr) if c in DOUBLE_QUOTES and c not in allowed})
    if wrong and not allowed:
        yield (
            f"quotation marks {' '.join(wrong)} cannot be judged: checks/cldr_quotes.json has "
            f"no CLDR marks for {context.language.english_name}",
            "run 'python scripts/cldr_quotes.py' to add the language's marks from CLDR",
        )
    elif wrong:
        yield (
            f"quotation marks {' '.join(wrong)} are not {context.language.english_name} ones",
            f"write {allowed[0]}…{allowed[1]} (inside quotes: {allowed[2]}…{allowed[3]})",
        )


@entry_check(Severity.WARNING)
def check_no_break_space(entry: Entry, context: Context) -> Iterator[tuple[str, str]]:
    """No-break spaces where the language keeps words together: § 3, 30 %, Polish 'w domu'."""
    prose = _prose(entry.msgstr)
    for match in re.finditer(r"§ (?=\d)|\d (?=[%‰€])", prose):
        yield (
            f"a normal space in {prose[match.start() : match.end() + 1]!r}",
            "use a no-break space (U+00A0) there, so the line never breaks inside it",
        )
    letters = ONE_LETTER_WORDS.get(context.language.code, "")
    if letters:
        for match in re.finditer(rf"(?<![\w\u00a0])[{letters}] (?=\S)", prose):
            yield (
                f"the one-letter word {match[0].strip()!r} is followed by a normal space",
                "use a no-break space (U+00A0) after it: it must not end a line",
            )


@entry_check(Severity.WARNING)
def check_dashes(entry: Entry, context: Context) -> Iterator[tuple[str, str]]:
    """Dashes and ellipses, not hyphens and three full stops."""
    prose = _prose(entry.msgstr)
    if re.search(r"\d-\d", prose):
        yield ("a hyphen in a range of numbers", "write an en dash (–) between the numbers")
    if " - " in prose:
        yield ("a hyphen used as a dash", "write a dash (– or —, as your language does)")
    if "..." in prose:
        yield ("three full stops", "write the ellipsis character (…)")


@entry_check(Severity.WARNING)
def check_arabic_script_punctuation(entry: Entry, context: Context) -> Iterator[tuple[str, str]]:
    """Arabic-script text takes ، ؛ ؟, not the Latin comma, semicolon and question mark."""
    if context.language.script != "ARABIC":
        return
    for match in _ARABIC_SCRIPT_THEN_LATIN_PUNCTUATION.finditer(_prose(entry.msgstr)):
        mark = match["mark"]
        yield (
            f"a Latin {mark!r} after {context.language.english_name} text",
            f"write {_ARABIC_MARKS[mark]} instead",
        )
