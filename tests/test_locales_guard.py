"""A code test never reads the declaration's locales/: the guard of tests/conftest.py
says so for every test not marked slow, and lets the slow tier read them."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO
from locales_guard import GUARD, DeclarationLocalesError, LocalesGuard

A_TRANSLATION = REPO / "locales" / "fa" / "LC_MESSAGES" / "index.po"


def test_a_code_test_that_opens_a_declaration_po_file_fails_naming_it() -> None:
    with pytest.raises(DeclarationLocalesError, match=r"index\.po: a code test read") as caught:
        A_TRANSLATION.read_bytes()

    assert "examples/aushang" in str(caught.value)  # and says what to do instead
    assert GUARD.caught == [str(A_TRANSLATION)]
    GUARD.caught.clear()  # seen here; else this test would fail at its teardown


def test_a_swallowed_read_still_fails_the_test(pytester: pytest.Pytester) -> None:
    """Code that catches every exception (a reader's fallback) does not hide the read."""
    pytester.makepyfile(
        f"""
        def test_reads_and_swallows():
            try:
                open({str(A_TRANSLATION)!r}).close()
            except BaseException:
                pass
        """
    )
    result = pytester.runpytest_inprocess("-p", "locales_guard", "-p", "no:cacheprovider")

    result.assert_outcomes(passed=1, errors=1)  # the test body, then its teardown
    result.stdout.fnmatch_lines(["*a code test read the declaration's locales/*index.po*"])


@pytest.mark.slow
def test_the_slow_tier_reads_the_declaration() -> None:
    assert b"msgid" in A_TRANSLATION.read_bytes()
    assert GUARD.caught == []


def test_other_projects_locales_and_file_descriptors_pass(tmp_path: Path) -> None:
    guard = LocalesGuard(REPO / "locales")
    guard.active = True

    guard.audit("open", (str(REPO / "examples" / "aushang" / "locales" / "ar"), "r", 0))
    guard.audit("open", (tmp_path / "locales" / "fa" / "index.po", "r", 0))
    guard.audit("open", (3, "r", 0))
    guard.audit("os.listdir", (str(REPO / "locales"),))
    with pytest.raises(DeclarationLocalesError):
        guard.audit("open", (bytes(A_TRANSLATION), "rb", 0))
    guard.active = False
    guard.audit("open", (str(A_TRANSLATION), "r", 0))
    assert guard.caught == [str(A_TRANSLATION)]
