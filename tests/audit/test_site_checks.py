"""The checks only a site run can make, since only it knows what each page was built for:
``<html lang>`` and ``dir`` against that language, and hreflang alternates that are
complete and reciprocal. Each barrier fails with its own finding; its twin passes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import copy_project
from i18n_pipeline.audit.model import SiteLanguages
from i18n_pipeline.audit.run import AuditSettings, audit_site
from i18n_pipeline.cli import main
from i18n_pipeline.project import Project

PERSIAN = (
    "برلین، ۱۹ نوامبر ۲۰۲۴. ما، کمیشنرهای ادغام ایالت‌ها و دولت فدرال، این بیانیه را "
    "منتشر می‌کنیم تا نشان دهیم که آلمان کشوری متنوع است و همه در آن جای دارند."
)
ENGLISH = (
    "Berlin, 19 November 2024. We, the integration commissioners of the federal states and "
    "of the federal government, publish this declaration because Germany is a diverse country."
)
GERMAN = (
    "Berlin, 19. November 2024. Wir, die Integrationsbeauftragten der Länder und des Bundes, "
    "veröffentlichen diese Erklärung, weil Deutschland ein vielfältiges Land ist."
)
BASE = "https://example.org/erklaerung/"


def page(lang: str, direction: str, text: str, alternates: tuple[str, ...] = ()) -> str:
    links = "".join(
        f'<link rel="alternate" hreflang="{code}" href="{BASE}{code}/index.html">'
        for code in alternates
    )
    return (
        f'<!DOCTYPE html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        f"<title>{text[:40]}</title>{links}</head><body><main><h1>{text[:40]}</h1>"
        f"<p>{text}</p></main></body></html>"
    )


def findings(site: Path, pages: dict[str, tuple[str, str]]) -> dict[str, set[str]]:
    """Codes found per page, in a language-only site run told what each page was built for."""
    for relative, (_, html) in pages.items():
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text(html, encoding="utf-8")
    expected = {relative: built_for for relative, (built_for, _) in pages.items()}
    settings = AuditSettings(
        site=site,
        cache_root=site.parent / "cache",
        fresh=True,
        language_only=True,
        languages=SiteLanguages(languages=("de", "en", "fa"), expected=expected),
    )
    result = audit_site(settings)
    return {r.relative: {issue.rule for issue in r.issues} for r in result.pages}


def test_a_page_built_for_persian_that_declares_arabic(tmp_path: Path) -> None:
    found = findings(
        tmp_path / "site",
        {
            "fa/index.html": ("fa", page("ar", "rtl", PERSIAN)),
            "fa/twin.html": ("fa", page("fa", "rtl", PERSIAN)),
        },
    )

    assert "html-lang-mismatch" in found["fa/index.html"]
    assert found["fa/twin.html"] == set()


def test_a_persian_page_laid_out_left_to_right(tmp_path: Path) -> None:
    found = findings(
        tmp_path / "site",
        {
            "fa/index.html": ("fa", page("fa", "ltr", PERSIAN)),
            "fa/twin.html": ("fa", page("fa", "rtl", PERSIAN)),
        },
    )

    assert "html-dir-mismatch" in found["fa/index.html"]
    assert found["fa/twin.html"] == set()


def test_alternates_that_do_not_point_back(tmp_path: Path) -> None:
    one_way = findings(
        tmp_path / "one-way",
        {
            "en/index.html": ("en", page("en", "ltr", ENGLISH, ("en", "de"))),
            "de/index.html": ("de", page("de", "ltr", GERMAN, ("de",))),
        },
    )
    reciprocal = findings(
        tmp_path / "reciprocal",
        {
            "en/index.html": ("en", page("en", "ltr", ENGLISH, ("en", "de"))),
            "de/index.html": ("de", page("de", "ltr", GERMAN, ("en", "de"))),
        },
    )

    assert "hreflang-alternates" in one_way["en/index.html"]
    assert "hreflang-alternates" not in reciprocal["en/index.html"]
    assert "hreflang-alternates" not in reciprocal["de/index.html"]


@pytest.mark.slow
def test_tox_e_audit_on_the_projects_own_site_knows_what_each_page_was_built_for(
    built_project: Project, tmp_path: Path
) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copytree(built_project.site_dir.resolve(), project.site_dir)
    page = project.site_dir / "fa" / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace('<html lang="fa"', '<html lang="ar"', 1),
        encoding="utf-8",
    )

    code = main(["--root", str(project.root), "audit", "--language-only", "--fresh"])

    report = json.loads((project.reports_dir / "audit.json").read_text(encoding="utf-8"))
    codes = {
        issue["rule"]
        for pages in report["languages"].values()
        for issue in pages.get("fa/index.html", {}).get("errors", [])
    }
    assert code == 1
    assert "html-lang-mismatch" in codes
