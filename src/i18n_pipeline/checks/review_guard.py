"""Reviews that cannot be forged in the same change as the translation they approve.

A review record (``reviews/<lang>.json``) and the sentences that tell readers how far
to trust a page (the draft and review notices, the provenance line) are trust data.
A translator's change may not write them. This guard reads a range of commits (a merge
request: its base and ``HEAD``) and refuses:

- a change that edits a language's PO files and also its review record;
- a commit that changes a review record, or the wording of a trust statement in a
  ``sphinx.po``, and is not signed by a key of ``reviewers/allowed_signers`` **as the
  base has it**, so that a change cannot bring its own key.

Git verifies the signatures itself (``git verify-commit`` with SSH signatures and an
allowed-signers file, git ≥ 2.34): no cryptography is written here. GitLab's
CODEOWNERS (``.gitlab/CODEOWNERS``) protects the same paths for approvals.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from i18n_pipeline.catalogs.catalog import parse_catalog
from i18n_pipeline.errors import MissingToolError, UsageError
from i18n_pipeline.findings import Finding, Severity

#: The reviewers' public keys, one ``principal key-type key`` a line (ssh-keygen's
#: ALLOWED SIGNERS format), read from the base revision only.
ALLOWED_SIGNERS = "reviewers/allowed_signers"
#: The theme's sentences that say how far to trust a page (sphinxext/theme/accessible/
#: layout.html; a test holds the two in step). A translator translates them; a changed
#: wording reaches readers only through a reviewer's signed commit.
TRUST_STATEMENTS = (
    "Diese Übersetzung wurde am %(date)s von einer muttersprachlichen Person geprüft. "
    "Maßgeblich ist die deutsche Fassung.",
    "Diese Übersetzung ist ein ungeprüfter Entwurf. Maßgeblich ist die deutsche Fassung.",
    "Übersetzt aus der deutschen Fassung vom %(date)s (Quelltext %(revision)s).",
    "Absätze, die noch auf Deutsch erscheinen, weil ihre Übersetzung fehlt oder veraltet "
    "ist: %(count)s.",
)
_REVIEW_RECORD = re.compile(r"reviews/(?P<code>[A-Za-z0-9_-]+)\.json")
_CATALOG = re.compile(r"locales/(?P<code>[A-Za-z0-9_-]+)/LC_MESSAGES/(?P<domain>[^/]+)\.po")
_GOOD_SIGNATURE = re.compile(r'Good "git" signature for (?P<principal>\S+) with')
RULE = "review-trust"


@dataclass(frozen=True)
class Change:
    """One commit of the range, with the trust data it touches."""

    commit: str
    subject: str
    records: tuple[str, ...]  # review records it changes
    statements: tuple[str, ...]  # sphinx.po files whose trust statements it rewords


def guard_reviews(root: Path, base: str, head: str = "HEAD") -> list[Finding]:
    """Every way the commits ``base..head`` of the repository at ``root`` forge trust."""
    findings = _same_change(root, base, head)
    signers = _show(root, base, ALLOWED_SIGNERS) or b""
    with tempfile.NamedTemporaryFile(prefix="allowed-signers-") as allowed:
        allowed.write(signers)
        allowed.flush()
        for change in _changes(root, base, head):
            if not (change.records or change.statements):
                continue
            if signers.strip() and _signer(root, change.commit, Path(allowed.name)):
                continue
            for path in (*change.records, *change.statements):
                what = "marks reviews" if path in change.records else "rewords a trust statement"
                findings.append(
                    _finding(
                        root / path,
                        f"commit {change.commit[:12]} ({change.subject!r}) {what} and is not "
                        f"signed by a reviewer's key in {ALLOWED_SIGNERS} (as the base has it)",
                        "a reviewer records the review, or commits the new wording, in a commit "
                        "of their own signed with their SSH key (git commit -S)",
                    )
                )
    return findings


def _same_change(root: Path, base: str, head: str) -> list[Finding]:
    changed = _git(root, "diff", "--name-only", f"{base}...{head}").splitlines()
    edited = {m["code"] for p in changed if (m := _CATALOG.fullmatch(p))}
    return [
        _finding(
            root / path,
            f"this change edits the translation of {m['code']!r} and marks it reviewed",
            "take the review record out of this change; the reviewer records it in a change "
            "of their own, after this one is merged",
        )
        for path in changed
        if (m := _REVIEW_RECORD.fullmatch(path)) and m["code"] in edited
    ]


def _changes(root: Path, base: str, head: str) -> list[Change]:
    log = _git(root, "log", "--format=%H%x00%s", f"{base}..{head}")
    changes = []
    for line in log.splitlines():
        commit, _, subject = line.partition("\0")
        files = _git(
            root, "diff-tree", "--no-commit-id", "--name-only", "-r", "-m", "--root", commit
        )
        paths = sorted(set(files.splitlines()))
        records = tuple(p for p in paths if _REVIEW_RECORD.fullmatch(p))
        statements = tuple(
            p
            for p in paths
            if (m := _CATALOG.fullmatch(p))
            and m["domain"] == "sphinx"
            and _trust_wording(root, f"{commit}^", p, m["code"])
            != _trust_wording(root, commit, p, m["code"])
        )
        changes.append(Change(commit, subject, records, statements))
    return changes


def _trust_wording(root: Path, revision: str, path: str, code: str) -> dict[str, str]:
    """The trust statements' msgstrs of ``path`` at ``revision`` (none where it is absent)."""
    data = _show(root, revision, path)
    if data is None:
        return {}
    catalog = parse_catalog(root / path, data, code)
    return {m.msgid: "\0".join(m.strings) for m in catalog.live if m.msgid in TRUST_STATEMENTS}


def _show(root: Path, revision: str, path: str) -> bytes | None:
    """The bytes of ``path`` at ``revision``; None where the revision has no such file."""
    shown = subprocess.run(
        ["git", "show", f"{revision}:{path}"], cwd=root, capture_output=True, check=False
    )
    return shown.stdout if shown.returncode == 0 else None


def _signer(root: Path, commit: str, allowed_signers: Path) -> str | None:
    """The principal whose allowed key signed ``commit``, or None."""
    verified = subprocess.run(
        [
            "git",
            "-c",
            "gpg.format=ssh",
            "-c",
            f"gpg.ssh.allowedSignersFile={allowed_signers}",
            "verify-commit",
            commit,
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    match = _GOOD_SIGNATURE.search(verified.stderr)
    return match["principal"] if verified.returncode == 0 and match else None


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise MissingToolError(
            "git is needed to verify reviews", hint="install it: apt-get install git"
        ) from error
    if done.returncode != 0:
        raise UsageError(
            f"git {' '.join(args)} failed: {done.stderr.strip()}",
            hint="pass a base revision this clone has (fetch it first, e.g. git fetch origin main)",
        )
    return done.stdout


def _finding(path: Path, message: str, fix: str) -> Finding:
    return Finding(path=path, line=1, rule=RULE, severity=Severity.ERROR, message=message, fix=fix)
