"""Stage 2: bring every language's PO files up to date with the POT templates.

The merge is sphinx-intl's (Babel's ``Catalog.update``): a msgid whose source text
changed keeps its translation as *fuzzy* with the previous msgid written beside
it (``#| msgid``), and an entry whose source disappeared is kept as obsolete
(``#~``). A translation is never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from sphinx_intl import catalog as sphinx_intl_catalog

from i18n_pipeline.catalog_io import (
    previous_msgids,
    read_catalog,
    render_catalog,
    write_atomically,
)
from i18n_pipeline.languages import Language, translations
from i18n_pipeline.project import Project

DRAFT_NOTICE = (
    "UNREVIEWED DRAFT: drafted by the project team, not yet reviewed\n"
    "by a native speaker. The German text is authoritative."
)


@dataclass(frozen=True)
class CatalogUpdate:
    """What happened to one PO file."""

    po_file: Path
    status: str  # "created", "updated" or "unchanged"
    added: int = 0
    removed: int = 0


def update_catalogs(
    project: Project, languages: list[Language] | None = None
) -> list[CatalogUpdate]:
    """Merge every POT template into every language's PO file."""
    templates = sorted(project.pot_dir.glob("*.pot"))
    results = []
    for lang in languages or translations():
        for pot in templates:
            po_file = project.locale_dir / lang.code / "LC_MESSAGES" / f"{pot.stem}.po"
            results.append(update_catalog(pot, po_file, lang))
    return results


def update_catalog(pot_file: Path, po_file: Path, lang: Language) -> CatalogUpdate:
    """Create or merge one PO file; untouched on disk when no msgid changed."""
    template = read_catalog(pot_file)
    if not po_file.exists():
        catalog = new_catalog(template, lang)
        write_atomically(po_file, render_catalog(catalog))
        return CatalogUpdate(po_file, "created", added=len([m for m in catalog if m.id]))

    catalog = read_catalog(po_file, locale=lang.code)
    earlier_previous = previous_msgids(po_file)
    before = {m.id for m in catalog if m.id}
    sphinx_intl_catalog.update_with_fuzzy(catalog, template)
    for message in catalog:
        # Still fuzzy from an earlier update: keep the msgid the translation was for.
        if message.fuzzy and not message.previous_id and message.id in earlier_previous:
            message.previous_id = [earlier_previous[message.id]]
    after = {m.id for m in catalog if m.id}
    if before == after:
        return CatalogUpdate(po_file, "unchanged")
    write_atomically(po_file, render_catalog(catalog))
    return CatalogUpdate(po_file, "updated", added=len(after - before), removed=len(before - after))


def new_catalog(template: Catalog, lang: Language) -> Catalog:
    """A PO file for ``lang`` with headers Poedit, Weblate and msgfmt accept."""
    catalog = Catalog(
        locale=lang.code,
        domain=template.domain,
        project=template.project,
        version=template.version,
        msgid_bugs_address=template.msgid_bugs_address,
        creation_date=template.creation_date,
        revision_date=template.creation_date,
        language_team=f"{lang.english_name} <LL@li.org>",
        charset="utf-8",
        fuzzy=False,
        last_translator="Project team (unreviewed draft) <LL@li.org>",
        header_comment=f"# {lang.english_name} translation of\n# {template.project}.\n"
        + "".join(f"# {line}\n" for line in DRAFT_NOTICE.splitlines()),
    )
    catalog.mime_headers = [*catalog.mime_headers, ("Plural-Forms", lang.plural_forms)]
    for message in template:
        if message.id:
            catalog[message.id] = message
    return catalog
