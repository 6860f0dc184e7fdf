"""The last gate before publishing: check the built pages themselves, not only their input.

The PO checks look at what a translator wrote; escaping happens where text
enters HTML. This looks at the result, so that a gap in either is still caught:
no script, no event handler, no address that runs code, no link or resource on a
host the German source does not name, no file that does not come from
``source/``, no bidi control that reorders the text unless the German source has it,
and the Content-Security-Policy on every page that makes anything
missed inert in readers' browsers.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from lxml import html

from i18n_pipeline.findings import Finding, Severity
from i18n_pipeline.project import Project
from i18n_pipeline.sphinxext.theme import CONTENT_SECURITY_POLICY
from i18n_pipeline.text.bidi import reordering_controls
from i18n_pipeline.text.urls import is_safe_address, parse_address

#: Elements that run code, embed other documents or redirect.
FORBIDDEN_ELEMENTS = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "portal"}
)
#: Attributes that hold an address.
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "poster",
        "data",
        "cite",
        "background",
        "srcset",
        "xlink:href",
        "longdesc",
        "manifest",
        "ping",
        "icon",
    }
)
#: Every address written in the German source. A pattern, not a reST parse: the
#: source is trusted (any URL its editors wrote, in a comment too, may be linked),
#: and parsing it outside Sphinx would fail on Sphinx's own directives.
URL_IN_SOURCE = re.compile(r"https?://[^\s<>`\"')]+")
#: Directories Sphinx copies files into from the source (``:download:``, images).
COPIED_FILE_DIRS = ("_downloads", "_images")
_UTF8 = html.HTMLParser(encoding="utf-8")


#: What to do about each kind of problem. A page is built from the source, the theme and
#: the PO files; the PO checks refuse active markup in a msgstr, so what reaches this far
#: slipped past them, or came from the theme or the source.
FIXES = {
    "output-script": "remove the script or event handler: find the msgstr, template or source "
    "that writes it (the site runs no JavaScript)",
    "output-element": "remove the element: find the msgstr, template or source that writes it",
    "output-redirect": "remove the redirect; link to the page instead",
    "output-style": "load nothing from a style: put the rule in the theme's own stylesheet",
    "output-scheme": "link with https: or mailto: only",
    "output-address": "write the address as the German source does",
    "output-host": "link only to hosts the German source links to (or add the link there first)",
    "output-bidi": "remove the bidi controls from the msgstr (the PO checks name the entry); "
    "the page's dir attributes set the direction",
    "output-security-policy": "build with the project's theme, which writes the policy; do not "
    "override its layout.html head",
    "output-copied-file": "remove the file, or add it to source/ where the editors review it",
}


def _finding(path: Path, rule: str, message: str, line: int | None = 0) -> Finding:
    return Finding(
        path=path,
        line=line or 0,
        rule=rule,
        severity=Severity.ERROR,
        message=message,
        fix=FIXES[rule],
    )


def allowed_hosts(project: Project, base_url: str) -> frozenset[str]:
    """Hosts the German source links to, and the site's own."""
    hosts = {urlsplit(base_url).hostname or ""} if base_url else set()
    for document in project.source_dir.rglob("*.rst"):
        for url in URL_IN_SOURCE.findall(document.read_text(encoding="utf-8")):
            hosts.add(urlsplit(url).hostname or "")
    return frozenset(host.lower() for host in hosts if host)


def source_controls(project: Project) -> frozenset[str]:
    """The bidi controls that reorder text which the German source itself has (none so
    far): a page may show those, and no other."""
    return frozenset(
        char
        for document in project.source_dir.rglob("*.rst")
        for char in reordering_controls(document.read_text(encoding="utf-8"))
    )


def verify_site(site: Path, project: Project, base_url: str) -> list[Finding]:
    """Every problem in every page and copied file of ``site`` (empty: safe to publish)."""
    hosts = allowed_hosts(project, base_url)
    controls = source_controls(project)
    problems: list[Finding] = []
    for page in sorted(site.rglob("*.html")):
        problems += page_problems(page.relative_to(site), page.read_bytes(), hosts, controls)
    problems += copied_file_problems(site, project)
    for script in sorted(site.rglob("*.js")):
        problems.append(_finding(script.relative_to(site), "output-script", "a JavaScript file"))
    return problems


