"""Bidi controls: a translation may not reorder what the reader sees.

An override or isolate makes the page show another text than the one every
check and every reviewer read (``\\u202e30\\u202c`` is read as 30 and shown as 03).
The marks LRM, RLM and ALM reorder nothing; right-to-left text needs them.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.registry import ENTRY_CHECKS
from i18n_pipeline.config.languages import language
from i18n_pipeline.text.bidi import MARKS, REORDERING, REORDERING_CLASSES


def findings(msgid: str, msgstr: str, code: str = "ar") -> list[tuple[str, str]]:
    context = Context(Path(f"locales/{code}/LC_MESSAGES/index.po"), language(code))
    return list(ENTRY_CHECKS["bidi-controls"].function(Entry(msgid, msgstr, 1), context))


def test_the_reordering_controls_are_the_characters_of_uax9s_explicit_classes() -> None:
    by_class = {
        chr(code)
        for code in range(0x110000)
        if unicodedata.bidirectional(chr(code)) in REORDERING_CLASSES
    }
    assert by_class == REORDERING
    assert len(REORDERING) == 9


@pytest.mark.parametrize("control", sorted(REORDERING), ids=lambda c: f"U+{ord(c):04X}")
def test_every_embedding_override_and_isolate_is_an_error(control: str) -> None:
    [(message, hint)] = findings("Rund 30 Prozent", f"نحو {control}30 بالمئة")
    assert f"U+{ord(control):04X} {unicodedata.name(control)}" in message
    assert control not in message, "the character is named, never printed"
    assert "LRM, RLM or ALM" in hint


@pytest.mark.parametrize("mark", sorted(MARKS), ids=lambda c: f"U+{ord(c):04X}")
def test_the_marks_lrm_rlm_and_alm_are_allowed(mark: str) -> None:
    assert findings("Mauerstraße 53", f"Mauerstraße 53{mark}، برلين") == []


def test_controls_the_german_text_has_may_stay() -> None:
    assert findings("\u2067שלום\u2069", "\u2067שלום\u2069 مرحبا") == []
    [(message, _)] = findings("\u2067a\u2069", "\u2067a\u2069 \u2067b\u2069")
    assert "U+2067 RIGHT-TO-LEFT ISOLATE ×1" not in message  # counted: one more of each
    assert "U+2067 RIGHT-TO-LEFT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE" in message


def test_bidi_controls_cannot_be_waived() -> None:
    assert not ENTRY_CHECKS["bidi-controls"].waivable
