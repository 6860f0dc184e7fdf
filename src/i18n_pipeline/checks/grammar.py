"""The grammar the Leichte Sprache rules look for, read from tagged words (:mod:`tagger`).

Each function returns the words that show the construction, or "" when there is none.
They are heuristics on the tags, one sentence at a time; the fixtures in
``tests/fixtures/easy_read`` say what each must find and what it must leave alone.
"""

from __future__ import annotations

from i18n_pipeline.checks.tagger import Token

#: A form of werden: wird gemacht, wurde beschlossen, ist gemacht worden.
WERDEN = "werden"
#: werden in the past: with these, a participle that looks like an infinitive (bekommen,
#: verlassen) is a passive ("Er wurde verlassen."); with "wird", "werden" it is the future
#: ("Sie werden Geld bekommen."), which the tagger cannot tell apart.
PAST_WERDEN = frozenset({"wurde", "wurden", "wurdest", "wurdet", "worden"})
#: Prepositions that take the genitive (wegen des Wetters, während der Wahl).
GENITIVE_PREPOSITIONS = frozenset(
    {
        "wegen",
        "trotz",
        "während",
        "statt",
        "anstatt",
        "innerhalb",
        "außerhalb",
        "aufgrund",
        "infolge",
        "mithilfe",
        "angesichts",
        "bezüglich",
        "anhand",
        "seitens",
    }
)
NOUN = frozenset({"NN", "NE", "NNA"})
DETERMINER = frozenset({"ART", "PPOSAT", "PDAT", "PIAT"})


def passive(tokens: list[Token]) -> str:
    """A form of werden with a full verb's past participle: "wurde beschlossen", "werden …
    gefördert" (the state passive, "ist beschlossen", looks like the perfect tense,
    "ist gekommen", and is not reported)."""
    werden = [t for t in tokens if t.lemma == WERDEN and t.tag.startswith("VA")]
    if not werden:
        return ""
    past = any(t.word.lower() in PAST_WERDEN for t in werden)
    for token in tokens:
        infinitive_shaped = token.word.lower() == token.lemma.lower()
        if token.tag == "VV(PP)" and (past or not infinitive_shaped):
            return f"{werden[0].word} … {token.word}"
    return ""


def genitive(tokens: list[Token]) -> str:
    """A genitive: "des" or "eines"/"seines"/… before a noun, a noun followed by a
    genitive article ("der Plan der Regierung"), a genitive preposition with an article
    ("wegen des Wetters"), or a name's genitive s ("Deutschlands Zukunft")."""
    for i, token in enumerate(tokens):
        after = tokens[i + 1 : i + 4]
        noun_follows = any(t.tag in NOUN for t in after)
        word = token.word.lower()
        genitive_es = word in {"des", "eines", "keines"} or (
            token.tag == "PPOSAT" and word.endswith("es")
        )
        if token.tag in DETERMINER and genitive_es and noun_follows:
            return f"{token.word} {_noun_after(after)}"
        if token.tag in NOUN and after and _genitive_er(after[0]) and _noun_after(after[1:]):
            return f"{token.word} {after[0].word} {_noun_after(after[1:])}"
        if word in GENITIVE_PREPOSITIONS and after and after[0].tag in DETERMINER:
            return f"{token.word} {after[0].word} {_noun_after(after[1:])}"
        if token.tag == "NE" and token.word == token.lemma + "s" and after and after[0].tag in NOUN:
            return f"{token.word} {after[0].word}"
    return ""


def _genitive_er(token: Token) -> bool:
    """An article after a noun that makes it a genitive: der, einer, unserer, ihrer …"""
    word = token.word.lower()
    return (token.tag == "ART" and word in {"der", "einer", "keiner"}) or (
        token.tag == "PPOSAT" and word.endswith("er")
    )


def _noun_after(tokens: list[Token]) -> str:
    return next((t.word for t in tokens if t.tag in NOUN), "")
