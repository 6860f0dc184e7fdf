"""How long a msgstr may be: the gate before every other check.

A 5 MB msgstr gave no finding, a 245-second build and a PDF of 1,693 pages. An entry
beyond the limit is an error, and the other checks never read it (a parser or a
pattern over megabytes is where untrusted text costs minutes).
"""

from __future__ import annotations

from collections.abc import Iterator

from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.registry import entry_check
from i18n_pipeline.findings import Severity

#: No msgid or msgstr the checks read is longer (characters). The longest German
#: paragraph has 661, the longest translation 764.
MAX_LENGTH = 10_000
#: A translation may be this many times as long as its German text, plus ``ALLOWANCE``
#: characters for the short ones ("Service" → "Hizmet bağlantıları"). The committed
#: translations reach 1.9 times for German texts of 40 characters or more.
MAX_RATIO = 4
ALLOWANCE = 200


def allowed_length(msgid: str) -> int:
    """The most characters a translation of ``msgid`` may have."""
    return min(MAX_LENGTH, MAX_RATIO * len(msgid) + ALLOWANCE)


@entry_check(Severity.ERROR, waivable=False, gate=True)
def check_length_limit(entry: Entry, context: Context) -> Iterator[tuple[str, str]]:
    """A msgstr has at most four times its msgid's length plus 200 characters, and no text
    of the entry more than 10,000: the rest of the checks, and the build, read no more."""
    if len(entry.msgid) > MAX_LENGTH:
        yield (
            f"the German text of this entry has {len(entry.msgid)} characters, more than the "
            f"{MAX_LENGTH} an entry may have; it is not checked further",
            "no paragraph of the German source is this long: restore the msgid from the "
            "repository ('tox -e update' writes them)",
        )
    elif len(entry.msgstr) > allowed_length(entry.msgid):
        yield (
            f"the translation has {len(entry.msgstr)} characters; a translation of this "
            f"German text may have {allowed_length(entry.msgid)}; it is not checked further",
            "translate the German text and nothing else",
        )
