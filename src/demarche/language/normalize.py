"""Mentions in the nominative: ``Российской Федерации`` -> ``Российская Федерация``."""

from __future__ import annotations

from demarche.language.morphology import Morphology
from demarche.model import Token


def nominative_phrase(text: str, tokens: list[Token], label: str, morphology: Morphology) -> str:
    """Inflect a phrase to the nominative.

    Names of people decline word by word. Other names decline up to their head noun; what
    follows the head (``министерство иностранных дел``) keeps its case.
    """
    if not tokens:
        return ""
    pieces: list[str] = []
    inflecting = True
    person = label == "PER"
    # A person's names agree in case; the tagger's case for an indeclinable surname
    # («Рафаэль Гросси») is a guess, the first name's is not.
    name_case = next((t.feats["Case"] for t in tokens if "Case" in t.feats), "") if person else ""
    for position, token in enumerate(tokens):
        if position:
            pieces.append(text[tokens[position - 1].end : token.start])
        word = token.text
        if inflecting and word[:1].isalpha():
            case = name_case or token.feats.get("Case", "")
            word = morphology.nominative(word, token.pos, case, singular=person)
        pieces.append(word)
        if label != "PER" and token.pos in ("NOUN", "PROPN"):
            inflecting = False
    return "".join(pieces)


def transliterate(text: str, table: dict[str, str]) -> str:
    """Romanise Russian for readers who do not read Cyrillic."""
    out = []
    for char in text:
        low = char.lower()
        latin = table.get(low)
        if latin is None:
            out.append(char)
        else:
            out.append(latin.capitalize() if char != low else latin)
    return "".join(out)
