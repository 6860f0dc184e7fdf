"""JSON inputs are read one way: regular files of a sane size, never through a link.

A translator's change could put ``reviews/en.json`` in as a link to /dev/zero (read
without bound) or to a file outside the checkout; a shard's manifest could be
gigabytes. Each is refused before it is read, and its content is never quoted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n_pipeline.errors import ExitCode, InputRefusedError
from i18n_pipeline.io import read_json, write_json


def test_what_is_written_reads_back_as_it_was(tmp_path: Path) -> None:
    data = {"تاریخ": "۱۹ نوامبر ۲۰۲۴", "n": [1, 2]}
    write_json(tmp_path / "a.json", data)
    assert read_json(tmp_path / "a.json") == data
    assert "تاریخ" in (tmp_path / "a.json").read_text(encoding="utf-8")  # not \\u-escaped


def test_a_link_to_dev_zero_is_refused_without_reading(tmp_path: Path) -> None:
    link = tmp_path / "en.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(InputRefusedError) as refused:
        read_json(link)
    assert refused.value.exit_code == ExitCode.INPUT_UNREADABLE
    assert refused.value.path == link and "a link" in refused.value.message


def test_a_link_to_a_secret_is_refused_and_not_quoted(tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text('{"token": "s3cr3t"}', encoding="utf-8")
    (tmp_path / "en.json").symlink_to(secret)
    with pytest.raises(InputRefusedError) as refused:
        read_json(tmp_path / "en.json")
    assert "s3cr3t" not in str(refused.value)


def test_an_oversized_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_text("[" + "0," * 600 + "0]", encoding="utf-8")
    with pytest.raises(InputRefusedError, match="more than the 1000"):
        read_json(big, limit=1000)


def test_a_missing_file_and_bad_json_are_the_callers_to_judge(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_json(tmp_path / "none.json")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(ValueError):
        read_json(tmp_path / "bad.json")
