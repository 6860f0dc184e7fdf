"""Files in and out: written so that a reader never sees half of one, read only when they
are what they claim to be (bounded, regular files, no link out of the checkout), and
JSON read and written one way (UTF-8), whoever reads or writes it."""

from __future__ import annotations

import errno
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
#: No PO file or glossary is larger: the committed PO files have 60 KB at most, and a
#: translation longer than the checks read is refused entry by entry anyway.
MAX_INPUT_BYTES = 16 * 1024 * 1024


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


def read_input(path: Path, *, root: Path | None = None, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of an input: a regular file of at most ``limit`` bytes, inside ``root``
    (the checkout) however it is reached; without a root, never through a link. A link
    out of the checkout, a device, a FIFO or an oversized file is refused without being
    read or quoted (a PO file linked to /etc/passwd was refused by msgfmt, which quoted
    its first word). A missing file raises FileNotFoundError, for the caller to judge."""
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode) and root is None:
        raise InputRefusedError(
            "a link: refused without reading it", path=path, hint="replace it by a regular file"
        )
    target = path
    if root is not None:
        target = path.resolve(strict=True)
        if not target.is_relative_to(root.resolve()):
            raise InputRefusedError(
                "a link that leaves the checkout: refused without reading it",
                path=path,
                hint="replace it by a regular file of the checkout",
            )
    # No link may be swapped in after the look (O_NOFOLLOW), no FIFO may block (O_NONBLOCK):
    # what is opened is what fstat then judges.
    try:
        handle = os.open(target, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputRefusedError(
                "a link: refused without reading it", path=path, hint="replace it by a file"
            ) from None
        raise
    with os.fdopen(handle, "rb") as opened:
        info = os.fstat(opened.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputRefusedError(
                "not a regular file (a device, a FIFO, a directory): refused without reading it",
                path=path,
                hint="replace it by a regular file",
            )
        if info.st_size > limit:
            raise InputRefusedError(
                f"{info.st_size} bytes, more than the {limit} this input may have",
                path=path,
                hint="restore the file from the repository",
            )
        data = opened.read(limit + 1)
    if len(data) > limit:  # it grew since fstat
        raise InputRefusedError(f"more than {limit} bytes", path=path, hint="restore the file")
    return data


def read_json(path: Path, *, limit: int = MAX_JSON_BYTES) -> Any:
    """The one way JSON is read: a regular file (never through a link), at most ``limit``
    bytes, UTF-8. A missing file raises FileNotFoundError and bad JSON ValueError, for the
    caller to judge; a link, a device or an oversized file is refused without its content
    being read or quoted."""
    return json.loads(read_input(path, limit=limit).decode("utf-8"))


def refuse_unsafe_tree(directory: Path, root: Path, seen: set[Path] | None = None) -> None:
    """Every entry below ``directory`` is a regular file or directory of the checkout: a
    link out of it, or a device, FIFO or socket, is refused before anything reads it (the
    build would copy a ``:download:`` target linked to /etc/passwd onto the site). A link
    to a directory of the checkout is followed, once."""
    inside = root.resolve()
    seen = seen if seen is not None else set()
    seen.add(directory.resolve())
    for folder, directories, files in os.walk(directory):
        for name in (*directories, *files):
            path = Path(folder) / name
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                if not path.resolve().is_relative_to(inside):
                    raise InputRefusedError(
                        "a link that leaves the checkout: refused without reading it",
                        path=path,
                        hint="replace it by a regular file of the checkout",
                    )
                info = path.stat()
                if stat.S_ISDIR(info.st_mode) and path.resolve() not in seen:
                    refuse_unsafe_tree(path.resolve(), root, seen)
            if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
                raise InputRefusedError(
                    "not a regular file (a device, a FIFO, a socket): refused without reading it",
                    path=path,
                    hint="remove it; the source holds documents and the files they show",
                )
