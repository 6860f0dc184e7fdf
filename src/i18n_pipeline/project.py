"""Where the project's inputs and outputs live, and what its conf.py says the site is.

Every stage takes a :class:`Project` instead of guessing paths or languages, so tests
can run the real pipeline on a temporary copy of the repository, and the pipeline on
any project.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from i18n_pipeline.errors import ProjectLayoutError

if TYPE_CHECKING:
    from sphinx.util.i18n import CatalogInfo

    from i18n_pipeline.config.site_config import SiteConfig


@dataclass(frozen=True)
class Project:
    """The repository layout: sources in, everything generated under ``_build/``."""

    root: Path

    @cached_property
    def config(self) -> SiteConfig:
        """The site as conf.py states it, read once for this project: every stage asks here
        for the languages and the documents, none keeps its own list."""
        # Imported here: the audit imports this module (through its result cache) and must
        # stand on its own, without the language model (tests/audit/test_language_tags.py).
        from i18n_pipeline.config.site_config import read_site_config

        return read_site_config(self.conf_dir, self.source_dir)

    def copy_inputs(self, target: Path) -> Project:
        """A throw-away copy of the inputs (config, glossary, term base, sources, PO files
        and reviews), for the tests and the benchmark to run the real pipeline on."""
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(self.root / "conf.py", target / "conf.py")
        for data in filter(None, (self.glossary_file, self.termbase_file)):
            copied = target / data.relative_to(self.root)
            copied.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(data, copied)
        if (self.root / "_templates").is_dir():
            shutil.copytree(self.root / "_templates", target / "_templates")
        shutil.copytree(self.source_dir, target / "source")
        shutil.copytree(self.locale_dir, target / "locales", ignore=shutil.ignore_patterns("*.mo"))
        if (self.root / "reviews").is_dir():
            shutil.copytree(self.root / "reviews", target / "reviews")
        return Project(target)

    @classmethod
    def discover(cls, start: Path | None = None) -> Project:
        """Find the project root: the nearest directory holding conf.py and source/."""
        here = (start or Path.cwd()).resolve()
        for candidate in (here, *here.parents):
            if (candidate / "conf.py").is_file() and (candidate / "source").is_dir():
                return cls(candidate)
        raise ProjectLayoutError(
            "no conf.py with a source/ directory beside it here or above",
            path=here,
            hint="run the command from the repository root, or pass --root",
        )

    @property
    def conf_dir(self) -> Path:
        return self.root

    def documents(self) -> frozenset[str]:
        """Every document of the source, as Sphinx names it (``index``, ``a/b``)."""
        return frozenset(
            path.relative_to(self.source_dir).with_suffix("").as_posix()
            for path in self.source_dir.rglob("*.rst")
        )

    @property
    def source_dir(self) -> Path:
        return self.root / "source"

    @property
    def locale_dir(self) -> Path:
        return self.root / "locales"

    @property
    def glossary_file(self) -> Path:
        """conf.py's ``site_glossary`` (a relative name is relative to conf.py, as Sphinx's)."""
        return self.conf_dir / self.config.glossary

    @property
    def termbase_file(self) -> Path | None:
        """conf.py's ``site_termbase``: the key terms and their approved renderings (TBX),
        which the check enforces; None where the project keeps none."""
        return self.conf_dir / self.config.termbase if self.config.termbase else None

    @property
    def easy_read_record_file(self) -> Path | None:
        """conf.py's ``site_easy_read_record``: where a Prüfgruppe's check of the Leichte
        Sprache page is recorded; None where the project keeps no record."""
        record = self.config.easy_read_record
        return self.conf_dir / record if record else None

    @property
    def build_dir(self) -> Path:
        return self.root / "_build"

    @property
    def pot_dir(self) -> Path:
        return self.build_dir / "gettext"

    @property
    def site_dir(self) -> Path:
        return self.build_dir / "site"

    @property
    def reports_dir(self) -> Path:
        return self.build_dir / "reports"

    @property
    def cache_dir(self) -> Path:
        return self.build_dir / "cache"

    def doctree_dir(self, language: str) -> Path:
        """Each language keeps its own Sphinx environment between runs."""
        return self.cache_dir / "doctrees" / language

    def catalogs(self, language: str) -> list[CatalogInfo]:
        """The language's PO files as Sphinx finds them with ``locale_dirs = ["locales"]``:
        every ``*.po`` below ``LC_MESSAGES``, sub-folders included, by domain."""
        from sphinx.util.i18n import CatalogRepository  # Sphinx only when catalogs are read

        found = CatalogRepository(self.root, [str(self.locale_dir)], language, "utf-8").catalogs
        return sorted(found, key=lambda catalog: catalog.domain)

    def po_files(self, language: str) -> list[Path]:
        return [Path(catalog.po_path) for catalog in self.catalogs(language)]

    def po_file(self, language: str, domain: str) -> Path:
        """Where Sphinx looks for the language's catalog of ``domain``."""
        return Path(catalog_info(self.locale_dir, language, domain).po_path)


def catalog_info(locale_dir: Path, language: str, domain: str) -> CatalogInfo:
    """``domain``'s catalog in the layout Sphinx reads, ``<locale_dir>/<language>/LC_MESSAGES/``
    (``CatalogRepository`` only lists catalogs that exist; this names one to create)."""
    from sphinx.util.i18n import CatalogInfo

    return CatalogInfo(locale_dir / language / "LC_MESSAGES", domain, "utf-8")
