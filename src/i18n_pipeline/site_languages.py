"""What the audit is told about this project's languages: it knows none of its own.

The audit runs on any site. For this one, the site run hands it the language each
page was built for (by the build's layout: a page under ``<code>/`` is that
language; every page above the languages, the start page and the status pages in
``status/`` too, is the source language's), every language of the site and the
protected terms, which are names and identifiers in no language.
"""

from __future__ import annotations

from pathlib import Path

from i18n_pipeline.audit.model import SiteLanguages
from i18n_pipeline.glossary import load_glossary
from i18n_pipeline.languages import SOURCE_LANGUAGE, all_languages, language


def site_languages(site: Path, glossary: Path) -> SiteLanguages:
    tags = {lang.code: lang.tag for lang in all_languages()}
    if not site.is_dir():
        return SiteLanguages(tuple(tags.values()), {}, load_glossary(glossary))
    whole_layout = set(tags) <= {p.name for p in site.iterdir() if p.is_dir()}
    expected = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        first = relative.split("/", 1)[0]
        if first in tags and "/" in relative:
            expected[relative] = tags[first]
        elif whole_layout:
            expected[relative] = language(SOURCE_LANGUAGE).tag
    return SiteLanguages(tuple(tags.values()), expected, load_glossary(glossary))
