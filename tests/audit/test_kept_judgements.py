"""A page audited again has only the texts that changed judged again: the language
checks' judgements of its last audit are kept (audit/judgements.py), and they give the
findings a fresh audit gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from i18n_pipeline.audit import identify
from i18n_pipeline.audit.run import AuditSettings, audit_site

GERMAN = (
    "Deutschland ist ein Einwanderungsland, und die Länder tragen gemeinsam Verantwortung.",
    "Die Beauftragten der Länder setzen sich für gleiche Chancen in Schule und Beruf ein.",
)
ENGLISH = "The commissioners of the federal states call for a fair and humane asylum policy."
EDITED = "Die Beratungsstellen der Kommunen brauchen eine verlässliche und dauerhafte Förderung."


def page(*paragraphs: str) -> str:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Erklärung</title>'
        f"</head><body><main><h1>Berliner Erklärung</h1>{body}</main></body></html>"
    )


def findings(site: Path, cache: Path, *, fresh: bool) -> dict[str, list[str]]:
    result = audit_site(AuditSettings(site, cache, fresh=fresh, language_only=True))
    return {p.relative: sorted(f"{i.rule}: {i.message}" for i in p.issues) for p in result.pages}


def test_a_changed_page_judges_nothing_its_last_audit_judged_and_finds_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "erklaerung.html").write_text(page(*GERMAN, ENGLISH), encoding="utf-8")
    (site / "andere.html").write_text(page(GERMAN[1]), encoding="utf-8")
    judged: list[tuple[Any, ...]] = []
    judging = identify._judge

    def counted(*call: Any) -> identify.Judgement | None:
        judged.append(call)
        return judging(*call)

    counted.cache_clear = judging.cache_clear  # type: ignore[attr-defined]  # release_models
    monkeypatch.setattr(identify, "_judge", counted)
    first = findings(site, tmp_path / "cache", fresh=False)
    first_calls = set(judged)
    (site / "erklaerung.html").write_text(page(GERMAN[0], EDITED, ENGLISH), encoding="utf-8")
    judged.clear()
    again = findings(site, tmp_path / "cache", fresh=False)
    again_calls = set(judged)
    monkeypatch.setattr(identify, "_judge", judging)

    assert any(EDITED.split()[1] in call[0] for call in again_calls), "the edit was judged"
    assert not again_calls & first_calls, [(c[0], c[3], c[4]) for c in again_calls & first_calls]
    assert again == findings(site, tmp_path / "fresh-cache", fresh=True)
    assert any("is in English" in finding for finding in again["erklaerung.html"]), again
    assert again["andere.html"] == first["andere.html"]
