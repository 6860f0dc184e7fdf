"""Untrusted text is scanned in linear time: a megabyte costs about ten times the work of
100 KB, never a hundred.

Issue 26: 400 KB of unclosed ``<a `` took the check 167 s. A pattern that can start at
every ``<`` (or every line, every space) and read the rest of the text from each is
quadratic; each scan below gets the hostile text for its pattern. The work is CPU
time: 100 KB is measured, and the megabyte runs under a CPU budget of thirty times
that (SIGPROF stops it when the budget is spent, at least a second, three tries;
100 KB itself may not take a second), so a quadratic scan fails after seconds
instead of running for minutes, and a busy machine does not fail a linear one.
"""

from __future__ import annotations

import gc
import signal
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from statistics import median
from types import FrameType

import pytest

import i18n_pipeline.checks.runner  # noqa: F401  (registers every check)
from i18n_pipeline.checks import dates, numbers, rst, term_match, toolkit, waivers
from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.output import page_problems
from i18n_pipeline.checks.registry import ENTRY_CHECKS
from i18n_pipeline.config.languages import language
from i18n_pipeline.sphinxext.roles import lang_role_tags, lang_role_texts, phrase_and_tag
from i18n_pipeline.text.bidi import reordering_controls
from i18n_pipeline.text.printable import printable

#: The megabyte may cost this many times the work of 100 KB: linear is ten, quadratic a
#: hundred, and thirty lies between them on a log scale (about the square root of ten
#: times ten). Fifteen was too close to linear: a million clusters do not fit in the
#: processor's caches as a hundred thousand do, and a CI machine measured 100 KB of
#: 'Deniz Kurk' in 0.107 s and the megabyte over 1.6 s three times.
RATIO = 30
#: Below this much CPU time a budget is noise, not a measurement (a quadratic scan costs
#: seconds at 100 KB already, minutes at a megabyte). Half a second was too little for a
#: check that yields a finding every two characters: 100 KB in 0.04 s, the megabyte in
#: 0.5 to 0.65 s on an idle machine (allocation, not scanning), so 15 x failed it.
FLOOR = 1.0
#: How often the megabyte may try to stay within its budget: on a loaded machine (two
#: cores, other jobs) one run's CPU time can be half again another's.
ATTEMPTS = 3
#: 100 KB takes a linear scan a quarter of a second or less (the slowest, the protected
#: terms, cut a hundred thousand clusters); a quadratic one seconds to minutes, so it
#: fails here at once instead of after three megabyte tries at thirty times its cost.
SMALL_BUDGET = 1.0


class OverBudgetError(Exception):
    """The scan spent its CPU budget."""


