"""The glossary of protected terms: names and identifiers that are never translated."""

from __future__ import annotations

from pathlib import Path

from i18n_pipeline.errors import PipelineError


def load_glossary(path: Path) -> tuple[str, ...]:
    """One term per line; blank lines and lines starting with ``#`` are ignored."""
    if not path.is_file():
        # Without it no name would be protected, and every check would still pass.
        raise PipelineError(
            "the glossary of protected terms is missing",
            path=path,
            hint="restore glossary.txt (one name or term per line) from the repository",
        )
    terms = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(term for term in terms if term and not term.startswith("#"))
