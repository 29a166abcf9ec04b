"""Declared ties between actors: «мы — союзники», «добрые соседи», «стратегические партнёры»."""

from __future__ import annotations

from demarche.facts.context import FactContext, SentenceView
from demarche.model import ActorRef, Evidence, Relation

KINDS = {"ally", "strategic_partner", "partner", "neighbour", "adversary"}


def extract_relations(context: FactContext, agreements=()) -> list[Relation]:
    relations = _declared(context)
    _dated_by_treaties(context, relations, agreements)
    return relations


def _dated_by_treaties(context: FactContext, relations: list[Relation], agreements) -> None:
    """«Договор о … союзничестве, подписанный в ноябре 2013 года»: a signed treaty named after
    a tie dates that tie between its parties."""
    for agreement in agreements:
        if not agreement.signed or not agreement.evidence:
            continue
        span = agreement.evidence[0].trigger
        if span is None:
            continue
        view = next(
            (v for v in context.views if v.sentence.start <= span[0] < v.sentence.end), None
        )
        if view is None:
            continue
        tokens = [t for t in view.tokens if span[0] <= t.start and t.end <= span[1]]
        kinds = {h.pattern.payload for h in context.lexicon.relation_words.find(tokens)}
        for relation in relations:
            if relation.kind in kinds and {relation.a, relation.b} & set(agreement.parties):
                relation.since = agreement.signed


def _declared(context: FactContext) -> list[Relation]:
    relations: list[Relation] = []
    for view in context.views:
        hits = [
            h
            for h in context.lexicon.relation_words.find(view.tokens)
            if h.pattern.payload in KINDS
        ]
        if not hits:
            continue
        pair = _pair(context, view)
        if pair is None:
            continue
        previous_end = view.sentence.start
        for hit in hits:
            a, b = _named_after(context, view, hit.last) or pair
            start_token = _evidence_start(view, hit.first)
            word_end = view.tokens[hit.last].end
            since = [d for d in context.dates_in(view) if previous_end <= d[0] < word_end]
            key = (a.code, b.code, hit.pattern.payload)
            if all((r.a, r.b, r.kind) != key for r in relations):
                relations.append(
                    Relation(
                        a=a.code,
                        b=b.code,
                        kind=hit.pattern.payload,
                        evidence=Evidence(
                            view.sentence.start,
                            view.sentence.end,
                            (view.tokens[start_token].start, word_end),
                        ),
                        since=since[-1][2] if since else None,
                    )
                )
            previous_end = word_end
    return relations


def _named_after(context: FactContext, view: SentenceView, last: int):
    """«стратегического партнёрства России и АСЕАН»: the two sides named right after the
    relation word, organisations included, beat the sentence's first two states."""
    named: list[ActorRef] = []
    for index in range(last + 1, min(len(view.tokens), last + 6)):
        token = view.tokens[index]
        if token.text in (",", ";", ":", ".", "–", "—") or token.pos in ("VERB", "AUX"):
            break
        for ref in context.actors_in(view, [index]):
            if all(ref.code != r.code for r in named):
                named.append(ref)
    return (named[0], named[1]) if len(named) == 2 else None


def _pair(context: FactContext, view: SentenceView) -> tuple[ActorRef, ActorRef] | None:
    actors = [r for r in context.actors_in(view, list(range(len(view.tokens))))]
    states = [
        r for r in actors if r.entity_id is None or r.entity_id.startswith(("state:", "person:"))
    ]
    speaker = context.speaker
    if speaker and any(m is not None and m.form == "pronoun" for m in view.mentions):
        others = [r for r in states if r.code != speaker.code]
        if others:
            return speaker, others[0]
        if context.counterpart:
            return speaker, context.counterpart
    distinct = []
    for ref in states:
        if all(ref.code != d.code for d in distinct):
            distinct.append(ref)
    return (distinct[0], distinct[1]) if len(distinct) >= 2 else None


def _evidence_start(view: SentenceView, first: int) -> int:
    """Back from the relation word to the nearest actor mention: «мы — союзники»."""
    for index in range(first - 1, max(-1, first - 6), -1):
        if view.mentions[index] is not None:
            return index
        if view.tokens[index].text in (",", ";"):
            return index + 1
    return max(0, first - 2)
