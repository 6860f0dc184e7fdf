"""The main job starts the audit's runner as the last language builds begin: Node loads
pa11y and Chromium starts while they run, and the audit gives it the pages. A run that
builds nothing starts no runner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import node_cache_for_tests
from i18n_pipeline.audit import browser_tools
from i18n_pipeline.audit.browser import find_browser
from i18n_pipeline.audit.browser_tools import EarlyRunner
from i18n_pipeline.audit.node_env import ensure_node_environment, finish_node_tool
from i18n_pipeline.cli import main
from i18n_pipeline.errors import ExitCode
from i18n_pipeline.jobs import site
from i18n_pipeline.project import Project

pytestmark = pytest.mark.slow


def noting_the_runners_and_the_output_check(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What happens, in order: each runner that starts (given its pages on its input, or
    in a file), and the output check."""
    happened: list[str] = []
    starting, checking = browser_tools.start_node_tool, site.output_check

    def start(env: Any, arguments: list[str], **options: Any) -> Any:
        happened.append("runner, pages to follow" if "-" in arguments else "runner, pages known")
        return starting(env, arguments, **options)

    def check(*arguments: Any) -> None:
        happened.append("output check")
        checking(*arguments)

    monkeypatch.setattr(browser_tools, "start_node_tool", start)
    monkeypatch.setattr(site, "output_check", check)
    monkeypatch.setenv("I18N_PIPELINE_NODE_CACHE", str(node_cache_for_tests()))
    return happened


def test_the_browser_starts_while_the_pages_are_built_and_then_audits_them(
    example_copy: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    happened = noting_the_runners_and_the_output_check(monkeypatch)

    assert main(["--root", str(example_copy.root), "site"]) == ExitCode.OK

    assert happened == ["runner, pages to follow", "output check"]
    report = json.loads((example_copy.reports_dir / "audit.json").read_text(encoding="utf-8"))
    assert report["verdict"] == "pass"
    assert report["summary"]["pages"] == len(list(example_copy.site_dir.rglob("*.html")))


def test_a_run_that_builds_no_language_starts_no_runner(
    example_copy: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["--root", str(example_copy.root), "site"]) == ExitCode.OK
    # A word of the file's first comment: the PO file changed, no page did.
    po_file = example_copy.po_file("en", "index")
    text = po_file.read_text(encoding="utf-8")
    po_file.write_text(
        text.replace("# English translation", "# The English translation", 1), encoding="utf-8"
    )
    happened = noting_the_runners_and_the_output_check(monkeypatch)

    assert main(["--root", str(example_copy.root), "site"]) == ExitCode.OK

    assert happened == ["output check"]


def test_a_rebuild_whose_pages_come_out_as_published_stops_its_runner_unused(
    example_copy: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["--root", str(example_copy.root), "site"]) == ExitCode.OK
    # A setting that changes what every language is built from, and no page (no figure).
    with (example_copy.conf_dir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\nnumfig_secnum_depth = 3\n")
    happened = noting_the_runners_and_the_output_check(monkeypatch)
    closing = EarlyRunner.close

    def close(runner: EarlyRunner) -> None:
        if runner._process is not None:
            happened.append("runner told there are no pages")
        closing(runner)

    monkeypatch.setattr(EarlyRunner, "close", close)

    assert main(["--root", str(example_copy.root), "site"]) == ExitCode.OK

    assert happened == ["runner, pages to follow", "output check", "runner told there are no pages"]
    report = json.loads((example_copy.reports_dir / "audit.json").read_text(encoding="utf-8"))
    pages = [page for pages in report["languages"].values() for page in pages.values()]
    assert pages and all(page["cached"] for page in pages)


def test_a_runner_given_no_pages_stops_its_browser_and_reports_none(tmp_path: Path) -> None:
    env, browser = ensure_node_environment(node_cache_for_tests()), find_browser()
    runner = EarlyRunner(env, browser)
    process = runner.take(env, browser)
    assert process is not None

    done = finish_node_tool(process, 60, "")
    runner.close()

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "browserStarts": 1,
        "pa11y": {"results": {}},
        "probe": {"results": []},
    }
