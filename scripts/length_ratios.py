#!/usr/bin/env python3
"""Write the length ratios the length-ratio check reads:
``python scripts/length_ratios.py [ROOT] [OUT]`` (this checkout, the check's data file).

For each language, over its committed translations (translated, not fuzzy, the German
text at least ``MIN_LENGTH`` grapheme clusters long): the median and the spread
(interquartile range) of log(length of the translation / length of the German text),
each length in grapheme clusters of the words a reader sees. A language with fewer
than ``MIN_ENTRIES`` such entries is left out, and its length is not judged. Run it
again when the translations have changed much; the check reads the file it writes,
``src/i18n_pipeline/checks/length_ratios.json``.
"""

from __future__ import annotations

import math
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from i18n_pipeline.catalogs.catalog import read_catalog
from i18n_pipeline.checks.proportions import RATIOS_FILE, length
from i18n_pipeline.checks.rst import parse_markup
from i18n_pipeline.io import write_json
from i18n_pipeline.project import Project

ROOT = Path(__file__).resolve().parent.parent
#: Shorter German texts (headings, names, single words) vary too much to say what is usual.
MIN_LENGTH = 40
#: Fewer entries say too little about a language's usual length.
MIN_ENTRIES = 20


def log_ratios(project: Project, code: str) -> list[float]:
    ratios = []
    for path in project.po_files(code):
        for message in read_catalog(path, code).live:
            if not message.translated:
                continue
            german = length(parse_markup(message.msgid).text)
            if german < MIN_LENGTH:
                continue
            for msgstr in message.strings:
                ratios.append(math.log(length(parse_markup(msgstr).text) / german))
    return ratios


def main(argv: list[str]) -> int:
    project = Project(Path(argv[0]) if argv else ROOT)
    out = Path(argv[1]) if len(argv) > 1 else RATIOS_FILE
    languages = {}
    for lang in project.config.translations:
        ratios = log_ratios(project, lang.code)
        if len(ratios) < MIN_ENTRIES:
            print(f"{lang.code}: {len(ratios)} entries, left out")
            continue
        first, median, third = statistics.quantiles(ratios, n=4)
        languages[lang.code] = {
            "entries": len(ratios),
            "median": round(median, 4),
            "spread": round(third - first, 4),
        }
        print(f"{lang.code}: {len(ratios)} entries, usually {math.exp(median):.2f} times as long")
    write_json(out, {"min_length": MIN_LENGTH, "languages": languages})
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
