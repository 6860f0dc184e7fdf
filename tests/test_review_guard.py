"""Reviews that cannot be forged in the same change (``i18n-pipeline verify-reviews``).

Each test makes a small git repository, a base commit with a reviewer's SSH key in
``reviewers/allowed_signers``, and a change on top of it, as a translator's merge
request would bring it. Git signs and verifies; the guard decides.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from i18n_pipeline.checks.review_guard import ALLOWED_SIGNERS, TRUST_STATEMENTS, guard_reviews
from i18n_pipeline.cli import main
from i18n_pipeline.errors import ExitCode

LAYOUT = (
    Path(__file__).resolve().parent.parent
    / "src/i18n_pipeline/sphinxext/theme/accessible/layout.html"
)
DRAFT_NOTICE = TRUST_STATEMENTS[1]
CATALOG = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: en\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "{notice}"
msgstr "{draft}"

msgid "Alle Sprachen"
msgstr "{all_languages}"
"""


class Repository:
    """A git repository with a reviewer's and a stranger's signing key."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir()
        self.git("init", "-q", "-b", "main")
        self.reviewer = self._key("reviewer")
        self.stranger = self._key("stranger")

    def _key(self, name: str) -> Path:
        key = self.root.parent / f"{name}-key"
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)],
            check=True,
        )
        return key

    def git(self, *args: str) -> str:
        return subprocess.run(
            ["git", "-c", "user.name=Someone", "-c", "user.email=someone@example.org", *args],
            cwd=self.root,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def catalog(self, draft: str = "This translation is an unreviewed draft.") -> None:
        self.write(
            "locales/en/LC_MESSAGES/sphinx.po",
            CATALOG.format(notice=DRAFT_NOTICE, draft=draft, all_languages="All languages"),
        )

    def allow(self, key: Path, principal: str) -> None:
        public = key.with_suffix(".pub").read_text().split()
        self.write(ALLOWED_SIGNERS, f"{principal} {public[0]} {public[1]}\n")

    def commit(self, message: str, key: Path | None = None) -> str:
        self.git("add", "-A")
        signing = ["-c", "gpg.format=ssh", "-c", f"user.signingkey={key}"] if key else []
        self.git(*signing, "commit", "-q", *(["-S"] if key else []), "-m", message)
        return self.git("rev-parse", "HEAD").strip()

    def record_review(self) -> None:
        self.write(
            "reviews/en.json",
            json.dumps({"reviews": {"0" * 32: {"by": "R", "date": "2026-12-06"}}}),
        )


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    repository = Repository(tmp_path / "repo")
    repository.catalog()
    repository.write(
        "locales/en/LC_MESSAGES/index.po",
        CATALOG.format(notice="Absatz", draft="Paragraph", all_languages="All languages"),
    )
    repository.allow(repository.reviewer, "reviewer@example.org")
    repository.commit("base")
    return repository


def rules_broken(repo: Repository, base: str = "HEAD~1") -> list[str]:
    return [f"{f.path.relative_to(repo.root)}: {f.message}" for f in guard_reviews(repo.root, base)]


def test_the_guard_knows_every_trust_statement_the_theme_shows() -> None:
    layout = LAYOUT.read_text(encoding="utf-8")
    for statement in TRUST_STATEMENTS:
        assert statement.replace(" ", "") in layout.replace("\n", "").replace(" ", "")


def test_a_review_signed_by_a_reviewer_of_the_base_is_accepted(repo: Repository) -> None:
    repo.record_review()
    repo.commit("Review of en", repo.reviewer)
    assert rules_broken(repo) == []


def test_an_unsigned_review_is_refused(repo: Repository) -> None:
    """The November attack: reviews/en.json written by hand in the translator's change."""
    repo.record_review()
    commit = repo.commit("Review of en")
    [problem] = rules_broken(repo)
    assert problem.startswith(f"reviews/en.json: commit {commit[:12]} ('Review of en') marks")
    assert "not signed by a reviewer's key" in problem


def test_a_key_the_change_adds_to_the_allowed_signers_does_not_count(repo: Repository) -> None:
    repo.allow(repo.stranger, "stranger@example.org")
    repo.record_review()
    repo.commit("Review of en, and my key", repo.stranger)
    assert any("not signed by a reviewer's key" in p for p in rules_broken(repo))


def test_a_change_that_edits_a_translation_and_marks_it_reviewed_is_refused(
    repo: Repository,
) -> None:
    """Even signed by a reviewer: the review belongs in a change of its own."""
    repo.write(
        "locales/en/LC_MESSAGES/index.po",
        CATALOG.format(notice="Absatz", draft="Changed", all_languages="All languages"),
    )
    repo.record_review()
    repo.commit("Edit and review", repo.reviewer)
    assert rules_broken(repo) == [
        "reviews/en.json: this change edits the translation of 'en' and marks it reviewed"
    ]


def test_a_reworded_draft_notice_needs_a_reviewers_signature(repo: Repository) -> None:
    """The November attack: the draft notice rewritten to "verified … authoritative"."""
    repo.catalog(draft="This translation was verified. The English version is authoritative.")
    repo.commit("Improve wording")
    [problem] = rules_broken(repo)
    assert problem.startswith("locales/en/LC_MESSAGES/sphinx.po: commit")
    assert "rewords a trust statement" in problem


def test_a_reworded_draft_notice_signed_by_a_reviewer_is_accepted(repo: Repository) -> None:
    repo.catalog(draft="This translation is a draft that nobody has reviewed yet.")
    repo.commit("Reviewer's wording of the draft notice", repo.reviewer)
    assert rules_broken(repo) == []


def test_other_chrome_strings_stay_the_translators(repo: Repository) -> None:
    repo.write(
        "locales/en/LC_MESSAGES/sphinx.po",
        CATALOG.format(
            notice=DRAFT_NOTICE,
            draft="This translation is an unreviewed draft.",
            all_languages="Every language",
        ),
    )
    repo.commit("Better wording")
    assert rules_broken(repo) == []


def test_the_command_exits_with_findings_and_names_the_file(
    repo: Repository, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo.root / "conf.py").write_text("", encoding="utf-8")
    (repo.root / "source").mkdir()
    repo.record_review()
    repo.commit("Review of en")
    code = main(["--root", str(repo.root), "verify-reviews", "--base", "HEAD~1"])
    out = capsys.readouterr().out
    assert code == ExitCode.FINDINGS
    assert f"{repo.root / 'reviews/en.json'}:1: error:" in out
    assert "(review-trust)" in out
