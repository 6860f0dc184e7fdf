"""The readability figure is the formula's, measured honestly: splitting a compound for
easy reading (a hyphen, as the Netzwerk Leichte Sprache asks, or DIN SPEC 33429's
Mediopunkt) neither lowers nor raises it."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n_pipeline.catalogs.readability import measure_page

WHOLE = "Der Integrationskurs beginnt. Die Bundesregierung hilft. Das Einwanderungsland wächst."
SPLIT = (
    "Der Integrations{0}Kurs beginnt. Die Bundes{0}Regierung hilft. "
    "Das Einwanderungs{0}Land wächst."
)


def _page(site: Path, name: str, text: str) -> Path:
    page = site / "de" / f"{name}.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f'<html lang="de"><body><main><p>{text}</p></main></body></html>')
    return page


@pytest.mark.parametrize("mark", ["-", "·"], ids=["hyphen", "mediopunkt"])
def test_a_split_compound_counts_as_the_one_long_word_it_is(tmp_path: Path, mark: str) -> None:
    whole = measure_page(_page(tmp_path, "whole", WHOLE), tmp_path, "de")
    split = measure_page(_page(tmp_path, "split", SPLIT.format(mark)), tmp_path, "de")
    assert whole is not None and split is not None
    assert (split.score, split.words) == (whole.score, whole.words)
