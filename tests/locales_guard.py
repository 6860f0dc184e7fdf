"""The code tier never reads the declaration's translations: a pytest plugin
(tests/conftest.py loads it).

Code tests run on small projects (tests/roots/, copies of examples/aushang); the real
``locales/`` is content, gated by ``tox -e check`` and ``tox -e site`` and by the slow
tier. While a test not marked ``slow`` runs (setup, call and teardown), opening a file
under the repository's ``locales/`` fails, named, with what to do instead.

A Python audit hook (PEP 578) sees every ``open`` of this process and of the workers it
forks; no library offers this check. It does not see child programs (msgfmt, npm).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest


class DeclarationLocalesError(AssertionError):
    """A code test opened a file of the declaration's translations."""


class LocalesGuard:
    """The audit hook; ``active`` while a code-tier test runs, and what it caught."""

    def __init__(self, locales: Path) -> None:
        self.locales = locales.resolve()
        self.active = False
        self.caught: list[str] = []

    def audit(self, event: str, args: tuple[object, ...]) -> None:
        if not self.active or event != "open":
            return
        path = args[0]
        if not isinstance(path, str | bytes | os.PathLike):
            return  # a file descriptor: opened before, checked then
        name = os.fsdecode(path)
        if not Path(name).absolute().is_relative_to(self.locales):
            return
        self.caught.append(name)
        raise DeclarationLocalesError(
            f"{name}: a code test read the declaration's translations; build a small "
            "project instead (tests/roots/, or a copy of examples/aushang), or mark the "
            "test slow if it is about the declaration as a whole"
        )


#: The repository's own locales/, the declaration's translations.
GUARD = LocalesGuard(Path(__file__).resolve().parent.parent / "locales")
sys.addaudithook(GUARD.audit)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, object, object]:
    """On from a code test's setup (its session fixtures too) to its teardown."""
    GUARD.active = item.get_closest_marker("slow") is None
    try:
        return (yield)
    finally:
        GUARD.active = False


@pytest.fixture(autouse=True)
def _no_declaration_locales() -> Iterator[None]:
    """A read that the code under test caught and swallowed still fails the test."""
    yield
    caught, GUARD.caught[:] = list(GUARD.caught), []
    if caught:
        pytest.fail(f"a code test read the declaration's locales/: {caught[0]}", pytrace=False)
