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
    def __init__(
        self, morphology: Morphology, phrases: list[dict[str, str]], field: str = "ru"
    ) -> None:
        """``phrases``: {``field``: phrase, "en": English title, "sector"}."""
        self.morphology = morphology
        self.phrases: dict[tuple[str, ...], OfficeTitle] = {}
        # A token's key: its folded lemma; English asks the morphology (lower-case singular).
        self.key = getattr(morphology, "token_key", None) or _lemma_key
        for item in phrases:
            key = tuple(fold(morphology.lemma(w)) for w in item[field].split())
            self.phrases[key] = OfficeTitle(item["en"], item["sector"])  # the last one wins
        self.longest = max((len(k) for k in self.phrases), default=0)
        self.first_lemmas = {key[0] for key in self.phrases}

    def match_at(self, tokens: list[Token], index: int) -> tuple[int, OfficeTitle] | None:
        """Longest office phrase starting at ``tokens[index]``: (end index, title)."""
        if self.key(tokens[index]) not in self.first_lemmas:
            return None
        for length in range(min(self.longest, len(tokens) - index), 0, -1):
            key = tuple(self.key(t) for t in tokens[index : index + length])
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


def _lemma_key(token: Token) -> str:
    return fold(token.lemma or token.text)


@cache
def load_offices(morphology: Morphology, language: str = "ru") -> OfficeLexicon:
    """Office phrases: ``offices.json`` in Russian; in another language the English titles
    themselves, then the pack's own phrases (``lang/<language>.json`` "offices"), which win."""
    phrases = load_json("lang/offices.json")["offices"]
    if language == "ru":
        return OfficeLexicon(morphology, phrases, "ru")
    own = load_json(f"lang/{language}.json").get("offices", [])
    phrases = [{"phrase": item["en"], **item} for item in phrases] + [
        {"phrase": item[language], "en": item.get("title", item[language]), **_sector(item)}
        for item in own
    ]
    return OfficeLexicon(morphology, phrases, "phrase")


def _sector(item: dict[str, str]) -> dict[str, str]:
    return {"sector": item["sector"]}
