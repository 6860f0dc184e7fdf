"""The Sphinx extension, one behaviour per test, on a small declaration of three paragraphs
in German, English and Arabic (``tests/roots/test-declaration``), built by Sphinx's own
test application (``sphinx.testing``) in about a second per build."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import html
from sphinx.errors import ConfigError
from sphinx.testing.util import SphinxTestApp

UNTRANSLATED = "Dieser Absatz ist noch nicht übersetzt."
ARABIC_PO = "locales/ar/LC_MESSAGES/index.po"


class Build:
    """Builds a fresh copy of the small declaration in one language, edited first if asked."""

    def __init__(self, make_app: Callable[..., SphinxTestApp], root: Path, scratch: Path) -> None:
        self.make_app, self.root, self.scratch = make_app, root, scratch

    def __call__(
        self,
        language: str,
        edits: dict[str, tuple[str, str]] | None = None,
        **confoverrides: object,
    ) -> SphinxTestApp:
        srcdir = self.scratch / f"declaration-{language}-{len(list(self.scratch.iterdir()))}"
        shutil.copytree(self.root, srcdir)
        for name, (old, new) in (edits or {}).items():
            text = (srcdir / name).read_text(encoding="utf-8")
            assert old in text, f"{old!r} is not in {name}"
            (srcdir / name).write_text(text.replace(old, new), encoding="utf-8")
        app = self.make_app(
            "html",
            srcdir=srcdir,
            freshenv=True,
            confoverrides={"language": language, **confoverrides},
        )
        app.build()
        return app


@pytest.fixture
def build(make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path) -> Build:
    return Build(make_app, rootdir / "test-declaration", tmp_path)


def page(app: SphinxTestApp, name: str = "index.html") -> html.HtmlElement:
    return html.fromstring((app.outdir / name).read_bytes())


def paragraph(root: html.HtmlElement, text: str) -> html.HtmlElement:
    [found] = [p for p in root.xpath("//main//p") if p.text_content() == text]
    return found


def test_the_page_carries_its_language_and_direction(build: Build) -> None:
    assert page(build("ar")).attrib == {"lang": "ar", "dir": "rtl"}
    assert page(build("en")).attrib == {"lang": "en", "dir": "ltr"}


@pytest.mark.parametrize(("language", "direction"), [("en", None), ("ar", "ltr")])
def test_an_untranslated_paragraph_is_marked_german(
    build: Build, language: str, direction: str | None
) -> None:
    root = page(build(language))

    german = paragraph(root, UNTRANSLATED)
    assert (german.get("lang"), german.get("dir")) == ("de", direction)
    assert [p for p in root.xpath("//main//p[@lang]") if p is not german] == []


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("ar", "ltr")])
def test_an_untranslated_paragraph_is_marked_german_on_the_parallel_page_too(
    build: Build, language: str, direction: str
) -> None:
    """One rule for every page type: the fallback is German, marked so, in both columns of
    the comparison, and only there; a translated paragraph stays in the page's language."""
    root = page(build(language), "parallel.html")

    sources = root.xpath('//div[@class="parallel-source"]')
    translations = root.xpath('//div[@class="parallel-translation"]')
    pairs = [
        (" ".join(s.text_content().split()), t) for s, t in zip(sources, translations, strict=True)
    ]
    [fallback] = [t for german, t in pairs if german == UNTRANSLATED]
    assert " ".join(fallback.text_content().split()) == UNTRANSLATED
    assert (fallback.get("lang"), fallback.get("dir")) == ("de", direction)
    assert [t.get("lang") for german, t in pairs if german != UNTRANSLATED] == [None] * (
        len(pairs) - 1
    )


def test_the_lang_role_marks_a_german_phrase_inside_a_translation(build: Build) -> None:
    root = page(build("ar"))

    [phrase] = root.xpath('//main//span[@lang="de"][.="das Erreichte"]')
    assert phrase.get("dir") == "ltr"


def test_the_lang_role_with_an_unknown_language_is_an_error_at_its_line(build: Build) -> None:
    app = build("ar", edits={ARABIC_PO: ("<de>`", "<zz>`")})

    # Line 4 of the German source; the error sits in its translation (Sphinx's notation).
    assert "index.rst:4:<translated>:1: ERROR: the :lang: role names an unknown language 'zz'" in (
        app.warning.getvalue()
    )
    assert not page(app).xpath('//main//span[@lang="zz"]')


def test_a_glossary_name_inside_right_to_left_text_is_german_and_isolated(build: Build) -> None:
    root = page(build("ar"))

    [name] = root.xpath('//main//span[.="Katarina Niewiedzial"]')
    assert (name.get("lang"), name.get("dir")) == ("de", "ltr")


def test_the_switcher_names_every_language_in_itself_and_marks_the_current_one(
    build: Build,
) -> None:
    links = page(build("ar")).xpath("//nav//a[@hreflang]")

    assert [
        (a.get("href"), a.get("lang"), a.get("dir"), a.get("aria-current"), a.text_content())
        for a in links
    ] == [
        ("../de/index.html", "de", "ltr", None, "Deutsch"),
        ("../en/index.html", "en", "ltr", None, "English"),
        ("../ar/index.html", "ar", "rtl", "page", "العربية"),
        ("../de/leichte-sprache.html", "de", "ltr", None, "Leichte Sprache"),
    ]


def test_the_footer_counts_the_paragraphs_still_in_german(build: Build) -> None:
    provenance = {"index": {"revision": "0123456789ab", "changed": "2024-11-20"}}
    root = page(build("en", site_provenance=provenance))

    [footer] = root.xpath('//footer//p[@class="provenance"]')
    assert "0123456789ab" in footer.text_content()
    assert footer.text_content().endswith(": 1.")


def test_a_build_in_a_language_the_site_does_not_have_stops_at_the_configuration(
    build: Build,
) -> None:
    with pytest.raises(ConfigError, match="'fr' is not one of site_languages"):
        build("fr")


def test_a_build_with_a_wrong_plural_record_stops_naming_the_language(build: Build) -> None:
    wrong = {"de": "nplurals=2; plural=(n != 1);", "en": "two forms"}
    with pytest.raises(ConfigError, match="'en' needs its gettext Plural-Forms"):
        build("en", site_languages=wrong)
