"""The start and status pages are rendered again only when what they show changed: an
edit that changes no count, no readability figure and no PDF size links them from the
published site (no Sphinx start); any that does renders them anew."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import edit_entry, replace_in_msgstr
from i18n_pipeline.build.landing import PAGE_FILES
from i18n_pipeline.jobs.site import build_site
from i18n_pipeline.project import Project

pytestmark = pytest.mark.slow


def pages_above(site: Path) -> dict[str, tuple[int, str]]:
    """The start and status pages of ``site``, by their path below it: each file's inode
    (the published release is removed once the next is published) and text."""
    found = [site / name for name in PAGE_FILES]
    files = [p for path in found for p in ([*path.rglob("*.html")] if path.is_dir() else [path])]
    return {
        p.relative_to(site).as_posix(): (p.stat().st_ino, p.read_text(encoding="utf-8"))
        for p in files
    }


def test_an_edit_that_changes_nothing_they_show_links_them_from_the_published_site(
    example_copy: Project,
) -> None:
    build_site(example_copy)
    before = pages_above(example_copy.site_dir.resolve())
    edit_entry(
        example_copy, "en", "Die Beratung findet", replace_in_msgstr("in German", "in  German")
    )

    build_site(example_copy)

    after = pages_above(example_copy.site_dir.resolve())
    assert after == before, "the same files, linked, not rendered"


def test_an_edit_that_changes_a_count_renders_them_again(example_copy: Project) -> None:
    build_site(example_copy)
    before = pages_above(example_copy.site_dir.resolve())
    edit_entry(example_copy, "en", "Öffnungszeiten und", lambda e: e.flags.append("fuzzy"))

    build_site(example_copy)

    after = pages_above(example_copy.site_dir.resolve())
    assert after["status.html"][0] != before["status.html"][0]
    assert after["status.html"][1] != before["status.html"][1]
    assert after["status/en.html"][1] != before["status/en.html"][1]


def test_a_changed_template_of_the_project_renders_them_again(example_copy: Project) -> None:
    build_site(example_copy)
    template = example_copy.root / "_templates" / "start-easy-read.html"
    template.write_text(
        template.read_text(encoding="utf-8") + "<p>Neu: Beratung auch samstags.</p>\n",
        encoding="utf-8",
    )

    build_site(example_copy)

    start_page = example_copy.site_dir / "index.html"
    assert "Neu: Beratung auch samstags." in start_page.read_text(encoding="utf-8")
