"""The Leichte Sprache check: the rules of easy-read German that a machine can see.

Each rule names where it comes from: the rules of the Netzwerk Leichte Sprache
(as published by the BMAS in "Leichte Sprache – Ein Ratgeber", 2014) and the
matching level of DIN SPEC 33429:2025 ("Empfehlungen für Deutsche Leichte
Sprache": word level, sentence level). The checks are heuristics: a finding is
reported with the file and line of the sentence and says what to rewrite. No
library checks easy-read German; the text is parsed by docutils, as Sphinx does,
and split into sentences here (a sentence splitter for German needs a model,
and easy-read text ends every sentence with '.', '!', '?' or ':'). The rules that
depend on grammar read each sentence's word classes from a German tagger
(:mod:`tagger`, :mod:`grammar`).
"""

from __future__ import annotations

import copy
import io
import re
from dataclasses import dataclass
from pathlib import Path

from docutils import frontend, nodes, utils
from docutils.core import publish_doctree
from docutils.parsers.rst import Parser
from docutils.parsers.rst.states import Inliner

from i18n_pipeline.checks import grammar
from i18n_pipeline.checks.phrases import load_phrases
from i18n_pipeline.checks.rst import local_roles
from i18n_pipeline.checks.tagger import tag
from i18n_pipeline.checks.terms import Naming, load_terms
from i18n_pipeline.findings import Finding, Severity

NETZWERK = "Netzwerk Leichte Sprache"
DIN = "DIN SPEC 33429:2025"


@dataclass(frozen=True)
class Rule:
    id: str
    source: str  # the rule as the Netzwerk Leichte Sprache / DIN SPEC 33429 states it
    hint: str


RULES = {
    rule.id: rule
    for rule in (
        Rule(
            "easy-read-sentence-length",
            f"{NETZWERK}, Sätze: 'Schreiben Sie kurze Sätze.' ({DIN}, Satzebene)",
            "split the sentence: at most {limit} words, one statement each",
        ),
        Rule(
            "easy-read-one-clause",
            f"{NETZWERK}, Sätze: 'Machen Sie in jedem Satz nur eine Aussage.' "
            f"({DIN}, Satzebene: Nebensätze vermeiden)",
            "make two sentences: one main clause each, no 'dass', 'weil', 'wenn' or relative "
            "clause",
        ),
        Rule(
            "easy-read-long-word",
            f"{NETZWERK}, Wörter: 'Benutzen Sie kurze Wörter.' and 'Trennen Sie lange Wörter "
            f"mit einem Binde-Strich.' ({DIN}, Wortebene: Mediopunkt or Bindestrich)",
            "split the compound with a hyphen or a Mediopunkt (Integrations-Kurs, "
            "Integrations·kurs), or use a shorter word",
        ),
        Rule(
            "easy-read-abbreviation",
            f"{NETZWERK}, Wörter: 'Vermeiden Sie Abkürzungen.' ({DIN}, Wortebene)",
            "write the words out (zum Beispiel, das heißt, und so weiter)",
        ),
        Rule(
            "easy-read-percent",
            f"{NETZWERK}, Zahlen und Zeichen: 'Vermeiden Sie hohe Zahlen und Prozent-Zahlen.' "
            f"and 'Vermeiden Sie Sonder-Zeichen.' ({DIN}, Wortebene: Zahlen)",
            "say it without a percentage: 'viele', 'wenige', '3 von 10 Menschen'",
        ),
        Rule(
            "easy-read-number-word",
            f"{NETZWERK}, Zahlen und Zeichen: 'Schreiben Sie Zahlen als Ziffern.' "
            f"({DIN}, Wortebene: Zahlen)",
            "write the number as digits: 3, not drei",
        ),
        Rule(
            "easy-read-passive",
            f"{NETZWERK}, Wörter: 'Benutzen Sie aktive Wörter.' ({DIN}, Satzebene: Aktiv)",
            "say who does it: 'Die Stadt hilft.' instead of 'Es wird geholfen.'",
        ),
        Rule(
            "easy-read-genitive",
            f"{NETZWERK}, Wörter: 'Vermeiden Sie den Genitiv.' ({DIN}, Satzebene)",
            "use 'von' and the dative: 'die Beauftragte von der Bundes-Regierung', not 'der "
            "Bundes-Regierung'; 'das Haus von dem Lehrer', not 'des Lehrers'",
        ),
        Rule(
            "easy-read-negation",
            f"{NETZWERK}, Wörter: 'Benutzen Sie positive Sprache.' ({DIN}, Satzebene)",
            "say it without the negation: {instead}",
        ),
        Rule(
            "easy-read-idiom",
            f"{NETZWERK}, Wörter: 'Vermeiden Sie Rede-Wendungen und bildliche Sprache.' "
            f"({DIN}, Wortebene)",
            "say what it means, word for word: {instead}",
        ),
        Rule(
            "easy-read-same-thing",
            f"{NETZWERK}, Wörter: 'Benutzen Sie immer die gleichen Wörter für die gleichen "
            f"Dinge.' ({DIN}, Textebene)",
            "use one word, written one way, for one thing: {use}",
        ),
        Rule(
            "easy-read-konjunktiv",
            f"{NETZWERK}, Wörter: 'Vermeiden Sie den Konjunktiv.' ({DIN}, Satzebene)",
            "say it in the indicative: 'Das ist wichtig.' instead of 'Das wäre wichtig.'",
        ),
        Rule(
            "easy-read-foreign-word",
            f"{NETZWERK}, Wörter: 'Verzichten Sie auf Fach-Wörter und Fremd-Wörter.' and "
            f"'Erklären Sie schwere Wörter.' ({DIN}, Wortebene: Erläuterungen)",
            "explain the word where it first appears: '<Wort> heißt: …' in the same or the "
            "next sentence, or use a German everyday word",
        ),
    )
}

