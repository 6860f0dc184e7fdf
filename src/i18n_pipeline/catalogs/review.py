"""Review state: which translations a native speaker has read and approved, by whom, when.

A review is recorded in ``reviews/<lang>.json``, outside the PO files, so Poedit,
Weblate and ``update`` can never drop or rewrite it. Each record is keyed by a
hash of the entry's msgid and msgstr: an entry edited after its review no
longer matches its record and is a draft again by itself; nobody has to
remember to reset anything.

A review is recorded only by a person, with ``tox -e review -- <lang> --by "Name"``;
nothing in the pipeline marks anything as reviewed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from i18n_pipeline.catalogs.catalog import CatalogFile, Message
from i18n_pipeline.errors import CatalogSyntaxError
from i18n_pipeline.io import read_json, write_json

T = TypeVar("T")

#: What a reader sees of one entry: reviewed by a native speaker, a draft, fuzzy or German.
EntryState = Literal["reviewed", "draft", "fuzzy", "untranslated"]
REVIEWED: EntryState = "reviewed"
DRAFT: EntryState = "draft"
FUZZY: EntryState = "fuzzy"
UNTRANSLATED: EntryState = "untranslated"


@dataclass(frozen=True)
class Review:
    """One entry's review: who read it against the German, and on which day."""

    by: str
    date: str  # ISO date


def review_key(message: Message) -> str:
    """The entry's identity for review: its context, msgid and every msgstr."""
    text = "\0".join([message.msgctxt or "", message.msgid, *message.strings])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def reviews_file(root: Path, code: str) -> Path:
    return root / "reviews" / f"{code}.json"


def load_reviews(path: Path) -> dict[str, Review]:
    """The recorded reviews of one language (none when the file does not exist)."""
    return load_records(
        path,
        "reviews",
        lambda value: Review(str(value["by"]), dt.date.fromisoformat(value["date"]).isoformat()),
        "the review record",
        "tox -e review",
    )


def load_records(
    path: Path, section: str, parse: Callable[[Any], T], what: str, command: str
) -> dict[str, T]:
    """A record file's ``{section: {key: record}}`` (reviews, a Prüfgruppe's checks): none
    without a file; a garbled one is refused, naming the file and the command that writes
    it."""
    if not path.exists() and not path.is_symlink():
        return {}
    try:
        return {str(key): parse(value) for key, value in read_json(path)[section].items()}
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise CatalogSyntaxError(
            f"{what} cannot be read: {error}",
            path=path,
            hint=f"restore it from the repository; record only with '{command}'",
        ) from None


def entry_state(message: Message, reviews: dict[str, Review]) -> EntryState:
    if message.fuzzy:
        return FUZZY
    if not message.translated:
        return UNTRANSLATED
    return REVIEWED if review_key(message) in reviews else DRAFT


def page_review_date(catalogs: Iterable[CatalogFile], reviews: dict[str, Review]) -> str:
    """The day the page's last entry was reviewed, if every entry on it is; else "".

    ``catalogs`` are the catalogs that make up one page: its document's and the
    page chrome's.
    """
    dates = []
    for catalog in catalogs:
        for message in catalog.live:
            review = reviews.get(review_key(message))
            if review is None or entry_state(message, reviews) != REVIEWED:
                return ""
            dates.append(review.date)
    return max(dates, default="")


def record_review(path: Path, catalogs: Iterable[CatalogFile], by: str, date: dt.date) -> int:
    """Record every translated entry of ``catalogs`` as reviewed by ``by`` on ``date``.

    Fuzzy and untranslated entries are not recorded: there is nothing to approve.
    Returns how many entries were newly recorded.
    """
    if not by.strip():
        raise ValueError("a review needs the reviewer's name")
    reviews = load_reviews(path)
    added = 0
    for catalog in catalogs:
        for message in catalog.live:
            key = review_key(message)
            if message.translated and key not in reviews:
                reviews[key] = Review(by.strip(), date.isoformat())
                added += 1
    payload = {
        "reviews": {
            key: {"by": review.by, "date": review.date} for key, review in sorted(reviews.items())
        }
    }
    write_json(path, payload)
    return added
