"""The passages of a page that are in a language: blocks, marked phrases, accessible names.

Each passage carries the language that applies to it (the nearest ``lang``), the
element it belongs to and where on the page that element is, so a finding can say
what to fix and where. Computer text (``code``, ``kbd``, ``samp``, ``var``) and
script are in no human language and are left out.

What text an element's ``lang`` applies to is the W3C ACT rules' "text inheriting its
programmatic language" from it (rules ucwvc8, off6ek): the text nodes whose closest
ancestor with a non-empty ``lang`` it is, that are shown or in the accessibility tree
(not ``hidden``, not ``display: none``), and the accessible names of the elements that
inherit their language from it: ``alt``, ``aria-label``, and the text an
``aria-labelledby`` points at, hidden or not, which is spoken in the language of the
element it names. For ``<html>`` the page title is such text too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from lxml import html

from i18n_pipeline.audit.identify import MIN_WORDS, primary

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
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Inline styles that take an element out of both the rendering and the accessibility tree.
_HIDING_STYLE = re.compile(r"(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.IGNORECASE)
#: Words that are no language: numbers, addresses, e-mail addresses, file names.
_NOT_WORDS = re.compile(r"\S*(?:\d|@|://|www\.)\S*")
#: One word in quotation marks is a word talked about (the Dutch word "gelukkig"), not
#: text in that word's language: WCAG 3.1.2 exempts single words.
_QUOTED_WORD = re.compile(r"[\"“”„«»‹›‚‘’]\w+[\"“”„«»‹›‚‘’]")


@dataclass(frozen=True)
class Passage:
    """One text that a language applies to."""

    kind: Literal["page", "block", "phrase", "name"]  # phrase: an element with its own lang
    text: str
    declared: str  # the lang value that applies ("" when none does)
    element: html.HtmlElement
    what: str  # how an auditor finds it: "<p>", "the alt text of <img>", …
    from_root: bool = False  # its language is the one <html> declares (WCAG 3.1.1, not 3.1.2)


def lang_of(element: html.HtmlElement) -> str | None:
    value = element.get("lang")
    if value is None:
        value = element.get(_XML_LANG)
    return None if value is None else str(value)


def own_lang(element: html.HtmlElement) -> str | None:
    """The element's ``lang`` when it is not empty (a value of spaces counts: it is an
    invalid tag, not an unknown language); ``lang=""`` declares no language."""
    value = lang_of(element)
    return None if value is None or value == "" else value


def language_owner(element: html.HtmlElement) -> html.HtmlElement | None:
    """The element whose ``lang`` applies to ``element``: itself or its closest ancestor
    with a non-empty one."""
    return next((n for n in (element, *element.iterancestors()) if own_lang(n) is not None), None)


def is_hidden(element: html.HtmlElement) -> bool:
    """Neither shown nor in the accessibility tree, as far as the markup says: ``hidden``,
    an inline ``display: none`` or ``visibility: hidden``, on it or an ancestor."""
    return any(
        node.get("hidden") is not None or _HIDING_STYLE.search(node.get("style") or "")
        for node in (element, *element.iterancestors())
    )


def inherited_text(element: html.HtmlElement) -> str:
    """The text that inherits its language from ``element``: without descendants that
    declare a language of their own (any, the same one too), hidden ones, or code."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            skip = child.tag in CODE or own_lang(child) is not None or is_hidden(child)
            parts.append(" " if skip else inherited_text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def accessible_names(
    element: html.HtmlElement, root: html.HtmlElement
) -> Iterator[tuple[html.HtmlElement, str, str]]:
    """(element, text, what) of every accessible name in ``element``'s subtree that
    inherits its language from ``element``: ``alt``, ``aria-label``, ``title`` and the
    text ``aria-labelledby`` points at (hidden or not)."""
    for node in element.iter():
        if not isinstance(node.tag, str) or node.tag in CODE or is_hidden(node):
            continue
        if language_owner(node) is not element:
            continue
        for attribute in ("alt", "aria-label", "title"):
            value = node.get(attribute)
            if value and value.strip():
                yield node, " ".join(value.split()), f"the {attribute} of <{node.tag}>"
        for target_id in (node.get("aria-labelledby") or "").split():
            targets = root.xpath("//*[@id=$id]", id=target_id)
            if targets:
                text = " ".join(targets[0].text_content().split())
                yield node, text, f"#{target_id}, the label of <{node.tag}>"


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
    out (WCAG 3.1.2 exempts proper names and technical terms), a single word in quotation
    marks too, and runs that are only names (every word capitalised, as "Katarina
    Niewiedzial" or "BITV") dropped."""
    for term in sorted(protected, key=len, reverse=True):
        text = text.replace(term, " \0 ")
    text = _NOT_WORDS.sub(" \0 ", text)
    text = _QUOTED_WORD.sub(" \0 ", text)
    runs = []
    for run in text.split("\0"):
        words = run.split()
        initials = [next((ch for ch in word if ch.isalpha()), "") for word in words]
        if any(initials) and not all(ch.isupper() for ch in initials if ch):
            runs.append(" ".join(words))
    return runs


def page_passages(root: html.HtmlElement) -> Iterator[Passage]:
    """The page's passages: the text inheriting its language from the page's ``lang`` (the
    page title and accessible names with it), the title, every block, every element with
    a lang of its own, and the accessible names (alt, aria-label, aria-labelledby and
    aria-describedby targets, hidden or not). Hidden elements are no passage."""
    body = root.find("body")
    if body is None:
        return
    page_lang = declared_language(body)
    owner = language_owner(body)
    title = root.find("head/title")
    title_text = " ".join(title.text_content().split()) if title is not None else ""
    inheriting = [title_text] if title_text and language_owner(title) is owner else []
    if owner is not None:
        inheriting += [text for _, text, _ in accessible_names(owner, root)]
    # A title or name of a word or two is mostly a name ("Paris"): it tells no language.
    inheriting = [part for part in inheriting if len(part.split()) >= MIN_WORDS]
    inheriting.insert(min(1, len(inheriting)), inherited_text(body))
    page_text = " ".join(part for part in inheriting if part)
    yield Passage("page", page_text, page_lang, root, "the page", from_root=True)
    if title is not None and title_text:
        yield Passage(
            "name",
            title_text,
            declared_language(title),
            title,
            "the page title",
            from_root=language_owner(title) is root,
        )
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in CODE:
            continue
        if any(a.tag in CODE for a in element.iterancestors()) or is_hidden(element):
            continue
        declared = declared_language(element)
        marked = own_lang(element) is not None and element is not body
        outermost = not any(a.tag in BLOCKS for a in element.iterancestors())
        if element.tag in BLOCKS and outermost and not marked:
            yield Passage(
                "block", own_text(element, declared), declared, element, f"<{element.tag}>"
            )
        elif marked:
            # A block with a lang of its own is judged as any marked element: on the text
            # that inherits its lang (ACT off6ek), and searched for phrases like a block.
            yield Passage(
                "phrase", inherited_text(element), declared, element, f"<{element.tag} lang>"
            )
        yield from _accessible_names(element, declared, root)


def _accessible_names(
    element: html.HtmlElement, declared: str, root: html.HtmlElement
) -> Iterator[Passage]:
    from_root = language_owner(element) is root
    for attribute in ("alt", "aria-label", "title"):
        value = element.get(attribute)
        if value and value.strip():
            yield Passage(
                "name",
                " ".join(value.split()),
                declared,
                element,
                f"the {attribute} of <{element.tag}>",
                from_root,
            )
    # A label is the name of the element it labels, spoken in that element's language,
    # wherever its text comes from (ACT ucwvc8, off6ek).
    for target_id in (element.get("aria-labelledby") or "").split():
        targets = root.xpath("//*[@id=$id]", id=target_id)
        if targets:
            yield Passage(
                "name",
                " ".join(targets[0].text_content().split()),
                declared,
                element,
                f"#{target_id}, the label of <{element.tag}>",
                from_root,
            )
    # A description is read as its own text, in its own language.
    for target_id in (element.get("aria-describedby") or "").split():
        targets = root.xpath("//*[@id=$id]", id=target_id)
        if targets:
            target = targets[0]
            lang = declared_language(target)
            yield Passage(
                "name",
                own_text(target, lang),
                lang,
                target,
                f"#{target_id}, the description of <{element.tag}>",
                language_owner(target) is root,
            )
