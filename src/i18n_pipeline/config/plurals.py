"""Which ``Plural-Forms`` headers a language accepts: the project's record first.

The record (conf.py's ``site_languages``: code → Plural-Forms, read through
:mod:`i18n_pipeline.config.site_config`) is what ``update`` writes and what every header
is held to. Translators' tools write other, equally valid
rules (Poedit and Weblate follow GNU gettext and translate-toolkit; Babel follows
CLDR, which gives Italian a third form for millions), so a header is also
accepted when it is the rule of one of those recognised tables. Two rules are the
same when they have as many forms and choose the same form for every count a
text can show; how the C expression is spelled does not matter.

The installed Babel is a table like the others: when its rule differs from the
record, that is said as information, never as an error, so that a new Babel
release cannot break a build that was green the day before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from gettext import c2py
from importlib.metadata import version

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import parse_separated_header
from babel.messages.plurals import get_plural
from translate.lang import data as translate_data

#: Counts a rule is compared on: every rule that differs on some count differs below
#: this one (the rules repeat with ``n % 100``; CLDR's Italian differs at a million).
_COMPARED_COUNTS = (*range(1000), 1_000_000, 2_000_000)


@dataclass(frozen=True)
class PluralRule:
    """A gettext plural rule as a header states it: ``nplurals=N; plural=EXPR;``."""

    count: int
    expression: str

    @property
    def header(self) -> str:
        return f"nplurals={self.count}; plural={self.expression};"

    def forms(self) -> tuple[int, ...] | None:
        """The form chosen for each compared count; None if the rule cannot be evaluated."""
        try:
            choose: Callable[[int], int] = c2py(self.expression)
            return tuple(choose(n) for n in _COMPARED_COUNTS)
        except (ValueError, SyntaxError, ArithmeticError, RecursionError):
            return None

    def same_as(self, other: PluralRule) -> bool:
        forms = self.forms()
        return self.count == other.count and forms is not None and forms == other.forms()

    def groups_as(self, other: PluralRule) -> bool:
        """Whether both rules group the counts alike, whatever number each gives a group
        (Babel numbers Arabic's forms 4 and 5 unlike GNU gettext: a convention, not a
        disagreement about the language)."""
        return self.count == other.count and _grouping(self.forms()) == _grouping(other.forms())


def _grouping(forms: tuple[int, ...] | None) -> tuple[int, ...] | None:
    """The forms renumbered in order of first use: equal for rules that group alike."""
    if forms is None:
        return None
    first_use: dict[int, int] = {}
    return tuple(first_use.setdefault(form, len(first_use)) for form in forms)


def parse_rule(value: str) -> PluralRule | None:
    """``nplurals=…; plural=…;`` as a rule, or None if either part is missing."""
    # Babel's header parser, as in Catalog.plural_forms (it wants a leading value).
    parts = parse_separated_header(f" ;{value}")
    count, expression = parts.get("nplurals", "").strip(), parts.get("plural", "").strip()
    if not count.isdigit() or not expression:
        return None
    return PluralRule(int(count), expression.rstrip(";").strip())


@cache
def recognised_rules(code: str, record: str) -> dict[str, PluralRule]:
    """Every table's rule for ``code``, named by the table, the project's record first."""
    rules: dict[str, PluralRule] = {}
    recorded = parse_rule(record)
    if recorded is not None:
        rules["the project's record (conf.py)"] = recorded
    ttk = translate_data.languages.get(code)
    if ttk is not None:
        rules[f"translate-toolkit {version('translate-toolkit')}"] = PluralRule(ttk[1], ttk[2])
    babel_rule = installed_babel_rule(code)
    if babel_rule is not None:
        rules[f"CLDR (Babel {version('babel')})"] = babel_rule
    return rules


def installed_babel_rule(code: str) -> PluralRule | None:
    """The installed Babel's rule (CLDR's), or None for a code Babel does not know."""
    try:
        rule = get_plural(Locale.parse(code.replace("-", "_")))
    except (UnknownLocaleError, ValueError):
        return None
    return PluralRule(rule.num_plurals, rule.plural_expr)


def matching_table(header: PluralRule, code: str, record: str) -> str | None:
    """The name of the first recognised table whose rule is the header's, or None."""
    return next(
        (name for name, rule in recognised_rules(code, record).items() if header.same_as(rule)),
        None,
    )


def babel_disagreement(code: str, record: str) -> str | None:
    """A sentence saying how the installed Babel differs from the record, or None."""
    recorded = parse_rule(record)
    babel_rule = installed_babel_rule(code)
    if recorded is None or babel_rule is None or recorded.groups_as(babel_rule):
        return None
    return (
        f"the installed Babel {version('babel')} (CLDR) gives {code!r} "
        f"'{babel_rule.header}', the project records '{recorded.header}'; "
        "the record is what the PO files are held to"
    )
