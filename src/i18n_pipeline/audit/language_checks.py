"""Checks that no anchor tool makes: is the language a page declares true?

axe and HTML_CodeSniffer check that a ``lang`` value is valid, never that the
text is in that language (WCAG 3.1.1, 3.1.2). Here the page's ``lang``/``dir`` is
compared with the language it was built for (when the site run says so), and
every passage (the page, each block, each element with a ``lang`` of its own,
each accessible name, and phrases of three words and more inside blocks) is
identified and compared with the language declared for it. The audit knows
nothing of this project's languages: the site run hands them over
(``SiteLanguages``); on any other site every language lingua knows is a
candidate, with every language the page declares, and the quick pass narrows
each passage to a shortlist (``identify``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from importlib import metadata
from pathlib import Path
from urllib.parse import urljoin

from babel import Locale, UnknownLocaleError
from lxml import html

from i18n_pipeline.audit.directions import direction_of_language
from i18n_pipeline.audit.identify import (
    MIN_WORDS,
    Judgement,
    judge,
    known_languages,
    lingua_languages,
    primary,
)
from i18n_pipeline.audit.model import Issue, SiteLanguages
from i18n_pipeline.audit.pages import Page
from i18n_pipeline.audit.passages import (
    Passage,
    lang_of,
    page_passages,
    region,
    selector,
    without_exempt,
)
from i18n_pipeline.cache.fingerprint import files_digest

#: Phrases are looked for in windows of this many words, moved by half a window: a
#: phrase of three words or more lies wholly inside one of them.
WINDOW = 4


def language_checks_digest(site: SiteLanguages) -> str:
    """These modules, the identifiers and the site's languages: what the results depend on."""
    here = Path(__file__).parent
    modules = [
        here / f"{name}.py"
        for name in ("language_checks", "identify", "passages", "directions", "tags")
    ]
    versions = " ".join(
        metadata.version(p) for p in ("py3langid", "lingua-language-detector", "langcodes")
    )
    languages = " ".join(site.languages) + " | " + " ".join(site.protected)
    return files_digest(here, modules, versions, languages)


@cache
def english_name(code: str) -> str:
    """The English name of a language (Dutch for ``nl``), as an auditor reads findings."""
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name("en") or code
    except (ValueError, UnknownLocaleError):
        return code


def check_declared_language(root: html.HtmlElement, expected: str | None) -> list[Issue]:
    """<html lang dir> match the language the page was built for (3.1.1; dir for bidi)."""
    if not expected:
        return []
    issues = []
    declared = root.get("lang")
    if declared != expected:
        issues.append(
            Issue(
                runner="language",
                rule="html-lang-mismatch",
                type="error",
                message=f"<html lang={declared!r}> on a page built for {expected!r}",
                criterion="3.1.1",
                level="A",
                selector="html",
                fix=f'set <html lang="{expected}">',
                gating=True,
            )
        )
    direction = (root.get("dir") or "ltr").lower()
    wanted = direction_of_language(expected)
    if direction != wanted:
        issues.append(
            Issue(
                runner="language",
                rule="html-dir-mismatch",
                type="error",
                message=f"<html dir={direction!r}> but {english_name(expected)} is written "
                f"{wanted}",
                criterion="1.3.2",
                level="A",
                selector="html",
                fix=f'set <html dir="{wanted}">',
                gating=True,
            )
        )
    return issues


def page_candidates(root: html.HtmlElement, site: SiteLanguages) -> set[str]:
    """The languages a passage of this page is judged against: the site's (when the site
    run names them) or every language lingua knows, plus every one the page declares.
    Each passage is narrowed further by the quick pass (``identify.judge``)."""
    declared = {primary(str(v)) for v in root.xpath("//@lang")} & known_languages()
    if site.languages:
        return {primary(tag) for tag in site.languages} | declared
    return set(lingua_languages()) | declared


