"""The publishing gate, tried as an attacker would: a translator's PO file is untrusted.

Each attack must stop the run with a message naming the file, the line and the
check, leave the published site byte-identical, and never reach ``_build/site``.
Attacks that the checks are not meant to see are made harmless by the layers
behind them: escaping in the theme, the snapshot, the build-private catalogs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import polib
import pytest

from conftest import (
    SITE,
    built_copy,
    copy_example,
    edit_entry,
    parse,
    replace_in_msgstr,
)
from i18n_pipeline.build.languages import build_release
from i18n_pipeline.build.release import discard
from i18n_pipeline.catalogs.snapshot import take_snapshot
from i18n_pipeline.checks import runner
from i18n_pipeline.checks.output import verify_site
from i18n_pipeline.cli import main
from i18n_pipeline.errors import ExitCode, InputMissingError, PipelineError
from i18n_pipeline.jobs.site import build_site
from i18n_pipeline.project import Project
from i18n_pipeline.sphinxext.theme import THEME_DIR

pytestmark = pytest.mark.slow


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A published copy of its own: the attacks change its PO files."""
    return built_copy(tmp_path_factory.mktemp("gate") / "project")


@pytest.fixture
def attacked(published: Project) -> Iterator[Project]:
    """The published project; its PO files are restored after each attack."""
    saved = {p: p.read_bytes() for p in published.locale_dir.rglob("*.po")}
    yield published
    for stray in published.locale_dir.rglob("*.mo"):
        stray.unlink()
    for path, data in saved.items():
        path.write_bytes(data)


def edit_at_line(
    project: Project,
    code: str,
    domain: str,
    match: str | Callable[[polib.POEntry], bool],
    edit: Callable[[polib.POEntry], None],
) -> tuple[Path, int]:
    """Edit one entry (as an editor would); return the file and the msgid's line."""
    entry = edit_entry(project, code, match, edit, domain=domain)
    path = project.locale_dir / code / "LC_MESSAGES" / f"{domain}.po"
    lines = path.read_text(encoding="utf-8").splitlines()
    return path, next(
        n for n, line in enumerate(lines, 1) if line.startswith("msgid ") and n >= entry.linenum
    )


def edit_msgstr(project: Project, code: str, domain: str, msgid: str, new: str) -> tuple[Path, int]:
    """Set the msgstr of the entry whose msgid starts with ``msgid``."""

    def set_msgstr(entry: polib.POEntry) -> None:
        entry.msgstr = new

    return edit_at_line(project, code, domain, msgid, set_msgstr)


def append_entry(project: Project, code: str, domain: str, text: str) -> tuple[Path, int]:
    path = project.locale_dir / code / "LC_MESSAGES" / f"{domain}.po"
    before = path.read_text(encoding="utf-8")
    path.write_text(before + "\n" + text, encoding="utf-8")
    return path, before.count("\n") + 2  # the entry's first line


Attack = Callable[[Project], tuple[Path, int]]

ATTACKS: dict[str, tuple[Attack, str, str]] = {
    "chrome-attribute-breakout": (
        lambda p: edit_msgstr(
            p, "en", "sphinx", "Sprachversionen", 'Languages" onmouseover="alert(1)" x="'
        ),
        "unsafe-markup",
        "onmouseover",
    ),
    "chrome-script-in-backquotes": (
        lambda p: edit_msgstr(p, "en", "sphinx", "Zum Inhalt", "Skip `<script>alert(1)</script>`"),
        "unsafe-markup",
        "<script>alert(1)",
    ),
    "script-in-the-pdf-link": (
        lambda p: edit_msgstr(
            p, "en", "sphinx", "Die Erklärung als", "PDF</a><script>alert(1)</script> %(size)s"
        ),
        "unsafe-markup",
        "<script>alert(1)",
    ),
    "plural-entry-with-script": (
        lambda p: append_entry(
            p,
            "en",
            "sphinx",
            'msgid "eine Sprache"\nmsgid_plural "%d Sprachen"\nmsgstr[0] "one"\n'
            'msgstr[1] "%d<script>alert(1)</script>"\n',
        ),
        "unsafe-markup",
        "<script>alert(1)",
    ),
    "waived-javascript-link": (
        lambda p: _waived(
            p,
            "unsafe-markup,markup-parity",
            "`barrierefreiheit@example.org <javascript:alert(1)>`__",
        ),
        "unsafe-markup",
        "javascript:alert",
    ),
    "waived-download-outside-the-repository": (
        lambda p: _waived(p, "rst-syntax", "`annex <../../../secret.txt>`:download:"),
        "unsafe-markup",
        "secret",
    ),
    "second-paragraph": (
        lambda p: edit_msgstr(
            p, "en", "index", "Jetzt gilt es", "We are diverse.\n\nINJECTED PARAGRAPH."
        ),
        "block-structure",
        "INJECTED PARAGRAPH",
    ),
    "unknown-language-tag": (
        lambda p: edit_msgstr(p, "en", "index", "Jetzt gilt es", "We are :lang:`diverse <zz>`."),
        "unsafe-markup",
        "diverse",
    ),
    "bidi-override-shows-another-number": (
        lambda p: _edit_en_index(p, "Around 30 per cent", "Around \u202e30\u202c per cent"),
        "bidi-controls",
        "\u202e30",
    ),
    "thirty-per-cent-as-a-fraction": (
        lambda p: _edit_en_index(p, "Around 30 per cent", "Around 0.30 per cent"),
        "numbers",
        "0.30 per cent",
    ),
    "look-alike-address-on-the-real-link": (
        lambda p: _waived(
            p,
            "protected-term,link-text",
            "`b\u0430rrierefreiheit@example.org <mailto:barrierefreiheit@example.org>`__",
        ),
        "link-text",
        "b\u0430rrierefreiheit",
    ),
    # What the audit's refresh and text-spacing checks look for must not come from a PO
    # file in the first place.
    "refresh-timer-in-a-raw-block": (
        lambda p: edit_msgstr(
            p,
            "en",
            "index",
            "Jetzt gilt es",
            'We are diverse.\n\n.. raw:: html\n\n   <meta http-equiv="refresh" content="5">',
        ),
        "unsafe-markup",
        'http-equiv="refresh"',
    ),
    "important-spacing-in-a-style-attribute": (
        lambda p: edit_msgstr(
            p,
            "en",
            "index",
            "Jetzt gilt es",
            'We are <span style="line-height: 1 !important">diverse</span>.',
        ),
        "unsafe-markup",
        "line-height: 1 !important",
    ),
    "fuzzy-flag-polib-cannot-read": (
        lambda p: append_entry(p, "en", "index", '#,fuzzy\nmsgid "Neu"\nmsgstr "NEW-ENTRY"\n'),
        "the way GNU gettext does",
        "NEW-ENTRY",
    ),
}


