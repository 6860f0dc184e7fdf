"""Which checks a translator's waiver can switch off: none that guards the page's safety
or its meaning. A waiver of one of those is an error (waiver-refused), and the check
still reports; a waiver a reviewer approves is future work (docs/translators.md)."""

from __future__ import annotations

import pytest

import i18n_pipeline.checks.runner  # noqa: F401  (registers every check)
from i18n_pipeline.checks.registry import ENTRY_CHECKS
from i18n_pipeline.findings import Severity

SAFETY = ("rst-syntax", "markup-parity", "block-structure", "unsafe-markup", "bidi-controls")
MEANING = ("protected-term", "numbers", "dates", "link-text", "text-language")


@pytest.mark.parametrize("check", SAFETY + MEANING)
def test_a_check_that_guards_safety_or_meaning_cannot_be_waived(check: str) -> None:
    assert not ENTRY_CHECKS[check].waivable


def test_every_warning_can_be_waived_with_a_reason() -> None:
    warnings = [c for c in ENTRY_CHECKS.values() if c.severity is Severity.WARNING]
    assert warnings and all(check.waivable for check in warnings)
