"""Office phrases before a name (``Министр иностранных дел``), matched through lemmas."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from demarche.data import load_json
from demarche.language.morphology import Morphology, fold
from demarche.model import Token


@dataclass(frozen=True, slots=True)
class OfficeTitle:
    en: str
    sector: str


class OfficeLexicon:
    def __init__(self, morphology: Morphology, phrases: list[dict[str, str]]) -> None:
        self.morphology = morphology
        self.phrases: dict[tuple[str, ...], OfficeTitle] = {}
        for item in phrases:
            key = tuple(fold(morphology.lemma(w)) for w in item["ru"].split())
            self.phrases[key] = OfficeTitle(item["en"], item["sector"])
        self.longest = max((len(k) for k in self.phrases), default=0)
        self.first_lemmas = {key[0] for key in self.phrases}

    def match_at(self, tokens: list[Token], index: int) -> tuple[int, OfficeTitle] | None:
        """Longest office phrase starting at ``tokens[index]``: (end index, title)."""
        if fold(tokens[index].lemma or tokens[index].text) not in self.first_lemmas:
            return None
        for length in range(min(self.longest, len(tokens) - index), 0, -1):
            key = tuple(fold(t.lemma or t.text) for t in tokens[index : index + length])
            title = self.phrases.get(key)
            if title:
                return index + length, title
        return None

    def ending_at(self, tokens: list[Token], end: int) -> tuple[int, OfficeTitle] | None:
        """Longest office phrase that ends right before ``tokens[end]``: (start index, title)."""
        for start in range(max(0, end - self.longest), end):
            found = self.match_at(tokens, start)
            if found and found[0] == end:
                return start, found[1]
        return None


@cache
def load_offices(morphology: Morphology) -> OfficeLexicon:
    return OfficeLexicon(morphology, load_json("lang/offices.json")["offices"])
