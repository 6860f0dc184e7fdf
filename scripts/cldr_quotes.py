#!/usr/bin/env python3
"""Write the quotation marks the typography check reads, from CLDR:
``python scripts/cldr_quotes.py [PACKAGE_DIR]``.

Babel does not carry CLDR's ``<delimiters>``; the CLDR project's own JSON does, in the
npm package ``cldr-misc-full`` (``main/<locale>/delimiters.json``). Its data are
*resolved*: a locale that inherits its marks (from its parent, or from root) has them
written out, as every CLDR implementation (ICU, Babel, the browsers) would use them.
Without ``PACKAGE_DIR`` (an unpacked package), the pinned version is fetched with
``npm pack`` from the npm registry. One entry per locale that a language of this
checkout's projects (its conf.py and every ``examples/*/conf.py``) is written in: its
format locale (``en_GB`` for the English translation), else the language itself. Run it
again when a language is added; a test names every configured language without an entry.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from i18n_pipeline.checks.quotes import QUOTES_FILE, cldr_locale
from i18n_pipeline.io import write_json
from i18n_pipeline.project import Project

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "cldr-misc-full"
VERSION = "48.2.0"
FIELDS = ("quotationStart", "quotationEnd", "alternateQuotationStart", "alternateQuotationEnd")
#: What the resolved data do not say: where an entry is inherited, and that it was decided.
NOTES = {
    "ps": "CLDR's common/main/ps.xml votes the inheritance marker (↑↑↑) for all four "
    "delimiters: Pashto's vetters confirmed root's “”‘’ (as ps_PK has them); not merely missing",
}


def configured_locales() -> list[str]:
    projects = [Project(ROOT), *(Project(conf.parent) for conf in ROOT.glob("examples/*/conf.py"))]
    return sorted({cldr_locale(lang) for p in projects for lang in p.config.languages})


def fetched(into: Path) -> Path:
    """The pinned package, as ``npm pack`` gets it from the registry, unpacked."""
    subprocess.run(
        [
            "npm",
            "pack",
            "--loglevel=error",
            f"{PACKAGE}@{VERSION}",
            "--pack-destination",
            str(into),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    [tarball] = into.glob("*.tgz")
    with tarfile.open(tarball) as archive:
        archive.extractall(into, filter="data")
    return into / "package"


def delimiters(package: Path, locale: str) -> str:
    data = json.loads((package / "main" / locale / "delimiters.json").read_text("utf-8"))
    marks = data["main"][locale]["delimiters"]
    return "".join(marks[field] for field in FIELDS)


def write(package: Path, out: Path) -> None:
    manifest = json.loads((package / "package.json").read_text("utf-8"))
    source = (
        f"CLDR {manifest['cldrVersion']}, resolved: the npm package {manifest['name']} "
        f"{manifest['version']}, main/<locale>/delimiters.json ({', '.join(FIELDS)}); "
        "written by scripts/cldr_quotes.py"
    )
    locales = {locale: delimiters(package, locale) for locale in configured_locales()}
    notes = {locale: note for locale, note in NOTES.items() if locale in locales}
    write_json(out, {"source": source, "locales": locales, "notes": notes})
    for locale, marks in locales.items():
        print(f"{locale}: {marks}")
    print(f"wrote {out}")


def main(argv: list[str]) -> int:
    if argv:
        write(Path(argv[0]), QUOTES_FILE)
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        write(fetched(Path(scratch)), QUOTES_FILE)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
