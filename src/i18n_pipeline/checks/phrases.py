"""Phrases the Leichte Sprache check looks for, kept as data with their sources: avoidable
negations and idioms (``easy_read_data/negations.toml``, ``idioms.toml``).

A phrase is found in a tagged sentence (:mod:`tagger`), so every inflected form counts:
"halten an … fest" finds "Wir halten am Recht auf Asyl fest." No library lists German
idioms or the negations that a positive word can replace with the plainer wording for
easy-read text, so the lists are the project's, each entry with where it comes from.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from i18n_pipeline.checks.tagger import Token

DATA = Path(__file__).parent / "easy_read_data"
GAP = "…"


@dataclass(frozen=True)
class Phrase:
    name: str  # as a finding names it
    match: tuple[str, ...]  # alternatives: words in order, GAP for any words in between
    instead: str  # the plainer wording
    source: str  # where the entry comes from

    def found_in(self, tokens: list[Token]) -> bool:
        words = [t for t in tokens if not t.tag.startswith("$")]
        return any(_matches(_parts(pattern), words, 0) for pattern in self.match)


@functools.cache
def load_phrases(name: str) -> tuple[Phrase, ...]:
    """The phrases of ``easy_read_data/<name>.toml``."""
    data = tomllib.loads((DATA / f"{name}.toml").read_text(encoding="utf-8"))
    return tuple(
        Phrase(entry["name"], tuple(entry["match"]), entry["instead"], entry["source"])
        for entry in data["phrase"]
    )


def _normal(word: str) -> str:
    return re.sub("[-·]", "", word).lower()


def _parts(pattern: str) -> list[list[str]]:
    """ "halten an … fest" → [["halten", "an"], ["fest"]]: runs of adjacent words."""
    return [[_normal(w) for w in run.split()] for run in pattern.split(GAP)]


def _matches(runs: list[list[str]], words: list[Token], start: int) -> bool:
    """Every run of adjacent words, in order, the first at or after ``start``."""
    if not runs:
        return True
    run, rest = runs[0], runs[1:]
    for i in range(start, len(words) - len(run) + 1):
        if all(word in words[i + j].forms for j, word in enumerate(run)) and _matches(
            rest, words, i + len(run)
        ):
            return True
    return False
