"""py3langid's model, read from a decompressed copy once one exists.

py3langid ships its model as an xz-compressed NumPy archive and decompresses it on
every load (lzma, then a copy of every array): most of a second of CPU time in every
process that asks it, the audit's and each of the PO check's. It has no option to
keep the decompressed model. So the first load is py3langid's own
(``py3langid.modelio.load_model``); what it returns is kept as plain ``.npy`` files
in the user's cache, under the digest of the model file and py3langid's version,
and a later load maps them (``np.load``, never a pickle). Either way the identifier
is made by py3langid's constructor, as its ``from_model_file`` makes it.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import shutil
import tempfile
from array import array
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from i18n_pipeline.errors import PipelineError
from i18n_pipeline.io import read_json, write_json

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

#: What py3langid's ``load_model`` returns, in its order.
PARTS = ("nb_ptc", "nb_pc", "nb_classes", "tk_nextmove", "tk_row", "tk_output")
#: The parts that are ``array.array`` tables (the tokenizer's, read an item at a time).
TABLES = ("tk_nextmove", "tk_row")


def load_identifier(cache_root: Path) -> LanguageIdentifier:
    """py3langid's identifier over its shipped model, probabilities normalised."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import load_model

    model = MODEL_DIR / MODEL_FILE
    kept = cache_root / "py3langid" / _model_key(model)
    parts = _read_kept(kept)
    if parts is None:
        parts = dict(zip(PARTS, load_model(model), strict=True))
        with contextlib.suppress(OSError):  # a cache not written costs time, not the result
            _keep(parts, kept)
    return LanguageIdentifier(
        np.asarray(parts["nb_ptc"]),
        np.asarray(parts["nb_pc"]),
        parts["nb_classes"],
        parts["tk_nextmove"],
        parts["tk_output"],
        norm_probs=True,
        tk_row=parts["tk_row"],
    )


def _model_key(model: Path) -> str:
    digest = hashlib.sha256(model.read_bytes())
    digest.update(importlib.metadata.version("py3langid").encode())
    return digest.hexdigest()[:16]


def _keep(parts: dict[str, Any], kept: Path) -> None:
    """``parts`` to ``kept``, all at once: another process may be keeping them too."""
    if kept.is_dir():
        return
    kept.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=".staged-", dir=kept.parent))
    try:
        for name in PARTS:
            values = np.asarray(parts[name], dtype=np.int32 if name == "tk_output" else None)
            np.save(staged / f"{name}.npy", values, allow_pickle=False)
        typecodes = {name: parts[name].typecode for name in TABLES}
        write_json(staged / "manifest.json", {"typecodes": typecodes})
        staged.replace(kept)
    except OSError:
        if not kept.is_dir():  # else another process kept them first
            raise
    finally:
        shutil.rmtree(staged, ignore_errors=True)


def _read_kept(kept: Path) -> dict[str, Any] | None:
    """The kept parts, in the types ``load_model`` returns; None if there are none, or
    they are damaged (then py3langid loads the model, and it is kept anew)."""
    try:
        typecodes = read_json(kept / "manifest.json")["typecodes"]
        loaded = {
            name: np.load(kept / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in PARTS
        }
        parts: dict[str, Any] = {name: loaded[name] for name in ("nb_ptc", "nb_pc")}
        parts["nb_classes"] = loaded["nb_classes"].tolist()
        parts["tk_output"] = loaded["tk_output"].tolist()
        for name in TABLES:
            table = array(typecodes[name])
            table.frombytes(loaded[name].tobytes())
            parts[name] = table
    except (OSError, ValueError, KeyError, TypeError, PipelineError):  # a link, too
        shutil.rmtree(kept, ignore_errors=True)
        return None
    return parts
