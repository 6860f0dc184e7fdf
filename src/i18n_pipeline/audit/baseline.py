"""The naive audit the benchmark compares against: pa11y-ci over every page at
concurrency 1, no cache, no probe, no language checks.

``python -m i18n_pipeline.audit.baseline SITE_DIR`` serves ``SITE_DIR`` on
127.0.0.1 and runs the same pinned pa11y-ci, so only the way of running differs.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from i18n_pipeline.audit.browser import find_browser
from i18n_pipeline.audit.node_env import default_cache_dir, ensure_node_environment
from i18n_pipeline.audit.pa11y import pa11y_config
from i18n_pipeline.audit.pages import discover_pages
from i18n_pipeline.audit.server import serve
from i18n_pipeline.cache.results import user_cache_root
from i18n_pipeline.errors import PipelineError, ProjectLayoutError
from i18n_pipeline.io import write_json
from i18n_pipeline.project import Project


def naive_audit_command(site: Path) -> list[str]:
    return [sys.executable, "-m", "i18n_pipeline.audit.baseline", str(site)]


def run_naive_audit(site: Path, cache_root: Path) -> int:
    """pa11y-ci's exit code is ignored: findings are not the baseline's business, only time."""
    env = ensure_node_environment(default_cache_dir(cache_root))
    browser = find_browser()
    pages = discover_pages(site)
    with serve(site) as base_url, tempfile.TemporaryDirectory(prefix="naive-audit-") as scratch:
        report = Path(scratch) / "report.json"
        config = pa11y_config([base_url + page.relative for page in pages], browser, 1, report)
        defaults = config["defaults"]
        assert isinstance(defaults, dict)
        defaults.pop("useIncognitoBrowserContext")  # pa11y-ci's own default
        defaults["includeWarnings"] = False
        config_file = Path(scratch) / "pa11y-ci.json"
        write_json(config_file, config)
        subprocess.run(
            [str(env.node), str(env.pa11y_ci), "--config", str(config_file)],
            cwd=env.app_dir,
            env=env.environ(),
            capture_output=True,
            check=False,
        )
        if not report.is_file():
            print("error: pa11y-ci wrote no report", file=sys.stderr)
            return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m i18n_pipeline.audit.baseline SITE_DIR", file=sys.stderr)
        return 2
    try:
        try:
            cache_root = Project.discover().cache_dir
        except ProjectLayoutError:
            cache_root = user_cache_root()
        return run_naive_audit(Path(args[0]).resolve(), cache_root)
    except PipelineError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code


if __name__ == "__main__":
    sys.exit(main())
