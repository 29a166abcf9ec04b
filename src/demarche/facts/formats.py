"""Dialogue formats (named mechanisms) and their numbered rounds.

A format's key is its sorted parties plus its normalised name, so that rounds reported in
different statements land on the same format.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from demarche.facts.context import FactContext, SentenceView, sides_before
from demarche.facts.events.merge import same_time
from demarche.facts.naming import name_span
from demarche.language.morphology import fold
from demarche.language.normalize import transliterate
from demarche.model import DialogueFormat, Evidence, Round

_LAUNCH_LEMMAS = {"запустить", "учредить", "создать", "инициировать", "основать", "начать"}
_ANAPHORA = {"формат", "механизм", "диалог"}
_DASH = re.compile(r"\s*[-–—]\s*")


def extract_formats(context: FactContext) -> list[DialogueFormat]:
    formats: dict[str, DialogueFormat] = {}
    last: DialogueFormat | None = None
    last_place: str | None = None
    for view in context.views:
        before = last
        rounds = _rounds(context, view)
        nouns = [
            hit
            for hit in context.lexicon.format_nouns.find(view.tokens)
            if len(hit.indexes) > 1
            or any(0 < hit.first - i <= 3 for _, i, _ in rounds)
            or _quoted_name_after(view, hit)
        ]  # a bare «диалог» or «этот формат» is not a named mechanism; «формат «3+3»» is
        nouns = _named_by_next(view, nouns)
        found_here: dict[int, DialogueFormat] = {}
        for hit in nouns:
            found = _format(context, view, hit)
            last = formats.setdefault(found.key, found)
            found_here[hit.first] = last
            if last is not found:
                last.evidence.extend(found.evidence)
        if not rounds and not nouns and before is not None:
            rounds = _elided_rounds(context, view)
        for number, index, count in rounds:
            target = (
                _nearest_format(found_here, nouns, view, index)
                or _series(context, view, index, formats, found_here)
                or _preceding_format(found_here, index)
                or before
                or last
            )
            if target is None:
                continue
            if count:  # «двух раундов …, прошедших 27 февраля и 10 апреля»
                _add_counted(context, view, target, count, index)
                continue
            _add_round(context, view, target, number, index, last_place)
        if nouns and not rounds and _held(context, view):
            # «совместного заседания коллегий…, состоявшегося 14 марта 2025 года в Москве»
            hit = nouns[0]
            target = found_here.get(hit.first)
            if target is not None and not target.rounds:
                _add_round(context, view, target, None, max(hit.first, 1), last_place)
        for known in formats.values():
            for held in known.rounds:
                if held.evidence.start == view.sentence.start and held.place:
                    last_place = held.place
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
    if len(parties) < 2 and len(context.sides) >= 2:
        # «(далее – Стороны)»: the document's Sides, not the states inside the format's name
        # or the host of its next round
        parties = [r.code for r in context.sides]
    if len(parties) < 2:  # «консультаций делегаций России и США», «с участием …»
        named = [
            r
            for r in context.actors_in(view, _clause_after(tokens, hit.first))
            if r.entity_id and r.entity_id.startswith(("state:", "person:", "group:"))
        ]
        if len({r.code for r in named}) >= 2:
            parties = [r.code for r in named]
    if len(parties) < 2:
        parties = sides_before(context, view) or parties
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


def _clause_after(tokens, first: int) -> list[int]:
    """Tokens from the format noun up to the next verb or relative pronoun."""
    indexes = []
    for index in range(first, len(tokens)):
        token = tokens[index]
        if index > first and (token.pos in ("VERB", "AUX") or fold(token.lemma) == "который"):
            break
        indexes.append(index)
    return indexes


def _short(context: FactContext, code: str) -> str:
    entity = context.doc.entities.get(f"state:{code}")
    return entity.name_en if entity else code


def _rounds(context: FactContext, view: SentenceView) -> list[tuple[int | None, int, int]]:
    """(round number, token index, count) for «второй раунд», «II Минской конференции»,
    «очередное заседание»; count > 0 for «двух раундов» (that many rounds)."""
    found = []
    tokens = view.tokens
    lexicon = context.lexicon
    for index, token in enumerate(tokens):
        if fold(token.lemma) not in lexicon.round_nouns or index == 0:
            continue
        before = index - 1
        while before > 0 and index - before < 3 and _modifier(tokens[before], lexicon):
            before -= 1  # «II Минской международной конференции»
        ordinal = fold(tokens[before].lemma)
        if ordinal in lexicon.ordinals:
            found.append((lexicon.ordinals[ordinal], index, 0))
        elif fold(tokens[index - 1].lemma) in lexicon.round_counts:
            found.append((None, index, lexicon.round_counts[fold(tokens[index - 1].lemma)]))
    return found


def _modifier(token, lexicon) -> bool:
    lemma = fold(token.lemma)
    counted = lemma in lexicon.ordinals or lemma in lexicon.round_counts
    return token.pos == "ADJ" and not counted


def _elided_rounds(context: FactContext, view: SentenceView) -> list[tuple[int | None, int, int]]:
    """«Первое прошло в Москве»: an ordinal standing for the round noun of the sentence before,
    as the subject of a verb that reports a meeting held."""
    tokens = view.tokens
    for index, token in enumerate(tokens[:-1]):
        ordinal = fold(token.lemma)
        if ordinal not in context.lexicon.ordinals or context.lexicon.ordinals[ordinal] is None:
            continue
        if token.text[:1].isupper() and fold(tokens[index + 1].lemma) in context.lexicon.held_verbs:
            return [(context.lexicon.ordinals[ordinal], index, 0)]
    return []


def _named_by_next(view: SentenceView, nouns: list) -> list:
    """«платформы «3+3»»: a generic noun named by the format right after it is that format."""
    kept = []
    for hit in nouns:
        following = [
            other
            for other in nouns
            if other is not hit
            and 0 < other.first - hit.last <= 2
            and all(not t.text.isalnum() for t in view.tokens[hit.last + 1 : other.first])
        ]
        if not following:
            kept.append(hit)
    return kept


def _quoted_name_after(view: SentenceView, hit) -> bool:
    """«в формате «Центральная Азия – Россия»»: a generic noun named by a quoted name."""
    following = hit.last + 1
    return following < len(view.tokens) and view.tokens[following].text in ("«", '"')


def _preceding_format(found_here: dict, index: int):
    """The format named earlier in the same sentence: «… консультаций …, и условились
    провести третий раунд»."""
    earlier = [first for first in found_here if first < index]
    return found_here[max(earlier)] if earlier else None


def _series(context: FactContext, view: SentenceView, index: int, formats: dict, found_here):
    """«II Минской международной конференции по …», «очередного Каспийского саммита»: a
    conference or summit named by its own proper adjective is a format of its own."""
    tokens = view.tokens
    noun_en = context.lexicon.series_nouns.get(fold(tokens[index].lemma))
    first = index
    while first > 0 and _modifier(tokens[first - 1], context.lexicon):
        first -= 1
    if noun_en is None or first == index or not tokens[first].text[:1].isupper():
        return None
    last = index
    if index + 1 < len(tokens) and tokens[index + 1].pos == "ADP":
        _, last = name_span(view, index, index)  # «… конференции по евразийской безопасности»
    words = [_gloss(context, view, i) for i in range(first, index)]
    hit = SimpleNamespace(
        pattern=SimpleNamespace(payload=" ".join([*words, noun_en])),
        indexes=list(range(first, last + 1)),
        first=first,
        last=last,
    )
    found = _format(context, view, hit)
    known = formats.setdefault(found.key, found)
    if known is not found:
        known.evidence.extend(found.evidence)
    found_here[first] = known
    return known


def _gloss(context: FactContext, view: SentenceView, index: int) -> str:
    """English for a naming adjective: the place it names («Минской» -> Minsk), else the
    glossary's word, else a transliteration."""
    mention = view.mentions[index]
    if mention is not None:
        return context.entity(mention).name_en
    token = view.tokens[index]
    glossed = context.lexicon.glossary.get(fold(token.lemma))
    return (
        glossed or transliterate(token.lemma or token.text, context.lexicon.translit).capitalize()
    )


