"""Plural rules are the project's record, not the installed library's opinion.

Babel 2.19 gave Turkish and Persian a second form and Italian a third (CLDR's
"many"): headers that were right the day before became errors on a fresh machine.
Here the installed Babel's table is replaced by the one a release would bring, and
the committed header is judged against the record and the recognised tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.plurals import _PluralTuple

from conftest import SITE
from i18n_pipeline.checks import check_po_file
from i18n_pipeline.config import plurals
from i18n_pipeline.findings import Severity

BODY = '\n#: ../../source/index.rst:1\nmsgid "Wir sind ein Land."\nmsgstr "Text."\n'
CLDR_ITALIAN = "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);"


@pytest.fixture(autouse=True)
def _fresh_tables() -> Iterator[None]:
    plurals.recognised_rules.cache_clear()
    yield
    plurals.recognised_rules.cache_clear()


def _babel_says(monkeypatch: pytest.MonkeyPatch, header: str) -> None:
    """The installed Babel's table, as a release that changed it would give it."""
    rule = plurals.parse_rule(header)
    assert rule is not None
    monkeypatch.setattr(
        plurals, "get_plural", lambda locale: _PluralTuple((rule.count, rule.expression))
    )


def _po(tmp_path: Path, code: str, plural_forms: str) -> Path:
    path = tmp_path / code / "LC_MESSAGES" / "index.po"
    path.parent.mkdir(parents=True)
    header = [
        'msgid ""',
        'msgstr ""',
        f'"Language: {code}\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        f'"Plural-Forms: {plural_forms}\\n"',
    ]
    path.write_text("\n".join(header) + "\n" + BODY, encoding="utf-8")
    return path


def _header_findings(path: Path, code: str) -> list[tuple[Severity, str, str]]:
    return [
        (f.severity, f.message, f.fix)
        for f in check_po_file(path, SITE.language(code))
        if f.rule in ("gettext-header", "plural-table-drift")
    ]


@pytest.mark.parametrize(
    "babel_table", ["nplurals=1; plural=0;", "nplurals=2; plural=(n != 1);"], ids=["2.18", "2.19"]
)
def test_the_recorded_turkish_header_passes_before_and_after_babel_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, babel_table: str
) -> None:
    _babel_says(monkeypatch, babel_table)
    findings = _header_findings(_po(tmp_path, "tr", SITE.plural_forms["tr"]), "tr")
    assert [severity for severity, _, _ in findings if severity is Severity.ERROR] == []


def test_babel_disagreeing_with_the_record_is_information_naming_both_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _babel_says(monkeypatch, CLDR_ITALIAN)
    [(severity, message, _)] = _header_findings(_po(tmp_path, "it", SITE.plural_forms["it"]), "it")
    assert severity is Severity.INFO
    assert "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);" in message
    assert "nplurals=2; plural=(n != 1);" in message


def test_a_header_with_the_rule_of_another_recognised_table_is_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translator whose tool writes CLDR's Italian rule is not refused."""
    _babel_says(monkeypatch, CLDR_ITALIAN)
    findings = _header_findings(_po(tmp_path, "it", CLDR_ITALIAN), "it")
    assert [severity for severity, _, _ in findings] == [Severity.INFO]


def test_a_rule_spelled_differently_is_the_same_rule(tmp_path: Path) -> None:
    spelled = "nplurals=2;plural=n!=1"
    assert _header_findings(_po(tmp_path, "en", spelled), "en") == []


def test_a_header_in_no_recognised_table_is_an_error_that_names_the_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _babel_says(monkeypatch, SITE.plural_forms["tr"])
    [(severity, message, hint)] = _header_findings(
        _po(tmp_path, "tr", "nplurals=1; plural=0;"), "tr"
    )
    assert severity is Severity.ERROR
    assert "'nplurals=1; plural=0;' is not a rule for 'tr'" in message
    assert "the project's record" in message and "translate-toolkit" in message
    assert hint == f"set 'Plural-Forms: {SITE.plural_forms['tr']}' (the project's record)"


def test_numbering_arabics_forms_otherwise_is_no_disagreement(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Babel 2.18 numbers Arabic's last two forms unlike GNU gettext; the groups are the same."""
    _babel_says(
        monkeypatch,
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
        "n%100>=0 && n%100<=2 ? 4 : 5);",
    )
    assert plurals.babel_disagreement("ar", SITE.plural_forms["ar"]) is None


@pytest.mark.parametrize("code", list(SITE.plural_forms))
def test_every_configured_language_records_the_rule_translators_tools_use(code: str) -> None:
    """The record is GNU gettext's rule as translate-toolkit (Weblate's library) has it."""
    recorded = plurals.parse_rule(SITE.plural_forms[code])
    assert recorded is not None
    tables = plurals.recognised_rules(code, SITE.plural_forms[code])
    toolkit = next(rule for name, rule in tables.items() if name.startswith("translate-toolkit"))
    assert recorded.same_as(toolkit)
