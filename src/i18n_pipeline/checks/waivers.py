"""``# check: ignore <id>[, <id>…] -- <reason>``: a translator waives a check for one entry.

A waiver never hides a finding: the finding is still reported, as *waived*,
with its reason, in the check output and in ``_build/reports/checks.json``.
Checks that guard the page's safety cannot be waived at all.
"""

from __future__ import annotations

import re

WAIVER = re.compile(r"^\s*check:\s*ignore\s+(?P<ids>[\w,\s-]+?)\s*(?:--\s*(?P<reason>.*))?$")


def waived_checks(translator_comment: str) -> tuple[dict[str, str], list[str]]:
    """The check ids waived by the comment with their reasons, and the ids without one."""
    waived: dict[str, str] = {}
    without_reason = []
    for line in translator_comment.splitlines():
        match = WAIVER.match(line)
        if not match:
            continue
        reason = (match["reason"] or "").strip()
        ids = {part.strip() for part in match["ids"].split(",") if part.strip()}
        waived.update(dict.fromkeys(ids, reason))
        if not reason:
            without_reason.extend(sorted(ids))
    return waived, without_reason
