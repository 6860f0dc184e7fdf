"""Which language is a piece of text in: two identifiers, compared against the declared one.

lingua (``lingua-language-detector``) is made for short text: three words are often
enough. Its models ship in the wheel. A quick pass (lingua's trigram models, loaded in
a fraction of a second, and py3langid) lets through every passage either finds in its
declared language; only passages both doubt, and in which py3langid could confirm
another language, go to lingua's precise models, for the declared language and the
likeliest others alone, loaded lazily, at most ``PRECISE_MODELS_KEPT`` at once, and
unloaded when the run's checks end. py3langid (its
model ships in the package) also knows languages lingua does not (Pashto, Kurdish)
and confirms lingua's verdicts: a passage is an error only when both say the declared
language is the less likely one.
"""

from __future__ import annotations

import bisect
import copy
import ctypes
import math
import re
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal, cast

import langcodes
from lingua import IsoCode639_1, LanguageDetector, LanguageDetectorBuilder
from lingua import Language as LinguaLanguage

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

#: lingua judges down to this many words; py3langid needs this many letters (short text
#: is beyond it: measured on the real site, shorter blocks gave false alarms).
MIN_WORDS = 3
MIN_LETTERS_PY3LANGID = 60
#: An error: lingua finds another language at least ``MIN_RATIO`` times as likely as the
#: declared one, which is at most ``MAX_DECLARED`` likely (lingua's probabilities over
#: the shortlist; among many related languages the best may itself be far from sure),
#: and py3langid, asked about the two, agrees at least ``MIN_CONFIRMED``.
MIN_RATIO = 5.0
MAX_DECLARED = 0.10
MIN_CONFIRMED = 0.95
#: Or, for a name or a page's text judged whole: lingua finds another language
#: ``MIN_RATIO`` times as likely, and py3langid, on its own, finds the same one the
#: likeliest of all candidates and, asked about the two, at least ``MIN_AGREED``: two
#: identifiers that agree are evidence enough for a short name, where lingua seldom puts
#: a related language below 10 % ("Fireworks over Paris" declared nl). (Not for the
#: windows that look for phrases: they would widen a phrase past its edges.)
MIN_AGREED = 0.70
#: Agreement decides short text only: on a longer text that mixes two languages (a page
#: half English, half German) lingua is sure of one of them, and that is no finding.
MAX_AGREED_WORDS = 8
#: A close call, for review: lingua finds another language at least ``MIN_DOUBT_RATIO``
#: times as likely, and py3langid, asked about the two, at least ``MIN_DOUBT_CONFIRMED``.
MIN_DOUBT_RATIO = 2.0
MIN_DOUBT_CONFIRMED = 2 / 3
#: The quick pass lets text through when it is this sure of the declared language; else
#: the precise models decide among the declared language and this many likeliest others.
MIN_QUICK = 0.5
SHORTLIST = 3
#: CLDR's language matching distance below which two languages serve the same readers.
SAME_LANGUAGE = 10
#: The precise models kept loaded at once (about 28 MB a language): the least recently
#: used are unloaded beyond it. A site of unknown languages doubts passages in dozens of
#: them; a model unloaded is loaded again when needed, with the same verdicts. The texts
#: are judged in the order that loads the fewest (``prepare``), so a few kept cost
#: little time and leave the memory to the browser. A site of fewer languages than this
#: never unloads one.
PRECISE_MODELS_KEPT = 8
#: py3langid limited to a set of languages copies the model's columns for them (14 MB
#: for lingua's 75 languages, 0.4 MB for a pair): the copies of this many sets are kept.
PY3LANGID_SETS_KEPT = 32
#: py3langid alone (languages lingua does not know) must be surer still.
MIN_FOUND_PY3LANGID = 0.99
MAX_DECLARED_PY3LANGID = 0.01

