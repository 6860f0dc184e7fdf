"""The length limit: an entry too long for a translation is refused before any other check
reads it. Issue 26: a 5 MB msgstr gave no finding, a 245-second build and a PDF of
1,693 pages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from i18n_pipeline.checks import check_po_file
from i18n_pipeline.checks.limits import ALLOWANCE, MAX_LENGTH, MAX_RATIO, allowed_length
from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.registry import ENTRY_CHECKS, EntryCheckFunction
from i18n_pipeline.config.languages import language
from i18n_pipeline.findings import Severity

HEADER = (
    'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each check reads an entry: the work done, counted."""
    counted: Counter[str] = Counter()
    for check in list(ENTRY_CHECKS.values()):

        def counting(
            entry: Entry,
            context: Context,
            check_id: str = check.id,
            run: EntryCheckFunction = check.function,
        ) -> Iterator[tuple[str, str]]:
            counted[check_id] += 1
            yield from run(entry, context)

        monkeypatch.setitem(ENTRY_CHECKS, check.id, replace(check, function=counting))
    return counted


def test_the_allowed_length_grows_with_the_german_text_up_to_the_limit() -> None:
    assert allowed_length("Service") == MAX_RATIO * 7 + ALLOWANCE
    assert allowed_length("x" * 5000) == MAX_LENGTH


def test_a_megabyte_of_hostile_text_is_refused_and_read_by_no_other_check(
    tmp_path: Path, calls: Counter[str]
) -> None:
    """400 KB of unclosed ``<a `` took the check 167 s; a megabyte is now one finding."""
    po_file = tmp_path / "index.po"
    hostile = "<a " * (1_000_000 // 3)
    po_file.write_text(
        HEADER + f'msgid "Jetzt gilt es."\nmsgstr "{hostile}"\n\n'
        'msgid "Wir sind ein Land der Vielfalt."\nmsgstr "We are a country of diversity."\n',
        encoding="utf-8",
    )

    findings = check_po_file(po_file, language("en"))

    [refused] = [f for f in findings if f.severity is not Severity.INFO]
    assert (refused.rule, refused.severity, refused.line) == ("length-limit", Severity.ERROR, 7)
    assert f"the translation has {len(hostile)} characters" in refused.message
    assert calls["length-limit"] == 2, "the gate read both entries"
    others = {check: n for check, n in calls.items() if check != "length-limit"}
    assert set(others.values()) == {1}, "every other check read the short entry only"


def test_a_translation_four_times_the_german_plus_an_allowance_is_refused() -> None:
    check = ENTRY_CHECKS["length-limit"]
    context = Context(Path("index.po"), language("en"))
    msgid = "Jetzt gilt es, diese Errungenschaften zu sichern."
    fits = "x" * allowed_length(msgid)
    assert list(check.function(Entry(msgid, fits, 1), context)) == []
    [(message, hint)] = check.function(Entry(msgid, fits + "x", 1), context)
    assert f"may have {allowed_length(msgid)}" in message
    assert hint == "translate the German text and nothing else"


def test_an_entry_whose_german_text_is_too_long_is_refused() -> None:
    check = ENTRY_CHECKS["length-limit"]
    context = Context(Path("index.po"), language("en"))
    [(message, _)] = check.function(Entry("x" * (MAX_LENGTH + 1), "y", 1), context)
    assert f"more than the {MAX_LENGTH} an entry may have" in message


def test_the_length_limit_is_a_gate_that_cannot_be_waived() -> None:
    check = ENTRY_CHECKS["length-limit"]
    assert check.gate and not check.waivable and check.severity is Severity.ERROR
