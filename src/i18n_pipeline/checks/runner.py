"""Run every registered check over PO files and collect the findings."""

from __future__ import annotations

from pathlib import Path

import polib

# Importing the check modules registers their checks.
from i18n_pipeline.checks import entry_checks  # noqa: F401
from i18n_pipeline.checks.catalog_checks import check_gettext_validity
from i18n_pipeline.checks.glossary import load_glossary
from i18n_pipeline.checks.model import Context, Entry, Finding, Problem, Severity
from i18n_pipeline.checks.registry import ENTRY_CHECKS
from i18n_pipeline.checks.waivers import waived_checks
from i18n_pipeline.fingerprint import files_digest
from i18n_pipeline.languages import Language, translations
from i18n_pipeline.project import Project
from i18n_pipeline.result_cache import ResultCache


def check_po_file(path: Path, language: Language, glossary: tuple[str, ...] = ()) -> list[Finding]:
    """All findings for one PO file; entry checks run only on a file gettext can read."""
    findings = list(check_gettext_validity(path, language))
    if any(f.check == "gettext-syntax" for f in findings):
        return findings
    context = Context(path=path, language=language, glossary=glossary)
    lines = path.read_text(encoding="utf-8").splitlines()
    for po_entry in polib.pofile(str(path)):
        if po_entry.obsolete or po_entry.fuzzy or not po_entry.msgstr or not po_entry.msgid:
            continue  # Sphinx shows only translated, non-fuzzy entries
        entry = Entry(
            po_entry.msgid,
            po_entry.msgstr,
            _msgid_line(lines, po_entry.linenum),
            tuple(po_entry.flags),
            po_entry.tcomment or "",
        )
        waived, without_reason = waived_checks(entry.translator_comment)
        for check_id in without_reason:
            findings.append(
                Finding(
                    path,
                    entry.line,
                    "waiver-reason",
                    Severity.WARNING,
                    f"the waiver of {check_id!r} gives no reason",
                    "add the reason after ' -- ' so a reviewer can judge it",
                    entry.msgid,
                )
            )
        for check in ENTRY_CHECKS.values():
            if check.id in waived:
                continue
            try:
                results = list(check.function(entry, context))
            except Problem as problem:
                results = [(problem.message, problem.hint)]
            findings.extend(
                Finding(path, entry.line, check.id, check.severity, message, hint, entry.msgid)
                for message, hint in results
            )
    return findings


def _msgid_line(lines: list[str], entry_start: int) -> int:
    """polib numbers an entry from its first comment; editors jump to its msgid line."""
    for number in range(entry_start, len(lines) + 1):
        if lines[number - 1].startswith(("msgid ", "msgctxt ")):
            return number
    return entry_start


def check_catalogs(
    project: Project, languages: list[Language] | None = None, *, fresh: bool = False
) -> list[Finding]:
    """Every PO file of every (or the given) language; unchanged files from the cache."""
    glossary = load_glossary(project.glossary_file)
    cache = ResultCache(project.cache_dir / "checks", _checks_digest(glossary))
    findings: list[Finding] = []
    for language in languages or translations():
        for path in project.po_files(language.code):
            key = cache.key(language.code, str(path), path.read_bytes())
            found = None if fresh else cache.load(key, Finding.from_json)
            if found is None:
                found = check_po_file(path, language, glossary)
                cache.store(key, (finding.as_json() for finding in found))
            findings.extend(found)
    return findings


def _checks_digest(glossary: tuple[str, ...]) -> str:
    """What findings depend on besides the PO file: the checks' code and the glossary."""
    package = Path(__file__).parent.parent
    code = [*Path(__file__).parent.glob("*.py"), package / "languages.py"]
    return files_digest(package, [*code, package / "sphinxext" / "roles.py"], *glossary)