#: The languages py3langid's model knows (its labels), written out: asking the model
#: loads it, and a run that judges no text never needs it. A test holds this to the
#: installed model's own labels.
_PY3LANGID_LABELS = """
ace af am an ar ary arz as az ba bcl be bg bn br bs ca crh cs cy da de dz el en
eo es et eu ext fa fi fo fr fuv fy ga gcf gcr gd gl gom grc gu gug guw ha hbo he
hi hr ht hu hy id ig is it ja jv ka kab kik kk km kn ko ku ky la lb lg lij ln lo
lt ltg lv mg mk ml mn mr ms mt my ne nl nn no nso oc om or pa pcm pl ps pt qu ro
ru rw sa sdh se si sk sl sn so sq sr st sv sw ta te tg th tk tl tr tt ug uk ur
uz uzs vec vi vo wa wuu xh yo yue zh zu zxx
"""
PY3LANGID_LANGUAGES = frozenset(_PY3LANGID_LABELS.split())

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_LOCK = threading.RLock()
_loaded_sets: set[frozenset[str]] = set()
#: The arguments of ``_judge``: text, declared language, candidates, agreement, clear only.
Call = tuple[str, str, frozenset[str], bool, bool]
#: The languages whose precise models are loaded, least recently used first.
_precise_loaded: dict[str, None] = {}
#: Judgements taken as given (``remember``), and those ``judge`` gave since.
_remembered: dict[Call, Judgement | None] = {}
_given: dict[Call, Judgement | None] = {}
#: Judgements ``prepare`` made since ``remember``.
_prepared: dict[Call, Judgement | None] = {}


def primary(tag: str | None) -> str:
    """The primary language subtag, lower case: what the identifiers' answers are compared on."""
    return (tag or "").strip().replace("_", "-").split("-")[0].lower()


def letters(text: str) -> int:
    return len(_LETTERS.findall(text))


@cache
def _py3langid() -> LanguageIdentifier:
    # Imported here: py3langid brings numpy (a tenth of a second), and a check whose
    # text lingua lets through never asks it.
    from i18n_pipeline.audit.langid_model import load_identifier
    from i18n_pipeline.cache.results import user_cache_root

    return load_identifier(user_cache_root())


@lru_cache(maxsize=PY3LANGID_SETS_KEPT)
def _py3langid_for(codes: frozenset[str]) -> LanguageIdentifier:
    """py3langid limited to ``codes``: a copy with its own columns of the model (limiting
    it takes about a millisecond, so the sets used last are kept limited)."""
    identifier = copy.copy(_py3langid())
    identifier.set_languages(sorted(codes))
    return identifier


@cache
def lingua_languages() -> frozenset[str]:
    return frozenset(lang.iso_code_639_1.name.lower() for lang in LinguaLanguage.all())


def py3langid_languages() -> frozenset[str]:
    return PY3LANGID_LANGUAGES


def known_languages() -> frozenset[str]:
    """Every language at least one identifier knows (ISO 639-1 codes)."""
    return lingua_languages() | py3langid_languages()


@cache
def _detector(codes: frozenset[str], precise: bool) -> LanguageDetector:
    """A lingua detector for these languages; lingua keeps each model loaded once per
    process, so detectors for overlapping sets share them. The quick one (trigrams
    only) loads in a fraction of a second; the precise one, made for short text, in
    about half a second per language, so it is asked only about a shortlist."""
    _loaded_sets.add(codes)
    isos = [getattr(IsoCode639_1, code.upper()) for code in sorted(codes)]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*isos)
    return (builder if precise else builder.with_low_accuracy_mode()).build()


@dataclass(frozen=True)
class Scores:
    """One identifier's probabilities for one text, most likely first."""

    identifier: Literal["lingua", "py3langid"]
    ranked: tuple[tuple[str, float], ...]

    def of(self, code: str) -> float:
        return next((p for c, p in self.ranked if c == code), 0.0)

    @property
    def best(self) -> tuple[str, float]:
        return self.ranked[0] if self.ranked else ("", 0.0)

    def top(self, count: int = 3) -> str:
        return ", ".join(f"{code} {p:.0%}" for code, p in self.ranked[:count])


