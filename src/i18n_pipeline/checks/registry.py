"""Checks register themselves; the set of checks is data, not a hard-wired list."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.findings import Severity

EntryCheckFunction = Callable[[Entry, Context], Iterator[tuple[str, str]]]


@dataclass(frozen=True)
class EntryCheck:
    id: str
    severity: Severity
    function: EntryCheckFunction
    description: str
    waivable: bool
    gate: bool = False  # runs first; when it finds something, the entry's other checks do not


ENTRY_CHECKS: dict[str, EntryCheck] = {}


def check_id(function_name: str) -> str:
    """``check_missing_space`` → ``missing-space``, as sphinx-lint names its checks."""
    return function_name.removeprefix("check_").replace("_", "-")


def entry_check(
    severity: Severity, *, waivable: bool = True, gate: bool = False
) -> Callable[[EntryCheckFunction], EntryCheckFunction]:
    """Register a check over one translated entry; it yields (message, what to do) pairs.

    Checks that keep script, files and foreign links off the page, and those that
    protect its meaning (names, numbers, dates, links), are registered with
    ``waivable=False``: a translator's comment cannot switch them off. (A waiver a
    reviewer approves is future work; until then the translation is fixed instead.)
    A ``gate`` runs before the others, which an entry it refuses never reaches: the
    length limit keeps megabytes from the parser and the pattern checks.
    """

    def register(function: EntryCheckFunction) -> EntryCheckFunction:
        identifier = check_id(function.__name__)
        doc = (function.__doc__ or "").strip().splitlines()
        ENTRY_CHECKS[identifier] = EntryCheck(
            identifier, severity, function, doc[0] if doc else "", waivable, gate
        )
        return function

    return register
