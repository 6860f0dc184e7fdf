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
