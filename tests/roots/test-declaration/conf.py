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
site_languages = ["de", "en", "ar"]
site_glossary = str(Path(__file__).parent / "glossary.txt")
site_pdf = False
html_theme = "accessible"
html_baseurl = "https://example.org/erklaerung/"
html_permalinks = False
