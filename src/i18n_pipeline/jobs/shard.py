"""A shard: one language checked, built and audited on its own machine, ready to assemble.

A CI matrix builds every language in a job of its own (``i18n-pipeline shard``);
one job then assembles the shards into the site (``i18n-pipeline assemble``). A
shard describes itself in ``shard.json``: its language, the digests of the inputs
it was built from (the same digests the local build cache is keyed by) and every
file it holds with its SHA-256.

A shard is untrusted input to the assembly. The assembly refuses a set of shards
that is incomplete, has a language twice, or was built from other inputs than the
checkout it publishes from, so a stale page can never be published beside fresh
ones. It never follows a link and never opens anything but a regular file: a link,
a device or a FIFO in a shard is refused without being read. It takes only the
files the manifest lists, copied through their hash, and only pages of the site's
own documents. What a shard job can still forge is said in docs/operators.md.

Layout of a shard directory::

    shard.json              language, input digests, what was done and how long it took
    site/<code>/            the language's pages and PDF
    reports/                checks.json, stats.json, audit.json, audit.html of the language
    audit-results/<key>.json  the audit's results per page, under the audit cache's keys
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from i18n_pipeline.config.site_config import SiteConfig
from i18n_pipeline.errors import ShardError
from i18n_pipeline.io import read_input, read_json, write_atomically, write_json

MANIFEST = "shard.json"
#: Changes when the layout or a result's shape does: another is refused, not misread.
FORMAT = "i18n-pipeline shard 3"  # 3: its audit results hold Findings (rule, path, severity)
#: The audit cache's file names: a SHA-256 key, nothing that could name another place.
_RESULT_FILE = re.compile(r"[0-9a-f]{64}\.json")
_SHA256 = re.compile(r"[0-9a-f]{64}")
#: The largest file a shard may hold (a page, a PDF, an audit result): every read is bounded.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Folders of a language's pages that hold no page: the theme's files, and the files Sphinx
#: copies from ``source/`` (the output check judges those against the source).
SUPPORT_DIRS = ("_static/", "_images/", "_downloads/")


@dataclass(frozen=True)
class ShardManifest:
    """What ``shard.json`` says about the shard."""

    language: str
    shared_inputs: str  # fingerprint.shared_inputs_digest: sources, conf.py, theme, code, tools
    inputs: str  # fingerprint.language_digest: the above and the language's own catalogs
    build: Literal["built", "reused"]  # "reused": from an earlier build of the same inputs
    seconds: dict[str, float]  # check, build, output check, audit, total
    files: dict[str, str]  # every file of the shard but shard.json: relative path → SHA-256


@dataclass(frozen=True)
class Shard:
    path: Path
    manifest: ShardManifest

    @property
    def language(self) -> str:
        return self.manifest.language

    @property
    def pages(self) -> Path:
        return self.path / "site" / self.language

    @property
    def reports(self) -> Path:
        return self.path / "reports"

    @property
    def audit_results(self) -> Path:
        return self.path / "audit-results"


def file_digests(directory: Path) -> dict[str, str]:
    """Every file below ``directory`` with its SHA-256, for the manifest (the shard job's
    own output: a link or a special file in it is refused all the same)."""
    return {
        relative: hashlib.sha256(read_input(directory / relative, limit=MAX_FILE_BYTES)).hexdigest()
        for relative in _regular_files(directory)
        if relative != MANIFEST
    }


def write_manifest(directory: Path, manifest: ShardManifest) -> Path:
    path = directory / MANIFEST
    payload = {"format": FORMAT, **asdict(manifest)}
    write_json(path, payload, sort_keys=True)
    return path


def read_shard(directory: Path, site: SiteConfig, documents: frozenset[str]) -> Shard:
    """The shard in ``directory`` of a language of ``site`` whose source has ``documents``
    (docnames); an error naming the file if it is not a whole shard, holds a link or a
    special file, a file its manifest does not list, or a page of no document."""
    path = directory / MANIFEST
    if not stat.S_ISDIR(os.lstat(directory).st_mode):
        raise ShardError(
            f"{directory} is not a shard directory (a link or a file): refused without reading it",
            path=directory,
            hint="pass the directory 'i18n-pipeline shard --out DIR' wrote",
        )
    if not path.is_file():
        raise ShardError(
            f"{directory} is not a shard: it has no {MANIFEST}",
            path=path,
            hint="pass the directories 'i18n-pipeline shard --out DIR' wrote; a shard whose "
            "checks or audit failed has none and cannot be assembled",
        )
    data = _load_json(path, "its manifest")
    if data.get("format") != FORMAT:
        raise ShardError(
            f"{path} is not a shard of this version (format {data.get('format')!r}, "
            f"expected {FORMAT!r})",
            path=path,
            hint="rebuild the shard with this version of the pipeline",
        )
    try:
        if data["build"] not in ("built", "reused"):
            raise ValueError(f"build is {data['build']!r}, not 'built' or 'reused'")
        manifest = ShardManifest(
            language=str(data["language"]),
            shared_inputs=str(data["shared_inputs"]),
            inputs=str(data["inputs"]),
            build=data["build"],
            seconds={str(k): float(v) for k, v in dict(data["seconds"]).items()},
            files={str(k): str(v) for k, v in dict(data["files"]).items()},
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ShardError(
            f"{path} lacks or garbles {error}", path=path, hint="rebuild the shard"
        ) from error
    if manifest.language not in site.codes:
        raise ShardError(
            f"{path} is a shard of {manifest.language!r}, not one of the site's languages "
            f"({', '.join(site.codes)})",
            path=path,
            hint="build shards only for the languages of site_languages in conf.py",
        )
    shard = Shard(directory, manifest)
    _check_listing(shard, path)
    _check_pages(shard, site, documents)
    start = shard.pages / f"{site.root_doc}.html"
    if not start.is_file():
        raise ShardError(
            f"the {manifest.language!r} shard has no pages",
            path=start,
            hint="pass the shard directory as its job wrote it, with site/ inside",
        )
    return shard


def verify_shards(shards: list[Shard], shared_inputs: str, expected: dict[str, str]) -> None:
    """Every language exactly once, all built from the inputs of this checkout.

    ``expected`` is each language's input digest here; ``shared_inputs`` the digest
    of what all languages share. Stops at the first problem, naming the shard.
    """
    seen: dict[str, Shard] = {}
    for shard in shards:
        if shard.language in seen:
            raise ShardError(
                f"the language {shard.language!r} is in two shards: {seen[shard.language].path} "
                f"and {shard.path}",
                path=shard.path / MANIFEST,
                hint="pass one shard per language",
            )
        seen[shard.language] = shard
    missing = [code for code in expected if code not in seen]
    if missing:
        raise ShardError(
            f"no shard for {', '.join(missing)}: the site needs every language "
            f"({len(expected)}), {len(seen)} shard(s) given",
            hint="build the missing ones with 'i18n-pipeline shard --language CODE --out DIR' "
            "and pass every shard directory to 'i18n-pipeline assemble'",
        )
    sources = {shard.manifest.shared_inputs for shard in shards}
    if len(sources) > 1:
        groups = {
            digest[:12]: sorted(s.language for s in shards if s.manifest.shared_inputs == digest)
            for digest in sorted(sources)
        }
        raise ShardError(
            "the shards were built from different sources, configuration or code: "
            + "; ".join(f"{', '.join(codes)} from {digest}…" for digest, codes in groups.items()),
            hint="build every shard from the same commit (one pipeline), then assemble",
        )
    for shard in shards:
        if shard.manifest.shared_inputs != shared_inputs:
            raise ShardError(
                f"the {shard.language!r} shard was built from other sources, configuration or "
                f"code than this checkout (inputs {shard.manifest.shared_inputs[:12]}…, "
                f"here {shared_inputs[:12]}…)",
                path=shard.path / MANIFEST,
                hint="assemble in the checkout of the commit the shards were built from",
            )
        if shard.manifest.inputs != expected[shard.language]:
            raise ShardError(
                f"the {shard.language!r} shard is stale: its translations (PO files or "
                f"reviews) are not those of this checkout (inputs "
                f"{shard.manifest.inputs[:12]}…, here {expected[shard.language][:12]}…)",
                path=shard.path / MANIFEST,
                hint=f"rebuild it: i18n-pipeline shard --language {shard.language} --out DIR",
            )
    _check_support_files(shards)


def export_audit_results(keys: list[str], results_dir: Path, shard: Path) -> int:
    """Copy the audit cache's results of these keys into the shard; how many there were."""
    target = shard / "audit-results"
    target.mkdir(parents=True, exist_ok=True)
    copied = 0
    for key in keys:
        source = results_dir / f"{key}.json"
        if key and source.is_file():
            shutil.copy2(source, target / source.name)
            copied += 1
    return copied


