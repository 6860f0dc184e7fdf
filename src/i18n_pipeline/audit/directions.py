"""Text direction: right-to-left text must resolve to ``rtl``, and only it.

No anchor tool compares the ``dir`` an element resolves to with the script of its
text. Characters' directions are Unicode's (``unicodedata.bidirectional``), a
language's script is CLDR's likely script (langcodes), never a table of ours.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

import langcodes
from lxml import html

from i18n_pipeline.audit.model import Issue
from i18n_pipeline.audit.passages import BLOCKS, CODE, lang_of, region, selector

#: Scripts written right to left (ISO 15924), as CLDR's likely subtags name them.
RTL_SCRIPTS = frozenset(
    {"Adlm", "Arab", "Hebr", "Mand", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa", "Yezi"}
)
#: Unicode's scripts in use end in plane 1 (plane 2 and up: CJK ideographs, all L,
#: counted as letters of no direction here; they never decide a page's direction).
_LAST_SCRIPT_CHARACTER = 0x1FFFF
VALID = frozenset({"ltr", "rtl", "auto"})
#: An opposite-direction run needs this many words to be a warning: a single name or
#: acronym ("BITV 2.0") is laid out correctly by the bidi algorithm.
MIN_RUN_WORDS = 2
#: And an element's text this many strong letters to have a direction of its own.
MIN_STRONG = 3


@cache
def direction_of_language(tag: str) -> str:
    """The direction a language is written in: rtl for a right-to-left likely script."""
    try:
        script = langcodes.Language.get(tag).maximize().script
    except ValueError:  # langcodes' LanguageTagError is one
        return "ltr"
    return "rtl" if script in RTL_SCRIPTS else "ltr"


def strong(char: str) -> str:
    kind = unicodedata.bidirectional(char)
    return "rtl" if kind in ("R", "AL") else "ltr" if kind == "L" else ""


@cache
def _strong_characters() -> dict[str, re.Pattern[str]]:
    """One character class per direction, from Unicode's bidi classes (read once: a
    regular expression counts a page's characters in C, not one call per character)."""
    ranges: dict[str, list[tuple[int, int]]] = {"ltr": [], "rtl": []}
    for code in range(_LAST_SCRIPT_CHARACTER + 1):
        kind = strong(chr(code))
        if kind:
            spans = ranges[kind]
            if spans and spans[-1][1] == code - 1:
                spans[-1] = (spans[-1][0], code)
            else:
                spans.append((code, code))
    return {
        kind: re.compile(
            "[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in spans) + "]"
        )
        for kind, spans in ranges.items()
    }


def counts(text: str) -> dict[str, int]:
    """How many strong left-to-right and right-to-left characters ``text`` has."""
    return {kind: len(pattern.findall(text)) for kind, pattern in _strong_characters().items()}


def _words(text: str, direction: str) -> int:
    """How many words of ``text`` are written in ``direction``: one right-to-left word
    (a language's name in a switcher) is laid out correctly in any context."""
    return sum(1 for word in text.split() if counts(word)[direction])


def _isolates(element: html.HtmlElement) -> bool:
    return element.tag == "bdi" or element.get("dir") is not None


