"""Sphinx configuration, shared by every language build (``sphinx-build -c .``).

The pipeline (``i18n_pipeline``) passes ``language`` per build; everything that
differs between languages comes from Babel through the ``i18n_pipeline.sphinxext``
extension, not from here.
"""

from __future__ import annotations

import os
from pathlib import Path

from i18n_pipeline.languages import SOURCE_LANGUAGE, TRANSLATIONS

ROOT = Path(__file__).resolve().parent

project = "Berliner Erklärung der Integrationsbeauftragten der Länder und des Bundes"
author = "Die Integrationsbeauftragten der Länder und des Bundes"
copyright = "2024, " + author
language = SOURCE_LANGUAGE
version = release = "2024-11-19"
root_doc = "index"

extensions = ["i18n_pipeline.sphinxext"]

# --- Translations -----------------------------------------------------------
# Absolute on purpose: Sphinx resolves locale_dirs against source/, sphinx-intl
# against this file's directory, and a wrong path fails silently (German pages).
locale_dirs = [str(ROOT / "locales")]
gettext_compact = False
gettext_uuid = False
gettext_location = True
translation_progress_classes = True
site_source_language = SOURCE_LANGUAGE
site_languages = [SOURCE_LANGUAGE, *TRANSLATIONS]
site_glossary = str(ROOT / "glossary.txt")  # names marked with their language (sphinxext.names)
# The Prüfgruppe's check of the Leichte Sprache page (pruefgruppe.py); the page says whether
# one is recorded for its current text. Named here, its bytes are an input of every build.
site_easy_read_record = str(ROOT / "reviews" / "leichte-sprache.json")

# --- HTML ---------------------------------------------------------------------
html_theme = "accessible"
html_title = project
html_short_title = "Berliner Erklärung"
# Placeholder until the publishing host is decided; used for hreflang and sitemap.
html_baseurl = os.environ.get("SITE_BASE_URL", "https://example.org/berliner-erklaerung/")
html_use_index = False
html_domain_indices = False
html_copy_source = False
html_show_sourcelink = False
html_show_sphinx = False
html_permalinks = False  # their English title "Link to this heading" is untranslated in ar and uk
html_last_updated_fmt = None
html_use_opensearch = ""
