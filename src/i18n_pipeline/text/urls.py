"""Which link addresses a page may carry: one answer for the PO checks and the output check."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit

#: The only schemes a link may have; a relative link has none.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def parse_address(address: str) -> SplitResult | None:
    """The address as a browser reads it: control characters and spaces are dropped, so
    ``java\\tscript:`` is ``javascript:``. ``None`` for an address that does not parse."""
    try:
        return urlsplit(re.sub(r"[\x00-\x20]", "", address))
    except ValueError:
        return None


def is_safe_address(address: str) -> bool:
    """http(s), mailto, or relative to the page (no scheme and no ``//host``)."""
    parts = parse_address(address)
    if parts is None:
        return False
    if parts.scheme:
        return parts.scheme.lower() in SAFE_SCHEMES
    return not parts.netloc