#: Longest sentence, in words. The Netzwerk gives no number; easy-read editors and the
#: DIN SPEC's examples keep sentences well under it.
SENTENCE_LIMIT = 15
#: Letters from which an unsplit word counts as long (Integrationskurs has 16).
LONG_WORD = 13

#: Proper names are never split (WCAG 3.1.2 and the Netzwerk: names stay as they are):
#: the German Länder, besides the glossary's names of people.
LAENDER = frozenset(
    {
        "Baden-Württemberg",
        "Bayern",
        "Berlin",
        "Brandenburg",
        "Bremen",
        "Hamburg",
        "Hessen",
        "Mecklenburg-Vorpommern",
        "Niedersachsen",
        "Nordrhein-Westfalen",
        "Rheinland-Pfalz",
        "Saarland",
        "Sachsen",
        "Sachsen-Anhalt",
        "Schleswig-Holstein",
        "Thüringen",
    }
)

ABBREVIATION = re.compile(
    r"\b(?:[a-zA-Z]\.\s?){2,}"  # z. B., d. h., u. a., i. d. R.
    r"|\b(?:bzw|usw|etc|ca|ggf|evtl|inkl|bspw|vgl|sog|Nr|Abs|Art|Dr|Str|Tel)\.(?!\w)"
    r"|\b[A-ZÄÖÜ]{2,}\b"  # EU, BGG, DGS
)
PERCENT = re.compile(r"%|‰|\bProzent\b|\bprozentig", re.IGNORECASE)
NUMBER_WORD = re.compile(
    r"\b(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|"
    r"vierzig|fünfzig|hundert|tausend|Million(?:en)?|Milliarde(?:n)?|"
    r"zweite[nrs]?|dritte[nrs]?|vierte[nrs]?)\b",
    re.IGNORECASE,
)
KONJUNKTIV = re.compile(
    r"\b(?:würde|würden|würdest|wäre|wären|wärest|hätte|hätten|hättest|könnte|könnten|"
    r"müsste|müssten|dürfte|dürften|sollte|sollten|gäbe|käme|kämen|bliebe|ginge|sei|seien)\b",
    re.IGNORECASE,
)
SUBORDINATE = re.compile(
    r",\s*(?:dass|weil|wenn|obwohl|ob|damit|sodass|nachdem|bevor|während|falls|indem|"
    r"der|die|das|den|dem|deren|dessen|denen|welche[rsmn]?|wo|wie|um\s+\S+(?:\s+\S+)?\s+zu)\b"
    r"|^(?:Weil|Obwohl|Dass|Falls|Nachdem|Wenn|Als|Während|Bevor)\b.*,",
)
#: Foreign words that need an explanation: Latin and Greek suffixes mark most of them
#: (Integration, Rassismus, Diversität, Engagement); a few common ones have none.
FOREIGN_SUFFIX = re.compile(r"(?:tion|sion|ität|ismus|ment|anz|enz)(?:en|s)?$")
FOREIGN_WORDS = ("Asyl", "Migrant", "Ressentiment", "Expertise", "Akteur", "Debatte", "Resolution")
EXPLANATION = re.compile(
    r"\b(?:heißt|heißen|bedeutet|bedeuten|nennt man)\b|\b(?:ist|sind) (?:ein|eine)\b"
)
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")
#: A full stop that ends an ordinal ("19. November") or an abbreviation ("z. B."), not
#: a sentence: the abbreviation rule must see "z. B." whole.
NOT_AN_END = re.compile(
    r"(?:^|\s)(?:\d{1,2}|[A-Za-z]|bzw|usw|etc|ca|ggf|evtl|inkl|bspw|vgl|sog|Nr|Abs|Art|Dr|Str|Tel)\.$"
)
WORD = re.compile(r"[\wÄÖÜäöüß·-]+")


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int


