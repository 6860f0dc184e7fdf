"""The auditor's configuration, in the conventions auditors know: a pa11y-ci ``.pa11yci``
file (JSON: ``defaults`` with ``standard``, ``ignore``, ``hideElements``, ``timeout``;
``urls``), read by the audit, plus the audit's own ``accepted`` list: findings an
auditor accepted, one page and one rule each, with the reason, who accepted it and until
when. An accepted finding stays in the report, marked so, never hidden; on the day after
its date it gates again. The security checks (requests to other hosts) and the checks of
the page's language cannot be accepted.

pa11y-ci reads the same file (it ignores ``accepted``); its ``urls`` are addresses,
here they are pages below the audited site.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from pathlib import Path

from i18n_pipeline.audit.model import Issue, PageResult
from i18n_pipeline.errors import ConfigurationError
from i18n_pipeline.io import read_json

STANDARDS = ("WCAG2A", "WCAG2AA", "WCAG2AAA")
DEFAULT_KEYS = {"standard", "ignore", "hideElements", "timeout"}
ACCEPTED_KEYS = {"page", "rule", "reason", "by", "until"}
#: What no acceptance can silence: a request to another host leaks the reader's address,
#: and a page whose language is missing, invalid or wrong is read in the wrong language
#: from its first word.
UNACCEPTABLE = frozenset(
    {
        "third-party-request",
        "html-lang-missing",
        "html-lang-invalid",
        "html-lang-mismatch",
        "page-language-mismatch",
        "html-has-lang",
        "html-lang-valid",
        "html-xml-lang-mismatch",
        "WCAG2AA.Principle3.Guideline3_1.3_1_1.H57.2",
        "WCAG2AA.Principle3.Guideline3_1.3_1_1.H57.3.Lang",
        "WCAG2AA.Principle3.Guideline3_1.3_1_1.H57.3.XmlLang",
    }
)


@dataclass(frozen=True)
class Accepted:
    page: str  # below the site, as the report names it
    rule: str  # the finding's code, as the report names it
    reason: str
    by: str
    until: datetime.date  # the last day it holds


@dataclass(frozen=True)
class AuditorConfig:
    standard: str = "WCAG2AA"
    ignore: tuple[str, ...] = ()
    hide_elements: str = ""
    timeout_ms: int | None = None
    urls: tuple[str, ...] = ()
    accepted: tuple[Accepted, ...] = ()

    def pa11y_options(self) -> dict[str, object]:
        """What pa11y gets of it (the cache key too)."""
        options: dict[str, object] = {"standard": self.standard}
        if self.ignore:
            options["ignore"] = list(self.ignore)
        if self.hide_elements:
            options["hideElements"] = self.hide_elements
        return options


def _refuse(path: Path, what: str, hint: str) -> ConfigurationError:
    return ConfigurationError(what, path=path, hint=hint)


def read_config(path: Path) -> AuditorConfig:
    """The file at ``path``; every mistake is an error naming the file and the entry."""
    try:
        data = read_json(path)
    except ValueError as error:
        raise _refuse(
            path, f"not JSON: {error}", "write .pa11yci as pa11y-ci does (JSON)"
        ) from None
    if not isinstance(data, dict):
        raise _refuse(path, "not a JSON object", 'write {"defaults": {...}, "urls": [...]}')
    unknown = set(data) - {"defaults", "urls", "accepted"}
    if unknown:
        raise _refuse(
            path,
            f"unknown keys {sorted(unknown)}",
            "the audit reads defaults, urls and accepted; remove the others",
        )
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict) or set(defaults) - DEFAULT_KEYS:
        raise _refuse(
            path,
            f"defaults: keys the audit does not read: {sorted(set(defaults) - DEFAULT_KEYS)}",
            f"use only {sorted(DEFAULT_KEYS)} (the audit chooses the browser and runners)",
        )
    standard = defaults.get("standard", "WCAG2AA")
    if standard not in STANDARDS:
        raise _refuse(path, f"defaults.standard: {standard!r}", f"use one of {list(STANDARDS)}")
    ignore = defaults.get("ignore", [])
    hide = defaults.get("hideElements", "")
    timeout = defaults.get("timeout")
    if not _strings(ignore) or not isinstance(hide, str):
        raise _refuse(
            path,
            "defaults.ignore or hideElements",
            "ignore: a list of rule codes; hideElements: one CSS selector",
        )
    if timeout is not None and (not isinstance(timeout, int) or timeout <= 0):
        raise _refuse(path, f"defaults.timeout: {timeout!r}", "milliseconds, a whole number")
    urls = data.get("urls", [])
    if not _strings(urls) or any("://" in url for url in urls):
        raise _refuse(
            path, "urls", "give the pages as paths below the audited site (en/index.html)"
        )
    return AuditorConfig(
        standard,
        tuple(ignore),
        hide,
        timeout,
        tuple(url.lstrip("/") for url in urls),
        tuple(
            _accepted(path, index, entry) for index, entry in enumerate(data.get("accepted", []))
        ),
    )


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _accepted(path: Path, index: int, entry: object) -> Accepted:
    where = f"accepted[{index}]"
    if not isinstance(entry, dict) or set(entry) != ACCEPTED_KEYS:
        raise _refuse(
            path, f"{where}: needs exactly {sorted(ACCEPTED_KEYS)}", "add what is missing"
        )
    if not all(isinstance(entry[key], str) and entry[key].strip() for key in ACCEPTED_KEYS):
        raise _refuse(path, f"{where}: every field is a non-empty text", "fill in each field")
    if entry["rule"] in UNACCEPTABLE:
        raise _refuse(
            path,
            f"{where}: {entry['rule']} cannot be accepted: the security and language-of-page "
            "checks always gate",
            "fix the page instead",
        )
    try:
        until = datetime.date.fromisoformat(entry["until"])
    except ValueError:
        raise _refuse(path, f"{where}: until {entry['until']!r}", "a date: 2027-03-31") from None
    return Accepted(entry["page"].lstrip("/"), entry["rule"], entry["reason"], entry["by"], until)


def apply_accepted(
    pages: list[PageResult], accepted: tuple[Accepted, ...], today: datetime.date
) -> list[PageResult]:
    """Each gating finding an acceptance names is kept, marked accepted and no longer
    gating; an expired acceptance is said in the finding, which gates again."""
    if not accepted:
        return pages
    for page in pages:
        page.issues = [_judged(page.relative, issue, accepted, today) for issue in page.issues]
    return pages


def _judged(page: str, issue: Issue, accepted: tuple[Accepted, ...], today: datetime.date) -> Issue:
    if not issue.gating or issue.rule in UNACCEPTABLE:
        return issue
    for entry in accepted:
        if entry.page == page and entry.rule == issue.rule:
            if today <= entry.until:
                return replace(
                    issue,
                    gating=False,
                    accepted=f"accepted by {entry.by} until {entry.until}: {entry.reason}",
                )
            return replace(
                issue, message=f"{issue.message} [acceptance by {entry.by} expired {entry.until}]"
            )
    return issue
