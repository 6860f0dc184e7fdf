"""The language checks keep at most ``PRECISE_MODELS_KEPT`` of lingua's precise models
loaded (about 28 MB a language), and an unloaded model gives the same verdicts when it is
loaded again: the audit of a site of unknown languages stays within its memory."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from i18n_pipeline.audit import identify

#: Passages and the shortlists the precise models decide between (as ``_doubts`` makes them).
PASSAGES = [
    ("Wir sind ein vielfältiges Land, und das ist gut so.", {"de", "nl", "da"}),
    ("Nous sommes un pays divers, et c'est très bien ainsi.", {"fr", "it", "es"}),
    ("Jesteśmy krajem różnorodnym i to jest dobre.", {"pl", "cs", "sk"}),
    ("We are a diverse country, and that is a good thing.", {"en", "nl", "de"}),
]


@pytest.fixture
def released() -> Iterator[None]:
    identify.release_models()
    yield
    identify.release_models()


def test_no_more_precise_models_than_kept_and_the_same_scores(
    released: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    uncapped = [identify.lingua_scores(text, codes) for text, codes in PASSAGES]
    identify.release_models()
    monkeypatch.setattr(identify, "PRECISE_MODELS_KEPT", 4)

    unloaded: set[str] = set()
    detector = identify._detector

    class Unloads:
        """lingua's detector, recording which languages' models it unloads."""

        def __init__(self, codes: frozenset[str], precise: bool) -> None:
            self.codes, self.real = codes, detector(codes, precise)

        def compute_language_confidence_values(self, text: str) -> object:
            return self.real.compute_language_confidence_values(text)

        def unload_language_models(self) -> None:
            unloaded.update(self.codes)
            self.real.unload_language_models()  # type: ignore[no-untyped-call]

    monkeypatch.setattr(identify, "_detector", Unloads)
    capped = []
    for text, codes in [*PASSAGES, *PASSAGES]:  # the first ones come back after eviction
        capped.append(identify.lingua_scores(text, codes))
        loaded = identify.precise_models_loaded()
        assert codes <= loaded and len(loaded) <= 4

    used = set().union(*(codes for _, codes in PASSAGES))
    assert unloaded >= used - identify.precise_models_loaded()

    # lingua sums in no fixed order: the same scores, to the last few bits
    assert [rounded(scores) for scores in capped] == [rounded(s) for s in uncapped + uncapped]


def rounded(scores: identify.Scores | None) -> list[tuple[str, float]]:
    assert scores is not None
    return [(code, round(p, 12)) for code, p in scores.ranked]


def test_a_quick_verdict_for_a_language_its_readers_share_needs_no_precise_model(
    released: None,
) -> None:
    """Croatian that the quick pass finds Bosnian (CLDR: the same readers) is let through
    as Croatian is: on a site of unknown languages, such doubts made up half the
    passages sent to the precise models, each loading up to seven of them."""
    text = "Integracija je zajednički zadatak cijelog društva."
    quick = identify.lingua_scores(text, identify.known_languages(), precise=False)
    assert quick is not None and quick.best[0] == "bs"  # the premise: lingua's quick pass

    assert identify.judge(text, "hr", identify.known_languages()) is None
    assert identify.precise_models_loaded() == frozenset()
