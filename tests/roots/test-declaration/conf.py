"""A small declaration: the project's extension and theme, three paragraphs, two translations."""

from pathlib import Path

extensions = ["i18n_pipeline.sphinxext"]
project = "Kleine Erklärung"
language = "de"
version = release = "2024-11-19"
locale_dirs = ["locales"]  # conf.py sits in the source directory here: Sphinx and sphinx-intl agree
gettext_compact = False
translation_progress_classes = True
site_source_language = "de"
site_languages = {
    "de": "nplurals=2; plural=(n != 1);",
    "en": "nplurals=2; plural=(n != 1);",
    "ar": (
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
        "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
    ),
}
site_format_locales = {"en": "en_GB"}
site_glossary = str(Path(__file__).parent / "glossary.txt")
site_parallel_pages = {"index": "parallel"}
site_easy_read = "leichte-sprache"  # linked from the switcher (the page itself is not here)
site_accessibility_statement = "barrierefreiheit"  # linked from the footer (nor is this)
site_pdf = False
html_theme = "accessible"
html_baseurl = "https://example.org/erklaerung/"
html_permalinks = False
