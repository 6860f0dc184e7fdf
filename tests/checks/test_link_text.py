"""A link that shows its own address shows the same address in every language.

The link target is held by unsafe-markup; the text the reader sees was not held at
all: "`complaints@example.net <mailto:barrierefreiheit@example.org>`__" passed, and a
reader copying the address wrote to another one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.registry import ENTRY_CHECKS
from i18n_pipeline.config.languages import language

MAIL = "`barrierefreiheit@example.org <mailto:barrierefreiheit@example.org>`__"
WEB = "`https://www.schlichtungsstelle-bgg.de <https://www.schlichtungsstelle-bgg.de>`__"


def findings(msgid: str, msgstr: str) -> list[tuple[str, str]]:
    context = Context(Path("locales/en/LC_MESSAGES/index.po"), language("en"))
    return list(ENTRY_CHECKS["link-text"].function(Entry(msgid, msgstr, 1), context))


@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        (f"E-Mail: {MAIL}", f"E-mail: {MAIL}"),
        (f"Website: {WEB}", f"Website: {WEB}"),
        ("E-Mail: info@schlichtungsstelle-bgg.de", "E-mail: info@schlichtungsstelle-bgg.de"),
        ("`Kontakt <mailto:a@example.org>`__", "`Contact <mailto:a@example.org>`__"),
    ],
    ids=["e-mail", "url", "plain-address", "link-named-in-words"],
)
def test_the_same_shown_address_passes(msgid: str, msgstr: str) -> None:
    assert findings(msgid, msgstr) == []


def test_another_address_shown_on_the_same_link_is_an_error() -> None:
    msgstr = "E-mail: `complaints@example.net <mailto:barrierefreiheit@example.org>`__"
    [(message, _)] = findings(f"E-Mail: {MAIL}", msgstr)
    assert message == (
        "the link to 'mailto:barrierefreiheit@example.org' shows 'complaints@example.net', "
        "the German text shows 'barrierefreiheit@example.org'"
    )


def test_a_look_alike_of_the_address_is_named_so() -> None:
    msgstr = f"Website: `https://www.schlichtungsstelle-bgg.de <{WEB.split('<')[1]}"
    msgstr = msgstr.replace("schlichtungsstelle", "schlichtungsst\u0435lle", 1)  # Cyrillic е
    [(message, _)] = findings(f"Website: {WEB}", msgstr)
    assert message.endswith("(a look-alike, written with other characters)")


def test_a_shown_address_replaced_by_words_is_an_error() -> None:
    [(message, hint)] = findings(f"E-Mail: {MAIL}", "E-mail: write to us")
    assert "'barrierefreiheit@example.org' that the German text shows is not shown" in message
    assert MAIL in hint


def test_link_text_cannot_be_waived() -> None:
    assert not ENTRY_CHECKS["link-text"].waivable
