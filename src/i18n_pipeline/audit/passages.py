"""The passages of a page that are in a language: blocks, marked phrases, accessible names.

Each passage carries the language that applies to it (the nearest ``lang``), the
element it belongs to and where on the page that element is, so a finding can say
what to fix and where. Computer text (``code``, ``kbd``, ``samp``, ``var``) and
script are in no human language and are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from lxml import html

from i18n_pipeline.audit.identify import primary

CODE = frozenset({"code", "kbd", "samp", "var", "script", "style", "template", "pre"})
BLOCKS = (
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "dd",
    "dt",
    "blockquote",
    "figcaption",
    "caption",
    "summary",
    "legend",
    "label",
    "button",
    "option",
)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LANDMARKS = {
    "header": "the page header",
    "nav": "the navigation",
    "main": "the main content",
    "aside": "a side note",
    "footer": "the page footer",
    "form": "a form",
}
_REFERENCES = {"aria-labelledby": "label", "aria-describedby": "description"}
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Words that are no language: numbers, addresses, e-mail addresses, file names.
_NOT_WORDS = re.compile(r"\S*(?:\d|@|://|www\.)\S*")


@dataclass(frozen=True)
class Passage:
    """One text that a language applies to."""

    kind: Literal["page", "block", "phrase", "name"]  # phrase: an element with its own lang
    text: str
    declared: str  # the lang value that applies ("" when none does)
    element: html.HtmlElement
    what: str  # how an auditor finds it: "<p>", "the alt text of <img>", …


def lang_of(element: html.HtmlElement) -> str | None:
    value = element.get("lang")
    if value is None:
        value = element.get(_XML_LANG)
    return None if value is None else str(value)


def declared_language(element: html.HtmlElement) -> str:
    """The language that applies to ``element``: its own ``lang`` or its nearest ancestor's."""
    for node in (element, *element.iterancestors()):
        value = lang_of(node)
        if value is not None:
            return value.strip()
    return ""


def own_text(element: html.HtmlElement, lang: str) -> str:
    """The element's text without descendants in another language or in code."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            child_lang = lang_of(child)
            other = child_lang is not None and primary(child_lang) != primary(lang)
            parts.append(" " if child.tag in CODE or other else own_text(child, lang))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def selector(element: html.HtmlElement) -> str:
    path = []
    for node in (element, *element.iterancestors()):
        if node.tag in ("html", "body"):
            path.append(str(node.tag))
            break
        index = sum(1 for sibling in node.itersiblings(preceding=True) if sibling.tag == node.tag)
        path.append(f"{node.tag}:nth-of-type({index + 1})")
    return " > ".join(reversed(path))


def region(element: html.HtmlElement) -> str:
    """Which part of the page: the landmark and the heading above the element."""
    landmark = next(
        (
            _LANDMARKS.get(str(node.tag)) or f"the {node.get('role')} region"
            for node in (element, *element.iterancestors())
            if node.tag in _LANDMARKS or node.get("role")
        ),
        "",
    )
    if element.tag == "title" or any(a.tag == "head" for a in element.iterancestors()):
        return "the page title"
    headings = element.xpath(
        "preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6][1]"
    )
    under = " ".join(headings[0].text_content().split())[:80] if headings else ""
    where = landmark or "the page body"
    return f"{where}, under the heading “{under}”" if under else where


def without_exempt(text: str, protected: tuple[str, ...]) -> list[str]:
    """The runs of ``text`` that are language: protected terms, numbers and addresses cut
    out (WCAG 3.1.2 exempts proper names and technical terms), and runs that are only
    names (every word capitalised, as "Katarina Niewiedzial" or "BITV") dropped."""
    for term in sorted(protected, key=len, reverse=True):
        text = text.replace(term, " \0 ")
    text = _NOT_WORDS.sub(" \0 ", text)
    runs = []
    for run in text.split("\0"):
        words = run.split()
        initials = [next((ch for ch in word if ch.isalpha()), "") for word in words]
        if any(initials) and not all(ch.isupper() for ch in initials if ch):
            runs.append(" ".join(words))
    return runs


def page_passages(root: html.HtmlElement) -> Iterator[Passage]:
    """The page's passages: the whole page, its title, every block, every element with a
    lang of its own, and the accessible names (alt, aria-label, aria-labelledby and
    aria-describedby targets, hidden or not)."""
    body = root.find("body")
    if body is None:
        return
    page_lang = declared_language(body)
    yield Passage("page", own_text(body, page_lang), page_lang, root, "the page")
    title = root.find("head/title")
    if title is not None and title.text:
        yield Passage(
            "name", " ".join(title.text.split()), declared_language(title), title, "the page title"
        )
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in CODE:
            continue
        if any(a.tag in CODE for a in element.iterancestors()):
            continue
        declared = declared_language(element)
        if element.tag in BLOCKS and not any(a.tag in BLOCKS for a in element.iterancestors()):
            yield Passage(
                "block", own_text(element, declared), declared, element, f"<{element.tag}>"
            )
        elif lang_of(element) is not None and element is not body:
            yield Passage(
                "phrase", own_text(element, declared), declared, element, f"<{element.tag} lang>"
            )
        yield from _accessible_names(element, declared, root)


def _accessible_names(
    element: html.HtmlElement, declared: str, root: html.HtmlElement
) -> Iterator[Passage]:
    for attribute in ("alt", "aria-label", "title"):
        value = element.get(attribute)
        if value and value.strip():
            yield Passage(
                "name",
                " ".join(value.split()),
                declared,
                element,
                f"the {attribute} of <{element.tag}>",
            )
    for attribute in ("aria-labelledby", "aria-describedby"):
        for target_id in (element.get(attribute) or "").split():
            targets = root.xpath("//*[@id=$id]", id=target_id)
            if targets:
                target = targets[0]
                lang = declared_language(target)
                yield Passage(
                    "name",
                    own_text(target, lang),
                    lang,
                    target,
                    f"#{target_id}, the {_REFERENCES[attribute]} of <{element.tag}>",
                )
