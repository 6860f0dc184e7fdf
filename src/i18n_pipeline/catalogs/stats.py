"""Statistics (`tox -e stats`, and in `site` after the output check): how far each language is —
reviewed, draft, fuzzy, untranslated, obsolete — per language and per paragraph.

Printed as a table for translators and written to ``_build/reports/stats.json``
for machines (and the status pages).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from i18n_pipeline.catalogs.catalog import EntryCounts
from i18n_pipeline.catalogs.readability import Readability
from i18n_pipeline.catalogs.review import REVIEWED, EntryState, entry_state
from i18n_pipeline.catalogs.snapshot import Snapshot, take_snapshot
from i18n_pipeline.config.languages import Language
from i18n_pipeline.io import write_json
from i18n_pipeline.project import Project


@dataclass(frozen=True)
class ParagraphState:
    """One paragraph (PO entry) of one language: where it is and how far it is."""

    file: str  # the PO file, relative to the project
    line: int
    german: str  # the msgid's first words, so a reader knows which paragraph
    state: EntryState


@dataclass(frozen=True)
class LanguageStats:
    """Message counts of one language over all its PO files.

    ``translated`` counts what the pages show; of it, ``reviewed`` is what a
    native speaker has approved (``draft`` the rest).
    """

    code: str
    native_name: str
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int
    reviewed: int = 0
    paragraphs: tuple[ParagraphState, ...] = ()

    @property
    def draft(self) -> int:
        return self.translated - self.reviewed

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return round(100 * self.translated / self.total, 1) if self.total else 100.0


def language_stats(snapshot: Snapshot, lang: Language, root: Path | None = None) -> LanguageStats:
    """Counted from the snapshot the build uses, so the figures describe the pages: the
    totals are polib's entry lists (read with the file), reviewed is what the reviews
    approve of the translated entries."""
    reviews = snapshot.reviews_of(lang.code)
    paragraphs = []
    counts = EntryCounts()
    for catalog in snapshot.of(lang.code):
        path = catalog.path.relative_to(root) if root else catalog.path
        paragraphs += [
            ParagraphState(str(path), m.line, _first_words(m.msgid), entry_state(m, reviews))
            for m in catalog.live
        ]
        counts += catalog.counts
    return LanguageStats(
        lang.code,
        lang.native_name,
        translated=counts.translated,
        fuzzy=counts.fuzzy,
        untranslated=counts.untranslated,
        obsolete=counts.obsolete,
        reviewed=sum(1 for p in paragraphs if p.state == REVIEWED),
        paragraphs=tuple(paragraphs),
    )


def _first_words(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + " …"


def collect_stats(
    project: Project, languages: list[Language] | None = None, snapshot: Snapshot | None = None
) -> list[LanguageStats]:
    """Statistics of every language; a file that cannot be read stops with file:line."""
    languages = languages or project.config.translations
    if snapshot is None:
        snapshot = take_snapshot(project, languages)
    snapshot.require_readable()
    return [language_stats(snapshot, lang, project.root) for lang in languages]


def format_table(stats: list[LanguageStats]) -> str:
    columns = "{:<10} {:>8} {:>6} {:>6} {:>12} {:>8} {:>7}"
    header = columns.format(
        "language", "reviewed", "draft", "fuzzy", "untranslated", "obsolete", "done"
    )
    rows = [
        columns.format(
            s.code, s.reviewed, s.draft, s.fuzzy, s.untranslated, s.obsolete, f"{s.percent:.1f}%"
        )
        for s in stats
    ]
    return "\n".join([header, "-" * len(header), *rows])


def format_paragraphs(stats: LanguageStats) -> str:
    """One line per paragraph: file:line, state, the German's first words."""
    return "\n".join(f"{p.file}:{p.line}: {p.state:<12} {p.german}" for p in stats.paragraphs)


def report_stats(
    stats: list[LanguageStats], reports_dir: Path, readability: Sequence[Readability] = ()
) -> None:
    """The table for translators, and ``stats.json`` for machines."""
    print(format_table(stats))
    for figure in readability:
        print(f"readability {figure.page}: {figure.score} ({figure.formula})")
    print(f"\nwrote {write_stats_json(stats, reports_dir / 'stats.json', readability)}")


def write_stats_json(
    stats: list[LanguageStats], path: Path, readability: Sequence[Readability] = ()
) -> Path:
    payload = {
        "languages": [
            {**asdict(s), "draft": s.draft, "total": s.total, "percent": s.percent} for s in stats
        ],
        "readability": [asdict(figure) for figure in readability],
    }
    write_json(path, payload)
    return path
