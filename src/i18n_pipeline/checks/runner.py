"""Run every registered check over the snapshot's PO files and collect the findings."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from importlib.metadata import version
from itertools import repeat
from pathlib import Path

from i18n_pipeline.cache.fingerprint import files_digest
from i18n_pipeline.cache.results import ResultCache

# Importing the check modules registers their checks.
from i18n_pipeline.catalogs.catalog import CatalogFile, read_catalog
from i18n_pipeline.catalogs.glossary import load_glossary
from i18n_pipeline.catalogs.snapshot import Snapshot, take_snapshot
from i18n_pipeline.catalogs.termbase import TermBase, read_termbase
from i18n_pipeline.checks import (  # noqa: F401
    characters,
    dates,
    entry_checks,
    limits,
    links,
    numbers,
    proportions,
    term_base,
    text_language,
    typography,
)
from i18n_pipeline.checks.catalog_checks import check_headers
from i18n_pipeline.checks.easy_read import check_easy_read
from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.registry import ENTRY_CHECKS
from i18n_pipeline.checks.term_base import check_term_base_coverage
from i18n_pipeline.checks.waivers import waived_checks
from i18n_pipeline.config.languages import Language
from i18n_pipeline.config.site_config import easy_read_source
from i18n_pipeline.errors import CatalogSyntaxError
from i18n_pipeline.findings import Finding, Severity
from i18n_pipeline.io import refuse_unsafe_tree
from i18n_pipeline.project import Project

#: Libraries whose checks (or locale data) decide findings: a new version may decide
#: differently, so cached findings of an older one are not reused.
CHECK_LIBRARIES = (
    "translate-toolkit",
    "babel",
    "docutils",
    "langcodes",
    "regex",
    "confusables",
    "pysbd",
    "lingua-language-detector",
    "py3langid",
)


def check_po_file(
    path: Path,
    lang: Language,
    glossary: tuple[str, ...] = (),
    termbase: TermBase | None = None,
    source: Language | None = None,
) -> list[Finding]:
    """All findings for one PO file on disk (read strictly, once)."""
    try:
        catalog = read_catalog(path, lang.code)
    except CatalogSyntaxError as error:
        return [syntax_finding(error)]
    return check_catalog(catalog, lang, glossary, termbase, source)


def project_termbase(project: Project) -> TermBase:
    """The project's term base; its terms in the source language are what msgids name."""
    source = project.config.source_language
    path = project.termbase_file
    return read_termbase(path, source) if path is not None else TermBase(source_language=source)


def syntax_finding(error: CatalogSyntaxError) -> Finding:
    return Finding(
        path=error.path or Path("?"),
        line=error.line or 1,
        rule="gettext-syntax",
        severity=Severity.ERROR,
        message=error.message,
        fix=error.hint,
    )


class EntryMemo:
    """The findings of each entry of one PO file as it was last checked, by what decides
    them (the msgid, the msgstr and the translator's waivers): a file with one entry
    edited has that entry checked, not the file. The findings are kept without their
    place, which an edit above them moves."""

    def __init__(self, earlier: Mapping[str, list[dict[str, object]]] | None = None) -> None:
        self.earlier = earlier or {}
        self.now: dict[str, list[dict[str, object]]] = {}

    def findings(self, entry: Entry, context: Context, waived: dict[str, str]) -> list[Finding]:
        key = json.dumps([entry.msgid, entry.msgstr, sorted(waived.items())])
        kept = self.earlier.get(key)
        if kept is None:
            kept = [
                {"rule": f.rule, "severity": str(f.severity), "message": f.message, "fix": f.fix}
                for f in _entry_findings(entry, context, waived)
            ]
        self.now[key] = kept
        return [
            Finding(
                path=context.path,
                line=entry.line,
                rule=str(item["rule"]),
                severity=Severity(str(item["severity"])),
                message=str(item["message"]),
                fix=str(item["fix"]),
                subject=entry.msgid,
            )
            for item in kept
        ]


