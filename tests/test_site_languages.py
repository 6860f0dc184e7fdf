"""What the site run tells the audit about this project's languages: the language each
page was built for (read off the build's layout), every language, the protected terms."""

from __future__ import annotations

from pathlib import Path

from conftest import PROJECT, SITE
from i18n_pipeline.jobs.site_languages import site_languages


def test_each_page_is_expected_in_the_language_of_its_directory(tmp_path: Path) -> None:
    for lang in SITE.languages:
        (tmp_path / lang.code / "_static").mkdir(parents=True)
        (tmp_path / lang.code / "index.html").write_text("<html></html>")
    (tmp_path / "index.html").write_text("<html></html>")
    (tmp_path / "de" / "leichte-sprache.html").write_text("<html></html>")
    (tmp_path / "status").mkdir()
    (tmp_path / "status" / "ar.html").write_text("<html></html>")

    languages = site_languages(tmp_path, PROJECT)

    assert languages.expected["ar/index.html"] == "ar"
    assert languages.expected["de/leichte-sprache.html"] == "de"
    assert languages.expected["index.html"] == "de"  # the start page: the source language
    # Arabic's status page is about Arabic, in German, as every page above the languages.
    assert languages.expected["status/ar.html"] == "de"
    assert set(languages.languages) == {lang.tag for lang in SITE.languages}
    assert "Katarina Niewiedzial" in languages.protected


def test_a_directory_that_is_not_this_sites_layout_gets_no_expected_language(
    tmp_path: Path,
) -> None:
    (tmp_path / "index.html").write_text("<html></html>")
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "index.html").write_text("<html></html>")

    assert site_languages(tmp_path, PROJECT).expected == {}
