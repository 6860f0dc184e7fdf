"""Whether a Prüfgruppe has checked the Leichte Sprache page: the record, and what it says now.

The Netzwerk Leichte Sprache calls a text Leichte Sprache only after readers from the
target group have checked it: at least 2 Prüferinnen or Prüfer with learning
difficulties ("Das Prüfen", leichte-sprache.org); DIN SPEC 33429 counts that check as
part of the product. No machine can do it, so a person records it, as a translation's
review is recorded (:mod:`review`): ``tox -e pruefgruppe -- --by "Name der Prüfgruppe"
--readers 3`` writes ``reviews/leichte-sprache.json``. Each check is keyed by a digest of
the page's source: an edit after the check no longer matches, and the page is unchecked
again by itself (the page shows its source's line breaks, so any edit counts).

Nothing in the pipeline records a check.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from i18n_pipeline.errors import CatalogSyntaxError, UsageError
from i18n_pipeline.io import read_json, write_json

#: The Netzwerk's rule: "Mindestens 2 Menschen mit Lern-Schwierigkeiten müssen einen Text prüfen."
MIN_READERS = 2


@dataclass(frozen=True)
class Check:
    """One Prüfgruppe's check of one version of the page."""

    by: str  # the Prüfgruppe, as it wants to be named
    date: str  # ISO date
    readers: int  # how many Prüferinnen and Prüfer read it


def source_digest(source: Path) -> str:
    """The page's identity for a check: every byte of its source."""
    return hashlib.sha256(source.read_bytes()).hexdigest()[:32]


def load_checks(path: Path) -> dict[str, Check]:
    """Every recorded check, by the digest of the source it checked (none without a file)."""
    if not path.exists() and not path.is_symlink():
        return {}
    try:
        data = read_json(path)
        return {
            str(key): Check(
                str(value["by"]),
                dt.date.fromisoformat(value["date"]).isoformat(),
                int(value["readers"]),
            )
            for key, value in data["checks"].items()
        }
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise CatalogSyntaxError(
            f"the Prüfgruppe record cannot be read: {error}",
            path=path,
            hint="restore it from the repository; record a check only with 'tox -e pruefgruppe'",
        ) from None


def current_check(record: Path, source: Path) -> Check | None:
    """The check of the page as it is now; None if nobody checked this version."""
    return load_checks(record).get(source_digest(source))


def record_check(record: Path, source: Path, by: str, date: dt.date, readers: int) -> Check:
    """Record that the Prüfgruppe ``by`` checked ``source`` as it is now, on ``date``."""
    if not by.strip():
        raise UsageError(
            "a check needs the Prüfgruppe's name", hint='pass --by "Name der Prüfgruppe"'
        )
    if readers < MIN_READERS:
        raise UsageError(
            f"the Netzwerk Leichte Sprache asks for at least {MIN_READERS} Prüferinnen or Prüfer, "
            f"not {readers}",
            hint="record the check when at least 2 readers from the target group have checked "
            "the page",
        )
    checks = load_checks(record)
    check = Check(by.strip(), date.isoformat(), readers)
    checks[source_digest(source)] = check
    payload = {
        "checks": {
            key: {"by": c.by, "date": c.date, "readers": c.readers}
            for key, c in sorted(checks.items())
        }
    }
    write_json(record, payload)
    return check