def check_catalog(
    catalog: CatalogFile,
    lang: Language,
    glossary: tuple[str, ...] = (),
    termbase: TermBase | None = None,
    source: Language | None = None,
    memo: EntryMemo | None = None,
) -> list[Finding]:
    """Header checks, then every entry check on every entry Sphinx would show; ``source``
    is the language the msgids are in (the project's source language). With a ``memo``,
    an entry it has keeps its findings."""
    memo = memo or EntryMemo()
    path = catalog.path
    findings = list(check_headers(catalog, lang))
    context = Context(
        path=path,
        language=lang,
        glossary=glossary,
        termbase=termbase or TermBase(),
    )
    if source is not None:
        context = replace(context, source=source)
    for message in catalog.live:
        if message.fuzzy or not message.msgstr:
            continue  # Sphinx shows only translated, non-fuzzy entries
        waived, without_reason = waived_checks(message.translator_comment)
        for check_id in without_reason:
            findings.append(
                Finding(
                    path=path,
                    line=message.line,
                    rule="waiver-reason",
                    severity=Severity.WARNING,
                    message=f"the waiver of {check_id!r} gives no reason",
                    fix="add the reason after ' -- ' so a reviewer can judge it",
                    subject=message.msgid,
                )
            )
        for msgstr in message.strings:
            entry = Entry(message.msgid, msgstr, message.line, message.flags)
            findings += memo.findings(entry, context, waived)
    return findings


def _entry_findings(entry: Entry, context: Context, waived: dict[str, str]) -> list[Finding]:
    """The gates (the length limit) first; an entry one of them refuses goes no further."""
    findings: list[Finding] = []
    for check in sorted(ENTRY_CHECKS.values(), key=lambda check: not check.gate):
        if not check.gate and any(_refuses(finding) for finding in findings):
            break
        results = list(check.function(entry, context))
        if check.id in waived and not check.waivable:
            findings.append(
                Finding(
                    path=context.path,
                    line=entry.line,
                    rule="waiver-refused",
                    severity=Severity.ERROR,
                    message=f"the check {check.id!r} guards the page's safety or meaning and "
                    "cannot be waived by a translator",
                    fix="remove the '# check: ignore' comment and fix the translation instead",
                    subject=entry.msgid,
                )
            )
        elif check.id in waived:
            findings.extend(
                Finding(
                    path=context.path,
                    line=entry.line,
                    rule=check.id,
                    severity=Severity.WAIVED,
                    message=f"{message} (waived: {waived[check.id] or 'no reason given'})",
                    fix=hint,
                    subject=entry.msgid,
                )
                for message, hint in results
            )
            continue
        findings.extend(
            Finding(
                path=context.path,
                line=entry.line,
                rule=check.id,
                severity=check.severity,
                message=message,
                fix=hint,
                subject=entry.msgid,
            )
            for message, hint in results
        )
    return findings


def _refuses(finding: Finding) -> bool:
    """A gate's error: the entry is not read further."""
    check = ENTRY_CHECKS.get(finding.rule)
    return check is not None and check.gate and finding.severity is Severity.ERROR


def check_snapshot(project: Project, snapshot: Snapshot, *, fresh: bool = False) -> list[Finding]:
    """Every catalog of the snapshot; findings of unchanged bytes come from the cache.
    Each language of the snapshot must have its renderings in the term base."""
    glossary = load_glossary(project.glossary_file)
    records = project.config.plural_forms
    termbase = project_termbase(project)
    cache = ResultCache(project.cache_dir / "checks", _checks_digest(glossary, records, termbase))
    findings = [syntax_finding(problem) for problem in snapshot.problems]
    findings += check_term_base_coverage(termbase, map(project.config.language, snapshot.catalogs))
    source = project.config.language(project.config.source_language)
    keys: list[str] = []  # in the snapshot's order
    by_key: dict[str, list[Finding]] = {}
    to_check: list[tuple[str, str, CatalogFile, Language]] = []
    for code, catalogs in snapshot.catalogs.items():
        lang = project.config.language(code)
        for catalog in catalogs:
            key = cache.key(code, str(catalog.path), catalog.data)
            keys.append(key)
            found = None if fresh else cache.load(key, Finding.from_json)
            if found is None:
                to_check.append((key, cache.key("entries", code, str(catalog.path)), catalog, lang))
            else:
                by_key[key] = found
    jobs = [
        CatalogJob(catalog, lang, EntryMemo(None if fresh else _load_memo(cache, memo_key)))
        for _, memo_key, catalog, lang in to_check
    ]
    checked = _check_catalogs(jobs, glossary, termbase, source)
    for (key, memo_key, _, _), (found, memo) in zip(to_check, checked, strict=True):
        cache.store(key, (finding.as_json() for finding in found))
        cache.store(memo_key, [dict[str, object](memo)])
        by_key[key] = found
    for key in keys:
        findings += by_key[key]
    return findings


