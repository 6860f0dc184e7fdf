"""Results of slow checks kept as JSON, found again by what decides them.

The PO checks and the audit both reuse an earlier result while its input and
everything that shapes it (the checking code, tool versions, configuration) are
unchanged. The ``salt`` names the latter, the key parts the former.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from i18n_pipeline.errors import InputRefusedError
from i18n_pipeline.io import read_json, write_json

T = TypeVar("T")


def user_cache_root() -> Path:
    """Where caches go outside a checkout: the user's cache directory (XDG)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "i18n-pipeline"


class ResultCache:
    def __init__(self, directory: Path, salt: str) -> None:
        self.directory = directory
        self._salt = salt.encode()

    def key(self, *parts: str | bytes) -> str:
        digest = hashlib.sha256(self._salt)
        for part in parts:
            digest.update(b"\0")
            digest.update(part.encode() if isinstance(part, str) else part)
        return digest.hexdigest()

    def load(self, key: str, decode: Callable[[dict[str, Any]], T]) -> list[T] | None:
        """The stored results, or None when there are none or they no longer decode."""
        try:
            items = read_json(self.directory / f"{key}.json")
            return [decode(item) for item in items]
        except (FileNotFoundError, InputRefusedError, KeyError, TypeError, ValueError):
            return None

    def store(self, key: str, items: Iterable[dict[str, object]]) -> None:
        write_json(self.directory / f"{key}.json", list(items))
