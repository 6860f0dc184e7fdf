"""Checks that no anchor tool makes: is the language a page declares true?

axe and HTML_CodeSniffer check that a ``lang`` value is valid, never that the
text is in that language (WCAG 3.1.1, 3.1.2). Here every page's ``lang``/``dir``
is compared with the language it was built for, the text of the page and of
each block is identified (py3langid, model shipped in the package) and compared
with the language declared for it, and hreflang alternates are followed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path
from urllib.parse import urljoin

from lxml import html
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from i18n_pipeline.audit.model import Issue
from i18n_pipeline.audit.pages import Page
from i18n_pipeline.fingerprint import files_digest
from i18n_pipeline.languages import all_languages, language

#: Below this many letters a block is too short to judge: names, dates, addresses,
#: headings of two words. Measured on the real site: longer blocks gave no false alarm.
MIN_LETTERS = 60
#: And the identifier must be this sure (probabilities normalised over our languages).
MIN_CONFIDENCE = 0.90
#: Computer text (file names, commands, output) is in no human language.
CODE = frozenset({"code", "kbd", "samp", "var"})
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
)
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


def language_checks_digest() -> str:
    """This module, the identifier and the languages: what the page checks' results depend on."""
    module = Path(__file__)
    tags = " ".join(lang.tag for lang in all_languages())
    return files_digest(module.parent, [module], metadata.version("py3langid"), tags)


@cache
def identifier() -> LanguageIdentifier:
    """py3langid limited to the site's languages: a German block on an English page is 'de'."""
    model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    model.set_languages([lang.code.split("_")[0] for lang in all_languages()])
    return model


def primary(tag: str | None) -> str:
    return (tag or "").split("-")[0].split("_")[0].lower()


def identify(text: str) -> tuple[str, float] | None:
    """(language, confidence), or None when the text is too short to judge."""
    if len(_LETTERS.findall(text)) < MIN_LETTERS:
        return None
    code, probability = identifier().classify(text)
    return code, float(probability)


def check_declared_language(page: Page, root: html.HtmlElement) -> list[Issue]:
    """<html lang dir> match the language the page was built for (3.1.1; dir for bidi)."""
    if page.language is None:
        return []
    expected = language(page.language)
    issues = []
    declared = root.get("lang")
    if declared != expected.tag:
        issues.append(
            Issue(
                "language",
                "html-lang-mismatch",
                "error",
                f"<html lang={declared!r}> on a page built for {expected.tag!r}",
                criterion="3.1.1",
                level="A",
                selector="html",
                gating=True,
            )
        )
    direction = root.get("dir") or "ltr"
    if direction != expected.direction:
        issues.append(
            Issue(
                "language",
                "html-dir-mismatch",
                "error",
                f"<html dir={direction!r}> but {expected.english_name} is written "
                f"{expected.direction}",
                criterion="1.3.2",
                level="A",
                selector="html",
                gating=True,
            )
        )
    return issues


