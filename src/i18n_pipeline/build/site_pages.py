"""The pages above the languages (start page, status pages, sitemap), rendered by Sphinx.

One renderer and one source of truth: Sphinx is started on the project's own
``conf.py`` (as for the German build, but nothing is read or built), so the title,
date and base URL come from that configuration, and the pages are rendered by the
template engine Sphinx gives its builder. The project's ``templates_path`` comes
first, as in Sphinx: what the start page says about the site in Leichte Sprache
(``start-easy-read.html``) is the project's, not the package's. Its Jinja
environment does not escape by default; this one renders only these pages, so
escaping is switched on for it: the status pages show the beginnings of msgids,
which come from PO files.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from jinja2 import TemplateNotFound
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.jinja2glue import BuiltinTemplateLoader
from sphinx.util.docutils import docutils_namespace

from i18n_pipeline.config.site_config import SiteConfig
from i18n_pipeline.errors import BuildError
from i18n_pipeline.project import Project

#: Templates of the pages above the languages (the theme's are for language pages).
TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class SitePages:
    """What the pages above the languages are made from: Sphinx's configuration and
    Sphinx's template engine."""

    config: Config
    templates: BuiltinTemplateLoader
    config_file: Path

    @property
    def title(self) -> str:
        return str(self.config.project)

    @property
    def date(self) -> str:
        """The declaration's date, ISO 8601 (conf.py's ``release``)."""
        return str(self.config.release)

    @property
    def base_url(self) -> str:
        return str(self.config.html_baseurl or "")

    @property
    def site(self) -> SiteConfig:
        """The project's site values (languages, documents), from the same configuration."""
        return SiteConfig.from_config(self.config)

    def render(self, template: str, context: Mapping[str, Any]) -> str:
        return self.templates.render(template, dict(context))

    def has_template(self, name: str) -> bool:
        """Whether a templates directory (the project's or the package's) has ``name``."""
        try:
            self.templates.environment.get_template(name)
        except TemplateNotFound:
            return False
        return True


@contextmanager
def site_pages(project: Project) -> Iterator[SitePages]:
    """Sphinx on the project's configuration, in the source language, for these pages."""
    status, warnings = io.StringIO(), io.StringIO()
    templates = [str(project.conf_dir / path) for path in project.config.templates_path]
    with tempfile.TemporaryDirectory(prefix="site-pages-") as scratch, docutils_namespace():
        # docutils_namespace: the extension registers roles and directives with
        # docutils itself; they are taken back when this renderer is done.
        app = Sphinx(
            srcdir=project.source_dir,
            confdir=project.conf_dir,
            outdir=Path(scratch) / "html",
            doctreedir=Path(scratch) / "doctrees",
            buildername="html",
            confoverrides={"templates_path": [*templates, str(TEMPLATES)]},
            status=status,
            warning=warnings,
            freshenv=True,
        )
        if warnings.getvalue().strip():
            raise BuildError(
                f"Sphinx warned while reading the configuration: {warnings.getvalue().strip()}",
                path=project.conf_dir / "conf.py",
                hint="fix conf.py and run again",
            )
        loader = cast(BuiltinTemplateLoader, app.builder.templates)
        loader.environment.autoescape = True
        loader.environment.keep_trailing_newline = True
        yield SitePages(app.config, loader, project.conf_dir / "conf.py")
