"""The statistics' figures are polib's entry lists, and each paragraph's state agrees with them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import polib
import pytest

from conftest import REPO, SITE
from i18n_pipeline.catalogs.catalog import read_catalog
from i18n_pipeline.catalogs.review import DRAFT, FUZZY, REVIEWED, UNTRANSLATED
from i18n_pipeline.catalogs.snapshot import Snapshot, take_snapshot
from i18n_pipeline.catalogs.stats import LanguageStats, language_stats
from i18n_pipeline.config.languages import language
from i18n_pipeline.project import Project

HEADER = (
    'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)
EVERY_KIND = """\
msgid "translated"
msgstr "done"

#, fuzzy
msgid "fuzzy with text"
msgstr "almost"

#, fuzzy
msgid "fuzzy without text"
msgstr ""

msgid "untranslated"
msgstr ""

msgid "one page"
msgid_plural "%d pages"
msgstr[0] "one page"
msgstr[1] "%d pages"

#~ msgid "obsolete"
#~ msgstr "gone"

#, fuzzy
#~ msgid "obsolete and fuzzy"
#~ msgstr "gone too"
"""


def _stats(tmp_path: Path) -> LanguageStats:
    path = tmp_path / "en" / "LC_MESSAGES" / "index.po"
    path.parent.mkdir(parents=True)
    path.write_text(HEADER + EVERY_KIND, encoding="utf-8")
    return language_stats(Snapshot({"en": (read_catalog(path, "en"),)}), language("en"))


def test_every_kind_of_entry_is_counted_as_polib_lists_it(tmp_path: Path) -> None:
    stats = _stats(tmp_path)
    po = polib.pofile(HEADER + EVERY_KIND)

    assert (stats.translated, stats.fuzzy, stats.untranslated, stats.obsolete) == (
        len(po.translated_entries()),
        len(po.fuzzy_entries()),
        len(po.untranslated_entries()),
        len(po.obsolete_entries()),
    )
    assert (stats.translated, stats.fuzzy, stats.untranslated, stats.obsolete) == (2, 2, 1, 2)
    assert stats.percent == round(100 * 2 / 5, 1)


def test_each_paragraph_state_agrees_with_the_counts(tmp_path: Path) -> None:
    stats = _stats(tmp_path)
    states = Counter(paragraph.state for paragraph in stats.paragraphs)
    assert states == {DRAFT: 2, FUZZY: 2, UNTRANSLATED: 1}
    assert (states[DRAFT] + states[REVIEWED], states[FUZZY], states[UNTRANSLATED]) == (
        stats.translated,
        stats.fuzzy,
        stats.untranslated,
    )


@pytest.mark.slow  # every committed translation of the declaration
def test_the_committed_translations_agree_with_polib() -> None:
    project = Project(REPO)
    snapshot = take_snapshot(project, SITE.translations)
    for lang in SITE.translations:
        stats = language_stats(snapshot, lang)
        entries = [polib.pofile(str(po), wrapwidth=0) for po in project.po_files(lang.code)]
        assert stats.translated == sum(len(po.translated_entries()) for po in entries)
        assert stats.total == sum(len([e for e in po if not e.obsolete]) for po in entries)
        assert len(stats.paragraphs) == stats.total, lang.code
