"""Stage 4: how far each language is — translated, fuzzy, untranslated, obsolete.

Printed as a table for translators and written to ``_build/reports/stats.json``
for machines (and the status page).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from i18n_pipeline.catalog_io import read_catalog, write_atomically
from i18n_pipeline.languages import Language, translations
from i18n_pipeline.project import Project


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


def language_stats(project: Project, lang: Language) -> LanguageStats:
    translated = fuzzy = untranslated = obsolete = 0
    for po_file in project.po_files(lang.code):
        catalog = read_catalog(po_file, locale=lang.code)
        for message in catalog:
            if not message.id:
                continue
            if message.fuzzy:
                fuzzy += 1
            elif _is_translated(message.string):
                translated += 1
            else:
                untranslated += 1
        obsolete += len(catalog.obsolete)
    return LanguageStats(lang.code, lang.native_name, translated, fuzzy, untranslated, obsolete)


def _is_translated(string: str | tuple[str, ...]) -> bool:
    """A plural entry counts as translated only when every form is filled in."""
    return all(string) if isinstance(string, tuple) else bool(string)


def collect_stats(project: Project, languages: list[Language] | None = None) -> list[LanguageStats]:
    return [language_stats(project, lang) for lang in languages or translations()]


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
