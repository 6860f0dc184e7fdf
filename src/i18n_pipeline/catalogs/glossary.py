"""The glossary of protected terms: names and identifiers that are never translated.

One term per line; blank lines and lines starting with ``#`` are ignored. A
term may end with the language it is pronounced in, in brackets
(``Katarina Niewiedzial [de]``): inside a page in another script the build marks
it with that language, so a screen reader does not read a German name with
Arabic or Russian rules. Addresses and e-mail addresses carry no language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from i18n_pipeline.errors import InputMissingError
from i18n_pipeline.io import read_input

_TERM = re.compile(r"^(?P<text>.+?)(?:\s+\[(?P<language>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\])?$")


@dataclass(frozen=True)
class Term:
    """One protected term, and the language it is pronounced in ("" for none)."""

    text: str
    language: str = ""


def read_glossary(path: Path) -> tuple[Term, ...]:
    """Every term of the glossary; a missing glossary is an error, not an empty list."""
    if not path.is_file():
        # Without it no name would be protected, and every check would still pass.
        raise InputMissingError(
            "the glossary of protected terms is missing",
            path=path,
            hint="restore glossary.txt (one name or term per line) from the repository",
        )
    # Read as an input (no link out of its folder, no device): it is quoted in findings.
    text = read_input(path, root=path.parent).decode("utf-8")
    lines = (line.strip() for line in text.splitlines())
    matches = (_TERM.match(line) for line in lines if line and not line.startswith("#"))
    return tuple(Term(m["text"], m["language"] or "") for m in matches if m)


def load_glossary(path: Path) -> tuple[str, ...]:
    """The protected terms' texts, as the PO checks compare them."""
    return tuple(term.text for term in read_glossary(path))
