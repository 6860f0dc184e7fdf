"""One way for the extension's modules to give every page's template its values.

Each module writes a function of the page (its name and, where it needs it, its
doctree) that returns the values it adds; ``provide`` connects it to Sphinx's
``html-page-context`` event, so the event's signature is written once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

PageValues = Callable[[Sphinx, str, nodes.document | None], Mapping[str, Any]]


def provide(app: Sphinx, values: PageValues) -> None:
    """Add what ``values(app, pagename, doctree)`` returns to every page's context."""

    def add(
        app: Sphinx,
        pagename: str,
        templatename: str,
        context: dict[str, Any],
        doctree: nodes.document | None,
    ) -> None:
        context.update(values(app, pagename, doctree))

    app.connect("html-page-context", add)
