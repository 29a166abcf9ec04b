"""Names of agreements and formats: nominative Russian and a generated English gloss."""

from __future__ import annotations

import re

from demarche.facts.context import FactContext
from demarche.language.morphology import fold
from demarche.language.normalize import nominative_phrase, transliterate
from demarche.model import Token

_YEAR_RANGE = re.compile(r"^\d{4}(?:\s*[-–—]\s*\d{4})?$")


def nominative_name(context: FactContext, tokens: list[Token]) -> str:
    from demarche.language.models import load_models

    morphology = load_models().morphology
    return nominative_phrase(context.doc.text, tokens, "ORG", morphology)


def english_name(context: FactContext, tokens: list[Token], kind: str) -> str:
    """Word-by-word gloss from lemmas: «План межмидовских обменов на 2026-2027 годы» ->
    "Plan of inter-ministry exchanges for 2026-2027". Generated, not translated."""
    glossary = context.lexicon.glossary
    words: list[str] = [kind.replace("_", " ").capitalize()]
    pending_of = True
    for token in tokens[1:]:
        lemma = fold(token.lemma or token.text)
        if _YEAR_RANGE.match(token.text):
            words.append(token.text)
            continue
        if lemma == "год" and words and _YEAR_RANGE.match(words[-1]):
            continue
        if token.pos == "ADP":
            words.append(glossary.get(lemma, lemma))
            pending_of = False
            continue
        if pending_of and token.feats.get("Case") == "Gen":
            words.append("of")
        pending_of = token.pos in ("NOUN", "PROPN")
        words.append(glossary.get(lemma) or transliterate(token.text, _translit(context)))
    name = " ".join(words)
    return _title_case(name)


def _translit(context: FactContext) -> dict[str, str]:
    from demarche.data import load_json

    return load_json(f"lang/{context.doc.language}.json")["translit"]


def _title_case(name: str) -> str:
    small = {"of", "on", "for", "in", "and", "between", "the", "with", "against", "at"}
    return " ".join(
        w if w in small or w[:1].isdigit() else w[:1].upper() + w[1:] for w in name.split()
    )