def lingua_scores(text: str, candidates: Collection[str], precise: bool = True) -> Scores | None:
    codes = frozenset(candidates) & lingua_languages()
    if len(codes) < 2:
        return None
    with _LOCK:  # one thread loads a model at a time; the others wait for it, not repeat it
        if precise:
            _keep_precise(codes)
        values = _detector(codes, precise).compute_language_confidence_values(text)
    ranked = tuple((v.language.iso_code_639_1.name.lower(), float(v.value)) for v in values)
    return Scores("lingua", ranked)


def py3langid_scores(text: str, candidates: Collection[str]) -> Scores | None:
    codes = set(candidates) & py3langid_languages()
    if len(codes) < 2:
        return None
    with _LOCK:
        ranked = tuple((str(c), float(p)) for c, p in _py3langid_for(frozenset(codes)).rank(text))
    return Scores("py3langid", ranked)


@dataclass(frozen=True)
class Judgement:
    """The declared language against the best alternative, as both identifiers see it."""

    declared: str
    found: str
    declared_confidence: float
    found_confidence: float
    scores: tuple[Scores, ...]
    clear: bool  # the declared language is clearly less likely: an error


def judge(
    text: str,
    declared: str,
    candidates: Collection[str],
    agreement: bool = False,
    clear_only: bool = False,
) -> Judgement | None:
    """None when the text is in its declared language, or too short to tell; else a
    judgement, ``clear`` when the declared language is clearly the less likely one
    (otherwise a close call, for a person to review). A site repeats itself (the
    navigation on every page, the parallel text beside the original): each text is
    judged once per run. With ``agreement`` (a name, a page's text: short, and judged as
    a whole), two identifiers that agree make a finding clear (``MIN_AGREED``). With
    ``clear_only`` (a window searched for a phrase, where a close call is no finding),
    a close call is None too, and the precise models are asked only when py3langid
    could confirm a clear finding."""
    call = _call(text, declared, candidates, agreement, clear_only)
    judged = _remembered[call] if call in _remembered else _judge(*call)
    _given[call] = judged
    return None if clear_only and judged is not None and not judged.clear else judged


def _call(
    text: str, declared: str, candidates: Collection[str], agreement: bool, clear_only: bool
) -> Call:
    """``judge``'s arguments as ``_judge`` takes them, and as judgements are kept by."""
    return (text, primary(declared), frozenset(candidates), agreement, clear_only)


def remember(judgements: Mapping[Call, Judgement | None]) -> None:
    """Take ``judgements`` (an earlier run's, of the same code and models) as given
    instead of those remembered so far, and start a new record of what ``judge``
    answers (:func:`judged`): a page that changed keeps the verdicts on its texts that
    did not, and the models they needed stay unloaded."""
    with _LOCK:
        _remembered.clear()
        _remembered.update(judgements)
        _given.clear()
        _prepared.clear()


def judged() -> dict[Call, Judgement | None]:
    """Every call ``judge`` answered since :func:`remember` or the last call of this, with
    its answer."""
    with _LOCK:
        answered = dict(_given)
        _given.clear()
    return answered


