"""Mention candidates: gazetteer matches, compound adjectives, hashtags, pronouns and NER spans."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass

from demarche.actors.gazetteer import Gazetteer, Target
from demarche.actors.matcher import find_matches, word_matches
from demarche.language.morphology import fold
from demarche.model import Document, MentionForm, Sentence, Token

# Forms of address a writer puts before a name (``Shri Narendra Modi``, ``Dr. S. Jaishankar``,
# ``Sheikh Mohammed``, ``господин Лавров``): no given name, so they never rule a person out.
_HONORIFICS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady", "shri", "sri", "smt",
        "shrimati", "sheikh", "sheikha", "h.e", "his", "her", "excellency", "hon", "honourable",
        "господин", "госпожа", "г-н", "г-жа",
    }
)  # fmt: skip
_CAMEL_PART = re.compile(r"[А-ЯЁA-Z][а-яёa-z]+|[А-ЯЁA-Z]{2,}(?![а-яёa-z])|[а-яёa-z]+")


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    targets: list[Target]
    form: MentionForm
    label: str
    normal: str
    source: str
    sentence: Sentence | None = None
    first: int = -1
    last: int = -1


def gazetteer_candidates(doc: Document, gazetteer: Gazetteer) -> list[Candidate]:
    found: list[Candidate] = []
    for sentence in doc.sentences:
        tokens = sentence.tokens
        covered: set[int] = set()
        for match in find_matches(tokens, gazetteer):
            covered.update(range(match.first, match.last + 1))
            targets = match.pattern.targets
            found.append(
                Candidate(
                    start=tokens[match.first].start,
                    end=tokens[match.last].end,
                    targets=targets,
                    form=targets[0].form,
                    label=targets[0].label,
                    normal=_joined(doc.text, tokens[match.first : match.last + 1], match.pattern),
                    source="gazetteer",
                    sentence=sentence,
                    first=match.first,
                    last=match.last,
                )
            )
            if targets[0].label == "ORG" and match.last > match.first:
                found.extend(_nested_places(doc, sentence, match.first + 1, match.last, gazetteer))
        for index, token in enumerate(tokens):
            if index in covered:
                continue
            previous = tokens[index - 1].text if index else ""
            if previous == "#":
                found.extend(_hashtag_parts(token, sentence, index, gazetteer))
            elif "-" in token.text:
                found.extend(_compound_parts(token, sentence, index, gazetteer))
    return found


def _nested_places(
    doc: Document, sentence: Sentence, first: int, last: int, gazetteer: Gazetteer
) -> list[Candidate]:
    """States and places named inside an organisation's name: ``МИД России`` names Russia."""
    tokens = sentence.tokens[first : last + 1]
    found = []
    for match in find_matches(tokens, gazetteer):
        targets = match.pattern.targets
        if targets[0].label != "LOC":
            continue
        found.append(
            Candidate(
                start=tokens[match.first].start,
                end=tokens[match.last].end,
                targets=targets,
                form=targets[0].form,
                label="LOC",
                normal=_joined(doc.text, tokens[match.first : match.last + 1], match.pattern),
                source="gazetteer:nested",
                sentence=sentence,
                first=first + match.first,
                last=first + match.last,
            )
        )
    return found


def _joined(text: str, tokens: list[Token], pattern) -> str:
    """The pattern's nominative words, separated as the text separates them."""
    pieces = []
    for position, (token, word) in enumerate(zip(tokens, pattern.words, strict=True)):
        if position:
            pieces.append(text[tokens[position - 1].end : token.start])
        pieces.append(word.surface)
    return "".join(pieces)


def _single_word(
    word: str, start: int, sentence: Sentence, index: int, gazetteer: Gazetteer, source: str
) -> Candidate | None:
    for pattern in gazetteer.first_word.get(fold(word), []) + _by_keys(word, gazetteer):
        if len(pattern.words) == 1 and word_matches(pattern.words[0], word, gazetteer):
            target = pattern.targets[0]
            return Candidate(
                start=start,
                end=start + len(word),
                targets=pattern.targets,
                form=target.form,
                label=target.label,
                normal=pattern.words[0].surface,
                source=source,
                sentence=sentence,
                first=index,
                last=index,
            )
    return None


