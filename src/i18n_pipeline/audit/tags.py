"""Has the page a ``lang``, and is every ``lang`` value valid? As the W3C's ACT rules for
WCAG 3.1.1 and 3.1.2 say ("HTML page has lang attribute", b5c3f8; "HTML page lang
attribute has valid language tag", bf051a; "Element with lang attribute has valid
language tag", de46e4): the primary subtag decides, and it must be one of the IANA
language subtag registry (BCP 47), the copy langcodes ships. langcodes' own validity
test is not used: it accepts what it can normalise ("eng" for "en", the grandfathered
"i-lux"), which the registry does not list as primary language subtags.

An element's ``lang`` is judged only where it applies to some text (de46e4): text whose
closest ancestor with a non-empty ``lang`` it is, shown or in the accessibility tree, or
an accessible name (an invalid ``lang`` around text that all carries a valid ``lang`` of
its own harms no one). ``lang=""`` around text declares its language unknown: an error
of its own (``lang-empty``), which no ACT rule judges.

HTML_CodeSniffer's pattern for a tag (H57.3, H58.1) rejects valid tags, such as
one with two region subtags (``de-DE-AT``). Where it disagrees with the exact
answer, the exact answer gates and its finding goes to the checklist, with why.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from langcodes.registry_parser import parse_registry
from lxml import etree, html

from i18n_pipeline.audit.model import Issue
from i18n_pipeline.audit.passages import (
    accessible_names,
    inherited_text,
    lang_of,
    own_lang,
    region,
    selector,
)

#: HTML_CodeSniffer's "this lang value is not valid" techniques, for <html> and elements.
_HTMLCS_TAG_CODES = ("H57.3.Lang", "H57.3.XmlLang", "H58.1.Lang", "H58.1.XmlLang")


@cache
def primary_subtags() -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """The registry's primary language subtags, and its ranges (``qaa..qtz``)."""
    subtags, ranges = set(), []
    for entry in parse_registry():  # type: ignore[no-untyped-call]
        if entry.get("Type") == "language":
            subtag = str(entry["Subtag"]).lower()
            if ".." in subtag:
                first, last = subtag.split("..")
                ranges.append((first, last))
            else:
                subtags.add(subtag)
    return frozenset(subtags), tuple(ranges)


def is_primary_subtag(value: str) -> bool:
    subtags, ranges = primary_subtags()
    value = value.lower()
    return value in subtags or any(
        len(value) == len(first) and first <= value <= last for first, last in ranges
    )


def tag_problem(value: str) -> str:
    """Why ``value`` is not a valid language tag ("" when it is)."""
    value = value.strip()
    if not value:
        return "the value is empty (an unknown language)"
    first = value.split("-")[0]
    if is_primary_subtag(first):
        return ""
    return f"{first!r} is not a primary language subtag of the IANA registry (BCP 47)"


def check_lang_tags(root: html.HtmlElement) -> list[Issue]:
    """<html> has a ``lang``; every ``lang`` and ``xml:lang`` value that applies to
    some text is a valid tag."""
    issues = _missing_lang(root)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        value = lang_of(element)
        if value is None:
            continue
        page = element is root
        if not page and value == "" and inherited_text(element):
            issues.append(_empty_lang(element))
        if not _applies(element, root, value):
            continue
        problem = tag_problem(value)
        if problem:
            issues.append(
                Issue(
                    runner="language",
                    rule="html-lang-invalid" if page else "lang-invalid",
                    type="error",
                    message=f'lang="{value}" on <{element.tag}> is not valid: {problem}',
                    criterion="3.1.1" if page else "3.1.2",
                    level="A" if page else "AA",
                    selector=selector(element),
                    context=value,
                    where=region(element),
                    fix='use a registered language tag, such as lang="de" or lang="en-GB"',
                    gating=True,
                )
            )
    return issues


def _empty_lang(element: html.HtmlElement) -> Issue:
    """``lang=""`` around text: its language is declared unknown, and a screen reader
    reads it with no language's rules. No ACT rule judges it (de46e4 leaves it out)."""
    return Issue(
        runner="language",
        rule="lang-empty",
        type="error",
        message=f'lang="" on <{element.tag}> declares the language of its text unknown',
        criterion="3.1.2",
        level="AA",
        selector=selector(element),
        where=region(element),
        fix="set the language of the text, or remove the empty lang to inherit the page's",
        gating=True,
    )


def _missing_lang(root: html.HtmlElement) -> list[Issue]:
    """An HTML page's <html> without a ``lang`` of letters (an ``xml:lang`` alone, empty
    or spaces do not count: b5c3f8)."""
    if root.tag != "html" or (root.get("lang") or "").strip():
        return []
    return [
        Issue(
            runner="language",
            rule="html-lang-missing",
            type="error",
            message="<html> has no lang attribute with a value: the page's language is "
            "unknown to screen readers (an xml:lang alone is not read in HTML)",
            criterion="3.1.1",
            level="A",
            selector="html",
            fix='add the language of the page: <html lang="de">',
            gating=True,
        )
    ]


def _applies(element: html.HtmlElement, root: html.HtmlElement, value: str) -> bool:
    """A page's ``lang`` is judged when it is not empty or spaces (missing is another
    finding); an element's when it is not empty and some text or name inherits it."""
    if element is root:
        return bool(value.strip())
    if own_lang(element) is None and value == "":
        return False
    if element.get("lang") is None:
        # xml:lang alone: judged where a lang would be
        return bool(value.strip()) and bool(inherited_text(element))
    return bool(inherited_text(element)) or any(True for _ in accessible_names(element, root))


def reconcile_htmlcs(issues: list[Issue], root: html.HtmlElement) -> list[Issue]:
    """HTML_CodeSniffer's "invalid lang" errors on tags that are valid move to the
    checklist, with the reason; on invalid tags they stay errors."""
    return [_reconciled(issue, root) for issue in issues]


def _reconciled(issue: Issue, root: html.HtmlElement) -> Issue:
    if issue.runner != "htmlcs" or not issue.rule.endswith(_HTMLCS_TAG_CODES) or not issue.gating:
        return issue
    value = _tag_in(issue, root)
    if value is None or tag_problem(value):
        return issue
    return replace(
        issue,
        message=f"{issue.message} [needs review: HTML_CodeSniffer's pattern rejects "
        f'lang="{value}", but its primary subtag {value.split("-")[0]!r} is registered, '
        "so the tag is valid (BCP 47, as the W3C ACT rules judge it)]",
        gating=False,
        needs_review=True,
    )


def _tag_in(issue: Issue, root: html.HtmlElement) -> str | None:
    """The lang value HTML_CodeSniffer judged: the page's, or the one in its excerpt."""
    if ".H57.3." in issue.rule:
        return lang_of(root)
    try:
        fragment = html.fragment_fromstring(issue.context, create_parent="div")
    except (etree.ParserError, ValueError):
        return None
    for element in fragment.iter():
        if isinstance(element.tag, str) and element is not fragment:
            value = lang_of(element)
            if value is not None:
                return value
    return None