def import_audit_results(shard: Shard, results_dir: Path) -> int:
    """Put a shard's audit results into this machine's audit cache, so the audit of the
    assembled site checks only what the shards did not (start page, status pages).

    A result is kept under the digest of the page's bytes (and of the tools and their
    settings), so it applies only to the very page whose hash the assembly verified;
    any other page, or other bytes, is audited again."""
    results_dir.mkdir(parents=True, exist_ok=True)
    copied = 0
    for relative in sorted(shard.manifest.files):
        folder, _, name = relative.partition("/")
        if folder == "audit-results" and _RESULT_FILE.fullmatch(name):
            copy_verified(shard, relative, results_dir / name)
            copied += 1
    return copied


def copy_pages(shard: Shard, target: Path) -> None:
    """Copy the language's pages into ``target``, every file through its verified hash."""
    prefix = f"site/{shard.language}/"
    for relative in sorted(shard.manifest.files):
        if relative.startswith(prefix):
            copy_verified(shard, relative, target / relative.removeprefix(prefix))


def copy_verified(shard: Shard, relative: str, target: Path) -> None:
    """Copy one listed file of ``shard``: read once (never through a link, bounded),
    hashed, and written only if the hash is the manifest's. What is published is what
    was verified."""
    data = read_input(shard.path / relative, limit=MAX_FILE_BYTES)
    if hashlib.sha256(data).hexdigest() != shard.manifest.files[relative]:
        raise ShardError(
            f"the {shard.language!r} shard's {relative} is not the file its manifest lists "
            "(another SHA-256)",
            path=shard.path / relative,
            hint="rebuild the shard; do not edit its files",
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, data)