def _own_text(element: html.HtmlElement, lang: str) -> str:
    """The element's text without descendants declared in another language."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        if child.tag in CODE or (child.get("lang") and primary(child.get("lang")) != primary(lang)):
            parts.append(" ")  # another language, or code (file names, commands): not text
        else:
            parts.append(_own_text(child, lang))
        parts.append(child.tail or "")
    return "".join(parts)


def _declared(element: html.HtmlElement) -> str:
    for ancestor in (element, *element.iterancestors()):
        if ancestor.get("lang"):
            return str(ancestor.get("lang"))
    return ""


def _selector(element: html.HtmlElement) -> str:
    path = []
    for node in (element, *element.iterancestors()):
        if node.tag in ("html", "body"):
            break
        index = sum(1 for sibling in node.itersiblings(preceding=True) if sibling.tag == node.tag)
        path.append(f"{node.tag}:nth-of-type({index + 1})")
    return " > ".join(reversed(path))


def check_text_language(page: Page, root: html.HtmlElement) -> list[Issue]:
    """Each block's text is in the language declared for it (3.1.2), the page's too (3.1.1)."""
    issues: list[Issue] = []
    body = root.find("body")
    if body is None:
        return issues
    page_lang = root.get("lang") or ""
    whole = identify(_own_text(body, page_lang))
    if (
        whole
        and whole[1] >= MIN_CONFIDENCE
        and primary(page_lang)
        and whole[0] != primary(page_lang)
    ):
        issues.append(
            Issue(
                "language",
                "page-language-mismatch",
                "error",
                f"the page declares lang={page_lang!r} but its text is {whole[0]!r} "
                f"({whole[1]:.0%} sure)",
                criterion="3.1.1",
                level="A",
                selector="html",
                gating=True,
            )
        )
    for element in body.iter(*BLOCKS):
        if any(ancestor.tag in BLOCKS for ancestor in element.iterancestors()):
            continue  # judged as part of the enclosing block
        declared = _declared(element)
        text = " ".join(_own_text(element, declared).split())
        found = identify(text)
        if not found or found[1] < MIN_CONFIDENCE or not declared or found[0] == primary(declared):
            continue
        issues.append(
            Issue(
                "language",
                "block-language-mismatch",
                "error",
                f"this {element.tag} is in {found[0]!r} ({found[1]:.0%} sure) but is declared "
                f'{declared!r}: mark it with lang="{found[0]}" or translate it',
                criterion="3.1.2",
                level="AA",
                selector=_selector(element),
                context=text[:200],
                gating=True,
            )
        )
    return issues


def check_hreflang(
    pages: Iterable[Page], roots: dict[str, html.HtmlElement], site: Path
) -> dict[str, list[Issue]]:
    """Alternates point at pages that exist, list every language, and point back."""
    alternates: dict[str, dict[str, str]] = {}
    for page in pages:
        links = roots[page.relative].xpath('//head/link[@rel="alternate"][@hreflang]')
        if links:
            alternates[page.relative] = {
                str(link.get("hreflang")): str(link.get("href")) for link in links
            }
    issues: dict[str, list[Issue]] = {relative: [] for relative in alternates}
    base = _site_base(alternates, set(roots))
    for relative, links in alternates.items():
        resolved = {tag: _local(href, base, relative) for tag, href in links.items()}
        for tag, target in resolved.items():
            if target is None or not (site / target).is_file():
                issues[relative].append(
                    _hreflang_issue(
                        f"the alternate for {tag!r} ({links[tag]}) is not a page of this site"
                    )
                )
            elif tag != "x-default" and target in alternates:
                back = {_local(h, base, target) for h in alternates[target].values()}
                if relative not in back:
                    issues[relative].append(
                        _hreflang_issue(f"{target} does not link back to this page")
                    )
                if set(alternates[target]) != set(links):
                    issues[relative].append(
                        _hreflang_issue(
                            f"{target} lists other languages: "
                            f"{sorted(set(alternates[target]) ^ set(links))}"
                        )
                    )
        if "x-default" not in links:
            issues[relative].append(
                Issue(
                    "hreflang", "hreflang-x-default", "warning", 'no hreflang="x-default" alternate'
                )
            )
    return issues


def _hreflang_issue(message: str) -> Issue:
    return Issue(
        "hreflang",
        "hreflang-alternates",
        "error",
        message,
        selector='link[rel="alternate"]',
        gating=True,
    )


def _site_base(alternates: dict[str, dict[str, str]], known: set[str]) -> str:
    """The published address of the site root: what the absolute alternates share
    before a path this site has (``https://example.org/decl/`` + ``en/index.html``)."""
    bases: dict[str, int] = {}
    for links in alternates.values():
        for href in links.values():
            for relative in known:
                if "://" in href and href.endswith("/" + relative):
                    base = href[: len(href) - len(relative)]
                    bases[base] = bases.get(base, 0) + 1
    return max(bases, key=lambda b: (bases[b], -len(b))) if bases else ""


def _local(href: str, base: str, relative: str) -> str | None:
    if base and href.startswith(base):
        return href[len(base) :]
    if "://" in href:
        return None
    return urljoin(relative, href)