def check_text_language(
    root: html.HtmlElement, site: SiteLanguages, candidates: set[str] | None = None
) -> list[Issue]:
    """Each passage is in the language declared for it (3.1.2), the page too (3.1.1)."""
    candidates = page_candidates(root, site) if candidates is None else candidates
    issues: list[Issue] = []
    page_finding: Judgement | None = None
    for passage, runs, whole in _judged_passages(root, site):
        found = judge(" ".join(runs), passage.declared, candidates, whole) if runs else None
        if found and passage.kind == "page" and found.clear:
            page_finding = found
        elif found and page_finding and _same_cause(passage, found, page_finding, root):
            continue  # the page is in another language: one finding, not one per block
        if found:
            issues.append(_finding(passage, found, " ".join(runs)))
        elif _has_phrases(passage):
            issues += [
                _phrase_finding(passage, text, phrase)
                for text, phrase in unmarked_phrases(runs, passage.declared, candidates)
            ]
    return issues


def texts_to_judge(
    root: html.HtmlElement, site: SiteLanguages
) -> Iterator[tuple[str, str, set[str], bool, bool]]:
    """What ``check_text_language`` asks ``judge`` about on this page (all but the
    trimming of a phrase found), for ``identify.prepare`` to judge first."""
    candidates = page_candidates(root, site)
    for passage, runs, whole in _judged_passages(root, site):
        if runs:
            yield " ".join(runs), passage.declared, candidates, whole, False
        if _has_phrases(passage):
            for run in runs:
                words = run.split()
                for start, end in _windows(words):
                    window = " ".join(words[start:end])
                    yield window, passage.declared, candidates, False, True


def _judged_passages(
    root: html.HtmlElement, site: SiteLanguages
) -> Iterator[tuple[Passage, list[str], bool]]:
    """Each passage in a language, its text runs without the protected terms, and
    whether it is judged whole (a name, the page)."""
    for passage in page_passages(root):
        if passage.declared and passage.text:
            runs = without_exempt(passage.text, site.protected)
            yield passage, runs, passage.kind in ("page", "name")


def _has_phrases(passage: Passage) -> bool:
    """Phrases in another language are looked for in blocks and marked phrases."""
    return passage.kind in ("block", "phrase") and primary(passage.declared) in lingua_languages()


