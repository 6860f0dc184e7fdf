"""Findings per PO file, reused while the file, the glossary and the checks are unchanged.

Checking parses every msgid and msgstr with docutils; a translator's edit to one
file should cost one file's checks, not all of them.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from i18n_pipeline.catalog_io import write_atomically
from i18n_pipeline.checks.model import Finding, Severity

_CHECKS_DIR = Path(__file__).parent
#: Code outside checks/ whose behaviour the checks depend on.
_ALSO_READ = ("languages.py", "sphinxext/roles.py")


@cache
def _code_digest() -> str:
    digest = hashlib.sha256()
    files = sorted(_CHECKS_DIR.glob("*.py")) + [_CHECKS_DIR.parent / name for name in _ALSO_READ]
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()


class FindingsCache:
    def __init__(self, directory: Path, glossary: tuple[str, ...]) -> None:
        self.directory = directory
        self._salt = _code_digest() + "\0" + "\n".join(glossary)

    def key(self, path: Path, language: str) -> str:
        digest = hashlib.sha256(f"{self._salt}\0{language}\0{path}\0".encode())
        digest.update(path.read_bytes())
        return digest.hexdigest()

    def load(self, key: str, path: Path) -> list[Finding] | None:
        try:
            items = json.loads((self.directory / f"{key}.json").read_text(encoding="utf-8"))
            return [
                Finding(
                    path,
                    item["line"],
                    item["check"],
                    Severity(item["severity"]),
                    item["message"],
                    item["hint"],
                    item["msgid"],
                )
                for item in items
            ]
        except (FileNotFoundError, json.JSONDecodeError, KeyError, TypeError, ValueError):
            return None

    def store(self, key: str, findings: list[Finding]) -> None:
        payload = json.dumps([f.as_json() for f in findings], ensure_ascii=False)
        write_atomically(self.directory / f"{key}.json", payload.encode("utf-8"))
