"""File-level checks: what ``msgfmt --check`` checks, with the same file and line.

The strict reader (:mod:`i18n_pipeline.catalogs.catalog`) has already held the file to
GNU msgfmt, polib and Babel; here the header is held to the language it is for.
"""

from __future__ import annotations

from collections.abc import Iterator

from i18n_pipeline.catalogs.catalog import CatalogFile, plural_form_count
from i18n_pipeline.config.languages import Language
from i18n_pipeline.config.plurals import (
    babel_disagreement,
    matching_table,
    parse_rule,
    recognised_rules,
)
from i18n_pipeline.errors import CatalogSyntaxError
from i18n_pipeline.findings import Finding, Severity


def check_headers(catalog: CatalogFile, language: Language) -> Iterator[Finding]:
    """Language, charset and plural forms, as GNU gettext and the language require them;
    ``language`` is the project's (``SiteConfig.language``): its ``plural_forms`` is the
    record of conf.py's ``site_languages``."""
    path, line, header = catalog.path, catalog.header_line, catalog.header

    def finding(message: str, hint: str) -> Finding:
        return Finding(
            path=path,
            line=line,
            rule="gettext-header",
            severity=Severity.ERROR,
            message=message,
            fix=hint,
        )

    declared = header.get("Language", "")
    if declared.replace("-", "_") != language.code.replace("-", "_"):
        yield finding(
            f"the header says Language: {declared!r}, but the file is in the "
            f"{language.code!r} directory",
            f"set 'Language: {language.code}' in the header",
        )
    content_type = header.get("Content-Type", "")
    if "charset=utf-8" not in content_type.lower().replace(" ", ""):
        yield finding(
            f"the header's Content-Type is {content_type!r}, not UTF-8",
            "set 'Content-Type: text/plain; charset=UTF-8' (Poedit: Catalog > Properties)",
        )
    try:
        nplurals = plural_form_count(header, path, line)
    except CatalogSyntaxError as error:
        yield finding(error.message, f"set 'Plural-Forms: {language.plural_forms}'")
        return
    stated = parse_rule(header.get("Plural-Forms", ""))
    if stated is None or matching_table(stated, language.code, language.plural_forms) is None:
        tables = recognised_rules(language.code, language.plural_forms)
        yield finding(
            f"the header's Plural-Forms {header.get('Plural-Forms', '')!r} is not a rule for "
            f"{language.code!r} in any recognised table ({', '.join(tables)})",
            f"set 'Plural-Forms: {language.plural_forms}' (the project's record)",
        )
    disagreement = babel_disagreement(language.code, language.plural_forms)
    if disagreement:
        yield Finding(
            path=path,
            line=line,
            rule="plural-table-drift",
            severity=Severity.INFO,
            message=disagreement,
            fix="nothing, unless the record itself is wrong: then change it in conf.py "
            "(site_languages) and run 'tox -e update'",
        )
    # GNU msgfmt --check (the reader) holds every plural entry to the header's count.
    expected = nplurals
    for message in catalog.live:
        if (
            message.msgid_plural
            and any(message.plural_msgstrs)
            and len(message.plural_msgstrs) != expected
        ):
            yield Finding(
                path=path,
                line=message.line,
                rule="gettext-plural",
                severity=Severity.ERROR,
                message=f"{len(message.plural_msgstrs)} plural form(s), the language has "
                f"{expected}",
                fix=f"give msgstr[0] to msgstr[{expected - 1}]",
                subject=message.msgid,
            )
