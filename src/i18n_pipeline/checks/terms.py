"""One thing, one word: a Leichte Sprache page names each thing the same way throughout.

Two kinds of second name are reported, each at the sentence that brings it in: another
word of a group that names the same thing (``easy_read_data/terms.toml``, kept as data
with the source of each group: Flüchtlinge and Geflüchtete), and another spelling of
the same word (Bundestag and Bundes-Tag). Which words name the same thing is a matter of
meaning, which no library decides for easy-read German, so the groups are the project's.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass

from i18n_pipeline.checks.phrases import DATA


@dataclass(frozen=True)
class Term:
    use: str  # the word this project's page uses for the thing
    names: tuple[str, ...]  # every word for it, each as the start of a word or of a part
    source: str  # where the group comes from


@dataclass(frozen=True)
class SecondName:
    word: str  # as the sentence writes it
    first: str  # as the page first wrote the thing
    line: int  # where it did
    use: str  # what to write


@functools.cache
def load_terms() -> tuple[Term, ...]:
    data = tomllib.loads((DATA / "terms.toml").read_text(encoding="utf-8"))
    return tuple(
        Term(entry["use"], tuple(entry["names"]), entry["source"]) for entry in data["term"]
    )


def _normal(word: str) -> str:
    return re.sub("[-·]", "", word).lower()


class Naming:
    """What a page has called each thing so far, sentence by sentence."""

    def __init__(self, terms: tuple[Term, ...]) -> None:
        self.terms = terms
        self.first: dict[tuple[str, str], tuple[str, str, int]] = {}  # key → name, word, line

    def second_names(self, words: list[str], line: int) -> list[SecondName]:
        """The words of this sentence that name a thing the page named otherwise before."""
        found = []
        for word in words:
            if not any(c.isalpha() for c in word):
                continue
            # The same word in another spelling: write it as the page first did.
            uses = [(("spelling", _normal(word)), word.lower(), "")]
            uses += [(("term", term.use), name, term.use) for term, name in self._terms_of(word)]
            for key, name, use in uses:
                first_name, first_word, first_line = self.first.setdefault(key, (name, word, line))
                if first_name != name:
                    found.append(SecondName(word, first_word, first_line, use or first_word))
        return found

    def _terms_of(self, word: str) -> list[tuple[Term, str]]:
        """The groups ``word`` belongs to, each with the name it matched."""
        forms = [_normal(word), *(_normal(part) for part in re.split("[-·]", word))]
        return [
            (term, name)
            for term in self.terms
            for name in term.names
            if any(form.startswith(_normal(name)) for form in forms if form)
        ]