def page_problems(
    path: Path, data: bytes, hosts: frozenset[str], controls: frozenset[str] = frozenset()
) -> list[Finding]:
    """What is wrong with the page ``path``, each said with the offending element and its
    line. ``controls``: the reordering bidi controls the German source has, which the page
    may show."""
    # The build writes UTF-8; read as that, whatever a page declares, so that no
    # character is missed by decoding its bytes as another charset.
    root = html.document_fromstring(data, parser=_UTF8)
    problems = _bidi_problems(path, root, controls)
    policies = root.xpath(
        '//head/meta[translate(@http-equiv, "CONTENT-SECURITY-POLICY", '
        '"content-security-policy")="content-security-policy"]/@content'
    )
    if CONTENT_SECURITY_POLICY not in policies:
        problems.append(
            _finding(
                path,
                "output-security-policy",
                "the Content-Security-Policy meta element is missing or altered",
            )
        )
    for element in root.iter():
        if isinstance(element.tag, str):
            problems += [
                _finding(path, rule, message, element.sourceline)
                for rule, message in _element_problems(element, hosts)
            ]
    for style in root.iter("style"):
        if re.search(r"(?i)url\s*\(|@import", style.text_content()):
            problems.append(
                _finding(
                    path, "output-style", "a <style> element that loads something", style.sourceline
                )
            )
    return problems


def _element_problems(element: html.HtmlElement, hosts: frozenset[str]) -> list[tuple[str, str]]:
    """The rule and message of each thing wrong with one element and its attributes."""
    tag = str(element.tag).lower()
    problems = []
    if tag in FORBIDDEN_ELEMENTS:
        problems.append(
            ("output-script" if tag == "script" else "output-element", f"a <{tag}> element")
        )
    if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
        problems.append(("output-redirect", "a <meta http-equiv=refresh> (redirect)"))
    for name, value in element.attrib.items():
        name = name.lower()
        if name.startswith("on"):
            problems.append(("output-script", f"an event handler {name}= on <{tag}>"))
        elif name == "style" and re.search(r"(?i)url\s*\(|expression\s*\(|@import", value):
            problems.append(("output-style", f"a style attribute that loads something on <{tag}>"))
        elif name in URL_ATTRIBUTES:
            for address in value.split(",") if name == "srcset" else [value]:
                problem = _address_problem(address.strip().split(" ")[0], hosts)
                if problem:
                    rule, said = problem
                    problems.append((rule, f"<{tag} {name}={address.strip()!r}>: {said}"))
    return problems


def _bidi_problems(path: Path, root: html.HtmlElement, allowed: frozenset[str]) -> list[Finding]:
    """Bidi embeddings, overrides and isolates in the page's text or attributes (``title``,
    ``alt``, ``aria-label`` are read out too), whether written as characters or as
    character references: lxml has resolved both. One finding, at the first element
    that shows a refused control."""
    found: Counter[str] = Counter()
    first: dict[str, int] = {}
    for node in root.iter():
        for text in (node.text, node.tail, *node.attrib.values()):
            if text:
                controls = reordering_controls(text)
                found += controls
                for char in controls:
                    first.setdefault(char, node.sourceline or 0)
    refused = sorted(char for char in found if char not in allowed)
    if not refused:
        return []
    shown = ", ".join(
        f"U+{ord(char):04X} {unicodedata.name(char)} ×{found[char]}" for char in refused
    )
    message = f"bidi controls that reorder the text, which the German source lacks: {shown}"
    return [_finding(path, "output-bidi", message, min(first[char] for char in refused))]


def _address_problem(address: str, hosts: frozenset[str]) -> tuple[str, str] | None:
    """The rule an address breaks and why, or None for an address that may be published."""
    parts = parse_address(address)
    if parts is None:
        return "output-address", "the address does not parse"
    if parts.scheme and not is_safe_address(address):
        return "output-scheme", f"the scheme {parts.scheme}: is not allowed"
    host = (parts.hostname or "").lower()
    if host and host not in hosts:
        return "output-host", f"the host {host} is not one the German source links to"
    return None


def copied_file_problems(site: Path, project: Project) -> list[Finding]:
    """Every downloadable or image file must be byte-identical to a file in ``source/``."""
    allowed = {
        hashlib.sha256(path.read_bytes()).hexdigest()
        for path in project.source_dir.rglob("*")
        if path.is_file()
    }
    problems = []
    for folder in COPIED_FILE_DIRS:
        for copied in sorted(site.rglob(f"{folder}/**/*")):
            if copied.is_file() and hashlib.sha256(copied.read_bytes()).hexdigest() not in allowed:
                problems.append(
                    _finding(
                        copied.relative_to(site),
                        "output-copied-file",
                        "a copied file that does not come from source/",
                    )
                )
    return problems