def _nearest_format(found_here: dict, nouns, view: SentenceView, index: int):
    """The format the round noun governs: «раунд прямых переговоров», not one named after a
    comma («Первый раунд, возобновивший … переговорный процесс»)."""
    for hit in nouns:
        between = view.tokens[index + 1 : hit.first]
        governed = all(t.text.isalnum() or t.text in '«»"' for t in between)
        if 0 < hit.first - index <= 8 and hit.first in found_here and governed:
            return found_here[hit.first]
    return None


def _add_counted(context: FactContext, view: SentenceView, target, count: int, index: int):
    """Rounds 1..count, dated in the order of the sentence's dates after the round noun."""
    token = view.tokens[index]
    dates = [d for d in context.dates_in(view) if d[0] > token.start][:count]
    places = _places(context, view)
    known = {r.number for r in target.rounds}
    evidence = Evidence(view.sentence.start, view.sentence.end, (token.start, token.end))
    if len(dates) != count or known & set(range(1, count + 1)):
        return
    for number, date in enumerate(dates, 1):
        target.rounds.append(
            Round(number, date[2], places[0] if places else None, evidence, "held")
        )
    target.rounds.sort(key=lambda r: (r.number is None, r.number or 0))


def _places(context: FactContext, view: SentenceView, near: int | None = None) -> list[str]:
    """The sentence's places; with ``near``, the one closest to that offset first («визит в
    Москву, а в декабре в Нью-Дели прошло очередное заседание»)."""
    places = [m for m in _unique(view.mentions) if context.entity(m).kind == "place"]
    if near is not None:
        places.sort(key=lambda m: abs(m.start - near))
    return [context.entity(m).name_en for m in places]


