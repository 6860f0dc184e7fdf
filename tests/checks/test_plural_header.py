"""The header's Plural-Forms, as Babel reads it; the header is the truth, not Babel's locale.

Babel fills in what a header leaves out (``nplurals=2``, ``(n != 1)``, or the
locale's CLDR rule when there is no Plural-Forms at all) without a word; the
check reports it instead. Where Babel and the old hand-written parser disagree,
GNU msgfmt (the reference) decides.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from conftest import SITE
from i18n_pipeline.catalogs.catalog import plural_form_count
from i18n_pipeline.checks import check_po_file
from i18n_pipeline.errors import CatalogSyntaxError
from i18n_pipeline.findings import Severity

ARABIC = SITE.plural_forms["ar"]
BODY = '\n#: ../../source/index.rst:1\nmsgid "Wir sind ein Land."\nmsgstr "نحن بلد."\n'


def _po(tmp_path: Path, plural_forms: str | None) -> Path:
    lines = [
        'msgid ""',
        'msgstr ""',
        '"Language: ar\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
    ]
    if plural_forms is not None:
        lines.append(f'"Plural-Forms: {plural_forms}\\n"')
    path = tmp_path / "ar" / "LC_MESSAGES" / "index.po"
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(lines) + "\n" + BODY, encoding="utf-8")
    return path


def _header_findings(path: Path) -> list[str]:
    return [
        f"{f.line}: {f.message} / {f.fix}"
        for f in check_po_file(path, SITE.language("ar"))
        if f.rule.startswith("gettext") and f.severity is Severity.ERROR
    ]


def test_a_header_without_plural_forms_is_reported_not_filled_in_from_the_locale(
    tmp_path: Path,
) -> None:
    path = _po(tmp_path, None)
    assert read_po(io.BytesIO(path.read_bytes()), locale="ar").num_plurals == 6  # Babel's guess

    assert _header_findings(path) == [
        f"1: the header's Plural-Forms is missing or malformed: None / set 'Plural-Forms: {ARABIC}'"
    ]


def test_the_header_rule_is_used_not_babels_arabic_order(tmp_path: Path) -> None:
    """Babel's own Arabic rule orders the forms unlike GNU gettext; the header (GNU order,
    as translators' tools write it) is what is read and accepted."""
    assert _header_findings(_po(tmp_path, ARABIC)) == []


def test_a_parameter_after_the_rule_is_accepted_as_gnu_msgfmt_accepts_it(tmp_path: Path) -> None:
    """The hand-written parser took ``(n != 1); foo=bar`` for the rule and refused it;
    Babel reads the parameters as GNU msgfmt does, and msgfmt accepts the file."""
    assert _header_findings(_po(tmp_path, f"{ARABIC} foo=bar")) == []


def test_a_quoted_rule_that_babel_would_unquote_is_refused_by_msgfmt(tmp_path: Path) -> None:
    [finding] = _header_findings(_po(tmp_path, 'nplurals=2; plural="(n != 1)";'))
    assert "GNU msgfmt" in finding


@pytest.mark.parametrize(
    ("plural_forms", "message"),
    [
        ("nplurals=6", "the header's Plural-Forms is missing or malformed: 'nplurals=6'"),
        ("plural=(n != 1);", "the header's Plural-Forms is missing or malformed"),
        ("nplurals=x; plural=0;", "the header's Plural-Forms is missing or malformed"),
        ("nplurals=2; plural=n/0;", "the plural rule cannot be evaluated"),
        ("nplurals=2; plural=(n > 1 ? 2 : n);", "the plural rule yields form 2 but nplurals is 2"),
    ],
)
def test_a_plural_forms_babel_would_complete_or_that_cannot_hold_is_refused(
    plural_forms: str, message: str
) -> None:
    with pytest.raises(CatalogSyntaxError) as raised:
        plural_form_count({"Plural-Forms": plural_forms}, Path("ar/index.po"), 3)
    assert raised.value.message.startswith(message)
    assert (raised.value.path, raised.value.line) == (Path("ar/index.po"), 3)


@pytest.mark.parametrize("code", ["ar", "fa", "pl", "en", "ru"])
def test_every_language_rule_reads_with_its_count(code: str) -> None:
    lang = SITE.language(code)
    expected = int(lang.plural_forms.split(";")[0].split("=")[1])
    assert plural_form_count({"Plural-Forms": lang.plural_forms}, Path("x.po"), 1) == expected
