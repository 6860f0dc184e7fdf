"""What the site is comes from its project: conf.py's site values, registered by the
extension with their types, read by Sphinx, one model for the whole run."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, SITE
from i18n_pipeline.config import site_config
from i18n_pipeline.config.site_config import read_site_config
from i18n_pipeline.errors import ConfigurationError, PipelineError
from i18n_pipeline.project import Project

GERMAN_ENGLISH = """
extensions = ["i18n_pipeline.sphinxext"]
site_languages = {"de": "nplurals=2; plural=(n != 1);", "en": "nplurals=2; plural=(n != 1);"}
site_glossary = "glossary.txt"
"""


def _conf(tmp_path: Path, text: str, documents: tuple[str, ...] = ("index",)) -> Path:
    (tmp_path / "conf.py").write_text(text, encoding="utf-8")
    (tmp_path / "source").mkdir(exist_ok=True)
    for name in documents:
        (tmp_path / "source" / f"{name}.rst").write_text("Titel\n=====\n", encoding="utf-8")
    return tmp_path


def _refusal(tmp_path: Path, text: str, documents: tuple[str, ...] = ("index",)) -> str:
    root = _conf(tmp_path, text, documents)
    with pytest.raises(ConfigurationError) as raised:
        read_site_config(root, root / "source")
    assert raised.value.path == root / "conf.py"
    assert raised.value.exit_code == 4
    return raised.value.message


def test_the_declarations_conf_py_states_its_languages_and_documents() -> None:
    translated = {p.name for p in (REPO / "locales").iterdir() if p.is_dir()}
    assert (SITE.codes[0], SITE.source_language) == ("de", "de")
    assert set(SITE.translation_codes) == translated and len(SITE.codes) == 15
    assert SITE.format_locales == {"en": "en_GB"}
    assert SITE.pdfs == {"index": "berliner-erklaerung.pdf"}
    assert SITE.parallel_pages == {"index": "parallel"}
    assert (SITE.easy_read, SITE.accessibility_statement) == ("leichte-sprache", "barrierefreiheit")
    assert Project(REPO).glossary_file == REPO / "glossary.txt"


def test_a_project_language_carries_the_record_and_the_format_locale_of_conf_py() -> None:
    turkish, english = SITE.language("tr"), SITE.language("en")

    assert turkish.plural_forms == SITE.plural_forms["tr"] == "nplurals=2; plural=(n != 1);"
    assert (english.format_locale, SITE.language("de").format_locale) == ("en_GB", "de")


def test_a_language_the_site_does_not_have_is_refused_naming_where_the_list_is() -> None:
    with pytest.raises(PipelineError) as raised:
        SITE.language("nl")
    assert "'nl' is not one of the site's languages" in raised.value.message
    assert "site_languages in conf.py" in raised.value.hint


def test_defaults_are_the_extensions_the_source_language_is_the_first(tmp_path: Path) -> None:
    root = _conf(tmp_path, GERMAN_ENGLISH)

    site = read_site_config(root, root / "source")

    assert (site.source_language, site.translation_codes) == ("de", ("en",))
    assert (site.pdfs, site.parallel_pages, site.easy_read) == ({}, {}, "")
    assert site.root_doc == "index"
    assert Project(root).glossary_file == root / "glossary.txt"  # relative to conf.py
    assert Project(root).easy_read_record_file is None  # no Prüfgruppe record by default


def test_the_pruefgruppe_record_is_where_conf_py_names_it(tmp_path: Path) -> None:
    root = _conf(tmp_path, GERMAN_ENGLISH + 'site_easy_read_record = "checks/lies.json"\n')
    assert Project(root).easy_read_record_file == root / "checks" / "lies.json"


def test_sphinxs_type_check_refuses_a_list_of_languages(tmp_path: Path) -> None:
    message = _refusal(tmp_path, GERMAN_ENGLISH + 'site_languages = ["de", "en"]\n')

    assert "site_languages" in message and "dict" in message


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ('site_languages = {"de": "nplurals=2; plural=(n != 1);", "en": ""}', "'en' needs its"),
        ('site_languages = {"de": "nplurals=2; plural=(n != 1);", "xx": "nplurals=1; plural=0;"}',
         "no locale data for 'xx'"),
        ('site_source_language = "en"', "must be the first of site_languages"),
        ('site_format_locales = {"fr": "fr_FR"}', "'fr' is not one of site_languages"),
        ('site_pdfs = {"index": "erklaerung.html"}', "does not end in .pdf"),
        ('site_glossary = ""', "site_glossary names no glossary"),
        ("site_languages = {}", "site_languages names no language"),
    ],
)  # fmt: skip
def test_a_wrong_site_value_stops_the_run_naming_it(tmp_path: Path, line: str, named: str) -> None:
    assert named in _refusal(tmp_path, GERMAN_ENGLISH + line + "\n")


def test_a_document_a_value_names_must_be_in_source(tmp_path: Path) -> None:
    message = _refusal(tmp_path, GERMAN_ENGLISH + 'site_easy_read = "leichte-sprache"\n')

    assert "site_easy_read names the document 'leichte-sprache'" in message


def test_the_project_reads_conf_py_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    root = _conf(tmp_path, GERMAN_ENGLISH)
    reads: list[Path] = []
    original = site_config.Config.read

    def counted(confdir: Path, **kwargs: object) -> object:
        reads.append(Path(confdir))
        return original(confdir, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(site_config.Config, "read", counted)
    project = Project(root)

    assert project.config.codes == project.config.codes == ("de", "en")
    assert project.glossary_file.name == "glossary.txt"
    assert reads == [root]