def cpu_seconds(scan: Callable[[str], object], text: str, budget: float = 0.0) -> float:
    """The CPU time ``scan(text)`` takes; with a budget, OverBudgetError once it is spent."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise OverBudgetError

    gc.collect()
    gc.disable()  # a collection of the others' garbage is no work of this scan's
    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, budget)
    start = time.process_time()
    try:
        scan(text)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
        gc.enable()
    return time.process_time() - start


def check(check_id: str, code: str = "pl") -> Callable[[str], object]:
    context = Context(Path(f"locales/{code}/LC_MESSAGES/index.po"), language(code))
    return lambda text: list(ENTRY_CHECKS[check_id].function(Entry("Satz.", text, 1), context))


def terms(text: str) -> object:
    term_match.clustered.cache_clear()
    return term_match.has_term(text, "Deniz Kurku"), term_match.look_alikes(text, "Deniz Kurku")


def page(text: str) -> object:
    body = text.replace("&", "&amp;").replace("<", "&lt;")
    return page_problems(
        Path("page.html"), f"<html><body><p>{body}</p></body></html>".encode(), frozenset()
    )


#: Each scan of untrusted text, with the text that would make a quadratic pattern slow.
SCANS: dict[str, tuple[Callable[[str], object], tuple[str, ...]]] = {
    "html-tag": (rst.HTML_TAG.findall, ("<a ", "< ")),
    "toolkit-tags": (toolkit.tags, ("<a ", "<", "<>")),
    "xmltags": (lambda t: toolkit.tag_failure(language("en"), "<b>x</b>", t), ("<a ",)),
    "directive": (rst.DIRECTIVE.search, ("\n", " \n", "\n.. a")),
    "explicit-target": (rst.EXPLICIT_TARGET.search, ("\n", "\n.. _a", "_`a ")),
    "attribute-like": (rst.ATTRIBUTE_LIKE.search, ('"a', '" ', "onon")),
    "role": (lambda t: list(rst.ROLE.finditer(t)), (":a:", "`a`:", "`\\")),
    "addresses": (rst.without_addresses, ("<https://a", " <de")),
    "lang-role": (
        lambda t: (phrase_and_tag(t), lang_role_tags(t), lang_role_texts(t)),
        (
            " ",
            ":lang:`<",
        ),
    ),
    "waiver": (lambda t: waivers.waived_checks(f"check: ignore a{t}!"), (" ", "a ", ",")),
    "quotation-marks": (check("quotation-marks"), ("<a ", '"')),
    "no-break-space": (check("no-break-space"), ("<a ", "w ", "1 ")),
    "dashes": (check("dashes"), ("<a ", "1-")),
    "arabic-script-punctuation": (check("arabic-script-punctuation", "fa"), ("ب ", "<a ")),
    "bidi-controls": (check("bidi-controls"), ("\u202e",)),
    "numbers": (lambda t: numbers.numbers(t, language("pl")), ("1.", "19 ", "1\u00a0")),
    "foreign-digits": (lambda t: numbers.foreign_digits(t, language("tr")), ("\u09ea",)),
    "dates": (
        lambda t: dates.find_date(t, date(2024, 11, 19), language("pl")),
        (
            "19 ",
            "listopada ",
        ),
    ),
    "protected-terms": (terms, ("Deniz Kurk", "a\u0301 ")),
    "bidi": (reordering_controls, ("\u2067a",)),
    "printable": (printable, ("\x1b[2K",)),
    "output-check": (page, ("<a ", "\u202e")),
}
CASES = [(name, unit) for name, (_, units) in SCANS.items() for unit in units]


def quadratic_growth(
    scan: Callable[[str], object], unit: str, attempts: int = ATTEMPTS
) -> str | None:
    """Why ``scan`` is not linear in a text of ``unit`` repeated, or None where it is."""
    small = (unit * (100_000 // len(unit) + 1))[:100_000]
    large = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    try:
        base = median(cpu_seconds(scan, small, SMALL_BUDGET) for _ in range(3))
    except OverBudgetError:
        return f"100 KB of {unit!r} needs more than {SMALL_BUDGET} s of CPU time"
    budget = max(RATIO * base, FLOOR)
    for _ in range(attempts):
        try:
            cpu_seconds(scan, large, budget)
            return None
        except OverBudgetError:
            continue
    return (
        f"a megabyte of {unit!r} needs more than {RATIO} times the CPU "
        f"time of 100 KB ({base:.3f} s): a quadratic scan"
    )


@pytest.mark.parametrize(("name", "unit"), CASES, ids=[f"{n}-{u!r}" for n, u in CASES])
def test_a_megabyte_costs_at_most_thirty_times_the_work_of_100_kb(name: str, unit: str) -> None:
    problem = quadratic_growth(SCANS[name][0], unit)
    if problem:
        pytest.fail(f"{name}: {problem}")


def test_a_scan_that_rereads_the_rest_of_the_text_from_every_position_is_caught() -> None:
    """The budget itself: counting from every thirtieth character to the end of the text
    takes about a tenth of a second at 100 KB, well above the floor, and a hundred times
    that at a megabyte. One try is enough to see it stopped."""

    def rereads(text: str) -> object:
        return [text.count("a", start) for start in range(0, len(text), 30)]

    assert "quadratic scan" in (quadratic_growth(rereads, "a", attempts=1) or "")
