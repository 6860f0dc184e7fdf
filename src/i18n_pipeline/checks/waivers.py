"""``# check: ignore <id>[, <id>…] -- <reason>``: a translator waives a check for one entry.

A waiver never hides a finding: the finding is still reported, as *waived*,
with its reason, in the check output and in ``_build/reports/checks.json``.
Checks that guard the page's safety cannot be waived at all.
"""

from __future__ import annotations

import re

#: ``check: ignore <ids>``, the part of the line before `` -- <reason>``. Matched on that
#: part alone: a lazy list of ids followed by optional spaces and reason read a line of
#: spaces again from every space (quadratic, on a translator's comment).
WAIVER = re.compile(r"\s*check:\s*ignore\s+(?P<ids>[\w,\s-]+)")


def waived_checks(translator_comment: str) -> tuple[dict[str, str], list[str]]:
    """The check ids waived by the comment with their reasons, and the ids without one."""
    waived: dict[str, str] = {}
    without_reason = []
    for line in translator_comment.splitlines():
        head, _, reason = line.partition("--")
        match = WAIVER.fullmatch(head)
        if not match:
            continue
        reason = reason.strip()
        ids = {part.strip() for part in match["ids"].split(",") if part.strip()}
        waived.update(dict.fromkeys(ids, reason))
        if not reason:
            without_reason.extend(sorted(ids))
    return waived, without_reason
