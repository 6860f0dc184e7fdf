"""Word classes and base forms of German sentences, for the Leichte Sprache rules that
depend on grammar: the passive, the genitive, and phrases in any inflected form.

HanTa (the Hannover Tagger) tags German with the STTS tag set and gives each word its
lemma; its model ships inside the wheel (1.2 MB for German), so nothing is downloaded
at run time, and it loads in about a second. textstat, which the project uses for the
Wiener Sachtextformel, only counts syllables (with Pyphen) and has no grammar; spaCy's
and Stanza's German models are downloaded from elsewhere at run time, which a build
must not do.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

TOKEN = re.compile(r"[\w·-]+|[^\w\s]")


@dataclass(frozen=True)
class Token:
    word: str
    lemma: str
    tag: str  # STTS, as HanTa writes it: NN, ART, VA(FIN), VV(PP), PTKNEG, …

    @property
    def forms(self) -> tuple[str, ...]:
        """The word and its lemma, lower case, without the hyphens and Mediopunkte of a
        split compound (Mit-Sprache is Mitsprache); and the lemma's last part, the head
        of a compound (Grund-Gesetz is a Gesetz)."""
        word, lemma = (re.sub("[-·]", "", s).lower() for s in (self.word, self.lemma))
        return word, lemma, re.split("[-·]", self.lemma)[-1].lower()


@functools.cache
def _tagger() -> Any:
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


def tag(sentence: str) -> list[Token]:
    """The sentence's words and punctuation, each with its lemma and tag."""
    words = TOKEN.findall(sentence)
    if not words:
        return []
    return [Token(*triple) for triple in _tagger().tag_sent(words, taglevel=1)]
