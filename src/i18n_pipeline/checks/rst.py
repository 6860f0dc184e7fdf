"""reStructuredText seen the way Sphinx will see a msgstr: parsed by docutils.

Sphinx parses every msgstr as reStructuredText and shows its warnings only in
the build log; here the same parse runs per entry, so a broken ``**bold`` is
reported with the PO file's line instead of as a page that renders wrong.
"""

from __future__ import annotations

import copy
import io
import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

import regex
from docutils import frontend, nodes, utils
from docutils.core import publish_doctree
from docutils.parsers.rst import Parser, roles

from i18n_pipeline.sphinxext.roles import lang_role
from i18n_pipeline.text.urls import is_safe_address

#: A role in its source form, prefix ``:name:`...``` or suffix ```...`:name:``. The suffix
#: form starts only at a backquote no backslash escapes (the regex module's lookbehind
#: counts them): from every escaped one, the text in backquotes ran on to the end of the
#: msgstr (quadratic on ``\`\`\`…``), and docutils starts no role there either.
ROLE = regex.compile(
    r"(?<![\w`]):(?P<name>[A-Za-z][\w.+-]*(?::[\w.+-]+)?):`"
    r"|(?<!(?<!\\)\\(?:\\\\)*)`(?:[^`\\]|\\.)+`:(?P<suffix>[A-Za-z][\w.+-]*(?::[\w.+-]+)?):(?![\w`])"
)
#: Raw HTML: a tag outside of reST's backquoted constructs (``text <url>`__`` is fine).
#: No ``<`` inside a tag: from an unclosed ``<a`` the search stops at the next ``<``
#: instead of reading the rest of the text again (400 KB of ``<a `` took minutes).
HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!][^<>]*>")
#: What may stand in angle brackets in reST: a link's address, a :lang: role's tag.
EMBEDDED_URI = re.compile(
    r"<(?:https?://|mailto:)[^<>\s]*>|(?<=\s)<[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*>`"
)
#: An HTML attribute in text: ``" onmouseover="…`` breaks out of an attribute value.
ATTRIBUTE_LIKE = re.compile(r"""["'`]\s*[A-Za-z_:][\w:.-]*\s*=\s*["'`]?|\bon[a-z]+\s*=""")
#: Each within its line (``[^\S\n]`` is whitespace but a line break): ``\s*`` at a line's
#: start ran on over every blank line after it, from every one of them.
DIRECTIVE = re.compile(r"(?m)^[^\S\n]*\.\.[^\S\n]+[\w:-]+::")
EXPLICIT_TARGET = re.compile(r"(?m)^[^\S\n]*\.\.[^\S\n]+_[^:\n]*:|(?<!`)_`[^`]+`")


@dataclass(frozen=True)
class Markup:
    """What inline markup a piece of text has, counted by kind."""

    kinds: Counter[str]
    link_targets: frozenset[str]
    roles: Counter[str]
    problems: tuple[str, ...]
    raw: bool
    targets: bool
    blocks: tuple[str, ...]  # the top-level block elements, in order: ("paragraph",)
    unsafe_urls: frozenset[str]  # link addresses with a scheme other than http(s)/mailto
    text: str = ""  # the words as the reader sees them: markup and link addresses gone
    references: tuple[tuple[str, str], ...] = ()  # each link's shown text and address


@contextmanager
def local_roles(registered: dict[str, Callable[..., Any]]) -> Iterator[None]:
    """Make roles known to plain docutils for one parse, as Sphinx does for a build.

    docutils has no call to unregister a role, so its table is cleaned up after;
    its type stub asks for a narrower signature than docutils calls roles with.
    """
    for name, function in registered.items():
        roles.register_local_role(name, cast(Any, function))
    try:
        yield
    finally:
        table = roles.__dict__["_roles"]
        for name in registered:
            table.pop(name, None)


def _project_roles() -> AbstractContextManager[None]:
    """The project's ``:lang:`` role, for the parse only."""
    return local_roles({"lang": lang_role})


@lru_cache(maxsize=1)
def _base_settings() -> frontend.Values:
    """docutils' settings, built once: building them costs more than a short parse."""
    settings = frontend.get_default_settings(Parser)
    settings.report_level = utils.Reporter.WARNING_LEVEL
    settings.halt_level = utils.Reporter.SEVERE_LEVEL + 1
    settings.file_insertion_enabled = False
    settings.raw_enabled = True  # so that a raw directive shows up as a raw node
    settings.input_encoding = "unicode"
    return settings


@lru_cache(maxsize=4096)
def parse_markup(text: str) -> Markup:
    """Parse once per text: several checks look at the same msgid and msgstr."""
    settings = copy.copy(_base_settings())
    settings.warning_stream = io.StringIO()
    with _project_roles():
        doctree = publish_doctree(text, settings=settings)
    problems = tuple(
        (message[0].astext() if len(message) else message.astext()).splitlines()[0].strip()
        for message in doctree.findall(nodes.system_message)
        if message["level"] >= utils.Reporter.WARNING_LEVEL
    )
    kinds: Counter[str] = Counter()
    for kind in (
        nodes.strong,
        nodes.emphasis,
        nodes.literal,
        nodes.reference,
        nodes.title_reference,
    ):
        kinds[kind.__name__] = sum(1 for _ in doctree.findall(kind))
    links = frozenset(
        node["refuri"] for node in doctree.findall(nodes.reference) if "refuri" in node
    )
    addresses = {node.get("refuri", "") for node in doctree.findall(nodes.Element)}
    addresses |= {node.get("uri", "") for node in doctree.findall(nodes.Element)}
    return Markup(
        kinds=kinds,
        link_targets=links,
        roles=Counter(match["name"] or match["suffix"] for match in ROLE.finditer(text)),
        problems=problems,
        raw=any(True for _ in doctree.findall(nodes.raw)),
        targets=any(
            True
            for node in doctree.findall(nodes.target)
            if not node.get("anonymous") and not node.get("refuri")
        )
        or bool(EXPLICIT_TARGET.search(text)),
        blocks=tuple(
            type(child).__name__
            for child in doctree.children
            if not isinstance(child, (nodes.system_message, nodes.target))
        ),
        unsafe_urls=frozenset(
            address for address in addresses if address and not is_safe_address(address)
        ),
        text="".join(
            node.astext()
            for node in doctree.findall(nodes.Text)
            if not any(isinstance(up, _NOT_SHOWN) for up in _ancestors(node))
        ),
        references=tuple(
            (node.astext(), node["refuri"])
            for node in doctree.findall(nodes.reference)
            if "refuri" in node
        ),
    )


#: Docutils' report of broken markup, and the markup it could not read (a role only
#: Sphinx knows): neither is a word of the sentence.
_NOT_SHOWN = (nodes.system_message, nodes.problematic)


def _ancestors(node: nodes.Node) -> Iterator[nodes.Node]:
    while node.parent is not None:
        node = node.parent
        yield node


def without_addresses(text: str) -> str:
    """``text`` without link addresses and :lang: tags: what is left in angle brackets,
    backquotes included (the theme inserts chrome strings into HTML as they are), is HTML."""
    return EMBEDDED_URI.sub("", text)