def _pick_date(context: FactContext, view: SentenceView, index: int) -> str | None:
    """The date nearest the round noun; a bare year gives way to a day or month date
    («Первый раунд, возобновивший … в 2022 году процесс, состоялся там же 16 мая»)."""
    text = context.doc.text
    dates = context.dates_in(view)
    written = [d for d in dates if any(c.isdigit() for c in text[d[0] : d[1]])]
    if any(len(d[2]) >= 7 for d in written):
        dates = [d for d in dates if len(d[2]) >= 7 or d not in written]
    if not dates:
        return None
    start = view.tokens[index].start
    nearest = min(dates, key=lambda d: abs(d[0] - start))
    for other in dates:  # «31 октября – 1 ноября 2024 года»: a span of days
        if other[0] > nearest[1] and _DASH.fullmatch(text[nearest[1] : other[0]]):
            return f"{nearest[2]}/{other[2]}"
    return nearest[2]


def _add_round(
    context: FactContext,
    view: SentenceView,
    target: DialogueFormat,
    number,
    index,
    last_place: str | None = None,
):
    token = view.tokens[index]
    date = _pick_date(context, view, index)
    places = _places(context, view, token.start)
    sentence = context.doc.text[view.sentence.start : view.sentence.end].lower()
    if not places and last_place and any(p in sentence for p in context.lexicon.same_place):
        places = [last_place]  # «состоялся там же 16 мая»
    title = context.doc.metadata.title
    in_title = title is not None and title[0] <= token.start < title[1]
    held_here = in_title or (_past_first_person(view) and not date)
    if held_here and context.date:
        date = date or context.date.isoformat()
        places = places or ([context.place.name_en] if context.place else [])
    evidence = Evidence(
        view.sentence.start, view.sentence.end, (view.tokens[max(index - 1, 0)].start, token.end)
    )
    for known in target.rounds:
        numbered = known.number == number and number is not None
        # «в 2024 году», «в ноябре 2024 года», «1 ноября 2024 года»: one round, most precise
        undated_twin = (number is None or known.number is None) and date and known.date
        if numbered or (undated_twin and same_time(known.date, date)):
            if not known.date or (
                same_time(known.date, date) and len(date or "") > len(known.date)
            ):
                known.date = date
            known.number = known.number or number
            known.place = known.place or (places[0] if places else None)
            return
    later = date and context.date and date > context.date.isoformat()
    planned = any(w in sentence for w in context.lexicon.future_cues)
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