def _windows(words: Sequence[str]) -> Iterator[tuple[int, int]]:
    """The windows a run of ``words`` is searched in (none when the run was judged whole)."""
    if len(words) > WINDOW:
        for start in range(0, len(words) - MIN_WORDS + 1, WINDOW // 2):
            yield start, min(start + WINDOW, len(words))


def _same_cause(
    passage: Passage, found: Judgement, page: Judgement, root: html.HtmlElement
) -> bool:
    return found.found == page.found and primary(passage.declared) == primary(root.get("lang"))


def unmarked_phrases(
    runs: Iterable[str], declared: str, candidates: set[str]
) -> Iterator[tuple[str, Judgement]]:
    """Phrases of three words and more in another language, clearly so, inside text in
    ``declared``: windows of ``WINDOW`` words, neighbours that agree joined, then
    trimmed while the phrase stays clearly the other language."""
    for run in runs:
        words = run.split()
        flagged: list[tuple[int, int, Judgement]] = []
        for start, end in _windows(words):
            found = judge(" ".join(words[start:end]), declared, candidates, clear_only=True)
            if not found or not found.clear:
                continue
            if flagged and flagged[-1][1] >= start and flagged[-1][2].found == found.found:
                flagged[-1] = (flagged[-1][0], end, flagged[-1][2])
            else:
                flagged.append((start, end, found))
        for start, end, found in flagged:
            text, phrase = _trimmed(words[start:end], declared, candidates, found)
            if _more_than_one_word(text.split(), declared, candidates):
                yield text, phrase


def _more_than_one_word(words: list[str], declared: str, candidates: set[str]) -> bool:
    """Still in the other language without its longest word: a single foreign word (a
    term or name, such as "(Staatsangehörigkeitsrecht)") is not a phrase."""
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    rest = words[:longest] + words[longest + 1 :]
    return judge(" ".join(rest), declared, candidates) is not None


def _trimmed(
    words: list[str], declared: str, candidates: set[str], found: Judgement
) -> tuple[str, Judgement]:
    best = found
    for edge in (0, -1):
        while len(words) > MIN_WORDS:
            shorter = words[1:] if edge == 0 else words[:-1]
            again = judge(" ".join(shorter), declared, candidates, clear_only=True)
            if not again or not again.clear or again.found != found.found:
                break
            if again.found_confidence < best.found_confidence:
                break
            words, best = shorter, again
    return " ".join(words), best


def _scores(found: Judgement) -> str:
    return "; ".join(f"{s.identifier}: {s.top()}" for s in found.scores)


def _finding(passage: Passage, found: Judgement, text: str) -> Issue:
    declared, other = found.declared, found.found
    what = passage.what
    if passage.kind == "phrase":
        fix = f'change lang="{lang_of(passage.element)}" to lang="{other}"'
    elif passage.kind == "name":
        fix = (
            f"translate {what} into {english_name(declared)}, or mark its element "
            f'lang="{other}" if it must stay {english_name(other)}'
        )
    elif passage.kind == "page":
        fix = f'set <html lang="{other}">, or translate the page into {english_name(declared)}'
    else:
        fix = f'mark it lang="{other}", or translate it into {english_name(declared)}'
    codes = {
        "page": "page-language-mismatch",
        "block": "block-language-mismatch",
        "phrase": "phrase-language-mismatch",
        "name": "name-language-mismatch",
    }
    return _issue(passage, found, text, codes[passage.kind], fix)


def _phrase_finding(passage: Passage, text: str, found: Judgement) -> Issue:
    fix = (
        f'mark the phrase: <span lang="{found.found}">…</span>, or translate it into '
        f"{english_name(found.declared)}"
    )
    return _issue(passage, found, text, "unmarked-phrase", fix, what=f"a phrase in {passage.what}")


def _issue(
    passage: Passage, found: Judgement, text: str, code: str, fix: str, what: str = ""
) -> Issue:
    where = region(passage.element)
    verdict = "is" if found.clear else "may be"
    message = (
        f"{what or passage.what} in {where} {verdict} in {english_name(found.found)} "
        f"({found.found}, {found.found_confidence:.0%}) but is declared "
        f"{english_name(found.declared)} ({found.declared}, {found.declared_confidence:.0%}); "
        f"{_scores(found)}"
    )
    return Issue(
        runner="language",
        rule=code,
        type="error" if found.clear else "warning",
        message=message,
        criterion="3.1.1" if passage.from_root else "3.1.2",
        level="A" if passage.from_root else "AA",
        selector="html" if passage.kind == "page" else selector(passage.element),
        context=text[:300],
        where=where,
        fix=fix,
        language=found.found,
        gating=found.clear,
        needs_review=not found.clear,
    )


def check_hreflang(pages: Sequence[Page], site: Path) -> dict[str, list[Issue]]:
    """Alternates point at pages that exist, list every language, and point back."""
    alternates: dict[str, dict[str, str]] = {}
    for page in pages:
        links = page.root.xpath('//head/link[@rel="alternate"][@hreflang]')
        if links:
            alternates[page.relative] = {
                str(link.get("hreflang")): str(link.get("href")) for link in links
            }
    issues: dict[str, list[Issue]] = {relative: [] for relative in alternates}
    base = _site_base(alternates, {page.relative for page in pages})
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
                    runner="hreflang",
                    rule="hreflang-x-default",
                    type="warning",
                    message='no hreflang="x-default" alternate',
                )
            )
    return issues


def _hreflang_issue(message: str) -> Issue:
    return Issue(
        runner="hreflang",
        rule="hreflang-alternates",
        type="error",
        message=message,
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
