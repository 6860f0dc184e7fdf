"""Links whose text is their own address: the reader trusts what they see."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.registry import entry_check
from i18n_pipeline.checks.rst import parse_markup
from i18n_pipeline.findings import Severity
from i18n_pipeline.text.skeleton import skeleton


def shows_its_address(text: str, address: str) -> bool:
    """``barrierefreiheit@example.org`` → ``mailto:barrierefreiheit@example.org``, or a URL
    shown as itself."""
    return text in (address, address.removeprefix("mailto:"))


@entry_check(Severity.ERROR, waivable=False)
def check_link_text(entry: Entry, context: Context) -> Iterator[tuple[str, str]]:
    """A link that shows its own address (an e-mail address, a URL) shows the same address
    in the translation: a reader writes to the address they see, not to the link's."""
    translation = parse_markup(entry.msgstr)
    if translation.problems:
        return  # rst-syntax reports it; broken markup has no links to compare
    shown = Counter(translation.references)
    for text, address in parse_markup(entry.msgid).references:
        if not shows_its_address(text, address):
            continue
        if shown[text, address]:
            shown[text, address] -= 1
            continue
        others = [other for other, target in translation.references if target == address]
        if not others and any(other == text for other, _ in translation.references):
            continue  # the address shown, the link changed: unsafe-markup reports that
        if not others:
            yield (
                f"the address {text!r} that the German text shows is not shown in the translation",
                f"keep the link as the msgid has it: `{text} <{address}>`__",
            )
            continue
        look_alike = skeleton(others[0]) == skeleton(text)
        yield (
            f"the link to {address!r} shows {others[0]!r}, the German text shows {text!r}"
            + (" (a look-alike, written with other characters)" if look_alike else ""),
            "show the address letter for letter as the msgid does; copy it from there",
        )