def _edit_en_index(project: Project, old: str, new: str) -> tuple[Path, int]:
    """Replace ``old`` in the English msgstr that has it."""
    return edit_at_line(
        project, "en", "index", lambda e: old in e.msgstr, replace_in_msgstr(old, new)
    )


def _waived(project: Project, checks: str, link: str) -> tuple[Path, int]:
    """Replace the e-mail link with ``link`` and waive ``checks`` above the entry."""

    def waive(entry: polib.POEntry) -> None:
        entry.tcomment = f"check: ignore {checks} -- reviewed, fine"
        entry.msgstr = re.sub(r"`[^`]*<mailto:[^`]*>`__", link, entry.msgstr)

    return edit_at_line(
        project, "en", "barrierefreiheit", lambda e: "mailto:barrierefreiheit" in e.msgid, waive
    )


@pytest.mark.parametrize(("attack", "check", "payload"), ATTACKS.values(), ids=ATTACKS.keys())
def test_an_attack_stops_the_run_naming_file_line_and_check(
    attacked: Project, attack: Attack, check: str, payload: str
) -> None:
    _stops_and_publishes_nothing(attacked, attack, check, payload, fresh=False)


def _stops_and_publishes_nothing(
    project: Project, attack: Attack, check: str, payload: str, *, fresh: bool
) -> None:
    """The attacked run stops naming the file, line and check; the site is untouched."""
    before = files(project.site_dir)
    path, line = attack(project)

    with pytest.raises(PipelineError) as stopped:
        build_site(project, fresh=fresh)

    assert (stopped.value.path, stopped.value.line) == (path, line), str(stopped.value)
    assert check in str(stopped.value)
    assert files(project.site_dir) == before, "the published site is byte-identical"
    assert not any(payload.encode() in data for data in before.values())


COLD_ATTACKS = (
    "chrome-script-in-backquotes",
    "waived-javascript-link",
    "bidi-override-shows-another-number",
)


