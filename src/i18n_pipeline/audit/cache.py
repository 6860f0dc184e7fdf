"""Audit results per page, reused while the page, its CSS, the tools and the config
are unchanged."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from i18n_pipeline.audit.model import Issue
from i18n_pipeline.catalog_io import write_atomically


class AuditCache:
    def __init__(
        self, directory: Path, tool_versions: dict[str, str], config: dict[str, object]
    ) -> None:
        self.directory = directory
        self._salt = json.dumps({"tools": tool_versions, "config": config}, sort_keys=True)

    def key(self, content_hash: str) -> str:
        return hashlib.sha256(f"{self._salt}|{content_hash}".encode()).hexdigest()

    def load(self, key: str) -> list[Issue] | None:
        path = self.directory / f"{key}.json"
        try:
            return [Issue.from_json(item) for item in json.loads(path.read_text(encoding="utf-8"))]
        except (FileNotFoundError, json.JSONDecodeError, TypeError):
            return None

    def store(self, key: str, issues: list[Issue]) -> None:
        payload = json.dumps([issue.as_json() for issue in issues], ensure_ascii=False)
        write_atomically(self.directory / f"{key}.json", payload.encode("utf-8"))
