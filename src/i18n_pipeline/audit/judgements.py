"""The language checks' judgements of each page, kept from one audit to the next.

A page that changed is audited again, but most of its texts did not change: the
navigation, the paragraphs an edit left alone. The judgements of each page's texts
are kept in the audit's result cache, whose key already holds what decides them (the
language checks' code, the identifiers' versions, the site's languages), under the
page's path; the next audit of that page takes them as given (``identify.remember``)
and keeps its own instead. A fresh audit judges every text again.
"""

from __future__ import annotations

from typing import Any

from i18n_pipeline.audit.identify import Call, Judgement, Scores
from i18n_pipeline.cache.results import ResultCache

#: What the judgements are kept under in the audit's result cache, with the page's path.
KEY = "language judgements"


class PageJudgements:
    """The judgements kept for each page (by its path below the site)."""

    def __init__(self, cache: ResultCache, fresh: bool) -> None:
        self.cache, self.fresh = cache, fresh

    def earlier(self, page: str) -> dict[Call, Judgement | None]:
        """What the last audit of ``page`` judged; nothing when fresh, or when they no
        longer read."""
        stored = None if self.fresh else self.cache.load(self.cache.key(KEY, page), dict)
        if not stored:
            return {}
        try:
            sets = [frozenset(codes) for codes in stored[0]["sets"]]
            return {
                (str(text), str(declared), sets[index], bool(agreement), bool(clear_only)): (
                    None if found is None else _judgement(found)
                )
                for text, declared, index, agreement, clear_only, found in stored[0]["calls"]
            }
        except (KeyError, IndexError, TypeError, ValueError):
            return {}

    def keep(self, page: str, judgements: dict[Call, Judgement | None]) -> None:
        """Keep ``judgements`` for the next audit of ``page``; the candidates of the calls
        are written once per set (on a site of unknown languages, every language)."""
        sets: dict[frozenset[str], int] = {}
        calls = []
        for (text, declared, candidates, agreement, clear_only), found in judgements.items():
            index = sets.setdefault(candidates, len(sets))
            shown = None if found is None else _as_json(found)
            calls.append([text, declared, index, agreement, clear_only, shown])
        kept: dict[str, object] = {"sets": [sorted(codes) for codes in sets], "calls": calls}
        self.cache.store(self.cache.key(KEY, page), [kept])


def _as_json(found: Judgement) -> dict[str, object]:
    return {
        "declared": found.declared,
        "found": found.found,
        "declared_confidence": found.declared_confidence,
        "found_confidence": found.found_confidence,
        "scores": [{"identifier": s.identifier, "ranked": s.ranked} for s in found.scores],
        "clear": found.clear,
    }


def _judgement(data: dict[str, Any]) -> Judgement:
    return Judgement(
        declared=str(data["declared"]),
        found=str(data["found"]),
        declared_confidence=float(data["declared_confidence"]),
        found_confidence=float(data["found_confidence"]),
        scores=tuple(
            Scores(s["identifier"], tuple((str(c), float(p)) for c, p in s["ranked"]))
            for s in data["scores"]
        ),
        clear=bool(data["clear"]),
    )