def _by_keys(word: str, gazetteer: Gazetteer) -> list:
    found = []
    for key in gazetteer.morphology.lexical_keys(word):
        found.extend(gazetteer.first_word.get(key, []))
    return found


def _compound_parts(
    token: Token, sentence: Sentence, index: int, gazetteer: Gazetteer
) -> list[Candidate]:
    """``российско-корейский``: each part names a state; offsets point at the part."""
    parts = token.text.split("-")
    found: list[Candidate] = []
    offset = token.start
    for position, part in enumerate(parts):
        word = part
        if position < len(parts) - 1 and part.endswith("о"):
            word = part[:-1] + "ий"
        candidate = _single_word(word, offset, sentence, index, gazetteer, "compound")
        if candidate and candidate.form == "adjective":
            candidate.end = offset + len(part)
            found.append(candidate)
        offset += len(part) + 1
    return found if len(found) == len(parts) or len(found) >= 2 else []


def _hashtag_parts(
    token: Token, sentence: Sentence, index: int, gazetteer: Gazetteer
) -> list[Candidate]:
    """``#РоссияКНДР`` -> Россия, КНДР."""
    found = []
    for part in _CAMEL_PART.finditer(token.text):
        start = token.start + part.start()
        candidate = _single_word(part.group(), start, sentence, index, gazetteer, "hashtag")
        if candidate:
            candidate.form = "hashtag"
            found.append(candidate)
    return found


def pronoun_candidates(doc: Document, pronoun_lemmas: set[str]) -> list[Candidate]:
    found = []
    for sentence in doc.sentences:
        for index, token in enumerate(sentence.tokens):
            if fold(token.lemma) in pronoun_lemmas and token.pos in ("PRON", "DET", ""):
                found.append(
                    Candidate(
                        start=token.start,
                        end=token.end,
                        targets=[],
                        form="pronoun",
                        label="MISC",
                        normal=token.lemma,
                        source="rule:first-person-plural",
                        sentence=sentence,
                        first=index,
                        last=index,
                    )
                )
    return found


def merge_ner(
    text: str,
    found: list[Candidate],
    ner: list[tuple[int, int, str]],
    office_spans: list[tuple[int, int]],
) -> list[Candidate]:
    """Add NER spans the gazetteer missed.

    A gazetteer name wins over an overlapping NER span, except for an organisation whose
    name holds more capitalised words than the nested names (``МИД России``).
    """
    merged = list(found)
    # Both lookups are indexed: scanning every candidate and office title for each NER span
    # made a long document quadratic (a 400k-character text spent most of its time here).
    in_office = _covering(office_spans)
    overlaps = _Overlaps(merged)
    for start, end, label in ner:
        if in_office(start, end):
            continue
        inside = overlaps.find(start, end)
        if not inside:
            merged.append(overlaps.add(_ner_candidate(start, end, label)))
            continue
        nested = all(start <= c.start and c.end <= end for c in inside)
        if label == "PER" and nested and _widen_person(text, merged, inside, start, end):
            # it took the candidates inside out of ``merged`` and appended one in their place
            for candidate in inside:
                overlaps.discard(candidate)
            overlaps.add(merged[-1])
            continue
        has_name = any(c.form in ("name", "hashtag") for c in inside)
        if (
            label == "ORG"
            and nested
            and (not has_name or _capitalised_rest(text, start, end, inside))
        ):
            merged.append(overlaps.add(_ner_candidate(start, end, label)))
    return merged