def _doc_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Inliner,
    options: dict[str, object] | None = None,
    content: list[str] | None = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """Sphinx's :doc: role, as far as reading needs it: the link's words."""
    return [nodes.inline(rawtext, text.split("<")[0].strip())], []


def sentences(path: Path) -> list[Sentence]:
    """Every sentence of the page's titles, paragraphs and list items, with its line."""
    settings = copy.copy(frontend.get_default_settings(Parser))
    settings.report_level = utils.Reporter.SEVERE_LEVEL
    settings.warning_stream = io.StringIO()
    settings.file_insertion_enabled = False
    source = path.read_text(encoding="utf-8")
    with local_roles({"doc": _doc_role}):
        doctree = publish_doctree(source, source_path=str(path), settings=settings)
    found = []
    for node in doctree.findall(nodes.TextElement):
        if not isinstance(node, (nodes.paragraph, nodes.title)) or isinstance(
            node.parent, nodes.system_message
        ):
            continue
        # docutils numbers a paragraph by its first line, a title by its underline.
        first_line = int(node.line or 1) - (1 if isinstance(node, nodes.title) else 0)
        raw = node.rawsource or node.astext()
        text = " ".join(node.astext().split())
        cursor = 0
        for sentence in _split(text):
            # Sentences run on in order: each starts after the last word of the one before
            # (a word hidden by markup leaves the cursor where it was).
            words = sentence.split()
            start = raw.find(words[0], cursor)
            start = cursor if start < 0 else start
            end = raw.find(words[-1], start)
            cursor = start if end < 0 else end + len(words[-1])
            found.append(Sentence(sentence, first_line + raw.count("\n", 0, start)))
    return found


def _split(text: str) -> list[str]:
    """Sentences end at '.', '!', '?' or ':', but not after an ordinal or abbreviation."""
    parts: list[str] = []
    for piece in SENTENCE_END.split(text):
        if parts and NOT_AN_END.search(parts[-1]):
            parts[-1] += " " + piece
        else:
            parts.append(piece)
    return [part for part in parts if part.strip()]


def _words(sentence: str) -> list[str]:
    return WORD.findall(sentence)


