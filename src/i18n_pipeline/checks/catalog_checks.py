"""File-level checks: what ``msgfmt --check`` checks, with the same file and line.

Syntax is checked by a strict parse (Babel), headers and plural forms by
reading them, and GNU msgfmt, when installed, has the last word.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from gettext import c2py
from pathlib import Path

import polib

from i18n_pipeline.catalog_io import read_catalog
from i18n_pipeline.checks.model import Finding, Severity
from i18n_pipeline.errors import CatalogSyntaxError
from i18n_pipeline.languages import Language

MSGFMT_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<message>.*)$")


def check_gettext_validity(path: Path, language: Language) -> Iterator[Finding]:
    """Syntax, headers, plural forms and format strings, as GNU gettext requires them."""
    try:
        read_catalog(path, locale=language.code)
    except CatalogSyntaxError as error:
        yield Finding(
            path, error.line or 1, "gettext-syntax", Severity.ERROR, error.message, error.hint
        )
        return
    po = polib.pofile(str(path))
    header_line = _header_line(path)
    yield from _check_headers(path, header_line, po.metadata, language)
    yield from _check_plural_entries(path, po, language)
    yield from _msgfmt(path)


def _header_line(path: Path) -> int:
    """The line of the header entry's ``msgid ""``, where editors show the header."""
    with path.open(encoding="utf-8") as lines:
        return next(
            (number for number, line in enumerate(lines, start=1) if line.startswith('msgid ""')), 1
        )


def _check_headers(
    path: Path, line: int, metadata: dict[str, str], language: Language
) -> Iterator[Finding]:
    def finding(message: str, hint: str) -> Finding:
        return Finding(path, line, "gettext-header", Severity.ERROR, message, hint)

    declared = metadata.get("Language", "")
    if declared.replace("-", "_") != language.code.replace("-", "_"):
        yield finding(
            f"the header says Language: {declared!r}, but the file is in the "
            f"{language.code!r} directory",
            f"set 'Language: {language.code}' in the header",
        )
    content_type = metadata.get("Content-Type", "")
    if "charset=utf-8" not in content_type.lower().replace(" ", ""):
        yield finding(
            f"the header's Content-Type is {content_type!r}, not UTF-8",
            "set 'Content-Type: text/plain; charset=UTF-8' (Poedit: Catalog > Properties)",
        )
    plural_forms = metadata.get("Plural-Forms", "")
    match = re.match(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?);?\s*$", plural_forms)
    if not match:
        yield finding(
            f"the header's Plural-Forms is missing or malformed: {plural_forms!r}",
            f"set 'Plural-Forms: {language.plural_forms}'",
        )
        return
    try:
        rule = c2py(match[2])
        forms = {rule(n) for n in range(200)}
    except (ValueError, SyntaxError) as error:
        yield finding(
            f"the plural expression cannot be evaluated: {error}",
            f"set 'Plural-Forms: {language.plural_forms}'",
        )
        return
    if max(forms) >= int(match[1]):
        yield finding(
            f"the plural rule yields form {max(forms)} but nplurals is {match[1]}",
            f"set 'Plural-Forms: {language.plural_forms}'",
        )


def _check_plural_entries(path: Path, po: polib.POFile, language: Language) -> Iterator[Finding]:
    expected = int(re.search(r"nplurals\s*=\s*(\d+)", language.plural_forms)[1])  # type: ignore[index]
    for entry in po:
        if entry.msgid_plural and entry.msgstr_plural and len(entry.msgstr_plural) != expected:
            yield Finding(
                path,
                entry.linenum,
                "gettext-plural",
                Severity.ERROR,
                f"{len(entry.msgstr_plural)} plural form(s), the language has {expected}",
                f"give msgstr[0] to msgstr[{expected - 1}]",
                entry.msgid,
            )


def _msgfmt(path: Path) -> Iterator[Finding]:
    """GNU msgfmt's own verdict, when it is installed (Debian: apt-get install gettext)."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return
    result = subprocess.run(
        [msgfmt, "--check", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode == 0:
        return
    for output_line in result.stderr.splitlines():
        match = MSGFMT_LINE.match(output_line)
        if match and "fatal error" not in match["message"] and "warning" not in match["message"]:
            yield Finding(
                path,
                int(match["line"]),
                "msgfmt",
                Severity.ERROR,
                f"GNU msgfmt: {match['message']}",
                "fix the entry at that line",
            )
