"""Is a ``lang`` value valid? The primary subtag decides, as the W3C's ACT rules for
WCAG 3.1.1 and 3.1.2 say ("HTML page lang attribute has valid language tag",
"Element with lang attribute has valid language tag"); the registry is BCP 47's,
read through langcodes.

HTML_CodeSniffer's pattern for a tag (H57.3, H58.1) rejects valid tags, such as
one with two region subtags (``de-DE-AT``). Where it disagrees with the exact
answer, the exact answer gates and its finding goes to the checklist, with why.
"""

from __future__ import annotations

import re
from dataclasses import replace

import langcodes
from lxml import etree, html

from i18n_pipeline.audit.model import Issue
from i18n_pipeline.audit.passages import lang_of, region, selector

_PRIMARY = re.compile(r"^(?:[A-Za-z]{2,3}|[A-Za-z]{5,8})$")
#: HTML_CodeSniffer's "this lang value is not valid" techniques, for <html> and elements.
_HTMLCS_TAG_CODES = ("H57.3.Lang", "H57.3.XmlLang", "H58.1.Lang", "H58.1.XmlLang")


def tag_problem(value: str) -> str:
    """Why ``value`` is not a valid language tag ("" when it is)."""
    value = value.strip()
    if not value:
        return "the value is empty (an unknown language)"
    first = value.split("-")[0]
    if _PRIMARY.match(first) and langcodes.tag_is_valid(first):
        return ""
    if first.lower() == "i" and langcodes.tag_is_valid(value):
        return ""  # grandfathered, e.g. i-klingon
    return f"{first!r} is not a registered primary language subtag (BCP 47)"


def check_lang_tags(root: html.HtmlElement) -> list[Issue]:
    """Every ``lang`` and ``xml:lang`` value on the page is a valid tag."""
    issues = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        value = lang_of(element)
        if value is None:
            continue
        problem = tag_problem(value)
        if problem:
            page = element is root
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
