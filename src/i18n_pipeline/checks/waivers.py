"""``# check: ignore <id>[, <id>…] -- <reason>``: a translator waives a check for one entry."""

from __future__ import annotations

import re

WAIVER = re.compile(r"^\s*check:\s*ignore\s+(?P<ids>[\w,\s-]+?)\s*(?:--\s*(?P<reason>.*))?$")


def waived_checks(translator_comment: str) -> tuple[frozenset[str], list[str]]:
    """The check ids waived by the comment, and the waivers that give no reason."""
    waived: set[str] = set()
    without_reason = []
    for line in translator_comment.splitlines():
        match = WAIVER.match(line)
        if not match:
            continue
        ids = {part.strip() for part in match["ids"].split(",") if part.strip()}
        waived |= ids
        if not (match["reason"] or "").strip():
            without_reason.extend(sorted(ids))
    return frozenset(waived), without_reason
