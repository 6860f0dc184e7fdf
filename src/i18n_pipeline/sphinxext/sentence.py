"""Translated sentences filled with values that bring their own full stop.

CLDR's long dates end with an abbreviation's full stop in some languages ("6 декабря
2026 г.", "6 декабря 2026 р.", "6. prosinca 2026."). A sentence that ends with the date,
"…am %(date)s.", then ended in "г.." on every Russian, Ukrainian, Bulgarian and Croatian
page. The rule of these languages' typography (and German's, and English's) is that the
abbreviation's point is also the sentence's: one full stop. The templates fill their
sentences with ``|sentence(...)`` instead of ``|format(...)``, so the translator writes
the sentence as the German has it, full stop included, in every language, and no page
doubles it.
"""

from __future__ import annotations

import re

from sphinx.application import Sphinx

# Babel, GNU gettext and Jinja fill ``%(name)s`` without looking at what follows it; the
# absorbed full stop is a rule of typography none of them implements, hence this module.
_PLACEHOLDER = re.compile(r"%%|%\((\w+)\)s(\.?)")


def sentence(template: str, **values: str) -> str:
    """``template % values``, except that a full stop right after a value that already ends
    with one is dropped ("…2026 г." + "." is "…2026 г.")."""

    def fill(match: re.Match[str]) -> str:
        name, full_stop = match.group(1), match.group(2)
        if name is None:
            return "%"
        value = str(values[name])
        return value if value.endswith(".") else value + full_stop

    return _PLACEHOLDER.sub(fill, template)


def add_filter(app: Sphinx) -> None:
    """Give the builder's template environment the filter (the gettext builder too, which
    parses the theme's templates to extract their strings)."""
    templates = getattr(app.builder, "templates", None)
    environment = getattr(templates, "environment", None)
    if environment is not None:
        environment.filters["sentence"] = sentence


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", add_filter)
