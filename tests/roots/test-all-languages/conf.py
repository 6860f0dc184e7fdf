"""Every language the declaration has (its conf.py's 15 codes), one page, no translations:
for what each language's locale data do to the pages (the footer's dates), not its wording."""

from pathlib import Path

extensions = ["i18n_pipeline.sphinxext"]
project = "Kleine Erklärung"
language = "de"
version = release = "2024-11-19"
site_source_language = "de"
_TWO = "nplurals=2; plural=(n != 1);"
_SLAVIC = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
    "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
)
site_languages = {
    "de": _TWO,
    "en": _TWO,
    "tr": _TWO,
    "ar": (
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
        "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
    ),
    "fa": "nplurals=2; plural=(n > 1);",
    "uk": _SLAVIC,
    "ru": _SLAVIC,
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "ro": "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);",
    "it": _TWO,
    "hr": _SLAVIC,
    "bg": _TWO,
    "el": _TWO,
    "ps": _TWO,
    "ku": _TWO,
}
site_format_locales = {"en": "en_GB"}
# conf.py beside source/, as the project has it (Project(root) reads it)
site_glossary = str(Path(__file__).parent / "glossary.txt")
site_pdf = False
html_theme = "accessible"
html_baseurl = "https://example.org/erklaerung/"
html_permalinks = False
