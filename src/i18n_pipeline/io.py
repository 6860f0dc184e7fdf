"""Files in and out: written so that a reader never sees half of one, JSON read and
written one way (bounded, regular files only, UTF-8), whoever reads or writes it."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from i18n_pipeline.errors import InputRefusedError

#: No JSON file the pipeline reads is larger; a review record linked to /dev/zero or a
#: forged shard manifest of gigabytes is refused before it is read.
MAX_JSON_BYTES = 64 * 1024 * 1024


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` in one step, so an interrupted write never truncates a PO file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).chmod(mode)  # mkstemp creates 0600; keep the file readable like before
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json(path: Path, data: object, *, sort_keys: bool = False) -> None:
    """The one way JSON is written: UTF-8 as it is (not escaped), indented, atomically."""
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=sort_keys) + "\n"
    write_atomically(path, text.encode("utf-8"))


def read_json(path: Path, *, limit: int = MAX_JSON_BYTES) -> Any:
    """The one way JSON is read: a regular file (never through a link), at most ``limit``
    bytes, UTF-8. A missing file raises FileNotFoundError and bad JSON ValueError, for the
    caller to judge; a link, a device or an oversized file is refused without its content
    being read or quoted."""
    info = path.lstat()
    if not stat.S_ISREG(info.st_mode):
        kind = "a link" if stat.S_ISLNK(info.st_mode) else "not a regular file"
        raise InputRefusedError(
            f"{kind}: refused without reading it", path=path, hint="replace it by a regular file"
        )
    if info.st_size > limit:
        raise InputRefusedError(
            f"{info.st_size} bytes, more than the {limit} a JSON input may have",
            path=path,
            hint="restore the file the pipeline wrote",
        )
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:  # it grew since lstat
        raise InputRefusedError(f"more than {limit} bytes", path=path, hint="restore the file")
    return json.loads(data.decode("utf-8"))
