"""Sphinx configuration, shared by every language build (``sphinx-build -c .``).

The pipeline (``i18n_pipeline``) passes ``language`` per build; what a language is
(names, direction, digits) comes from Babel through the ``i18n_pipeline.sphinxext``
extension. What this site is comes from here: its languages, the documents that get
a PDF or a parallel page, the glossary, the Leichte Sprache page and the
accessibility statement are the ``site_*`` values below, which the extension
registers (with their types) and the pipeline reads.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent

project = "Berliner Erklärung der Integrationsbeauftragten der Länder und des Bundes"
author = "Die Integrationsbeauftragten der Länder und des Bundes"
copyright = "2024, " + author
version = release = "2024-11-19"
root_doc = "index"

extensions = ["i18n_pipeline.sphinxext"]
# This site's own templates: what the start page says about it in Leichte Sprache
# (start-easy-read.html).
templates_path = ["_templates"]

# --- Languages ------------------------------------------------------------------
# Every language of the site with its gettext Plural-Forms: the source language first,
# then the translations in the order the language switcher shows them. Adding a
# language is one line here plus its PO files (``tox -e update`` creates them). The
# plural rule is written into every PO header, so it is the project's record, not the
# installed Babel's opinion (Babel 2.19 gave Turkish and Persian a second form and
# Italian a third; a header that was right the day before turned into an error on a
# fresh machine). The rules are GNU gettext's and translate-toolkit's, the ones Poedit
# and Weblate write (Arabic in the GNU order, Italian with two forms); Persian's is
# translate-toolkit's and CLDR's. A header that follows another recognised table is
# accepted too (i18n_pipeline.config.plurals).
site_languages = {
    "de": "nplurals=2; plural=(n != 1);",
    "en": "nplurals=2; plural=(n != 1);",
    "tr": "nplurals=2; plural=(n != 1);",
    "ar": (
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
        "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
    ),
    "fa": "nplurals=2; plural=(n > 1);",
    "uk": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
        "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "ru": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
        "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "pl": (
        "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "ro": "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);",
    "it": "nplurals=2; plural=(n != 1);",
    "hr": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
        "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "bg": "nplurals=2; plural=(n != 1);",
    "el": "nplurals=2; plural=(n != 1);",
    "ps": "nplurals=2; plural=(n != 1);",
    "ku": "nplurals=2; plural=(n != 1);",
}
# The language the declaration was written in; every other page is a translation.
language = site_source_language = "de"
# The CLDR locale whose conventions (dates, numbers) a translation follows, where it is
# not the bare language: the English translation is written in British usage (spelling,
# "Section 3(1)", "19 November 2024"), as the EU's English texts are; Babel's bare
# ``en`` is American ("November 19, 2024").
site_format_locales = {"en": "en_GB"}

# --- Documents ------------------------------------------------------------------
site_pdfs = {"index": "berliner-erklaerung.pdf"}  # printed in every language (WeasyPrint)
site_parallel_pages = {"index": "parallel"}  # beside the German, in every translation
site_easy_read = "leichte-sprache"  # the declaration in Leichte Sprache, German only
site_accessibility_statement = "barrierefreiheit"  # linked from every page's footer

# --- Translations -----------------------------------------------------------
# Absolute on purpose: Sphinx resolves locale_dirs against source/, sphinx-intl
# against this file's directory, and a wrong path fails silently (German pages).
locale_dirs = [str(ROOT / "locales")]
gettext_compact = False
gettext_uuid = False
gettext_location = True
translation_progress_classes = True
site_glossary = str(ROOT / "glossary.txt")  # names marked with their language (sphinxext.names)
site_termbase = str(ROOT / "termbase.tbx")  # key terms and their approved renderings (TBX)
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
