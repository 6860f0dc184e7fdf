"""Which installed packages differ from uv.lock: the first lines of the canary (`tox -e latest`).

When the canary turns red, these lines say which upstream release moved ("babel:
locked 2.18.0, here 2.19.0"), so the failure below them can be read against it.
It never fails by itself: the tests and `i18n-pipeline check` that follow decide.
"""

from __future__ import annotations

import sys
import tomllib
from importlib.metadata import distributions
from pathlib import Path

from packaging.utils import canonicalize_name

LOCK = Path(__file__).resolve().parent.parent / "uv.lock"


def locked_versions(lock: Path) -> dict[str, set[str]]:
    """Every package of the lock with its versions (one per Python range it forks on)."""
    packages = tomllib.loads(lock.read_text(encoding="utf-8")).get("package", [])
    versions: dict[str, set[str]] = {}
    for package in packages:
        if "version" in package:
            versions.setdefault(canonicalize_name(package["name"]), set()).add(package["version"])
    return versions


def drift(lock: Path) -> list[str]:
    """One line per installed package whose version the lock does not hold."""
    locked = locked_versions(lock)
    lines = []
    for dist in sorted(distributions(), key=lambda d: canonicalize_name(d.metadata["Name"])):
        name = canonicalize_name(dist.metadata["Name"])
        if name in locked and dist.version not in locked[name]:
            lines.append(f"{name}: locked {', '.join(sorted(locked[name]))}, here {dist.version}")
    return lines


def main() -> int:
    lines = drift(LOCK)
    print(f"packages that differ from {LOCK.name}: {len(lines)}")
    for line in lines:
        print(f"  {line}")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
