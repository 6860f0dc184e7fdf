"""py3langid's model is decompressed once per machine, not once per process: the copy
kept in the user's cache gives the identifier py3langid itself would give."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from i18n_pipeline.audit import langid_model
from i18n_pipeline.audit.langid_model import load_identifier

TEXTS = (
    "Die Integrationsbeauftragten der Länder und des Bundes erklären gemeinsam.",
    "Pełnomocnicy do spraw integracji krajów związkowych i federacji oświadczają.",
    "مفوضو الاندماج في الولايات والاتحاد يعلنون ما يلي.",
    "Eyaletlerin ve federal hükümetin uyum temsilcileri ortak bir açıklama yapıyor.",
)


@pytest.fixture(scope="module")
def py3langids_own() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def same_answers(one: LanguageIdentifier, other: LanguageIdentifier) -> bool:
    return all(
        one.classify(text) == other.classify(text) and one.rank(text) == other.rank(text)
        for text in TEXTS
    )


def test_the_kept_model_identifies_as_py3langids_own_and_is_read_without_it(
    tmp_path: Path, py3langids_own: LanguageIdentifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_identifier(tmp_path)  # py3langid loads it, and it is kept
    monkeypatch.setattr("py3langid.modelio.load_model", _not_called)

    kept = load_identifier(tmp_path)

    assert same_answers(first, py3langids_own)
    assert same_answers(kept, py3langids_own)
    limited = copy.copy(py3langids_own)  # as identify.py limits it
    kept.set_languages(["de", "pl"])
    limited.set_languages(["de", "pl"])
    assert kept.rank(TEXTS[1]) == limited.rank(TEXTS[1])


def test_a_damaged_copy_is_loaded_anew_by_py3langid(
    tmp_path: Path, py3langids_own: LanguageIdentifier
) -> None:
    load_identifier(tmp_path)
    (table,) = tmp_path.glob(f"py3langid/*/{langid_model.TABLES[0]}.npy")
    table.write_bytes(table.read_bytes()[:1000])

    assert same_answers(load_identifier(tmp_path), py3langids_own)
    assert same_answers(load_identifier(tmp_path), py3langids_own)  # kept again


def _not_called(path: object) -> None:
    raise AssertionError("py3langid's loader was called: the kept model was not read")