def _covering(spans: list[tuple[int, int]]):
    """A test of whether one of ``spans`` covers ``[start, end)``: a bisect on the sorted
    starts and the running maximum of their ends instead of a scan of every span."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(itertools.accumulate((e for _, e in ordered), max))

    def covered(start: int, end: int) -> bool:
        at = bisect.bisect_right(starts, start)
        return at > 0 and reach[at - 1] >= end

    return covered


class _Overlaps:
    """The live candidates of ``merge_ner`` by the fixed-size blocks of text they touch, so
    an overlap query reads a few blocks rather than every candidate. ``find`` answers in the
    order the candidates were (last) added, which is their order in ``merged``."""

    _BLOCK = 128

    def __init__(self, candidates: list[Candidate]) -> None:
        self._blocks: dict[int, list[Candidate]] = defaultdict(list)
        self._order: dict[int, int] = {}  # id of a live candidate -> when it was added
        self._clock = itertools.count()
        for candidate in candidates:
            self.add(candidate)

    def _span(self, start: int, end: int) -> range:
        return range(start // self._BLOCK, max(start, end - 1) // self._BLOCK + 1)

    def add(self, candidate: Candidate) -> Candidate:
        self._order[id(candidate)] = next(self._clock)
        for block in self._span(candidate.start, candidate.end):
            self._blocks[block].append(candidate)
        return candidate

    def discard(self, candidate: Candidate) -> None:
        # stale block entries stay; ``find`` skips what is no longer live and re-checks
        # the (possibly widened) offsets of what is
        self._order.pop(id(candidate), None)

    def find(self, start: int, end: int) -> list[Candidate]:
        found: dict[int, Candidate] = {}
        for block in self._span(start, end):
            for c in self._blocks.get(block, ()):
                if id(c) in self._order and c.start < end and start < c.end:
                    found[id(c)] = c
        return sorted(found.values(), key=lambda c: self._order[id(c)])


def _widen_person(
    text: str, merged: list[Candidate], inside: list[Candidate], start: int, end: int
) -> bool:
    """A full name the NER found around a surname or a stray place word we matched.

    ``Реджеп Эрдоган`` widens the surname's candidate to the whole name; ``Иоанн Грозный`` and
    ``Аун Сан Су Чжи`` drop the place words inside a person's name.
    """
    if any(c.start == start and c.end == end for c in inside):
        return False
    people = [c for c in inside if c.label == "PER"]
    places = [c for c in inside if c.label == "LOC" and c.form == "name" and c.first == c.last]
    if len(people) + len(places) != len(inside):
        return False
    for candidate in inside:
        merged.remove(candidate)
    if people:
        widest = max(people, key=lambda c: c.end - c.start)
        given = text[start : widest.start].split()
        while given and fold(given[0].rstrip(".")) in _HONORIFICS:
            given = given[1:]
        if given:  # ``Алексей Миллер`` is not Leszek Miller: the given name must fit
            widest.targets = [t for t in widest.targets if _fits_given_name(t, given[0])]
        widest.start, widest.end, widest.normal = start, end, ""
        if widest.sentence is not None:
            indexes = [i for i, t in enumerate(widest.sentence.tokens) if start <= t.start < end]
            widest.first, widest.last = indexes[0], indexes[-1]
        merged.append(widest)
    else:
        merged.append(_ner_candidate(start, end, "PER"))
    return True


def _fits_given_name(target: Target, word: str) -> bool:
    if target.entity is None or target.entity.kind != "person":
        return True
    initials = {part[:1].lower() for part in target.entity.name_ru.replace(".", " ").split()}
    return word[:1].lower() in initials


def _capitalised_rest(text: str, start: int, end: int, inside: list[Candidate]) -> bool:
    rest = list(text[start:end])
    for c in inside:
        rest[c.start - start : c.end - start] = " " * (c.end - c.start)
    return any(word[:1].isupper() for word in "".join(rest).split())


def _ner_candidate(start: int, end: int, label: str) -> Candidate:
    return Candidate(start, end, [], "name", label, "", "ner")