def _regular_files(directory: Path) -> list[str]:
    """Every file below ``directory``, as relative POSIX paths; a link or anything that is
    not a regular file or folder is refused, named, and not opened or followed."""
    found = []
    for folder, directories, files in os.walk(directory):
        for name in (*directories, *files):
            path = Path(folder) / name
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode) or not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                kind = "a link" if stat.S_ISLNK(mode) else "not a regular file"
                raise ShardError(
                    f"the shard holds {kind}: refused without reading or following it",
                    path=path,
                    hint="a shard holds regular files only; rebuild it with 'i18n-pipeline shard'",
                )
            if stat.S_ISREG(mode):
                found.append(path.relative_to(directory).as_posix())
    return sorted(found)


def _check_listing(shard: Shard, manifest: Path) -> None:
    """The shard holds exactly the files its manifest lists, each with a SHA-256."""
    listed = shard.manifest.files
    bad = [r for r, digest in listed.items() if not _SHA256.fullmatch(digest)]
    if bad:
        raise ShardError(f"{manifest} lists {bad[0]} without a SHA-256", path=manifest)
    present = set(_regular_files(shard.path)) - {MANIFEST}
    unlisted = sorted(present - set(listed))
    missing = sorted(set(listed) - present)
    if unlisted or missing:
        what = f"holds {unlisted[0]}, which" if unlisted else f"lacks {missing[0]}, which"
        raise ShardError(
            f"the {shard.language!r} shard {what} its manifest "
            + ("does not list" if unlisted else "lists")
            + f" ({len(unlisted)} unlisted, {len(missing)} missing file(s) in all)",
            path=manifest,
            hint="rebuild the shard; do not add, remove or edit its files",
        )
    allowed = (f"site/{shard.language}/", "reports/", "audit-results/")
    outside = sorted(r for r in listed if not r.startswith(allowed))
    if outside:
        raise ShardError(
            f"the {shard.language!r} shard lists {outside[0]}, outside its language's pages, "
            "reports and audit results",
            path=manifest,
            hint="rebuild the shard",
        )


def _check_pages(shard: Shard, site: SiteConfig, documents: frozenset[str]) -> None:
    """Every page of the shard is a document of the source (or its parallel page) and
    every PDF one conf.py names: a page the source lacks is never published."""
    code = shard.language
    pages = {f"{doc}.html" for doc in documents}
    if code != site.source_language:
        pages |= {f"{name}.html" for name in site.parallel_pages.values()}
    pdfs = set(site.pdfs.values())
    prefix = f"site/{code}/"
    for relative in sorted(shard.manifest.files):
        if not relative.startswith(prefix):
            continue
        name = relative.removeprefix(prefix)
        if name.startswith(SUPPORT_DIRS) or name in pages or name in pdfs:
            continue
        raise ShardError(
            f"the {code!r} shard holds {name}, which is no page of the source's documents",
            path=shard.path / relative,
            hint="a shard holds the pages of source/'s documents only; rebuild it",
        )


def _check_support_files(shards: list[Shard]) -> None:
    """The theme's files (``_static/``) are the same in every shard: one language cannot
    bring its own style sheet."""

    def static(shard: Shard) -> dict[str, str]:
        prefix = f"site/{shard.language}/_static/"
        return {
            r.removeprefix(prefix): d
            for r, d in shard.manifest.files.items()
            if r.startswith(prefix)
        }

    first = static(shards[0])
    for shard in shards[1:]:
        files = static(shard)
        if files != first:
            differ = sorted(set(files.items()) ^ set(first.items()))[0][0]
            raise ShardError(
                f"the {shard.language!r} shard's _static/{differ} differs from the "
                f"{shards[0].language!r} shard's: every language has the same theme files",
                path=shard.pages / "_static" / differ,
                hint="rebuild every shard from the same commit",
            )


def _load_json(path: Path, what: str) -> dict[str, Any]:
    try:
        data = read_json(path)
    except FileNotFoundError as error:
        raise ShardError(
            f"the shard has no {path.name} ({what})", path=path, hint="rebuild the shard"
        ) from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        line = getattr(error, "lineno", None)
        raise ShardError(
            f"{path.name} ({what}) is not valid JSON: {error}",
            path=path,
            line=line,
            hint="rebuild the shard; do not edit its files",
        ) from error
    if not isinstance(data, dict):
        raise ShardError(f"{path.name} ({what}) is not a JSON object", path=path)
    return data
