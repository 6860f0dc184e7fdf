"""The built site: every language, really translated, names untouched, a start page."""

from __future__ import annotations

import re

import pytest

from conftest import REPO, SITE, parse
from i18n_pipeline.project import Project

pytestmark = pytest.mark.slow

SIGNATORIES = [
    line.strip().removesuffix("[de]").strip()
    for line in (REPO / "glossary.txt")
    .read_text(encoding="utf-8")
    .split("# Identifiers")[0]
    .splitlines()
    if line.strip() and not line.startswith("#")
]


def test_the_glossary_lists_all_ten_signatories() -> None:
    assert len(SIGNATORIES) == 10
    assert "Reem Alabali-Radovan" in SIGNATORIES


@pytest.mark.parametrize("lang", SITE.languages, ids=lambda lang: lang.code)
def test_every_language_has_its_pages_with_lang_and_dir(built_project: Project, lang) -> None:
    for page in ("index.html", "barrierefreiheit.html"):
        root = parse(built_project.site_dir / lang.code / page)
        assert root.get("lang") == lang.tag
        assert root.get("dir") == lang.direction


@pytest.mark.parametrize("lang", SITE.translations, ids=lambda lang: lang.code)
def test_translated_pages_are_really_translated(built_project: Project, lang) -> None:
    """A wrong locale_dirs fails silently (German pages): catch that here."""
    root = parse(built_project.site_dir / lang.code / "index.html")
    fallback = root.xpath('//main//*[@lang="de"][not(contains(@class, "foreign"))]')
    assert not fallback, "German fallback text on a finished translation"
    assert "Deutschland ist ein Einwanderungsland" not in root.text_content()
    assert root.xpath("//main//h1")[0].text_content().strip() != (
        "Berliner Erklärung der Integrationsbeauftragten der Länder und des Bundes"
    )


@pytest.mark.parametrize("lang", SITE.languages, ids=lambda lang: lang.code)
def test_every_signatory_name_appears_unchanged(built_project: Project, lang) -> None:
    text = parse(built_project.site_dir / lang.code / "index.html").text_content()
    missing = [name for name in SIGNATORIES if name not in text]
    assert not missing


@pytest.mark.parametrize("lang", SITE.languages, ids=lambda lang: lang.code)
def test_signatory_names_stay_bold(built_project: Project, lang) -> None:
    root = parse(built_project.site_dir / lang.code / "index.html")
    bold = " ".join(strong.text_content() for strong in root.xpath("//main//strong"))
    assert all(name in bold for name in SIGNATORIES)


def test_landing_page_links_every_language_by_native_name(built_project: Project) -> None:
    root = parse(built_project.site_dir / "index.html")
    links = {a.get("href"): a for a in root.xpath("//main//nav//a")}
    for lang in SITE.languages:
        link = links[f"{lang.code}/index.html"]
        assert link.text_content() == lang.native_name
        assert link.get("lang") == lang.tag
        assert link.get("hreflang") == lang.tag
        assert (built_project.site_dir / lang.code / "index.html").is_file()


def test_landing_page_explains_itself_in_leichte_sprache(built_project: Project) -> None:
    root = parse(built_project.site_dir / "index.html")
    assert root.get("lang") == "de"
    section = root.xpath('//section[contains(@class, "easy-read")]')[0]
    assert section.xpath(".//h2")[0].text_content() == "Informationen in Leichter Sprache"
    assert "Klicken Sie auf Ihre Sprache" in section.text_content()


def test_date_is_formatted_for_each_language(built_project: Project) -> None:
    def date_of(code: str) -> str:
        root = parse(built_project.site_dir / code / "index.html")
        time = root.xpath("//time")[0]
        assert time.get("datetime") == "2024-11-19"
        return time.text_content()

    assert date_of("de") == "19. November 2024"
    assert date_of("en") == "19 November 2024", "British, like the rest of the translation"
    assert date_of("fa") == "۱۹ نوامبر ۲۰۲۴"
    assert re.fullmatch(r"19 نوفمبر 2024", date_of("ar"))


def test_no_compiled_catalogs_or_build_output_are_tracked() -> None:
    import subprocess

    tracked = subprocess.run(
        ["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    assert not [path for path in tracked if path.endswith(".mo") or path.startswith("_build/")]


@pytest.mark.parametrize("code", ["ar", "fa", "ru", "uk"])
def test_names_in_a_page_of_another_script_carry_their_language(
    built_project: Project, code: str
) -> None:
    """Screen readers switch to a German voice for the names; RTL pages isolate them."""
    root = parse(built_project.site_dir / code / "index.html")
    rtl = root.get("dir") == "rtl"
    for name in SIGNATORIES:
        [span] = [s for s in root.xpath('//main//span[@lang="de"]') if s.text_content() == name]
        assert span.get("dir") == ("ltr" if rtl else None)


def test_names_in_latin_script_pages_are_left_alone(built_project: Project) -> None:
    root = parse(built_project.site_dir / "en" / "index.html")
    assert not root.xpath('//main//span[contains(@class, "name")]')


@pytest.mark.parametrize(
    ("code", "native"), [("ar", "ريم العبلي-رادوفان"), ("fa", "ریم العبلی-رادووان")]
)
def test_arabic_script_pages_give_the_native_form_and_keep_the_latin_name(
    built_project: Project, code: str, native: str
) -> None:
    text = parse(built_project.site_dir / code / "index.html").text_content()
    assert f"{native} (Reem Alabali-Radovan)" in text
