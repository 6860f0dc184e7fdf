"""Characters a reader does not see but that change what they see: the bidi controls."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.registry import entry_check
from i18n_pipeline.findings import Severity
from i18n_pipeline.text.bidi import added_controls


def describe(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: a character named, never printed."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed')}"


@entry_check(Severity.ERROR, waivable=False)
def check_bidi_controls(entry: Entry, context: Context) -> Iterator[tuple[str, str]]:
    """No bidi embedding, override or isolate (U+202A–U+202E, U+2066–U+2069) the German
    text lacks: each reorders the words after it, so the page would show another text
    than the one reviewed. LRM, RLM and ALM stay allowed: they reorder nothing."""
    added = added_controls(entry.msgid, entry.msgstr)
    if added:
        shown = ", ".join(
            f"{describe(char)}" + (f" ×{count}" if count > 1 else "")
            for char, count in sorted(added.items())
        )
        yield (
            f"the translation contains bidi controls that reorder the text: {shown}",
            "remove them: the page gives each language its direction; where a number or a "
            "Latin name needs one, use LRM, RLM or ALM (U+200E, U+200F, U+061C)",
        )
