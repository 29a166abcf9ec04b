"""Repair words glued together by a missing space (``партнёрствесегодня``).

A split is accepted only when the whole is not a dictionary word (not even through a known
prefix, which would make it a compound like ``внерегиональный``) and both halves are.
"""

from __future__ import annotations

from demarche.language.morphology import Morphology

MIN_PART = 3
MIN_WORD = 8
# One-letter words that typists glue to a neighbour (``повесткии`` = ``повестки и``).
GLUED_LETTERS = frozenset("иваскоуя")


def find_split(word: str, morphology: Morphology) -> int | None:
    """Index at which ``word`` splits into two dictionary words, or None."""
    if len(word) < MIN_WORD or not word.isalpha():
        return None
    if word[1:].lower() != word[1:] and not _camel_boundary(word):
        return None
    if morphology.in_dictionary(word) or morphology.dictionary_backed(word):
        return None
    best: tuple[int, int] | None = None
    for cut in _cuts(word):
        left, right = word[:cut], word[cut:]
        if right[:1].isupper() and cut != _camel_boundary(word):
            continue
        if not (morphology.is_known(left) and morphology.is_known(right)):
            continue
        if _compound_head(left, morphology):
            continue
        balance = min(len(left), len(right))
        if best is None or balance > best[0]:
            best = (balance, cut)
    return best[1] if best else None


def _cuts(word: str) -> list[int]:
    cuts = list(range(MIN_PART, len(word) - MIN_PART + 1))
    if word.islower():
        if word[0] in GLUED_LETTERS:
            cuts.append(1)
        if word[-1] in GLUED_LETTERS:
            cuts.append(len(word) - 1)
    return cuts


def _camel_boundary(word: str) -> int | None:
    """``экономикиРоссии``: a lower-case letter followed by a capital inside the word."""
    for index in range(1, len(word)):
        if word[index].isupper() and word[index - 1].islower():
            return index
    return None


def _compound_head(left: str, morphology: Morphology) -> bool:
    """``узко``-, ``военно``-, ``сельхоз``-: stems that open Russian compounds."""
    parses = morphology.parse(left)[:3]
    if any("Orgn" in p.tag for p in parses):
        return True
    if not left.endswith(("о", "е")):
        return False
    tags = {str(p.tag.POS) for p in parses}
    return bool(tags & {"ADVB", "ADJS", "COMP"}) and "NOUN" not in tags