@lru_cache(maxsize=2**16)
def _judge(
    text: str, declared: str, candidates: frozenset[str], agreement: bool, clear_only: bool
) -> Judgement | None:
    pool = set(candidates) | {declared}
    if declared in lingua_languages():
        least = _least_confirmation(agreement, clear_only)
        shortlist = _shortlist(text, declared, candidates, least)
        main = lingua_scores(text, shortlist) if shortlist else None
        if main is None:
            return None
        found, found_p = main.best
        if same_for_readers(found, declared):
            return None
        declared_p = main.of(declared)
        second = py3langid_scores(text, {declared, found})
        weak = second is not None and second.of(found) < MIN_DOUBT_CONFIRMED
        if weak or found_p < MIN_DOUBT_RATIO * declared_p:
            return None  # no real evidence against the declared language
        confirmed = second is None or second.of(found) >= MIN_CONFIRMED
        ratio = found_p >= MIN_RATIO * declared_p
        clear = ratio and (
            (declared_p <= MAX_DECLARED and confirmed)
            or (
                agreement
                and len(text.split()) <= MAX_AGREED_WORDS
                and _agreed(text, found, pool, second)
            )
        )
        scores = (main,) if second is None else (main, second)
        return Judgement(declared, found, declared_p, found_p, scores, clear)
    if declared in py3langid_languages() and letters(text) >= MIN_LETTERS_PY3LANGID:
        only = py3langid_scores(text, pool)
        if only is None or same_for_readers(only.best[0], declared):
            return None
        found, found_p = only.best
        declared_p = only.of(declared)
        clear = found_p >= MIN_FOUND_PY3LANGID and declared_p <= MAX_DECLARED_PY3LANGID
        return Judgement(declared, found, declared_p, found_p, (only,), clear)
    return None


def _agreed(text: str, found: str, pool: set[str], pair: Scores | None) -> bool:
    """py3langid, on its own, finds ``found`` the likeliest, and ``MIN_AGREED`` likely
    against the declared language."""
    if pair is None or pair.of(found) < MIN_AGREED:
        return False
    alone = py3langid_scores(text, pool)
    return alone is not None and alone.best[0] == found


@cache
def same_for_readers(found: str, declared: str) -> bool:
    """The same language, or one CLDR's language matching treats as interchangeable
    (distance under ``SAME_LANGUAGE``: Croatian and Bosnian): no barrier to a reader."""
    return found == declared or langcodes.tag_distance(found, declared) < SAME_LANGUAGE


def _least_confirmation(agreement: bool, clear_only: bool) -> float:
    """The least py3langid must find a language likely against the declared one for
    ``_judge`` to return it: a close call needs ``MIN_DOUBT_CONFIRMED``, a clear finding
    ``MIN_CONFIRMED`` (or ``MIN_AGREED``, where two identifiers that agree decide)."""
    if not clear_only:
        return MIN_DOUBT_CONFIRMED
    return MIN_AGREED if agreement else MIN_CONFIRMED


@lru_cache(maxsize=2**16)
def _shortlist(
    text: str, declared: str, candidates: frozenset[str], least: float
) -> frozenset[str]:
    """The languages the precise models decide between for ``text`` declared
    ``declared`` (one lingua knows): none when the quick pass lets the text through, or
    when py3langid finds none of the others ``least`` likely against the declared
    language. Kept, so that ``prepare`` and ``judge`` ask once."""
    doubts = _doubts(text, declared, candidates)
    if not any(_confirmable(text, declared, code, least) for code in doubts & lingua_languages()):
        return frozenset()  # whichever the precise models find, ``_judge`` lets it through
    return doubts


def _confirmable(text: str, declared: str, found: str, least: float) -> bool:
    """Whether ``found``, were it the precise models' answer, would get past ``_judge``'s
    py3langid check (at least ``least`` likely against the declared language, or one of
    the two unknown to py3langid). When no language of a shortlist would, the verdict is
    known without loading a precise model (most doubted passages of a site: a name, a
    term, the words around them)."""
    if same_for_readers(found, declared):
        return False
    pair = py3langid_scores(text, {declared, found})
    return pair is None or pair.of(found) >= least


