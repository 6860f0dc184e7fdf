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
from i18n_pipeline.catalogs.glossary import load_glossary
from i18n_pipeline.config.languages import language
from i18n_pipeline.project import Project


def site_languages(site: Path, project: Project) -> SiteLanguages:
    """What the audit is told of ``site``, built from ``project``'s languages and glossary."""
    tags = {code: language(code).tag for code in project.config.codes}
    glossary = load_glossary(project.glossary_file)
    if not site.is_dir():
        return SiteLanguages(tuple(tags.values()), {}, glossary)
    whole_layout = set(tags) <= {p.name for p in site.iterdir() if p.is_dir()}
    expected = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        first = relative.split("/", 1)[0]
        if first in tags and "/" in relative:
            expected[relative] = tags[first]
        elif whole_layout:
            expected[relative] = tags[project.config.source_language]
    return SiteLanguages(tuple(tags.values()), expected, glossary)
