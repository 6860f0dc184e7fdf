"""The language checks keep at most ``PRECISE_MODELS_KEPT`` of lingua's precise models
loaded (about 28 MB a language), and an unloaded model gives the same verdicts when it is
loaded again: the audit of a site of unknown languages stays within its memory."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Collection, Iterator

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


def test_a_doubt_no_identifier_could_confirm_needs_no_precise_model(
    released: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name and the words after it, declared English: the quick pass doubts them, but
    py3langid finds none of the shortlist's other languages two-thirds likely against
    English, so ``_judge`` would let any answer of the precise models through. On the
    real site, seen on a site of unknown languages, that was 68 of 111 doubted passages."""
    text = "Miguel Vicente, Commissioner of"
    candidates = identify.lingua_languages()
    assert identify._doubts(text, "en", candidates)  # the premise: the quick pass doubts

    assert identify.judge(text, "en", candidates) is None
    assert identify.precise_models_loaded() == frozenset()

    identify.release_models()
    monkeypatch.setattr(identify, "_confirmable", lambda *arguments: True)
    assert identify.judge(text, "en", candidates) is None  # the precise models agree
    assert identify.precise_models_loaded()  # when they are asked


def test_a_window_searched_for_a_phrase_asks_the_precise_models_only_for_a_clear_finding(
    released: None,
) -> None:
    """Only a clear finding marks a phrase, and a clear finding needs py3langid at least
    ``MIN_CONFIRMED`` sure. Four words of an Italian sentence with a German name in it:
    py3langid finds German likelier than Italian, but not that sure, so the window needs
    no precise model; the same words judged as a block of their own do."""
    text = "e dei Länder sarà"
    candidates = identify.lingua_languages()

    assert identify.judge(text, "it", candidates, clear_only=True) is None
    assert identify.precise_models_loaded() == frozenset()

    as_a_block = identify.judge(text, "it", candidates)
    assert identify.precise_models_loaded()  # the premise: a close call needs them
    assert as_a_block is None or not as_a_block.clear


#: Two kinds of doubted text, interleaved: English declared German, Polish declared
#: French. Each kind wants its own shortlist of precise models.
INTERLEAVED = [
    ("We are a diverse country, and that is a good thing.", "de"),
    ("Jesteśmy krajem różnorodnym i to jest dobre.", "fr"),
    ("Integration is a task for the whole of society.", "de"),
    ("Integracja jest zadaniem całego społeczeństwa.", "fr"),
    ("Everyone who lives here should be able to take part.", "de"),
    ("Każdy, kto tu mieszka, powinien móc uczestniczyć.", "fr"),
]


def _judged_counting_loads(
    monkeypatch: pytest.MonkeyPatch, prepared: bool
) -> tuple[list[identify.Judgement | None], int]:
    identify.release_models()
    loads = 0
    keep = identify._keep_precise

    def counting(codes: frozenset[str]) -> None:
        nonlocal loads
        loads += len(codes - identify.precise_models_loaded())
        keep(codes)

    monkeypatch.setattr(identify, "_keep_precise", counting)
    candidates = identify.known_languages()
    if prepared:
        calls = ((text, declared, candidates, False, False) for text, declared in INTERLEAVED)
        identify.prepare(calls)
    judged = [identify.judge(text, declared, candidates) for text, declared in INTERLEAVED]
    return judged, loads


