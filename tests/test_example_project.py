"""A second project proves the tool: examples/aushang, a municipal integration office's
notice in German with English and Arabic translations, is checked, built, audited and
published by the same package, with no code of its own (its conf.py, sources, PO files,
glossary and start-page text are all it has)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import polib
import pytest

from conftest import REPO, copy_example, edit_entry, parse
from i18n_pipeline.checks import check_catalogs
from i18n_pipeline.cli import build_parser, main
from i18n_pipeline.errors import ExitCode
from i18n_pipeline.findings import Severity
from i18n_pipeline.project import Project

EXAMPLE = REPO / "examples" / "aushang"


def test_the_example_is_a_project_of_its_own() -> None:
    site = Project(EXAMPLE).config

    assert (site.codes, site.source_language) == (("de", "en", "ar"), "de")
    assert site.language("ar").direction == "rtl"
    assert (site.pdfs, site.easy_read) == ({}, "")
    assert site.parallel_pages == {"index": "parallel"}
    assert Project(EXAMPLE).glossary_file == EXAMPLE / "glossary.txt"


@pytest.mark.parametrize("code", ["en", "ar"])
def test_every_message_is_translated_as_an_unreviewed_draft(code: str) -> None:
    for po_file in sorted((EXAMPLE / "locales" / code / "LC_MESSAGES").glob("*.po")):
        catalog = polib.pofile(str(po_file))
        assert catalog.percent_translated() == 100, po_file
        assert not catalog.fuzzy_entries(), po_file
        assert "UNREVIEWED DRAFT" in catalog.header, po_file
        assert catalog.metadata["Language"] == code


def test_the_translations_pass_the_checks(tmp_path: Path) -> None:
    project = Project(EXAMPLE).copy_inputs(tmp_path / "aushang")

    findings = check_catalogs(project)

    shown = [f.as_text() for f in findings if f.severity in (Severity.ERROR, Severity.WARNING)]
    assert shown == []


def test_the_root_may_follow_the_command() -> None:
    """``i18n-pipeline site --root examples/aushang``, as well as ``--root`` first."""
    parser = build_parser()
    assert parser.parse_args(["site", "--root", "examples/aushang"]).root == Path(
        "examples/aushang"
    )
    assert parser.parse_args(["--root", "x", "update", "en"]).root == Path("x")
    assert parser.parse_args(["site"]).root is None


@pytest.mark.slow
def test_the_site_command_checks_builds_audits_and_publishes_the_example(
    tmp_path: Path,
) -> None:
    """Exactly ``i18n-pipeline site --root examples/aushang``, in a copy of the checkout's
    example (the run leaves the checkout as it was). CI runs it (.ci/run)."""
    shutil.copytree(EXAMPLE, tmp_path / "examples" / "aushang", ignore=_build_output)
    command = Path(sys.executable).with_name("i18n-pipeline")
    assert command.is_file(), f"{command}: the package's console script is not installed"

    run = subprocess.run(
        [str(command), "site", "--root", "examples/aushang"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=1800,
    )

    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]
    site = tmp_path / "examples" / "aushang" / "_build" / "site"
    assert f"published {site}" in run.stdout
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert pages == [
        *(f"ar/{name}.html" for name in ("barrierefreiheit", "index", "parallel")),
        *(f"de/{name}.html" for name in ("barrierefreiheit", "index")),
        *(f"en/{name}.html" for name in ("barrierefreiheit", "index", "parallel")),
        "index.html",
        "status.html",
        *(f"status/{code}.html" for code in ("ar", "de", "en")),
    ]
    assert not list(site.rglob("*.pdf"))  # the example has no site_pdfs
    arabic = parse(site / "ar" / "index.html")
    assert (arabic.get("lang"), arabic.get("dir")) == ("ar", "rtl")
    assert arabic.xpath('//span[@lang="de"][@dir="ltr"]/text()')[0] == "Musterstadt"
    start = parse(site / "index.html")
    [section] = start.xpath('//section[contains(@class, "easy-read")]')
    assert "Auf dieser Internet-Seite steht ein Aushang." in section.text_content()
    assert "Berliner" not in start.text_content()
    report = json.loads((site.parent / "reports" / "audit.json").read_text(encoding="utf-8"))
    assert (report["verdict"], report["summary"]["pages"]) == ("pass", len(pages))
    audited = {page for pages_of in report["languages"].values() for page in pages_of}
    assert audited == set(pages)


def _build_output(directory: str, names: list[str]) -> set[str]:
    return {"_build"} & set(names)


@pytest.mark.slow
def test_an_untranslated_paragraph_falls_back_to_german_on_every_page_type_and_publishes(
    tmp_path: Path,
) -> None:
    """Issue 23: one msgstr blanked in English and in Arabic (the everyday state after
    the German changed), and ``site`` still publishes: the paragraph is German, marked
    ``lang="de"`` (and ``dir="ltr"`` on the Arabic pages), on the language page, on the
    parallel page and in the PDF, and the audit accepts it."""
    project = copy_example(tmp_path / "aushang")
    conf = project.root / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + '\nsite_pdfs = {"index": "aushang.pdf"}\n')

    def paragraph(entry: polib.POEntry) -> bool:
        return len(entry.msgid) > 60 and not any(mark in entry.msgid for mark in "`*:[|")

    german = ""
    for code in ("en", "ar"):
        blanked = edit_entry(project, code, paragraph, lambda entry: setattr(entry, "msgstr", ""))
        german = blanked.msgid

    assert main(["--root", str(project.root), "site"]) == ExitCode.OK

    for code in ("en", "ar"):
        for page in ("index.html", "parallel.html"):
            marked = [
                element
                for element in parse(project.site_dir / code / page).xpath('//main//*[@lang="de"]')
                if " ".join(element.text_content().split()) == " ".join(german.split())
            ]
            assert marked, f"{code}/{page}: the German paragraph is not marked German"
            # Left to right: said where the page is right to left, free where it is not.
            assert marked[-1].get("dir") in (("ltr",) if code == "ar" else ("ltr", None))
        with pikepdf.open(project.site_dir / code / "aushang.pdf") as pdf:
            languages = {str(e.Lang) for e in _structure(pdf.Root.StructTreeRoot) if "/Lang" in e}
            assert str(pdf.Root.Lang) == code
            assert "de" in languages, f"{code}: the PDF does not mark the German paragraph"


def _structure(node: object) -> list[pikepdf.Dictionary]:
    """Every structure element below ``node`` of a tagged PDF."""
    found = []
    if isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            found.append(node)
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            found += _structure(kid)
    return found
