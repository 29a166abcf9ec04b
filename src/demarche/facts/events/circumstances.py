"""When, where and in which context an act took place."""

from __future__ import annotations

from demarche.facts.context import FactContext, SentenceView
from demarche.facts.events.common import _CLAUSE_BREAK
from demarche.facts.lexicon import Hit
from demarche.language.morphology import fold
from demarche.model import ActorRef


def _date(context: FactContext, view: SentenceView, hit: Hit, pro_drop: bool) -> str | None:
    dates = [d for d in context.dates_in(view) if not _term(context, d)]
    dates = [d for d in dates if not _in_other_clause(view, d, hit)]
    dates = [d for d in dates if not _in_reason(context, view, d, hit)]
    trigger = view.tokens[hit.first].start
    # «В июле … совершил визит в Москву, а в декабре в Нью-Дели прошло заседание»: a date of
    # the act's own clause beats a nearer one across «, а» of the next
    clause = _text_clause(context, view, trigger)
    dates = [d for d in dates if _text_clause(context, view, d[0]) == clause] or dates
    if dates:
        return min(dates, key=lambda d: abs(d[0] - trigger))[2]
    sentence = context.doc.text[view.sentence.start : view.sentence.end].lower()
    occasion = any(cue in sentence for cue in context.lexicon.occasion_anaphora)
    if view.index > 0 and (occasion or _then_past(context, view, hit)):
        # «По его итогам подписан …»: the occasion of the sentence before, and its date
        earlier = context.dates_in(context.views[view.index - 1])
        earlier = [d for d in earlier if not _term(context, d)]
        if earlier:
            return max(earlier, key=lambda d: len(d[2]))[2]  # the most precise
    token = view.tokens[hit.first]
    if context.date and (pro_drop or token.feats.get("Tense") in ("Past", "Pres")):
        return context.date.isoformat()
    return None


def _then_past(context: FactContext, view: SentenceView, hit: Hit) -> bool:
    """«Тогда мы предлагали …, но литовская сторона от диалога отказалась»: a past act in a
    sentence with «тогда» happened when the sentence before says."""
    if not any(fold(t.lemma) in context.lexicon.then_words for t in view.tokens):
        return False
    node, tokens = hit.first, view.tokens
    for _ in range(3):  # the act's verb, or the verb its noun hangs from
        if tokens[node].pos in ("VERB", "AUX"):
            return tokens[node].feats.get("Tense") == "Past"
        if not 0 <= tokens[node].head < len(tokens):
            return False
        node = tokens[node].head
    return False


def _text_clause(context: FactContext, view: SentenceView, offset: int) -> int:
    """Which of the sentence's contrasted clauses («…, а …», «…; …») holds ``offset``."""
    text = context.doc.text[view.sentence.start : offset]
    return len(_CLAUSE_BREAK.findall(text))


def _in_other_clause(view: SentenceView, date: tuple[int, int, str], hit: Hit) -> bool:
    """«обсудили ход реализации договорённостей, достигнутых … 19 мая»: a date inside a
    participle or relative clause dates that clause, not the act the clause describes."""
    tokens = view.tokens
    inside = [i for i, t in enumerate(tokens) if date[0] <= t.start < date[1]]
    if not inside or not view.children:
        return False
    node, steps = inside[0], 0
    verb_trigger = tokens[hit.first].pos == "VERB"
    while 0 <= node < len(tokens) and steps < 12:
        if node == hit.first or node in hit.indexes:
            return False
        if tokens[node].rel.startswith("acl"):
            return hit.first not in view.subtree(node)
        parent = tokens[node].head
        if (
            verb_trigger
            and node not in inside
            and tokens[node].pos == "NOUN"
            and 0 <= parent < len(tokens)
            and tokens[node].rel in ("obj", "obl", "nmod")
        ):
            # «Поблагодарили … за председательство в «Группе двадцати» в ноябре»: the date
            # hangs from the verb's object, which it dates; the thanks are today's
            return True
        node, steps = parent, steps + 1
    return False


def _in_reason(context: FactContext, view: SentenceView, date: tuple[int, int, str], hit: Hit):
    """«conveyed the strongest protest against the attempted sabotage … in February»: a date
    inside what an act noun answers (its «against», «over», «for» phrase) dates that, not
    the act."""
    wanted = context.lexicon.reason_prepositions
    tokens = view.tokens
    if not wanted or not view.children or tokens[hit.first].pos != "NOUN":
        return False
    inside = [i for i, t in enumerate(tokens) if date[0] <= t.start < date[1]]
    node, steps = (inside[0] if inside else -1), 0
    while 0 <= node < len(tokens) and steps < 12:
        parent = tokens[node].head
        if parent in hit.indexes:
            return tokens[node].rel == "nmod" and bool(view.case_words(node) & wanted)
        node, steps = parent, steps + 1
    return False


def _term(context: FactContext, date: tuple[int, int, str]) -> bool:
    """«до 2030 года», «на 2024-2026 годы»: a year that bounds a term, not when it happened."""
    before = context.doc.text[max(0, date[0] - 4) : date[0]].lower().split()
    prepositions = context.lexicon.term_prepositions
    return len(date[2]) == 4 and bool(before) and before[-1] in prepositions


def _location(context: FactContext, view: SentenceView, hit: Hit, date: str | None) -> str | None:
    places = []
    for index, mention in enumerate(view.mentions):
        if mention is None:
            continue
        entity = context.entity(mention)
        if (
            entity.kind == "place"
            and index > 0
            and fold(view.tokens[index - 1].text) in context.lexicon.place_prepositions
        ):
            places.append((abs(index - hit.first), entity.name_en))
    if places:
        return min(places)[1]
    if context.place and context.date and date == context.date.isoformat():
        return context.place.name_en
    return None


def _military_object(context: FactContext, view: SentenceView, head: int) -> bool:
    military = {"военный", "армия", "военнослужащий", "вооружённый", "войско"}
    scope = view.subtree(head)
    return any(fold(view.tokens[i].lemma) in military for i in scope)


def _at_home_of(context: FactContext, target: list[ActorRef]) -> bool:
    place = context.place
    return place is not None and any(r.code == place.country for r in target)
