"""A second project built by the same pipeline: a notice of a municipal integration office.

An example, not a real office: the town, its address, telephone number and e-mail
address are made up (``.example`` is a reserved top-level domain). The German notice
and its accessibility statement are in ``source/``, the English and Arabic
translations in ``locales/``; ``i18n-pipeline site --root examples/aushang`` checks,
builds, audits and publishes it to ``_build/site`` with no code of its own. Everything
that makes it this site is a value below.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent

project = "Aushang des Integrationsbüros: Öffnungszeiten und Beratung"
author = "Integrationsbüro der Stadt Musterstadt"
copyright = "2025, " + author
version = release = "2025-03-03"
root_doc = "index"

extensions = ["i18n_pipeline.sphinxext"]
# What the start page says about the site in Leichte Sprache (start-easy-read.html).
templates_path = ["_templates"]

# --- Languages ------------------------------------------------------------------
# German first, then the translations in the switcher's order, each with the gettext
# Plural-Forms the project records (GNU gettext's, as Poedit and Weblate write them).
site_languages = {
    "de": "nplurals=2; plural=(n != 1);",
    "en": "nplurals=2; plural=(n != 1);",
    "ar": (
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
        "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
    ),
}
language = site_source_language = "de"
site_format_locales = {"en": "en_GB"}  # the English translation is British English

# --- Documents ------------------------------------------------------------------
site_parallel_pages = {"index": "parallel"}  # the notice beside the German
site_accessibility_statement = "barrierefreiheit"
site_glossary = str(ROOT / "glossary.txt")
# No PDF and no Leichte Sprache page: site_pdfs and site_easy_read keep their defaults.

# --- Translations -----------------------------------------------------------
locale_dirs = [str(ROOT / "locales")]  # absolute, as in the declaration's conf.py
gettext_compact = False
gettext_uuid = False
gettext_location = True
translation_progress_classes = True

# --- HTML ---------------------------------------------------------------------
html_theme = "accessible"
html_title = project
html_short_title = "Aushang Integrationsbüro"
html_baseurl = "https://example.org/aushang/"
html_use_index = False
html_domain_indices = False
html_copy_source = False
html_show_sourcelink = False
html_show_sphinx = False
html_permalinks = False
html_last_updated_fmt = None
html_use_opensearch = ""