def check_easy_read(path: Path, names: frozenset[str] = frozenset()) -> list[Finding]:
    """Every rule on every sentence of ``path``; ``names`` (the glossary) are not judged."""
    protected = names | LAENDER
    all_sentences = sentences(path)
    findings: list[Finding] = []

    def report(rule_id: str, sentence: Sentence, message: str, **values: object) -> None:
        rule = RULES[rule_id]
        findings.append(
            Finding(
                path=path,
                line=sentence.line,
                rule=rule_id,
                severity=Severity.ERROR,
                message=f"{message} [{rule.source}]",
                fix=rule.hint.format(**values),
                subject=sentence.text,
            )
        )

    explained: set[str] = set()
    naming = Naming(load_terms())
    for index, sentence in enumerate(all_sentences):
        text = _without(sentence.text, protected)
        words = _words(text)
        if len(_words(sentence.text)) > SENTENCE_LIMIT:
            report(
                "easy-read-sentence-length",
                sentence,
                f"sentence of {len(_words(sentence.text))} words",
                limit=SENTENCE_LIMIT,
            )
        if SUBORDINATE.search(text):
            report("easy-read-one-clause", sentence, "more than one clause in a sentence")
        for word in words:
            if "-" not in word and "·" not in word and sum(c.isalpha() for c in word) >= LONG_WORD:
                report("easy-read-long-word", sentence, f"long word not split: {word}")
        for match in ABBREVIATION.finditer(text):
            report("easy-read-abbreviation", sentence, f"abbreviation: {match.group().strip()}")
        for match in PERCENT.finditer(text):
            report("easy-read-percent", sentence, f"percentage: {match.group()}")
        for match in NUMBER_WORD.finditer(text):
            report("easy-read-number-word", sentence, f"number written as a word: {match.group()}")
        tokens = tag(text)
        if found := grammar.passive(tokens):
            report("easy-read-passive", sentence, f"passive voice: {found}")
        if found := grammar.genitive(tokens):
            report("easy-read-genitive", sentence, f"genitive: {found}")
        for phrase in load_phrases("negations"):
            if phrase.found_in(tokens):
                report(
                    "easy-read-negation",
                    sentence,
                    f"avoidable negation: {phrase.name}",
                    instead=phrase.instead,
                )
        for phrase in load_phrases("idioms"):
            if phrase.found_in(tokens):
                report("easy-read-idiom", sentence, f"idiom: {phrase.name}", instead=phrase.instead)
        for second in naming.second_names(words, sentence.line):
            report(
                "easy-read-same-thing",
                sentence,
                f"'{second.word}' names what line {second.line} calls '{second.first}'",
                use=second.use,
            )
        for match in KONJUNKTIV.finditer(text):
            report("easy-read-konjunktiv", sentence, f"Konjunktiv: {match.group()}")
        nearby = " ".join(s.text for s in all_sentences[index : index + 3])
        for stem in _foreign_stems(words):
            if stem in explained:
                continue
            explained.add(stem)
            if not (EXPLANATION.search(nearby) or _defined(stem, all_sentences[index : index + 3])):
                report("easy-read-foreign-word", sentence, f"foreign word not explained: {stem}")
    return findings


def _defined(stem: str, near: list[Sentence]) -> bool:
    """A definition such as "Migrantinnen und Migranten sind Menschen aus …"."""
    return any(s.text.startswith(stem) and re.search(r"\b(?:ist|sind)\b", s.text) for s in near)


def _without(text: str, names: frozenset[str]) -> str:
    """The sentence with proper names taken out: they are not judged."""
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    return text


def _foreign_stems(words: list[str]) -> list[str]:
    """The foreign words in ``words``, each by its stem (Integrations-Kurs → Integration)."""
    stems = []
    for word in words:
        for part in re.split(r"[-·]", word):
            if not part[:1].isupper():
                continue
            known = next((w for w in FOREIGN_WORDS if part.startswith(w)), None)
            if known:
                stems.append(known)
            elif FOREIGN_SUFFIX.search(part):
                stems.append(_stem(part))
    return stems


def _stem(word: str) -> str:
    """Integrations → Integration, Migrationen → Migration (Rassismus stays)."""
    for ending in ("en", "s"):
        base = word.removesuffix(ending)
        if base != word and FOREIGN_SUFFIX.search(base) and not base.endswith(("en", "s")):
            return base
    return word
