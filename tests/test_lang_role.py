"""``:lang:`phrase <tag>```: the tag is judged and written by langcodes, not by a pattern.

The role's class ``language-<tag>`` becomes the page's ``lang=""``, so the tag is
written the canonical BCP 47 way; where that differs from the text the translator
typed (and from the hand-written pattern it replaced), the tests say which is right.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docutils import nodes
from docutils.core import publish_doctree

from conftest import SITE
from i18n_pipeline.checks.model import Context, Entry
from i18n_pipeline.checks.registry import ENTRY_CHECKS
from i18n_pipeline.checks.rst import local_roles
from i18n_pipeline.config.languages import language
from i18n_pipeline.sphinxext.roles import lang_role


def _render(text: str) -> tuple[list[list[str]], str]:
    """The classes of each phrase the role marks, and docutils' warnings."""
    warnings = io.StringIO()
    with local_roles({"lang": lang_role}):
        doctree = publish_doctree(text, settings_overrides={"warning_stream": warnings})
    return [node["classes"] for node in doctree.findall(nodes.inline)], warnings.getvalue()


@pytest.mark.parametrize(
    ("tag", "written"),
    [
        ("de", "de"),
        ("DE", "de"),  # the pattern let "language-DE" through; BCP 47 writes languages lowercase
        ("fa_ir", "fa-IR"),  # the pattern gave "fa-ir"; regions are uppercase
        ("iw", "he"),  # a deprecated code: the registry's replacement, which browsers know
        ("de-AT-1996", "de-AT-1996"),  # a variant
    ],
)
def test_the_tag_is_written_as_bcp_47_writes_it(tag: str, written: str) -> None:
    classes, warnings = _render(f"Das :lang:`Gesetz <{tag}>` gilt.")
    assert classes == [[f"language-{written}", "foreign"]]
    assert warnings == ""


@pytest.mark.parametrize("text", ["Gesetz <zz>", "Gesetz <x!>", "Gesetz", "Gesetz <abcd>"])
def test_an_unknown_or_ill_formed_tag_is_an_error(text: str) -> None:
    classes, warnings = _render(f"Das :lang:`{text}` gilt.")
    assert classes == []
    assert "ERROR" in warnings and ":lang: role" in warnings


def _lang_findings(msgstr: str) -> list[str]:
    context = Context(Path("locales/en/LC_MESSAGES/index.po"), language("en"))
    entry = Entry("Das Gesetz gilt.", msgstr, 7)
    return [message for message, _ in ENTRY_CHECKS["unsafe-markup"].function(entry, context)]


@pytest.mark.parametrize("tag", ["de", "fa_ir", "de-AT-1996", "sr-Latn"])
def test_the_check_accepts_what_the_role_renders(tag: str) -> None:
    """The check asks the role's own parser whether a role is ``phrase <tag>``."""
    assert _lang_findings(f"The law (:lang:`Gesetz <{tag}>`) applies.") == []


def test_the_check_reports_a_role_without_a_tag_and_an_unknown_tag() -> None:
    assert _lang_findings("The law (:lang:`Gesetz`) applies.") == [
        "the :lang: role is not in the form :lang:`phrase <de>`"
    ]
    assert _lang_findings("The law (:lang:`Gesetz <zz>`) applies.") == [
        "the language tag 'zz' in :lang: is not a language the build knows"
    ]


def test_every_language_of_the_site_has_its_canonical_tag() -> None:
    assert [lang.tag for lang in SITE.translations] == [
        lang.code.replace("_", "-") for lang in SITE.translations
    ]