@pytest.mark.parametrize("name", COLD_ATTACKS)
def test_an_attack_stops_a_cold_run_whose_catalogs_are_checked_side_by_side(
    attacked: Project, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh run (a new clone, ``--fresh``) checks every catalog, a process per core."""
    monkeypatch.setattr(runner.os, "cpu_count", lambda: 2)
    _stops_and_publishes_nothing(attacked, *ATTACKS[name], fresh=True)


def test_the_site_command_exits_non_zero_naming_file_line_and_check(
    attacked: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    path, line = ATTACKS["waived-javascript-link"][0](attacked)

    code = main(["--root", str(attacked.root), "site", "--skip-audit"])

    out = capsys.readouterr().out
    assert code == 1
    assert f"{path}:{line}: error:" in out and "(unsafe-markup)" in out
    assert "(waiver-refused)" in out


def test_a_stale_mo_beside_a_po_file_is_never_built(attacked: Project) -> None:
    path, _ = edit_msgstr(attacked, "en", "index", "Jetzt gilt es", "STALE MO TEXT.")
    mo = path.with_suffix(".mo")
    subprocess.run(["msgfmt", "-o", str(mo), str(path)], check=True)  # as a preview would
    # The translator then writes the real text; the .mo stays newer, which is what
    # Sphinx's incremental build trusts.
    edit_msgstr(attacked, "en", "index", "Jetzt gilt es", "Now it is important to act.")
    os.utime(mo, (time.time() + 60, time.time() + 60))

    build_site(attacked)

    page = (attacked.site_dir / "en" / "index.html").read_text(encoding="utf-8")
    assert "STALE MO TEXT" not in page
    assert "Now it is important to act." in page


def test_the_build_reads_the_snapshot_not_a_file_changed_after_the_check(
    attacked: Project,
) -> None:
    snapshot = take_snapshot(attacked, SITE.translations)
    edit_msgstr(attacked, "en", "index", "Jetzt gilt es", "SWAPPED AFTER THE CHECK.")

    release = build_release(attacked, snapshot, fresh=True)
    try:
        page = (release.path / "en" / "index.html").read_text(encoding="utf-8")
        assert "SWAPPED AFTER THE CHECK" not in page
    finally:
        discard(release.path)


def test_a_missing_po_file_stops_the_run_and_publishes_nothing_stale(
    attacked: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    before = files(attacked.site_dir)
    missing = attacked.locale_dir / "tr" / "LC_MESSAGES" / "index.po"
    missing.unlink()

    with pytest.raises(InputMissingError) as stopped:
        build_site(attacked)
    code = main(["--root", str(attacked.root), "check"])

    assert stopped.value.path == missing and "tox -e update -- tr" in stopped.value.hint
    assert code == 2 and str(missing) in capsys.readouterr().err
    assert files(attacked.site_dir) == before


def test_chrome_strings_are_escaped_even_when_no_check_ran(attacked: Project) -> None:
    breakout = 'Languages" onmouseover="alert(1)" x="'
    edit_msgstr(attacked, "en", "sphinx", "Sprachversionen", breakout)
    edit_msgstr(attacked, "en", "sphinx", "Zum Inhalt", "<script>alert(1)</script>")
    pdf_link = 'PDF</a><script>alert(1)</script><a href="https://evil.example/"> %(size)s'
    edit_msgstr(attacked, "en", "sphinx", "Die Erklärung als", pdf_link)

    release = build_release(attacked, take_snapshot(attacked, SITE.translations))
    try:
        root = parse(release.path / "en" / "index.html")
        [nav] = root.xpath('//nav[contains(@class, "language-switcher")]')
        assert nav.get("aria-label") == breakout and nav.get("onmouseover") is None
        assert not root.xpath("//script")
        [link] = root.xpath('//a[@type="application/pdf"]')
        assert link.text_content().startswith("PDF</a><script>")  # shown as text, inert
        assert not root.xpath('//a[contains(@href, "evil.example")]')
        assert verify_site(release.path, attacked, "https://example.org/") == []
    finally:
        discard(release.path)


def test_every_value_the_theme_inserts_is_escaped() -> None:
    layout = (THEME_DIR / "layout.html").read_text(encoding="utf-8")
    expressions = re.findall(r"\{\{(.*?)\}\}", layout)
    unescaped = [e for e in expressions if not e.strip().endswith("|e") and "css_tag" not in e]
    assert expressions and not unescaped


def test_the_build_command_does_not_publish(
    attacked: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    before = files(attacked.site_dir)
    edit_msgstr(attacked, "en", "index", "Jetzt gilt es", "We are a diverse country.")

    assert main(["--root", str(attacked.root), "build"]) == 0

    assert files(attacked.site_dir) == before
    scratch = attacked.build_dir / "scratch" / "en" / "index.html"
    assert "We are a diverse country." in scratch.read_text(encoding="utf-8")
    assert "not published" in capsys.readouterr().out


def test_the_base_url_is_part_of_the_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_example(tmp_path / "aushang")
    conf = project.root / "conf.py"  # the base URL from the environment, as the declaration's
    setting = '\nimport os\n\nhtml_baseurl = os.environ.get("SITE_BASE_URL", html_baseurl)\n'
    conf.write_text(conf.read_text(encoding="utf-8") + setting, encoding="utf-8")
    build_site(project)
    monkeypatch.setenv("SITE_BASE_URL", "https://integration.example.de/")

    results = build_site(project)

    assert {r.status for r in results} == {"built"}
    page = (project.site_dir / "ar" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://integration.example.de/en/index.html"' in page


def test_a_bug_is_an_internal_error_not_a_finding(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], project_copy: Project
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("i18n_pipeline.jobs.site.take_snapshot", broken)

    assert main(["--root", str(project_copy.root), "build"]) == ExitCode.INTERNAL_ERROR
    assert "internal error" in capsys.readouterr().err


def test_benign_edits_still_pass(attacked: Project) -> None:
    edit_msgstr(
        attacked,
        "en",
        "index",
        "Jetzt gilt es",
        "We are a country of diversity (:lang:`Vielfalt <de>`); the following data: none.",
    )

    build_site(attacked)

    page = (attacked.site_dir / "en" / "index.html").read_text(encoding="utf-8")
    assert 'lang="de"' in page and "the following data: none." in page
    shutil.rmtree(attacked.build_dir / "scratch", ignore_errors=True)
