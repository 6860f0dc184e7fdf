"""The output check: what must never be published, found in the built pages themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n_pipeline.checks.output import allowed_hosts, page_problems, source_controls, verify_site
from i18n_pipeline.project import Project
from i18n_pipeline.sphinxext.theme import CONTENT_SECURITY_POLICY

HOSTS = frozenset({"www.schlichtungsstelle-bgg.de", "example.org"})
PAGE = Path("en/index.html")
CSP = f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'


def _page(body: str, head: str = CSP) -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


BAD_PAGES = {
    "script": ("<p>a</p><script>alert(1)</script>", "<script>"),
    "event-handler": ('<a href="#x" onmouseover="alert(1)">a</a>', "onmouseover"),
    "javascript-link": ('<a href="javascript:alert(1)">a</a>', "javascript"),
    "javascript-link-obfuscated": ('<a href="java\tscript:alert(1)">a</a>', "javascript"),
    "data-image": ('<img alt="" src="data:image/svg+xml,<svg/>">', "data"),
    "vbscript": ('<a href="vbscript:x">a</a>', "vbscript"),
    "foreign-host": ('<img alt="" src="https://tracker.example.net/p.gif">', "tracker"),
    "protocol-relative": ('<link rel="stylesheet" href="//cdn.example.net/x.css">', "cdn"),
    "meta-refresh": ('<meta http-equiv="refresh" content="0;url=index.html">', "refresh"),
    "iframe": ('<iframe src="index.html"></iframe>', "iframe"),
    "style-url": ('<p style="background:url(https://x.example.net/)">a</p>', "style"),
    "bidi-override": ("<p>Around \u202e30\u202c per cent</p>", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    "bidi-reference": ("<p>Around &#x202E;30&#8236; per cent</p>", "U+202C POP DIRECTIONAL"),
    "bidi-isolate-in-alt": ('<img src="a.png" alt="\u2066x">', "U+2066 LEFT-TO-RIGHT ISOLATE"),
}


@pytest.mark.parametrize(("body", "shown"), BAD_PAGES.values(), ids=BAD_PAGES.keys())
def test_a_page_with_active_or_foreign_content_is_refused(body: str, shown: str) -> None:
    problems = page_problems(PAGE, _page(body), HOSTS)
    assert problems and any(shown in problem.message for problem in problems), problems
    assert all(problem.path == PAGE and problem.fix for problem in problems), problems


def test_each_problem_names_its_rule_and_the_line_of_its_element() -> None:
    page = (
        f"<!DOCTYPE html>\n<html>\n<head>{CSP}</head>\n<body>\n<p>a</p>\n"
        '<img alt="" src="https://tracker.example.net/p.gif">\n'
        "<p>\u202ex</p>\n</body>\n</html>\n"
    ).encode()
    found = {(p.rule, p.line) for p in page_problems(PAGE, page, HOSTS)}
    assert found == {("output-host", 6), ("output-bidi", 7)}


def test_a_page_without_the_security_policy_is_refused() -> None:
    [problem] = page_problems(PAGE, _page("<p>a</p>", head=""), HOSTS)
    assert (problem.rule, problem.line) == ("output-security-policy", 0), "the whole page"
    assert problem.message == "the Content-Security-Policy meta element is missing or altered"


def test_a_clean_page_with_allowed_links_passes() -> None:
    body = (
        '<a href="https://www.schlichtungsstelle-bgg.de">s</a> '
        '<a href="mailto:info@schlichtungsstelle-bgg.de">m</a> <a href="../de/index.html">d</a>'
        "<p>We collect the following data: name.</p>"
    )
    assert page_problems(PAGE, _page(body), HOSTS) == []


def test_the_bidi_marks_a_right_to_left_page_needs_pass() -> None:
    body = '<p dir="rtl">\u0645\u0627\u062f\u0647 \u200e3\u200f \u061c4</p>'
    assert page_problems(PAGE, _page(body), HOSTS) == []


def test_a_bidi_control_the_german_source_has_may_be_shown(example_copy: Project) -> None:
    page = _page("<p>\u2067\u05e9\u05dc\u05d5\u05dd\u2069</p>")
    assert page_problems(PAGE, page, HOSTS)
    index = example_copy.source_dir / "index.rst"
    index.write_text(
        index.read_text(encoding="utf-8") + "\n\u2067\u05e9\u2069 \u2067\u05dd\u2069\n",
        encoding="utf-8",
    )

    assert source_controls(example_copy) == {"\u2067", "\u2069"}
    assert page_problems(PAGE, page, HOSTS, source_controls(example_copy)) == []


def test_the_hosts_allowed_are_those_the_german_source_links_to(example_copy: Project) -> None:
    index = example_copy.source_dir / "index.rst"
    link = "\nDie `Stadt Musterstadt <https://www.musterstadt.example/>`_ informiert.\n"
    index.write_text(index.read_text(encoding="utf-8") + link, encoding="utf-8")

    hosts = allowed_hosts(example_copy, "https://example.org/aushang/")

    assert hosts == {"www.musterstadt.example", "example.org"}


def test_a_copied_file_that_is_not_from_source_is_refused(
    tmp_path: Path, example_copy: Project
) -> None:
    site = tmp_path / "site"
    (site / "en" / "_downloads" / "abc").mkdir(parents=True)
    (site / "en" / "_downloads" / "abc" / "secret.txt").write_text("secret")
    (site / "en" / "_downloads" / "abc" / "index.rst").write_bytes(
        (example_copy.source_dir / "index.rst").read_bytes()
    )

    problems = verify_site(site, example_copy, "")

    assert [(str(p.path), p.rule) for p in problems] == [
        ("en/_downloads/abc/secret.txt", "output-copied-file")
    ]
