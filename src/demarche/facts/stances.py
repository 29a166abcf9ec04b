"""Stances: holder -> target polarity per document, from events and evaluative words."""

from __future__ import annotations

from collections import defaultdict

from demarche.data import load_json
from demarche.facts.context import FactContext
from demarche.language.morphology import fold
from demarche.model import Event, Evidence, Stance

_WORD_WEIGHT = 1.0


def extract_stances(context: FactContext, events: list[Event]) -> list[Stance]:
    plover = load_json("ontology/plover.json")["events"]
    scores: dict[tuple[str, str], list[tuple[float, Evidence, str]]] = defaultdict(list)
    for event in events:
        if "negation" in event.aux and event.type in ("SUPPORT", "AGREE"):
            continue
        weight = plover[event.type]["plover_score"] / 5 if event.type in plover else 0.0
        weight = context.lexicon.stance_weights.get(f"{event.type}:{event.mode}", weight)
        for source in event.source:
            for target in event.target:
                if source.code != target.code and weight:
                    scores[(source.code, target.code)].append((weight, event.evidence, event.id))
        # A hostile act the speaker reports against its own side is held against its author.
        speaker = context.speaker
        hostile = weight < 0 and "negation" not in event.aux
        if speaker and hostile and any(t.code == speaker.code for t in event.target):
            for source in event.source:
                if source.code != speaker.code:
                    key = (speaker.code, source.code)
                    scores[key].append((weight / 2, event.evidence, f"against:{event.id}"))
    speaker = context.speaker
    if speaker:
        for view in context.views:
            for index, token in enumerate(view.tokens):
                lemma = fold(token.lemma)
                sign = (lemma in context.lexicon.positive) - (lemma in context.lexicon.negative)
                if not sign:
                    continue
                for ref in context.actors_in(view, _phrase(view, index)):
                    if ref.code != speaker.code:
                        evidence = Evidence(
                            view.sentence.start, view.sentence.end, (token.start, token.end)
                        )
                        scores[(speaker.code, ref.code)].append(
                            (sign * _WORD_WEIGHT, evidence, f"word:{token.text}")
                        )
    return [_stance(pair, items) for pair, items in scores.items()]


def _phrase(view, index: int) -> list[int]:
    """The word's own phrase: its dependents (and its head when it is an adjective)."""
    if not view.children:
        return list(range(max(0, index - 2), min(len(view.tokens), index + 2)))
    token = view.tokens[index]
    scope = {index, *view.children[index]}
    if token.rel == "amod" and 0 <= token.head < len(view.tokens):
        scope.add(token.head)
    return sorted(scope)


def _stance(pair: tuple[str, str], items: list[tuple[float, Evidence, str]]) -> Stance:
    total = sum(weight for weight, _, _ in items)
    positive = sum(w for w, _, _ in items if w > 0)
    negative = -sum(w for w, _, _ in items if w < 0)
    balanced = min(positive, negative) >= 0.5 * max(positive, negative)
    if positive and negative and balanced and abs(total) < 0.3 * max(positive, negative):
        polarity = "mixed"  # praise and blame in like measure; else the balance decides
    else:
        polarity = "positive" if total > 0 else "negative"
    strongest = max(items, key=lambda item: abs(item[0]))
    return Stance(
        holder=pair[0],
        target=pair[1],
        polarity=polarity,
        score=round(total, 2),
        evidence=strongest[1],
        basis=[basis for _, _, basis in items],
    )
