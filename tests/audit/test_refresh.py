"""A page on a refresh timer: the audit's own reading of ``<meta http-equiv="refresh">``
(WCAG 2.2.1, and 2.2.4/3.2.5 reported), with the browser or without it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html

from i18n_pipeline.audit.refresh import check_meta_refresh, refresh_delay
from i18n_pipeline.cli import main
from i18n_pipeline.errors import ExitCode


def page(head: str) -> html.HtmlElement:
    return html.fromstring(
        f'<!DOCTYPE html><html lang="de"><head><title>Aushang</title>{head}</head>'
        "<body><p>Die Sprechstunde fällt heute aus.</p></body></html>"
    )


def found(head: str) -> list[tuple[str, bool]]:
    return [(issue.rule, issue.gating) for issue in check_meta_refresh(page(head))]


@pytest.mark.parametrize(
    ("content", "delay"),
    [
        ("30", 30),
        ("  5;url=/neu.html", 5),
        ("15\t/neu.html", 15),
        ("3.7, /neu.html", 3),
        (".9", 0),
        ("0; URL='/neu.html'", 0),
    ],
)
def test_a_delay_a_browser_acts_on_is_read_as_html_reads_it(content: str, delay: int) -> None:
    assert refresh_delay(content) == delay


@pytest.mark.parametrize("content", ["", "0: /neu.html", "+5", "-1", "5x", "; 30", "sofort"])
def test_a_content_a_browser_ignores_has_no_delay(content: str) -> None:
    assert refresh_delay(content) is None


def test_a_page_that_reloads_itself_every_minute_fails_2_2_1() -> None:
    assert found('<meta http-equiv="refresh" content="60">') == [
        ("meta-refresh-delay", True),
        ("meta-refresh-delay-aaa", False),
    ]


def test_a_redirect_at_once_is_no_time_limit() -> None:
    assert found('<meta http-equiv="Refresh" content="0; url=/neu.html">') == []


def test_a_timer_longer_than_20_hours_is_reported_for_aaa_only() -> None:
    assert found('<meta http-equiv="refresh" content="72001">') == [
        ("meta-refresh-delay-aaa", False)
    ]
    assert found('<meta http-equiv="refresh" content="72000">')[0] == ("meta-refresh-delay", True)


def test_only_the_first_refresh_a_browser_acts_on_counts() -> None:
    ignored_then_timed = '<meta http-equiv="refresh" content="0: /neu.html">' + (
        '<meta http-equiv="refresh" content="45">'
    )
    at_once_then_timed = '<meta http-equiv="refresh" content="0; /neu.html">' + (
        '<meta http-equiv="refresh" content="45">'
    )

    assert found(ignored_then_timed)[0] == ("meta-refresh-delay", True)
    assert found(at_once_then_timed) == []


def test_a_meta_element_that_is_no_refresh_is_not_read() -> None:
    assert found('<meta name="refresh" content="30"><meta content="30">') == []
    assert found('<meta http-equiv="refresh">') == []


def test_the_audit_fails_a_timed_page_without_its_browser_and_says_where(
    tmp_path: Path,
) -> None:
    """The check reads the markup: it gives a verdict even where the browser has none."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "aushang.html").write_bytes(
        html.tostring(page('<meta http-equiv="refresh" content="60">'), doctype="<!DOCTYPE html>")
    )
    reports = tmp_path / "reports"

    code = main(["audit", str(site), "--language-only", "--reports", str(reports)])

    report = json.loads((reports / "audit.json").read_text(encoding="utf-8"))
    [result] = [page for pages in report["languages"].values() for page in pages.values()]
    assert code == ExitCode.FINDINGS
    [error] = result["errors"]
    assert error["rule"] == "meta-refresh-delay" and error["criterion"] == "2.2.1"
    assert 'content="60"' in error["context"]