def prepare(texts: Iterable[tuple[str, str, Collection[str], bool, bool]]) -> None:
    """Judge ``texts`` (the arguments of ``judge``) now, those that need the precise
    models in the order that loads those models the fewest times, so that ``judge``
    finds them judged. Each doubted passage wants up to seven languages' models; a site
    of unknown languages doubts more languages than ``PRECISE_MODELS_KEPT``, and in the
    pages' own order the same models are unloaded and loaded again and again. The order
    known, the model unloaded to make room is the one needed again latest, not the one
    used longest ago. The verdicts are the same in any order (the benchmark's results
    show the loads saved).
    """
    pending: dict[Call, frozenset[str]] = {}
    for text, declared, candidates, agreement, clear_only in texts:
        call = _call(text, declared, candidates, agreement, clear_only)
        if call in pending or call in _remembered or call[1] not in lingua_languages():
            continue
        least = _least_confirmation(agreement, clear_only)
        if shortlist := _shortlist(*call[:3], least) & lingua_languages():
            pending[call] = shortlist
        else:
            _prepared[call] = None  # no doubt the precise models must settle: ``_judge``'s
    order = list(_fewest_loads(list(pending.items())))
    next_use = _NextUse([pending[call] for call in order])
    for step, call in enumerate(order):
        with _LOCK:
            _make_room(pending[call], next_use, step)
            _prepared[call] = _judge(*call)


def prepared(
    texts: Iterable[tuple[str, str, Collection[str], bool, bool]],
) -> dict[Call, Judgement | None]:
    """What :func:`prepare` judged of ``texts`` since :func:`remember` (``judge`` may never
    ask for some: a window of a passage judged whole)."""
    calls = (_call(*arguments) for arguments in texts)
    with _LOCK:
        return {call: _prepared[call] for call in calls if call in _prepared}


def _fewest_loads(pending: list[tuple[Call, frozenset[str]]]) -> Iterator[Call]:
    """Next, always the text whose shortlist needs the fewest models not loaded (among
    equals, the one that uses the most loaded ones, then the earliest). The models
    loaded are estimated as ``_keep_precise`` keeps them (``_used``); ``prepare`` then
    unloads by the known order instead. Greedy: the best order is a travelling
    salesman's problem, and no library orders sets for the fewest cache misses."""
    loaded = dict(_precise_loaded)
    left = dict(enumerate(pending))
    while left:
        index = min(
            left,
            key=lambda i: (len(left[i][1] - loaded.keys()), -len(left[i][1] & loaded.keys()), i),
        )
        call, shortlist = left.pop(index)
        _used(loaded, shortlist)
        yield call


class _NextUse:
    """When each language's model is next needed, in a known order of shortlists."""

    def __init__(self, shortlists: list[frozenset[str]]) -> None:
        self._steps: dict[str, list[int]] = {}
        for step, shortlist in enumerate(shortlists):
            for code in shortlist:
                self._steps.setdefault(code, []).append(step)

    def after(self, code: str, step: int) -> float:
        """The first step after ``step`` that needs ``code``; infinity when none does."""
        steps = self._steps.get(code, [])
        index = bisect.bisect_right(steps, step)
        return steps[index] if index < len(steps) else math.inf


def _make_room(needed: frozenset[str], next_use: _NextUse, step: int) -> None:
    """Unload, of the loaded models not ``needed`` at ``step``, those needed again
    latest, until ``needed`` fits within ``PRECISE_MODELS_KEPT`` (Belady's rule:
    with the order known, it loads fewer than unloading the least recently used)."""
    excess = max(0, len(_precise_loaded.keys() | needed) - PRECISE_MODELS_KEPT)
    latest_first = sorted(
        _precise_loaded.keys() - needed,
        key=lambda code: (next_use.after(code, step), code),
        reverse=True,
    )
    spare = latest_first[:excess]
    for code in spare:
        del _precise_loaded[code]
    _unload(spare)


