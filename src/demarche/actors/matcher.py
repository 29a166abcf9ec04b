"""Find gazetteer patterns in a sentence's tokens: longest match first, left to right."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from demarche.actors.gazetteer import Gazetteer, Pattern, PatternWord
from demarche.language.morphology import fold
from demarche.model import Token

_STARTS_CACHE = 100_000


@dataclass(slots=True)
class Match:
    first: int
    last: int  # inclusive token index
    pattern: Pattern


def word_matches(word: PatternWord, text: str, gazetteer: Gazetteer) -> bool:
    if word.capital and not text[:1].isupper():
        return False
    if len(word.surface) > 1 and word.surface.isupper():
        return fold(text) == fold(word.surface) and text.isupper()
    if not word.surface[:1].isalpha():
        return text == word.surface
    morphology = gazetteer.morphology
    if fold(text) != fold(word.surface) and _function_word(morphology, text):
        return False  # «Тот прибыл», «Тем временем»: a pronoun's lemma is «Того» (Togo)
    if morphology.lexical_keys(text) & word.keys:
        return True
    return word.allow_stem and bool(morphology.stems(text) & word.keys)


def candidate_patterns(text: str, gazetteer: Gazetteer) -> list[Pattern]:
    morphology = gazetteer.morphology
    seen: dict[int, Pattern] = {}
    for key in morphology.lexical_keys(text) | morphology.stems(text):
        for pattern in gazetteer.first_word.get(key, ()):
            seen[id(pattern)] = pattern
    return list(seen.values())


def starting_patterns(text: str, gazetteer: Gazetteer) -> tuple[Pattern, ...]:
    """Candidate patterns whose first word matches ``text``, cached per word form."""
    cache = gazetteer.starts
    found = cache.get(text)
    if found is None:
        if len(cache) >= _STARTS_CACHE:
            cache.clear()
        found = tuple(
            pattern
            for pattern in candidate_patterns(text, gazetteer)
            if word_matches(pattern.words[0], text, gazetteer)
        )
        cache[text] = found
    return found


def find_matches(tokens: list[Token], gazetteer: Gazetteer) -> list[Match]:
    matches: list[Match] = []
    index = 0
    size = len(tokens)
    while index < size:
        best: Match | None = None
        for pattern in starting_patterns(tokens[index].text, gazetteer):
            last = _match_from(pattern, tokens, index, gazetteer)
            if last is not None and (best is None or last > best.last):
                best = Match(index, last, pattern)
        if best:
            matches.append(best)
            index = best.last + 1
        else:
            index += 1
    return matches


def _match_from(pattern: Pattern, tokens: list[Token], index: int, gazetteer: Gazetteer):
    """Last token index of ``pattern`` matched at ``index``; its first word already matches."""
    words = pattern.words
    if index + len(words) > len(tokens):
        return None
    known = gazetteer.word_hits
    for offset in range(1, len(words)):
        token = tokens[index + offset]
        word = words[offset]
        if not _adjacent(tokens[index + offset - 1], token, word):
            return None
        key = (id(word), token.text)
        hit = known.get(key)
        if hit is None:
            if len(known) >= _STARTS_CACHE:
                known.clear()
            hit = known[key] = word_matches(word, token.text, gazetteer)
        if not hit:
            return None
    return index + len(words) - 1


def _adjacent(previous: Token, token: Token, word: PatternWord) -> bool:
    # Words of a name sit on one line; initials may touch the surname (С.В.Лавров).
    return 0 <= token.start - previous.end <= 2


_FUNCTION_POS = {"NPRO", "CONJ", "PRCL", "PREP"}


def _function_word(morphology, text: str) -> bool:
    """Any likely reading of the word is a pronoun, determiner or particle (a language's
    morphology may answer itself: English has no pymorphy parses)."""
    own = getattr(morphology, "function_word", None)
    if own is not None:
        return own(text)
    return any(_function_tag(parse.tag) for parse in morphology.parse(text)[:4])


@cache
def _function_tag(tag) -> bool:
    """A pymorphy tag of a pronoun, determiner or particle (once per distinct tag)."""
    return tag.POS in _FUNCTION_POS or "Apro" in tag