def test_prepared_texts_load_each_precise_model_fewer_times_with_the_same_verdicts(
    released: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    candidates = identify.known_languages()
    shortlists = [
        identify._shortlist(text, declared, frozenset(candidates), identify.MIN_DOUBT_CONFIRMED)
        & identify.lingua_languages()
        for text, declared in INTERLEAVED
    ]
    assert all(shortlists)  # the premise: every text is doubted
    # Room for one text's models at a time: in the given order, each evicts the last's.
    monkeypatch.setattr(identify, "PRECISE_MODELS_KEPT", max(map(len, shortlists)))

    in_order, loads_in_order = _judged_counting_loads(monkeypatch, prepared=False)
    prepared, loads_prepared = _judged_counting_loads(monkeypatch, prepared=True)

    assert loads_prepared < loads_in_order
    assert [_verdict(j) for j in prepared] == [_verdict(j) for j in in_order]


def test_to_make_room_the_model_needed_again_latest_is_unloaded(
    released: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The order of the texts known, the precise model unloaded is the one the next
    texts need latest, not the one used longest ago."""
    monkeypatch.setattr(identify, "PRECISE_MODELS_KEPT", 3)
    unloaded: list[frozenset[str]] = []

    class Unloads:
        def __init__(self, codes: frozenset[str], precise: bool) -> None:
            self.codes = codes

        def unload_language_models(self) -> None:
            unloaded.append(self.codes)

    monkeypatch.setattr(identify, "_detector", Unloads)
    order = [frozenset({"it", "fr", "de"}), frozenset({"en"}), frozenset({"it"})]
    order += [frozenset({"fr"}), frozenset({"de"})]
    for code in ("it", "fr", "de"):  # Italian used longest ago, German last
        identify._used(identify._precise_loaded, frozenset({code}))

    next_use = identify._NextUse(order)
    identify._make_room(order[1], next_use, step=1)
    assert unloaded == [frozenset({"de"})]  # needed again at step 4, the others sooner

    identify._used(identify._precise_loaded, order[1])
    identify._make_room(order[2], next_use, step=2)  # Italian is loaded: no room to make
    assert unloaded == [frozenset({"de"})]
    assert identify.precise_models_loaded() == {"it", "fr", "en"}


def _verdict(judged: identify.Judgement | None) -> tuple[object, ...] | None:
    """What a finding says (lingua's sums may differ in the last digit)."""
    if judged is None:
        return None
    confidence = (round(judged.declared_confidence, 6), round(judged.found_confidence, 6))
    return judged.declared, judged.found, judged.clear, confidence


def test_the_texts_prepared_for_a_page_are_the_texts_its_check_judges(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from lxml import html

    from i18n_pipeline.audit import language_checks
    from i18n_pipeline.audit.model import SiteLanguages

    root = html.fromstring(
        '<html lang="de"><head><title>Die Erklärung der Beauftragten</title></head><body>'
        "<main><h1>Berliner Erklärung</h1>"
        "<p>Integration ist eine Aufgabe der ganzen Gesellschaft und gelingt nur gemeinsam, "
        "mit allen, die hier leben.</p>"
        '<p lang="en">Integration is a task for the whole of society.</p>'
        '<img src="a.png" alt="Die Beauftragten der Länder vor dem Rathaus"></main>'
        "</body></html>"
    )
    site = SiteLanguages(("de", "en"))
    judged: list[tuple[str, str, bool, bool]] = []

    def recording(
        text: str,
        declared: str,
        candidates: Collection[str],
        agreement: bool = False,
        clear_only: bool = False,
    ) -> identify.Judgement | None:
        judged.append((text, declared, agreement, clear_only))
        return identify.judge(text, declared, candidates, agreement, clear_only)

    monkeypatch.setattr("i18n_pipeline.audit.language_checks.judge", recording)
    language_checks.check_text_language(root, site)

    prepared = {(t, d, a, c) for t, d, _, a, c in language_checks.texts_to_judge(root, site)}
    assert len(judged) > 4  # the page, its title and name, the blocks, the windows
    assert set(judged) == prepared


def test_the_languages_py3langid_knows_are_its_models_labels_and_asking_loads_no_model() -> None:
    identify._py3langid.cache_clear()

    assert {"ps", "ku", "de"} <= identify.known_languages()
    assert identify._py3langid.cache_info().currsize == 0  # the model was never loaded

    model_labels = frozenset(str(code) for code in identify._py3langid().labels)
    assert identify.py3langid_languages() == model_labels


def test_a_text_py3langid_lets_through_never_loads_a_lingua_model() -> None:
    """py3langid is asked first: its model loads sooner than lingua's quick models, and an
    edit's one changed entry, in its language, needs no other."""
    identify._detector.cache_clear()
    german = "Wir sind ein vielfältiges Land, und das ist gut so, sagen die Beauftragten."

    assert identify.judge(german, "de", identify.known_languages()) is None
    assert identify._detector.cache_info().currsize == 0  # lingua was never asked


def test_py3langid_and_numpy_are_imported_only_when_py3langid_is_asked() -> None:
    """Every run imports the language checks; py3langid brings numpy, which a run that
    judges no text never needs."""
    script = (
        "import sys\n"
        "from i18n_pipeline.audit import identify\n"
        "before = sorted(m for m in ('py3langid', 'numpy') if m in sys.modules)\n"
        "identify.py3langid_scores('Wir sind ein vielfältiges Land.', {'de', 'nl'})\n"
        "print(before, 'py3langid' in sys.modules)"
    )

    imported = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.strip()

    assert imported == "[] True"


def test_the_freed_memory_is_given_back_without_starting_a_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each unload returns the freed heap (``malloc_trim``) from inside the process: a
    lookup of the C library that starts ``ldconfig`` forked the audit's large process
    mid-run, and the benchmark counted its memory twice."""

    def no_process(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a process was started: {args}")

    monkeypatch.setattr(subprocess, "Popen", no_process)
    identify._malloc_trim.cache_clear()
    identify._give_back_freed_memory()
    assert identify._malloc_trim() is not None  # glibc, as on every machine that runs CI