@lru_cache(maxsize=2**16)
def _doubts(text: str, declared: str, candidates: frozenset[str]) -> frozenset[str]:
    """The quick pass: empty when the text is too short to tell, or when lingua's trigram
    models find ``declared`` (or a language its readers share, as ``judge`` counts them:
    Bosnian for Croatian) the likeliest and at least ``MIN_QUICK`` likely, or py3langid
    does; else the declared language and the likeliest others of both, for the precise
    models to decide between. (Those models take about 28 MB a language: they are loaded
    only for passages both quick identifiers doubt.)"""
    if len(text.split()) < MIN_WORDS:
        return frozenset()
    pool = set(candidates) | {declared}
    # Either lets the text through, so the order changes no verdict: py3langid first. It
    # lets through more text, faster, and its model loads sooner than lingua's quick
    # models, which a text it lets through never loads (an edit's one changed entry).
    other = py3langid_scores(text, pool)
    if other is not None and _lets_through(other, declared):
        return frozenset()
    quick = lingua_scores(text, pool, precise=False)
    if quick is None or _lets_through(quick, declared, MIN_QUICK):
        return frozenset()  # no scores: lingua knows fewer than two of the languages
    ranked = [s for s in (quick, other) if s is not None]
    return frozenset({declared} | {code for s in ranked for code, _ in s.ranked[:SHORTLIST]})


def _lets_through(scores: Scores, declared: str, least: float = 0.0) -> bool:
    """A quick identifier finds ``declared`` (or a language its readers share) the
    likeliest, at least ``least`` likely."""
    found, likely = scores.best
    return same_for_readers(found, declared) and likely >= least


def _keep_precise(codes: frozenset[str]) -> None:
    """Mark ``codes``' precise models as just used, and unload the least recently used
    others beyond ``PRECISE_MODELS_KEPT`` (lingua keeps one copy of a model per process,
    whichever detector loaded it)."""
    _unload(_used(_precise_loaded, codes))


def _unload(codes: Collection[str]) -> None:
    """Unload the precise models of ``codes`` (already taken out of ``_precise_loaded``)."""
    if codes:
        _detector(frozenset(codes), True).unload_language_models()  # type: ignore[no-untyped-call]
        _give_back_freed_memory()


def _used(loaded: dict[str, None], codes: frozenset[str]) -> list[str]:
    """Mark ``codes`` as just used in ``loaded`` (least recently used first), and take
    out and return the least recently used others beyond ``PRECISE_MODELS_KEPT``."""
    for code in codes:
        loaded.pop(code, None)
        loaded[code] = None
    evicted = [code for code in loaded if code not in codes]
    evicted = evicted[: max(0, len(loaded) - PRECISE_MODELS_KEPT)]
    for code in evicted:
        del loaded[code]
    return evicted


def precise_models_loaded() -> frozenset[str]:
    """The languages whose precise models are loaded now."""
    return frozenset(_precise_loaded)


def release_models() -> None:
    """Unload lingua's models (the precise ones take about 28 MB a language) once a run's
    checks are done: the rest of the audit (the browsers, the PDFs) gets the memory."""
    with _LOCK:
        for precise in (False, True):
            for codes in _loaded_sets:
                _detector(codes, precise).unload_language_models()  # type: ignore[no-untyped-call]
        _detector.cache_clear()
        _loaded_sets.clear()
        _precise_loaded.clear()
        _judge.cache_clear()
        _shortlist.cache_clear()
        _doubts.cache_clear()
        _py3langid_for.cache_clear()
        _give_back_freed_memory()


def _give_back_freed_memory() -> None:
    """Return the freed heap to the system (glibc's ``malloc_trim``). lingua frees an
    unloaded model, but glibc keeps its pages in the process, a few hundred MB after a
    run's checks, while the browser beside it still works. No library wraps the call;
    elsewhere than glibc it does nothing."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, from the symbols the process has loaded (not
    ``ctypes.util.find_library``: it starts ``ldconfig``, a fork of this large process,
    at every call)."""
    try:
        return cast("Callable[[int], int]", ctypes.CDLL(None).malloc_trim)
    except (OSError, AttributeError):
        return None


def explain(text: str, candidates: Collection[str]) -> str:
    """Both identifiers' best scores for one text (``audit --explain``)."""
    parts = []
    for scores in (lingua_scores(text, candidates), py3langid_scores(text, candidates)):
        if scores:
            parts.append(f"{scores.identifier}: {scores.top()}")
    return "; ".join(parts) or "no identifier knows two of the candidate languages"
