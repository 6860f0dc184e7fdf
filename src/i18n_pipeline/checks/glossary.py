"""The glossary of protected terms: names and identifiers that are never translated."""

from __future__ import annotations

from pathlib import Path


def load_glossary(path: Path) -> tuple[str, ...]:
    """One term per line; blank lines and lines starting with ``#`` are ignored."""
    if not path.is_file():
        return ()
    terms = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(term for term in terms if term and not term.startswith("#"))
