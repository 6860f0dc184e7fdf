"""EARL reports read as JSON-LD, whatever shape a tool gives them.

Tools publish EARL in several shapes: assertions at the top with their subject inside
(axe-core, this audit), test subjects holding their assertions (QualWeb, Equal Access),
subjects and assertions side by side, linked by id (Alfa), each with its own context or
the ACT rules' shared one. pyld flattens any of them to one list of nodes, so one reader
serves every tool, as W3C's own tool (act-tools) frames them with jsonld.js. Contexts
are never fetched: the ACT rules' context ships with the package, and any other remote
context is an error that names it.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pyld import jsonld

from i18n_pipeline.errors import InputRefusedError
from i18n_pipeline.io import read_json

EARL = "http://www.w3.org/ns/earl#"
DCT = "http://purl.org/dc/terms/"
#: Remote contexts the reports name, read from the package instead of the network.
KNOWN_CONTEXTS = {
    "https://act-rules.github.io/earl-context.json": Path(__file__).with_name("earl-context.json"),
}
#: WCAG's address in any version, as W3C's act-tools shortens it: WCAG2:language-of-page.
_WCAG = re.compile(r"https?://www\.w3\.org/TR/WCAG(2\d?)?/#")
OUTCOMES = ("passed", "failed", "cantTell", "inapplicable", "untested")


@dataclass(frozen=True)
class Assertion:
    """One outcome of one tool rule (procedure) on one page."""

    source: str  # the page's address
    procedure: str  # the tool's rule, as W3C names it: the test's title, or its id's last part
    outcome: str  # one of OUTCOMES
    requirements: tuple[str, ...] = ()  # the test's isPartOf (WCAG2:language-of-page, …)


def _load_context(url: str, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    known = KNOWN_CONTEXTS.get(url)
    if known is None:
        raise jsonld.JsonLdError(
            f"the report names the remote context {url}, which is not fetched",
            "jsonld.LoadDocumentError",
        )
    return {"contextUrl": None, "documentUrl": url, "document": read_json(known)}


def read_earl_file(path: Path) -> list[Assertion]:
    """Every assertion of an EARL report; a file that is no JSON-LD is refused with why."""
    try:
        return read_earl(read_json(path))
    except (ValueError, jsonld.JsonLdError) as error:
        raise InputRefusedError(
            f"not an EARL report in JSON-LD: {_reason(error)}",
            path=path,
            hint="pass the report as its tool published it (JSON-LD with an @context)",
        ) from None


def _reason(error: BaseException) -> str:
    """The innermost reason (pyld wraps each error in the step that met it)."""
    while error.__cause__ is not None or error.__context__ is not None:
        error = error.__cause__ or error.__context__  # type: ignore[assignment]
    message = error.args[0] if error.args else error
    return str(message).splitlines()[0][:200]


def read_earl(document: object) -> list[Assertion]:
    """The assertions of one EARL document (already parsed from JSON)."""
    nodes = jsonld.flatten(document, options={"documentLoader": _load_context})
    by_id = {node["@id"]: node for node in nodes if "@id" in node}
    assertions = []
    for node in nodes:
        if EARL + "Assertion" not in node.get("@type", []):
            continue
        subject = by_id.get(_ref(node, EARL + "subject"), {})
        test = by_id.get(_ref(node, EARL + "test"), {})
        result = by_id.get(_ref(node, EARL + "result"), {})
        source = _value(subject, DCT + "source") or _subject_id(subject)
        outcome = _outcome(result)
        procedure = _procedure(test, node)
        if source and outcome and procedure:
            requirements = tuple(
                _WCAG.sub("WCAG2:", r["@id"]) for r in test.get(DCT + "isPartOf", []) if "@id" in r
            )
            assertions.append(Assertion(source, procedure, outcome, requirements))
    return assertions


def _ref(node: Mapping[str, Any], key: str) -> str:
    values = node.get(key) or [{}]
    return str(values[0].get("@id", ""))


def _value(node: Mapping[str, Any], key: str) -> str:
    values = node.get(key) or [{}]
    first = values[0]
    return str(first.get("@value", first.get("@id", "")))


def _subject_id(subject: Mapping[str, Any]) -> str:
    identifier = str(subject.get("@id", ""))
    return "" if identifier.startswith("_:") else identifier


def _outcome(result: Mapping[str, Any]) -> str:
    value = _value(result, EARL + "outcome")
    name = value.removeprefix(EARL).removeprefix("earl:")
    return name if name in OUTCOMES else ""


def _procedure(test: Mapping[str, Any], assertion: Mapping[str, Any]) -> str:
    """As W3C's act-tools names a procedure: the test's title, else the last part of its
    address without an extension."""
    title = _value(test, DCT + "title")
    if title:
        return title
    identifier = str(test.get("@id", "")) or _ref(assertion, EARL + "test")
    if not identifier or identifier.startswith("_:"):
        return ""
    name = posixpath.basename(urlsplit(identifier).path.rstrip("/")) or identifier
    return name.rsplit(".", 1)[0] if "." in name else name
