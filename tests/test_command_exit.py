"""The command's own process ends with its command's exit code, without a last garbage
collection over everything still alive."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from i18n_pipeline import cli


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()  # the rest of the test session collects as before


@pytest.mark.usefixtures("unfrozen")
def test_the_process_exits_with_the_command_s_code_and_its_objects_frozen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cli, "main", lambda: 3)
    still_alive = [object() for _ in range(1000)]

    with pytest.raises(SystemExit) as exited:
        cli.entry()

    assert exited.value.code == 3
    assert gc.get_freeze_count() >= len(still_alive)


@pytest.mark.usefixtures("unfrozen")
def test_the_tests_call_of_main_freezes_nothing() -> None:
    with pytest.raises(SystemExit):
        cli.main(["--version"])

    assert gc.get_freeze_count() == 0
