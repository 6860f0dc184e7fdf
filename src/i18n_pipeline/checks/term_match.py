"""Where a protected term stands in a text: as whole grapheme clusters (NFC), with a
term boundary, and where something only looks like it (Unicode's confusable skeleton).

A plain substring test let "Deniz Kurku" pass inside "Deniz Kurkü" written with a
combining diaeresis (``u`` + U+0308): the letters were there, the reader saw another
name. Comparing clusters, and asking that no letter, digit or combining mark joins
the term on either side, reads the text as a reader does. A letter of the other
writing direction does not join a term's letter: it starts a run of its own, and
Arabic writes the conjunction و joined to the next word, a Latin name too
("وHTML_CodeSniffer"); no reader reads it as part of the Latin word.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from i18n_pipeline.text.skeleton import skeleton

_CLUSTER = regex.compile(r"\X")


@dataclass(frozen=True)
class Clustered:
    """A text in NFC, cut into grapheme clusters, with each cluster's skeleton."""

    text: str
    clusters: tuple[str, ...]
    starts: dict[int, int]  # offset in ``text`` → index of the cluster starting there
    skeleton_starts: dict[int, int]  # offset in the skeleton → index of its cluster
    skeleton: str
    decomposed_offsets: tuple[int, ...]  # where each cluster starts in the NFD text
    decomposed: str  # the text in NFD, where a letter and its mark are apart

    def joins(self, index: int, edge: str) -> bool:
        """Whether cluster ``index``, beside a term whose nearest character is ``edge``,
        makes the term part of a longer word: a digit or combining mark always does, a
        letter unless the two letters run in opposite directions; outside the text,
        nothing joins."""
        if not 0 <= index < len(self.clusters):
            return False
        cluster = self.clusters[index]
        if any(unicodedata.category(char)[0] in "MN" for char in cluster):
            return True
        letters = [char for char in cluster if unicodedata.category(char)[0] == "L"]
        return bool(letters) and not _opposite_directions(letters[0], edge)


#: The strong bidi classes (UAX #9): a letter of one of them runs left to right or
#: right to left whatever surrounds it.
_DIRECTION = {"L": "ltr", "R": "rtl", "AL": "rtl"}


def _opposite_directions(one: str, other: str) -> bool:
    first = _DIRECTION.get(unicodedata.bidirectional(one))
    second = _DIRECTION.get(unicodedata.bidirectional(other))
    return first is not None and second is not None and first != second


@lru_cache(maxsize=256)
def clustered(text: str) -> Clustered:
    """Cut once per text: every term of the glossary is looked for in the same msgstr."""
    text = unicodedata.normalize("NFC", text)
    clusters = tuple(_CLUSTER.findall(text))
    starts, skeleton_starts, skeletons, decomposed = {}, {}, [], []
    offset = skeleton_offset = 0
    decomposed_offsets = [0]
    for index, cluster in enumerate(clusters):
        starts[offset] = index
        skeleton_starts[skeleton_offset] = index
        skeletons.append(skeleton(cluster))
        decomposed.append(unicodedata.normalize("NFD", cluster))
        offset += len(cluster)
        skeleton_offset += len(skeletons[-1])
        decomposed_offsets.append(decomposed_offsets[-1] + len(decomposed[-1]))
    starts[offset] = len(clusters)
    skeleton_starts[skeleton_offset] = len(clusters)
    return Clustered(
        text,
        clusters,
        starts,
        skeleton_starts,
        "".join(skeletons),
        tuple(decomposed_offsets),
        "".join(decomposed),
    )


def _spans(haystack: str, needle: str, starts: dict[int, int]) -> Iterator[tuple[int, int]]:
    """(first, end) cluster indices of every occurrence of ``needle`` that begins and ends
    on a cluster boundary."""
    if not needle:
        return
    found = haystack.find(needle)
    while found != -1:
        first, end = starts.get(found), starts.get(found + len(needle))
        if first is not None and end is not None:
            yield first, end
        found = haystack.find(needle, found + 1)


def term_spans(text: str, term: str) -> list[tuple[int, int]]:
    """The term's occurrences as whole clusters, bounded or not, as cluster indices."""
    target = clustered(text)
    return list(_spans(target.text, unicodedata.normalize("NFC", term), target.starts))


def has_term(text: str, term: str) -> bool:
    """``term`` stands in ``text`` as itself: whole clusters, nothing joined to it."""
    target = clustered(text)
    return any(
        not target.joins(first - 1, target.clusters[first][0])
        and not target.joins(end, target.clusters[end - 1][0])
        for first, end in term_spans(text, term)
    )


def joined_term(text: str, term: str) -> str:
    """The term's letters with what joins them, where they stand only as part of something
    longer (a mark on a letter, a letter after it); "" where they are not there at all.
    Looked for in NFD, where "Kurkü" still has the letters of "Kurku"."""
    target = clustered(text)
    wanted = unicodedata.normalize("NFD", term)
    found = target.decomposed.find(wanted)
    if found == -1:
        return ""
    first = bisect_right(target.decomposed_offsets, found) - 1
    end = bisect_left(target.decomposed_offsets, found + len(wanted))
    before = first - 1 if target.joins(first - 1, wanted[0]) else first
    after = end + 1 if target.joins(end, wanted[-1]) else end
    return "".join(target.clusters[max(before, 0) : after])


def look_alikes(text: str, term: str) -> list[str]:
    """Every piece of ``text`` that has the term's skeleton but is not the term."""
    target = clustered(text)
    wanted = unicodedata.normalize("NFC", term)
    found = []
    for first, end in _spans(target.skeleton, skeleton(wanted), target.skeleton_starts):
        piece = "".join(target.clusters[first:end])
        if piece != wanted:
            found.append(piece)
    return found
