"""The merge (`tox -e update`, after extraction): bring every language's PO files up to date with
the POT templates.

The merge is sphinx-intl's (Babel's ``Catalog.update``): a msgid whose source text
changed keeps its translation as *fuzzy* with the previous msgid written beside
it (``#| msgid``), and an entry whose source disappeared is kept as obsolete
(``#~``). A translation is never dropped, and a PO file that does not read
cleanly (:mod:`i18n_pipeline.catalog`) stops the update before anything is
written, so it is never "repaired" into something the translator did not write.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from sphinx_intl import catalog as sphinx_intl_catalog

from i18n_pipeline.catalog import CatalogFile, read_catalog
from i18n_pipeline.catalog_io import render_catalog
from i18n_pipeline.io import write_atomically
from i18n_pipeline.languages import Language
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
    """Merge every POT template into every language's PO file.

    Every existing PO file is read first: one that does not parse stops the
    update with file and line before any file is written.
    """
    templates = sorted(project.pot_dir.glob("*.pot"))
    plan = []
    for lang in languages or project.config.translations:
        for pot in templates:
            po_file = project.po_file(lang.code, pot.stem)
            current = read_catalog(po_file, lang.code) if po_file.exists() else None
            plan.append((pot, po_file, lang, current))
    return [update_catalog(pot, po_file, lang, current) for pot, po_file, lang, current in plan]


def update_catalog(
    pot_file: Path, po_file: Path, lang: Language, current: CatalogFile | None
) -> CatalogUpdate:
    """Create or merge one PO file; untouched on disk when no msgid changed."""
    with pot_file.open("rb") as handle:
        template = read_po(handle)
    if current is None:
        catalog = new_catalog(template, lang)
        write_atomically(po_file, render_catalog(catalog))
        return CatalogUpdate(po_file, "created", added=len([m for m in catalog if m.id]))

    catalog = current.babel_catalog()
    previous = {m.msgid: m.previous_msgid for m in current.messages if m.previous_msgid}
    before = {m.id for m in catalog if m.id}
    sphinx_intl_catalog.update_with_fuzzy(catalog, template)
    for message in [*catalog, *catalog.obsolete.values()]:
        # Babel reads ``#|`` lines as translator comments; they are previous msgids.
        message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
        # Still fuzzy from an earlier update: keep the msgid the translation was for.
        if message.fuzzy and not message.previous_id and message.id in previous:
            message.previous_id = [previous[message.id]]
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
