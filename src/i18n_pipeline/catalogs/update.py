"""The merge (`tox -e update`, after extraction): bring every language's PO files up to date with
the POT templates.

The merge is GNU ``msgmerge --previous``'s (:mod:`i18n_pipeline.catalogs.msgmerge`): a msgid
whose German changed keeps its translation as *fuzzy* with the previous msgid beside
it (``#| msgid``), an entry whose German disappeared is kept as obsolete (``#~``). A
translation is never dropped. The file keeps its own bytes wherever the merge changed
nothing (:mod:`i18n_pipeline.catalogs.splice`), so the translator's diff shows what the German
change did, whichever editor saved the file last.

Every file is read with the one strict reader (:mod:`i18n_pipeline.catalogs.catalog`): one that
does not read cleanly stops the update before anything is written, so it is never
"repaired" into something the translator did not write; and what the update would
write is read the same way first, so it never writes a file that reader refuses.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from i18n_pipeline.catalogs.catalog import CatalogFile, parse_catalog, read_catalog
from i18n_pipeline.catalogs.msgmerge import msgmerge
from i18n_pipeline.catalogs.splice import same_entries, splice
from i18n_pipeline.config.languages import Language
from i18n_pipeline.errors import CatalogSyntaxError
from i18n_pipeline.io import write_atomically
from i18n_pipeline.project import Project

DRAFT_NOTICE = (
    "UNREVIEWED DRAFT: drafted by the project team, not yet reviewed\n"
    "by a native speaker. The German text is authoritative."
)


@dataclass(frozen=True)
class CatalogUpdate:
    """What happened to one PO file."""

    po_file: Path
    status: Literal["created", "updated", "unchanged"]
    added: int = 0
    removed: int = 0


def update_catalogs(
    project: Project, languages: list[Language] | None = None
) -> list[CatalogUpdate]:
    """Merge every POT template into every language's PO file.

    Every existing PO file is read first, and every merge is made and read back, before
    any file is written: a file that does not read cleanly, or a merge that would not,
    stops the update with file and line and leaves every file as it was.
    """
    templates = sorted(project.pot_dir.glob("*.pot"))
    plan = []
    for lang in languages or project.config.translations:
        for pot in templates:
            po_file = project.po_file(lang.code, pot.stem)
            current = read_catalog(po_file, lang.code) if po_file.exists() else None
            plan.append((pot, po_file, lang, current))
    merges = [merge_catalog(pot, po_file, lang, current) for pot, po_file, lang, current in plan]
    for result, data in merges:
        if data is not None:
            write_atomically(result.po_file, data)
    return [result for result, _ in merges]


def merge_catalog(
    pot_file: Path, po_file: Path, lang: Language, current: CatalogFile | None
) -> tuple[CatalogUpdate, bytes | None]:
    """What one PO file becomes, and the bytes to write (None: leave it as it is).

    A new file is the merge into a file that has only its header.
    """
    base = current or _readable(po_file, new_header(pot_file, lang), lang)
    merged = _readable(po_file, msgmerge(base.data, pot_file), lang)
    data = splice(base, merged)
    if data == base.data and current is not None:
        return CatalogUpdate(po_file, "unchanged"), None
    updated = _readable(po_file, data, lang)
    if not same_entries(updated, merged):  # a bug of ours: an internal error, exit 70
        raise AssertionError(f"{po_file}: the spliced file does not read as msgmerge's merge")
    after = {m.msgid for m in updated.live}
    if current is None:
        return CatalogUpdate(po_file, "created", added=len(after)), data
    before = {m.msgid for m in current.live}
    added, removed = len(after - before), len(before - after)
    return CatalogUpdate(po_file, "updated", added=added, removed=removed), data


def _readable(po_file: Path, data: bytes, lang: Language) -> CatalogFile:
    """``data`` as the reader reads it; what it refuses is never written."""
    try:
        return parse_catalog(po_file, data, lang.code)
    except CatalogSyntaxError as error:
        where = f" at line {error.line} of the merged file" if error.line else ""
        raise CatalogSyntaxError(
            f"the merge would write a file that does not read cleanly: {error.message}{where}",
            path=po_file,
            hint="nothing was written; report this with the PO file and the German text "
            "that changed",
        ) from None


def new_header(pot_file: Path, lang: Language) -> bytes:
    """The header of a new PO file for ``lang``; msgmerge adds the template's entries."""
    with pot_file.open("rb") as handle:
        template = read_po(handle)
    out = io.BytesIO()
    write_po(out, new_catalog(template, lang), width=0)  # one line a field, as editors show it
    return out.getvalue()


def new_catalog(template: Catalog, lang: Language) -> Catalog:
    """An empty PO file for ``lang`` with headers Poedit, Weblate and msgfmt accept."""
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
        + "\n".join(f"# {line}" for line in DRAFT_NOTICE.splitlines()),
    )
    catalog.mime_headers = [*catalog.mime_headers, ("Plural-Forms", lang.plural_forms)]
    return catalog
