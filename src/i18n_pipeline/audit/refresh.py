"""A page that refreshes or redirects itself on a timer (``<meta http-equiv="refresh">``).

Read from the page's HTML, not in the browser: a page that reloads itself at once
keeps reloading under pa11y, which then fails on it, and the timer is in the markup
anyway. Two of the audit's own checks, each an ACT rule's applicability and
expectation:

- ``meta-refresh-delay`` (ACT bc659a, WCAG 2.2.1, A): the delay is 0 or more than
  20 hours; a reader gets no time to finish otherwise. It gates.
- ``meta-refresh-delay-aaa`` (ACT bisz58, WCAG 2.2.4 and 3.2.5, AAA): the delay is 0.
  BITV 2.0 asks for AA, so it is reported and stops nothing.

Only the first ``<meta http-equiv="refresh">`` whose content a browser would act on
counts, as in HTML: the others are ignored by the browser too.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from lxml import html

from i18n_pipeline.audit.model import Issue
from i18n_pipeline.cache.fingerprint import files_digest

#: WCAG 2.2.1's exception: a time limit longer than 20 hours.
TWENTY_HOURS = 72_000
_WHITESPACE = "\t\n\f\r "
_DIGITS = "0123456789"
UNDERSTANDING = "https://www.w3.org/WAI/WCAG21/Understanding/{}.html"


def refresh_delay(content: str) -> int | None:
    """The delay, in seconds, that HTML's "shared declarative refresh steps" read from a
    refresh's ``content``; None where a browser ignores it. Only the delay and whether
    the value is valid are wanted here, not the URL. (No library at hand parses this
    by the standard's steps: the readers crawlers use match a pattern that wants
    "; url=" after the delay, and miss a page that only reloads itself.)"""
    position = len(content) - len(content.lstrip(_WHITESPACE))
    digits = _take(content, position, _DIGITS)
    if not digits and content[position : position + 1] != ".":
        return None
    position += len(digits)
    position += len(_take(content, position, _DIGITS + "."))
    if position < len(content) and content[position] not in ";," + _WHITESPACE:
        return None
    return int(digits) if digits else 0


def _take(text: str, position: int, allowed: str) -> str:
    end = position
    while end < len(text) and text[end] in allowed:
        end += 1
    return text[position:end]


def check_meta_refresh(root: html.HtmlElement) -> list[Issue]:
    """The first refresh a browser acts on, against 2.2.1 and (reported) 2.2.4/3.2.5."""
    for meta in root.iter("meta"):
        if (meta.get("http-equiv") or "").strip().lower() != "refresh":
            continue
        content = meta.get("content")
        delay = None if content is None else refresh_delay(content)
        if delay is None:
            continue
        return _delay_issues(delay, html.tostring(meta, encoding="unicode", with_tail=False))
    return []


def _delay_issues(delay: int, context: str) -> list[Issue]:
    """2.2.1's finding (gating) for 1 s to 20 h, then the AAA criteria's for any delay."""
    if delay == 0:
        return []
    found = partial(
        Issue, runner="html", type="error", selector="meta[http-equiv]", context=context
    )
    issues = []
    if delay <= TWENTY_HOURS:
        issues.append(
            found(
                rule="meta-refresh-delay",
                message=f"the page refreshes or redirects itself after {delay} s, a time "
                "limit readers cannot turn off, adjust or extend",
                criterion="2.2.1",
                level="A",
                help_url=UNDERSTANDING.format("timing-adjustable"),
                fix='remove the refresh, or redirect at once (content="0; url=…") or on the server',
                gating=True,
            )
        )
    issues.append(
        found(  # a failure of the criteria; reported only, as they are AAA
            rule="meta-refresh-delay-aaa",
            message=f"the page refreshes or redirects itself after {delay} s",
            criterion="2.2.4, 3.2.5",
            level="AAA",
            help_url=UNDERSTANDING.format("interruptions"),
            fix="leave the page to the reader: link to the new address instead",
        )
    )
    return issues


def html_checks_digest() -> str:
    """What the findings depend on besides the page: this module's code."""
    here = Path(__file__)
    return files_digest(here.parent, [here])
