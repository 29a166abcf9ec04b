"""Dialogue formats (named mechanisms) and their numbered rounds.

A format's key is its sorted parties plus its normalised name, so that rounds reported in
different statements land on the same format.
"""

from __future__ import annotations

from demarche.facts.context import FactContext, SentenceView
from demarche.language.morphology import fold
from demarche.model import DialogueFormat, Evidence, Round

_LAUNCH_LEMMAS = {"запустить", "учредить", "создать", "инициировать", "основать", "начать"}
_ANAPHORA = {"формат", "механизм", "диалог"}


def extract_formats(context: FactContext) -> list[DialogueFormat]:
    formats: dict[str, DialogueFormat] = {}
    last: DialogueFormat | None = None
    for view in context.views:
        rounds = _rounds(context, view)
        nouns = [
            hit
            for hit in context.lexicon.format_nouns.find(view.tokens)
            if len(hit.indexes) > 1 or any(0 < hit.first - i <= 3 for _, i in rounds)
        ]  # a bare «диалог» or «этот формат» is not a named mechanism
        for hit in nouns:
            found = _format(context, view, hit)
            last = formats.setdefault(found.key, found)
            if last is not found:
                last.evidence.extend(found.evidence)
        for number, index in rounds:
            target = _nearest_format(formats, nouns, view, index) or last
            if target is not None:
                _add_round(context, view, target, number, index)
        if nouns and not rounds and _held(context, view):
            # «совместного заседания коллегий…, состоявшегося 14 марта 2025 года в Москве»
            hit = nouns[0]
            target = formats.get(_format(context, view, hit).key)
            if target is not None and not target.rounds:
                _add_round(context, view, target, None, max(hit.first, 1))
        if last is not None and _launch(view):
            launched = [
                context.entity(m).name_en
                for m in _unique(view.mentions)
                if m.label == "PER" and context.entity(m).kind == "person"
            ]
            last.launched_by = sorted(set(last.launched_by) | set(launched))
    return list(formats.values())


def _format(context: FactContext, view: SentenceView, hit) -> DialogueFormat:
    tokens = view.tokens
    name_en = hit.pattern.payload
    name_ru = " ".join(fold(tokens[i].lemma) for i in hit.indexes)
    level_ru, level_en, end = None, None, hit.last
    for level in context.lexicon.format_levels.find(tokens):
        if 0 < level.first - hit.last <= 3:
            level_en, end = level.pattern.payload, level.last
            level_ru = context.doc.text[tokens[hit.last + 1].start : tokens[level.last].end]
    parties = [
        r.code for r in context.actors_in(view, list(range(max(0, hit.first - 3), hit.first)))
    ]
    if len(parties) < 2:  # «консультаций делегаций России и США», «с участием …»
        named = [
            r
            for r in context.actors_in(view, list(range(hit.first, len(tokens))))
            if r.entity_id and r.entity_id.startswith(("state:", "person:"))
        ]
        if len({r.code for r in named}) >= 2:
            parties = [r.code for r in named]
    if len(parties) < 2:
        sides = [s for s in (context.speaker, context.counterpart) if s]
        parties = [s.code for s in sides]
    speaker = context.speaker.code if context.speaker else None
    parties = sorted(set(parties), key=lambda code: (code != speaker, code))
    written = context.doc.text[tokens[hit.first].start : tokens[end].end]
    full_ru = name_ru + (f" {level_ru}" if level_ru else "")
    english = "-".join(_short(context, code) for code in parties) + f" {name_en}"
    if level_en:
        english += f" at the level of {level_en}"
    return DialogueFormat(
        key=f"{'-'.join(sorted(parties))}:{fold(name_ru)}",
        name_ru=full_ru if written else name_ru,
        name_en=english.strip(),
        parties=parties,
        level=level_en,
        launched_by=[],
        rounds=[],
        evidence=[
            Evidence(
                view.sentence.start, view.sentence.end, (tokens[hit.first].start, tokens[end].end)
            )
        ],
    )


def _short(context: FactContext, code: str) -> str:
    entity = context.doc.entities.get(f"state:{code}")
    return entity.name_en if entity else code


def _rounds(context: FactContext, view: SentenceView) -> list[tuple[int | None, int]]:
    """(round number, token index) for «второй раунд», «очередное заседание»…"""
    found = []
    tokens = view.tokens
    for index, token in enumerate(tokens):
        if fold(token.lemma) not in context.lexicon.round_nouns or index == 0:
            continue
        ordinal = fold(tokens[index - 1].lemma)
        if ordinal in context.lexicon.ordinals:
            found.append((context.lexicon.ordinals[ordinal], index))
    return found


def _nearest_format(formats, nouns, view: SentenceView, index: int):
    for hit in nouns:
        if 0 < hit.first - index <= 6:
            for found in formats.values():
                if any(e.start == view.sentence.start for e in found.evidence):
                    return found
    return None


def _add_round(context: FactContext, view: SentenceView, target: DialogueFormat, number, index):
    dates = context.dates_in(view)
    token = view.tokens[index]
    date = min(dates, key=lambda d: abs(d[0] - token.start))[2] if dates else None
    places = [
        context.entity(m).name_en
        for m in _unique(view.mentions)
        if context.entity(m).kind == "place"
    ]
    title = context.doc.metadata.title
    in_title = title is not None and title[0] <= token.start < title[1]
    held_here = in_title or (_past_first_person(view) and not dates)
    if held_here and context.date:
        date = date or context.date.isoformat()
        places = places or ([context.place.name_en] if context.place else [])
    evidence = Evidence(
        view.sentence.start, view.sentence.end, (view.tokens[index - 1].start, token.end)
    )
    for known in target.rounds:
        if known.number == number and number is not None:
            known.date = known.date or date
            known.place = known.place or (places[0] if places else None)
            return
    later = date and context.date and date > context.date.isoformat()
    planned = any(
        w in context.doc.text[view.sentence.start : view.sentence.end].lower()
        for w in context.lexicon.future_cues
    )
    status = "planned" if later or planned or _agreed(context, view) else "held"
    target.rounds.append(Round(number, date, places[0] if places else None, evidence, status))
    target.rounds.sort(key=lambda r: (r.number is None, r.number or 0))


def _held(context: FactContext, view: SentenceView) -> bool:
    """The sentence dates a meeting it reports as held («состоявшегося 14 марта…»)."""
    lemmas = {fold(t.lemma) for t in view.tokens}
    return bool(lemmas & context.lexicon.held_verbs) and any(
        len(d[2]) >= 7 for d in context.dates_in(view)
    )


def _agreed(context: FactContext, view: SentenceView) -> bool:
    """«договорились провести четвёртый раунд»: a round agreed on lies ahead."""
    return any(
        hit.pattern.payload.get("reciprocal") and hit.pattern.payload["type"] == "AGREE"
        for hit in context.lexicon.predicates.find(view.tokens)
    )


def _past_first_person(view: SentenceView) -> bool:
    return any(
        t.pos == "VERB" and t.feats.get("Tense") == "Past" and t.feats.get("Number") == "Plur"
        for t in view.tokens
    )


def _launch(view: SentenceView) -> bool:
    lemmas = {fold(t.lemma) for t in view.tokens}
    return bool(lemmas & _LAUNCH_LEMMAS) and bool(lemmas & _ANAPHORA)


def _unique(mentions):
    seen, out = set(), []
    for mention in mentions:
        if mention is not None and id(mention) not in seen:
            seen.add(id(mention))
            out.append(mention)
    return out
