"""Unicode's bidirectional formatting characters: the ones that reorder text, and the
marks that only give a position a direction.

A right-to-left page needs the marks (LRM, RLM, ALM) around numbers and Latin names.
The others (UAX #9's embeddings, overrides and isolates) reorder what follows them:
a translation that carries one shows its words in another order than it says, so
the checks and the output check refuse any the German source does not have.
"""

from __future__ import annotations

from collections import Counter

#: UAX #9's explicit formatting characters, by their Bidi_Class: LRE RLE PDF LRO RLO
#: (U+202A–U+202E) and LRI RLI FSI PDI (U+2066–U+2069). ``unicodedata.bidirectional``
#: gives these classes to these nine characters only (tests/test_bidi.py).
REORDERING_CLASSES = frozenset({"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"})
REORDERING = frozenset(chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))

#: LRM, RLM and ALM: zero-width, they reorder nothing; right-to-left text needs them.
MARKS = frozenset("\u200e\u200f\u061c")


def reordering_controls(text: str) -> Counter[str]:
    """How often each reordering control occurs in ``text`` (one pass, linear)."""
    return Counter(char for char in text if char in REORDERING)


def added_controls(source: str, translation: str) -> Counter[str]:
    """The reordering controls ``translation`` has beyond those of ``source``."""
    return reordering_controls(translation) - reordering_controls(source)
