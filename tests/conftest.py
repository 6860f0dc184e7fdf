"""Shared fixtures: the real repository, copied, built for real."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import polib
import pytest
from lxml import html

from i18n_pipeline.jobs.site import build_site
from i18n_pipeline.project import Project

REPO = Path(__file__).resolve().parent.parent
#: The repository's own project, and what its conf.py says the site is: the languages
#: (SITE.languages, source first; SITE.translations) every test of this site iterates.
PROJECT = Project(REPO)
SITE = PROJECT.config
#: The small project code tests build and edit (de, en, ar: one right-to-left), never the
#: declaration's locales/ (tests/locales_guard.py fails a code test that opens them).
EXAMPLE = REPO / "examples" / "aushang"
EXAMPLE_SITE = Project(EXAMPLE).config

# Small Sphinx projects in tests/roots/test-*/, built with Sphinx's own test app:
# one extension behaviour per test, in a fraction of a second per build.
# locales_guard: a test not marked slow that opens a file of the declaration's locales/ fails.
pytest_plugins = ("sphinx.testing.fixtures", "locales_guard", "pytester")


def pytest_sessionstart(session: pytest.Session) -> None:
    """The machine first: a missing browser or font stops the run here, named with its
    Debian package (installed, as root on Debian), not as 174 errors a minute later."""
    from i18n_pipeline.errors import MissingToolError
    from i18n_pipeline.jobs.preflight import EVERYTHING, ensure_requirements

    try:
        ensure_requirements(EVERYTHING, project=Project(REPO))
    except MissingToolError as error:
        pytest.exit(f"{error}", returncode=error.exit_code)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return REPO / "tests" / "roots"


def copy_project(target: Path) -> Project:
    """A throw-away copy of the project's inputs (sources, PO files, config)."""
    return Project(REPO).copy_inputs(target)


def built_copy(target: Path) -> Project:
    """A copy of the project, checked, built and published."""
    project = copy_project(target)
    build_site(project)
    return project


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The committed sources and translations, built once for the whole session."""
    return built_copy(tmp_path_factory.mktemp("site") / "project")


@pytest.fixture
def project_copy(tmp_path: Path) -> Project:
    return copy_project(tmp_path / "project")


#: The example printed, as the declaration is: a PDF of the notice per language.
EXAMPLE_PDF = "aushang.pdf"


def copy_example(target: Path, *, printed: bool = False) -> Project:
    """A throw-away copy of examples/aushang's inputs; ``printed``: with a PDF of its
    notice in every language (``site_pdfs``, which the example itself leaves empty)."""
    project = Project(EXAMPLE).copy_inputs(target)
    if printed:
        conf = project.root / "conf.py"
        setting = f"\nsite_pdfs = {{'index': {EXAMPLE_PDF!r}}}\n"
        conf.write_text(conf.read_text(encoding="utf-8") + setting, encoding="utf-8")
        project = Project(project.root)
    return project


@pytest.fixture
def printed_example(tmp_path: Path) -> Project:
    """The example with a PDF per language: what the slow tier builds, edits and publishes."""
    return copy_example(tmp_path / "aushang", printed=True)


@pytest.fixture
def example_copy(tmp_path: Path) -> Project:
    return copy_example(tmp_path / "aushang")


def edit_entry(
    project: Project,
    code: str,
    match: str | Callable[[polib.POEntry], bool],
    edit: Callable[[polib.POEntry], None],
    *,
    domain: str = "index",
) -> polib.POEntry:
    """Change one entry, as a translator's editor would, and save.

    ``match`` is the start of the entry's msgid, or a test of the entry.

    polib writes the file the way Poedit does (wrapped at 76 columns), so only the
    edited entry changes on disk.
    """
    po_file = project.locale_dir / code / "LC_MESSAGES" / f"{domain}.po"
    catalog = polib.pofile(str(po_file), wrapwidth=76)
    matches = match if callable(match) else lambda e: e.msgid.startswith(match)
    entry = next(e for e in catalog if matches(e))
    edit(entry)
    catalog.save()
    return entry


def replace_in_msgstr(old: str, new: str) -> Callable[[polib.POEntry], None]:
    """An edit for :func:`edit_entry`: the first ``old`` in the msgstr becomes ``new``."""

    def edit(entry: polib.POEntry) -> None:
        assert old in entry.msgstr, f"{old!r} is not in the msgstr of {entry.msgid[:40]!r}"
        entry.msgstr = entry.msgstr.replace(old, new, 1)

    return edit


def parse(page: Path) -> html.HtmlElement:
    return html.fromstring(page.read_bytes())


def node_cache_for_tests() -> Path:
    """Where the tests keep their Node environment: the user's cache, never the checkout.

    ``I18N_PIPELINE_NODE_CACHE`` wins; else ``$XDG_CACHE_HOME`` (or ``~/.cache``), so that
    a test run leaves the checkout's ``_build`` as it found it and reuses one install
    across runs and checkouts (the environment is keyed by its lock file).
    """
    if configured := os.environ.get("I18N_PIPELINE_NODE_CACHE"):
        return Path(configured)
    cache_home = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache_home) / "i18n-pipeline-tests" / "node"


@pytest.fixture(scope="session", autouse=True)
def shared_node_environment() -> Iterator[None]:
    """One Node environment (pa11y-ci, installed by npm ci) for every test and copy.

    Project copies in tmp dirs would otherwise each install their own. The variable
    is set for the session only, and restored after it.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("I18N_PIPELINE_NODE_CACHE", str(node_cache_for_tests()))
        yield
