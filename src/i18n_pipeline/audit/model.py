"""What the audit finds, per page, in one shape for every tool."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from i18n_pipeline.findings import Finding, Severity


@dataclass(frozen=True, kw_only=True)
class Issue(Finding):
    """One finding on one page (or PDF): a :class:`~i18n_pipeline.findings.Finding` with what
    the audit's tools say besides. ``rule`` is the tool's code (``color-contrast``).

    Its severity follows from how it counts, never from the tool's own word (``type``):
    gating → error (it fails the verdict); needs_review → warning (a person must judge it:
    it goes to the manual checklist); anything else → info (reported, stops nothing)."""

    #: The page relative to the site (``en/index.html``); a check sees only the page's tree,
    #: so the audit sets it where it files the page's issues (:func:`on_page`).
    path: Path = Path()
    severity: Severity = field(init=False, default=Severity.INFO)
    runner: str  # axe, htmlcs, axe-wcag22, language, direction, html, hreflang, requests, pdf
    type: str  # error, warning or notice, as the tool said
    criterion: str = ""  # WCAG success criterion, e.g. 1.4.3
    level: str = ""  # A, AA (or A/AA where the tool does not say)
    selector: str = ""
    context: str = ""
    help_url: str = ""
    where: str = ""  # which part of the page: landmark and heading
    language: str = ""  # the language the context is in, when a check found it
    gating: bool = False  # counts against the verdict
    needs_review: bool = False  # goes to the manual checklist instead
    accepted: str = ""  # an auditor accepted it: by whom, until when, why (not gating)

    def __post_init__(self) -> None:
        severity = (
            Severity.ERROR
            if self.gating
            else Severity.WARNING
            if self.needs_review
            else Severity.INFO
        )
        object.__setattr__(self, "severity", severity)

    def as_json(self) -> dict[str, object]:
        return {**asdict(self), "path": self.path.as_posix(), "severity": str(self.severity)}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Issue:
        fields = {name: value for name, value in data.items() if name != "severity"}
        return cls(**{**fields, "path": Path(str(data["path"]))})  # type: ignore[arg-type]


def on_page(issues: Iterable[Issue], page: str) -> list[Issue]:
    """``issues`` filed on ``page`` (relative to the site)."""
    return [replace(issue, path=Path(page)) for issue in issues]


@dataclass(frozen=True)
class SiteLanguages:
    """What a site run tells the audit about its languages; empty for any other site,
    whose pages are judged against every language the identifiers know."""

    languages: tuple[str, ...] = ()  # BCP 47 tags of the site's languages
    expected: Mapping[str, str] = field(default_factory=dict)  # page → tag it was built for
    protected: tuple[str, ...] = ()  # terms never judged (the glossary: names, identifiers)


@dataclass(frozen=True)
class ToolOutcome:
    """What one browser tool (pa11y, the probe) found, and where it failed."""

    issues: dict[str, list[Issue]]  # by URL
    failures: dict[str, str]  # URL → the tool's message; a failure is never a pass


@dataclass
class PageResult:
    """Everything the audit found on one page."""

    relative: str
    url: str
    language: str | None
    issues: list[Issue] = field(default_factory=list)
    cached: bool = False
    tool_failure: str = ""
    cache_key: str = ""  # where its result is kept (a shard hands these on to the assembly)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.gating]

    @property
    def reported(self) -> list[Issue]:
        return [i for i in self.issues if not i.gating and not i.needs_review and not i.accepted]

    @property
    def accepted(self) -> list[Issue]:
        """Findings an auditor accepted (``.pa11yci``): shown, never hidden."""
        return [i for i in self.issues if i.accepted]

    @property
    def checklist(self) -> list[Issue]:
        return [i for i in self.issues if i.needs_review]
