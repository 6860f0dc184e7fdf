"""Stage 4: how far each language is — translated, fuzzy, untranslated, obsolete.

Printed as a table for translators and written to ``_build/reports/stats.json``
for machines (and the status page).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from i18n_pipeline.io import write_atomically
from i18n_pipeline.languages import Language, translations
from i18n_pipeline.project import Project
from i18n_pipeline.snapshot import Snapshot, take_snapshot


@dataclass(frozen=True)
class LanguageStats:
    """Message counts of one language over all its PO files."""

    code: str
    native_name: str
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return round(100 * self.translated / self.total, 1) if self.total else 100.0


def language_stats(snapshot: Snapshot, lang: Language) -> LanguageStats:
    """Counted from the snapshot the build uses, so the figures describe the pages."""
    translated = fuzzy = untranslated = obsolete = 0
    for catalog in snapshot.of(lang.code):
        for message in catalog.live:
            if message.fuzzy:
                fuzzy += 1
            elif message.translated:
                translated += 1
            else:
                untranslated += 1
        obsolete += len(catalog.obsolete)
    return LanguageStats(lang.code, lang.native_name, translated, fuzzy, untranslated, obsolete)


def collect_stats(
    project: Project, languages: list[Language] | None = None, snapshot: Snapshot | None = None
) -> list[LanguageStats]:
    """Statistics of every language; a file that cannot be read stops with file:line."""
    languages = languages or translations()
    if snapshot is None:
        snapshot = take_snapshot(project, languages)
    snapshot.require_readable()
    return [language_stats(snapshot, lang) for lang in languages]


def format_table(stats: list[LanguageStats]) -> str:
    columns = "{:<10} {:>10} {:>6} {:>12} {:>8} {:>7}"
    header = columns.format("language", "translated", "fuzzy", "untranslated", "obsolete", "done")
    rows = [
        columns.format(
            s.code, s.translated, s.fuzzy, s.untranslated, s.obsolete, f"{s.percent:.1f}%"
        )
        for s in stats
    ]
    return "\n".join([header, "-" * len(header), *rows])


def report_stats(stats: list[LanguageStats], reports_dir: Path) -> None:
    """The table for translators, and ``stats.json`` for machines."""
    print(format_table(stats))
    print(f"\nwrote {write_stats_json(stats, reports_dir / 'stats.json')}")


def write_stats_json(stats: list[LanguageStats], path: Path) -> Path:
    payload = {"languages": [{**asdict(s), "total": s.total, "percent": s.percent} for s in stats]}
    write_atomically(path, (json.dumps(payload, indent=2, ensure_ascii=False) + "\n").encode())
    return path