def direction_text(element: html.HtmlElement) -> str:
    """The text whose direction ``element`` decides: without descendants that isolate
    themselves (``bdi``, an element with ``dir``) or are code."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            skip = _isolates(child) or child.tag in CODE
            parts.append(" \0 " if skip else direction_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def resolved(element: html.HtmlElement) -> tuple[str, html.HtmlElement | None]:
    """The direction ``element`` resolves to, and the element that decides it (None:
    nobody set one, the default ``ltr``)."""
    for node in (element, *element.iterancestors()):
        value = (node.get("dir") or ("auto" if node.tag == "bdi" else "")).strip().lower()
        if value == "auto":
            first = next((strong(c) for c in node.text_content() if strong(c)), "ltr")
            return first, node
        if value in ("ltr", "rtl"):
            return value, node
    return "ltr", None


def check_directions(root: html.HtmlElement) -> list[Issue]:
    """Invalid ``dir`` values, right-to-left text resolving to ``ltr``, ``dir="rtl"`` on
    left-to-right text (errors), and unisolated opposite-direction runs (warnings)."""
    issues = []
    body = root.find("body")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        value = element.get("dir")
        if value is not None and value.strip().lower() not in VALID:
            issues.append(
                _issue(
                    element,
                    "dir-invalid",
                    f'dir="{value}" is not a direction (ltr, rtl or auto)',
                    'use dir="rtl", dir="ltr" or dir="auto"',
                )
            )
    html_flagged = False
    for element in _judged(root, body):
        text = direction_text(element)
        found = counts(text)
        direction, decided_by = resolved(element)
        if html_flagged and decided_by is None:
            continue  # the page as a whole is flagged once
        shown = " ".join(text.replace("\0", " ").split())[:200]
        if (
            direction == "ltr"
            and found["rtl"] > found["ltr"]
            and _words(text, "rtl") >= MIN_RUN_WORDS
        ):
            html_flagged = element is root
            issues.append(
                _issue(
                    element,
                    "rtl-text-resolves-ltr",
                    "right-to-left text in an element whose direction resolves to ltr",
                    f'add dir="rtl" to <{element.tag}>',
                    shown,
                )
            )
        elif (
            (element.get("dir") or "").strip().lower() == "rtl"
            and found["ltr"] >= MIN_STRONG
            and found["ltr"] > found["rtl"]
            and _words(text, "ltr") >= MIN_RUN_WORDS
        ):
            issues.append(
                _issue(
                    element,
                    "rtl-on-ltr-text",
                    'dir="rtl" on left-to-right text',
                    f'remove dir="rtl" from <{element.tag}> (or set dir="ltr")',
                    shown,
                )
            )
    for element in _outermost_blocks(body):
        direction, _ = resolved(element)
        text = direction_text(element)
        found = counts(text)
        if found[_opposite(direction)] > found[direction]:
            continue  # the block as a whole is in the other direction: an error above
        for run in opposite_runs(text, direction):
            issues.append(
                _issue(
                    element,
                    "bidi-unisolated-run",
                    f"{'left-to-right' if direction == 'rtl' else 'right-to-left'} text inside "
                    f"{direction} text without isolation: “{run}”",
                    f'wrap it in <bdi> or in an element with dir="{_opposite(direction)}" '
                    "(and its lang)",
                    run,
                    error=False,
                )
            )
    return issues


def _judged(root: html.HtmlElement, body: html.HtmlElement | None) -> Iterator[html.HtmlElement]:
    """<html>, every element with a lang or dir of its own, and every outermost block."""
    yield root
    if body is None:
        return
    outermost = set(_outermost_blocks(body))
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in CODE:
            continue
        own = lang_of(element) is not None or element.get("dir") is not None
        if own or element in outermost:
            yield element


def _outermost_blocks(body: html.HtmlElement | None) -> Iterator[html.HtmlElement]:
    if body is None:
        return
    for element in body.iter(*BLOCKS):
        if not any(a.tag in BLOCKS for a in element.iterancestors()):
            yield element


def _opposite(direction: str) -> str:
    return "ltr" if direction == "rtl" else "rtl"


def opposite_runs(text: str, direction: str) -> Iterator[str]:
    """Runs of at least ``MIN_RUN_WORDS`` words written in the other direction, in text
    that isolates none of them (an isolated part is cut out as ``\\0``)."""
    other = _opposite(direction)
    written_in_other = _strong_characters()[other]
    for piece in text.split("\0"):
        if not written_in_other.search(piece):
            continue  # not one character in the other direction: no run (most blocks)
        run: list[str] = []
        strong_words = 0
        for word in [*piece.split(), ""]:
            found = counts(word)
            if word and found[other] and not found[direction]:
                run.append(word)
                strong_words += 1
            elif word and not found[direction] and run:
                run.append(word)  # a number or sign between two words of the run
            else:
                if strong_words >= MIN_RUN_WORDS:
                    yield " ".join(run)
                run, strong_words = [], 0


def _issue(
    element: html.HtmlElement,
    code: str,
    message: str,
    fix: str,
    context: str = "",
    error: bool = True,
) -> Issue:
    where = region(element)
    return Issue(
        runner="direction",
        rule=code,
        type="error" if error else "warning",
        message=f"{message} (<{element.tag}> in {where})",
        criterion="1.3.2",
        level="A",
        selector=selector(element),
        context=context,
        where=where,
        fix=fix,
        gating=error,
    )
