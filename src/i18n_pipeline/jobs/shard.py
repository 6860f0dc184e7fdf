"""A shard: one language checked, built and audited on its own machine, ready to assemble.

A CI matrix builds every language in a job of its own (``i18n-pipeline shard``);
one job then assembles the shards into the site (``i18n-pipeline assemble``). A
shard describes itself in ``shard.json``: its language and the digests of the
inputs it was built from, the same digests the local build cache is keyed by.
The assembly refuses a set of shards that is incomplete, has a language twice,
or was built from other inputs than the checkout it publishes from, so a stale
page can never be published beside fresh ones.

Layout of a shard directory::

    shard.json              language, input digests, what was done and how long it took
    site/<code>/            the language's pages and PDF
    reports/                checks.json, stats.json, audit.json, audit.html of the language
    audit-results/<key>.json  the audit's results per page, under the audit cache's keys
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from i18n_pipeline.config.site_config import SiteConfig
from i18n_pipeline.errors import ShardError
from i18n_pipeline.findings import Finding, Severity
from i18n_pipeline.io import read_json, write_json

MANIFEST = "shard.json"
#: Changes when the layout or a report's shape does: another is refused, not misread.
FORMAT = "i18n-pipeline shard 2"  # 2: checks.json and audit results hold Findings
#: The audit cache's file names: a SHA-256 key, nothing that could name another place.
_RESULT_FILE = re.compile(r"[0-9a-f]{64}\.json")


@dataclass(frozen=True)
class ShardManifest:
    """What ``shard.json`` says about the shard."""

    language: str
    shared_inputs: str  # fingerprint.shared_inputs_digest: sources, conf.py, theme, code, tools
    inputs: str  # fingerprint.language_digest: the above and the language's own catalogs
    build: Literal["built", "reused"]  # "reused": from an earlier build of the same inputs
    seconds: dict[str, float]  # check, build, output check, audit, total


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

    def findings(self) -> list[Finding]:
        """The language's check findings, as its job wrote them to ``checks.json``."""
        report = self.reports / "checks.json"
        data = _load_json(report, "its checks report")
        try:
            return [Finding.from_json(item) for item in data["findings"]]
        except (KeyError, TypeError, ValueError) as error:
            raise ShardError(
                f"the checks report of the {self.language!r} shard cannot be read: {error!r}",
                path=report,
                hint="rebuild the shard with 'i18n-pipeline shard'",
            ) from error


def write_manifest(directory: Path, manifest: ShardManifest) -> Path:
    path = directory / MANIFEST
    payload = {"format": FORMAT, **asdict(manifest)}
    write_json(path, payload, sort_keys=True)
    return path


def read_shard(directory: Path, site: SiteConfig) -> Shard:
    """The shard in ``directory`` of a language of ``site``; an error naming the file if it
    is not a whole shard."""
    path = directory / MANIFEST
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
    for shard in shards:
        errors = [f for f in shard.findings() if f.severity is Severity.ERROR]
        if errors:
            raise ShardError(
                f"the {shard.language!r} shard's checks found {len(errors)} error(s), "
                f"the first: {errors[0].as_text()}",
                path=shard.reports / "checks.json",
                hint="fix the translation and rebuild the shard",
            )


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
    assembled site checks only what the shards did not (start page, status pages) and
    re-checks any page whose result was decided by other tools or other bytes."""
    results_dir.mkdir(parents=True, exist_ok=True)
    copied = 0
    for source in sorted(shard.audit_results.glob("*.json")):
        if _RESULT_FILE.fullmatch(source.name) and source.is_file() and not source.is_symlink():
            shutil.copyfile(source, results_dir / source.name)
            copied += 1
    return copied


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