@dataclass(frozen=True)
class CatalogJob:
    """One PO file to check, with the findings of its entries as last checked."""

    catalog: CatalogFile
    lang: Language
    memo: EntryMemo


def _load_memo(cache: ResultCache, key: str) -> dict[str, list[dict[str, object]]] | None:
    stored = cache.load(key, dict)
    return stored[0] if stored else None


def _check_job(
    job: CatalogJob, glossary: tuple[str, ...], termbase: TermBase, source: Language
) -> tuple[list[Finding], dict[str, list[dict[str, object]]]]:
    found = check_catalog(job.catalog, job.lang, glossary, termbase, source, job.memo)
    return found, job.memo.now


def _check_catalogs(
    jobs: list[CatalogJob],
    glossary: tuple[str, ...],
    termbase: TermBase,
    source: Language,
) -> list[tuple[list[Finding], dict[str, list[dict[str, object]]]]]:
    """Each catalog's findings, and its entries' findings to keep, in order. More than one
    (a cold run: every language) are checked a process per core: the checks are Python
    (docutils, pysbd), one core each."""
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers < 2:
        return [_check_job(job, glossary, termbase, source) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_check_job, jobs, repeat(glossary), repeat(termbase), repeat(source)))


#: Libraries whose analysis decides the Leichte Sprache page's findings.
EASY_READ_LIBRARIES = ("docutils", "hanta")


def check_easy_read_page(project: Project, *, fresh: bool = False) -> list[Finding]:
    """The Leichte Sprache page against its rules (it is German source, not a PO file);
    the findings of unchanged bytes come from the cache, as a PO file's do."""
    refuse_unsafe_tree(project.source_dir, project.root)  # also when it is checked alone
    if not project.config.easy_read:
        return []
    path = project.source_dir / easy_read_source(project.config.easy_read)
    if not path.is_file():
        return []
    glossary = load_glossary(project.glossary_file)
    package = Path(__file__).parent.parent
    code = [*checks_code(), *sorted((Path(__file__).parent / "easy_read_data").rglob("*"))]
    libraries = [f"{name} {version(name)}" for name in EASY_READ_LIBRARIES]
    cache = ResultCache(
        project.cache_dir / "easy-read", files_digest(package, code, *libraries, *glossary)
    )
    key = cache.key(str(path.relative_to(project.root)), path.read_bytes())
    found = None if fresh else cache.load(key, Finding.from_json)
    if found is None:
        found = check_easy_read(path, frozenset(glossary))
        cache.store(key, (finding.as_json() for finding in found))
    return found


def check_catalogs(
    project: Project, languages: list[Language] | None = None, *, fresh: bool = False
) -> list[Finding]:
    """Read every PO file of every (or the given) language once, and check it."""
    snapshot = take_snapshot(project, languages or project.config.translations)
    return check_snapshot(project, snapshot, fresh=fresh)


def checks_code() -> list[Path]:
    """The code and data the findings come from, besides the libraries: every module of
    ``checks/``, its data files, and the modules of other stages that the checks read
    with (a moved module must be named here again: a missing one would no longer be
    hashed, and findings of the old code would be reused)."""
    here = Path(__file__).parent
    package = here.parent
    return [
        *here.glob("*.py"),
        here / "length_ratios.json",
        here / "cldr_quotes.json",
        here / "serbian_forms.toml",
        package / "audit" / "identify.py",
        package / "config" / "languages.py",
        package / "catalogs" / "catalog.py",
        package / "catalogs" / "glossary.py",
        package / "catalogs" / "termbase.py",
        package / "text" / "bidi.py",
        package / "text" / "skeleton.py",
        package / "sphinxext" / "roles.py",
        package / "findings.py",
    ]


def _checks_digest(
    glossary: tuple[str, ...], records: Mapping[str, str], termbase: TermBase
) -> str:
    """What findings depend on besides the PO file: the checks' code, the glossary, the
    plural records of conf.py, the term base, and the libraries whose checks and data
    they use."""
    package = Path(__file__).parent.parent
    libraries = [f"{name} {version(name)}" for name in CHECK_LIBRARIES]
    plural_records = [f"{code}: {record}" for code, record in records.items()]
    return files_digest(
        package, checks_code(), *libraries, *glossary, *plural_records, termbase.digest
    )
