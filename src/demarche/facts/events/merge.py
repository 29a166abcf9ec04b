"""One convention per kind of meeting, and one event per act."""

from __future__ import annotations

import re

from demarche.facts.context import FactContext
from demarche.model import ActorRef, Event


def _normalise(context: FactContext, event: Event) -> None:
    """Meetings follow one convention, whoever the sentence puts first.

    A phone call, or talks in a third country, has both sides as source and no target; a
    multilateral meeting has its organisation (else all participants) as source; talks in
    one side's country go from the guest to the host.
    """
    if "historical" in event.aux:
        _only_named_people(context, event)
    planned = event.type == "AGREE" and event.note == "intent to consult"
    if planned:
        trip = event.mode == "visit"
        _consult_convention(context, event)
        if len(event.source) == 1 and len(event.target) == 1 and not trip:
            event.source = event.source + event.target  # a meeting agreed on by both sides
            event.target = list(reversed(event.source))
        event.mode = ""  # «посетит Куала-Лумпур»: a trip stays from the guest to the host
    elif event.type == "CONSULT":
        _consult_convention(context, event)


def _only_named_people(context: FactContext, event: Event) -> None:
    """«с подписанием в июне 2024 года … договора»: a past act keeps the people its sentence
    names; the one speaking today did not necessarily do it."""
    start, end = event.evidence.start, event.evidence.end
    named = {
        context.doc.entities[m.entity_id].name_en
        for m in context.doc.mentions
        if m.entity_id and start <= m.start < end and m.entity_id in context.doc.entities
    }
    named |= {
        r.person
        for view in context.views
        if view.sentence.start == start
        for person in view.people.values()
        if (r := context.person_ref(view, person)) is not None and r.person
    }
    for side in ("source", "target"):
        setattr(
            event,
            side,
            [
                r if r.person is None or r.person in named else ActorRef(r.code, r.sector)
                for r in getattr(event, side)
            ],
        )


def _consult_convention(context: FactContext, event: Event) -> None:
    if _mediation(event):
        return  # «a ceasefire brokered by Malaysia between …»: the mediator acts on the sides
    sides: list[ActorRef] = []
    for ref in event.source + event.target:
        if all(ref.code != s.code for s in sides):
            sides.append(ref)
    if event.mode == "multilateral" or len(sides) > 2:
        bodies = [r for r in sides if r.sector == "IGO"]
        event.source, event.target = (bodies[:1] or sides), []
        event.mode = "multilateral"
        return
    if len(sides) != 2:
        return
    if event.mode == "phone":
        event.source, event.target = sides, []
        return
    country = _country_of(context, event.location)
    if country is None:
        return
    hosts = [r for r in sides if r.code == country]
    guests = [r for r in sides if r.code != country]
    if hosts and guests:
        event.source, event.target = guests, hosts
    elif not hosts:
        event.source, event.target = sides, []
        event.mode = event.mode or "third-party"


def _mediation(event: Event) -> bool:
    """A mediator (a mediation entry's own mode) with the sides it brings together as
    target, none of them the mediator: mediator -> sides, not a meeting of all three."""
    if event.mode != "third-party" or len(event.source) != 1 or not event.target:
        return False
    return all(r.code != event.source[0].code for r in event.target)


def _country_of(context: FactContext, place_name: str | None) -> str | None:
    if not place_name:
        return None
    for entity in context.doc.entities.values():
        if entity.kind == "place" and entity.name_en == place_name:
            return entity.country
    return None


def _one_meeting_each(events: list[Event], context: FactContext | None = None) -> list[Event]:
    """«Провели переговоры… Обменялись мнениями… Обсудили…»: one meeting, reported once.

    A meeting a headline announces and the report then tells keeps the report's words as its
    evidence: they name the sides in full, with date and place.
    """

    headlines = context.headlines() if context is not None else []

    def in_headline(e: Event) -> bool:
        return any(start <= e.evidence.start < end for start, end in headlines)

    kept: list[Event] = []
    meetings: dict[frozenset, list[Event]] = {}
    planned: dict[frozenset, Event] = {}
    for event in events:
        sides = _sides(event)
        if event.type == "CONSULT":
            # a topic's place («саммит … в Тегеране») is no venue; «в 2024 году», «в ноябре
            # 2024 года», «1 ноября 2024 года» of the same sides are one meeting
            same = next(
                (
                    e
                    for e in meetings.get(sides, [])
                    if same_time(e.date, event.date)
                    and not (context and _other_people(context, e, event))
                ),
                None,
            )
            if same is not None:
                if len(event.date or "") > len(same.date or ""):
                    same.date = event.date
                if in_headline(same) and not in_headline(event):
                    same.evidence = event.evidence
                continue
            meetings.setdefault(sides, []).append(event)
        elif _said_twice(event, kept):
            continue  # «был вызван посол, которому заявлен протест»: one protest
        elif (fuller := _named_again(event, kept)) is not None:
            # «оставляет за собой право на ответные меры»: two triggers of one threat, one
            # of them with no addressee found: the act once, with its addressee
            if event.target and not kept[fuller].target:
                kept[fuller] = event
            continue
        elif event.type == "AGREE" and event.note == "intent to consult":
            # «Лавров проведёт переговоры с … Министры обсудят …»: the same planned meeting,
            # told again right after; a plan paragraphs away is another one
            earlier = planned.get(sides)
            if earlier and event.date in (None, earlier.date) and _close(earlier, event):
                if in_headline(earlier) and not in_headline(event):
                    earlier.evidence = event.evidence
                continue
            planned[sides] = event
        kept.append(event)
    for number, event in enumerate(kept, 1):
        event.id = f"e{number}"
    return kept


def _sides(event: Event) -> frozenset:
    """The states of an event; its people or bodies too when two sides share a state
    («Путин встретился с губернатором …» is no repeat of Putin's visit told before)."""
    refs = event.source + event.target
    codes = frozenset(r.code for r in refs)
    people = frozenset((r.code, r.person or r.entity_id) for r in refs)
    shared = len({r.code for r in refs if r.person}) < len({r.person for r in refs if r.person})
    return people if shared else codes


def _other_people(context: FactContext, first: Event, second: Event) -> bool:
    """«Мирзоян провёл переговоры с Аракчи … Аракчи принял Пашинян»: a side met by other
    people, each named in its own sentence, is another meeting, though the states are the
    same."""

    entities = context.doc.entities

    def named(e: Event) -> set[str]:
        return {
            entities[m.entity_id].name_en
            for m in context.doc.mentions
            if e.evidence.start <= m.start < e.evidence.end
            and m.entity_id in entities
            and entities[m.entity_id].kind == "person"
        }

    def surnames(e: Event, names: set[str], code: str) -> set[str]:
        # surnames: a name told twice may be spelt two ways («ас-Сиси», "el-Sisi")
        return {
            re.split(r"[\s-]", r.person)[-1].lower()
            for r in e.source + e.target
            if r.code == code and r.person in names
        }

    first_names, second_names = named(first), named(second)
    codes = {r.code for r in first.source + first.target}
    return any(
        (one := surnames(first, first_names, code))
        and (two := surnames(second, second_names, code))
        and not one & two
        for code in codes
    )


def same_time(first: str | None, second: str | None) -> bool:
    """Two dates that can name the same day at different precision (2024, 2024-11,
    2024-11-01)."""
    if first is None or second is None:
        return first == second
    return first.startswith(second) or second.startswith(first)


_NEAR = 400  # characters: about two sentences of a readout


def _close(first: Event, second: Event) -> bool:
    return 0 <= second.evidence.start - first.evidence.end <= _NEAR


def _act(e: Event) -> tuple:
    """The sentence, type, source and modality cues of an event (modality is read off its aux
    only after merging)."""
    return (e.evidence.start, e.type, frozenset(r.code for r in e.source), tuple(sorted(e.aux)))


def _said_twice(event: Event, kept: list[Event]) -> bool:
    """Two triggers of one sentence naming the same act of the same sides."""

    def key(e: Event) -> tuple:
        return (
            _act(e),
            frozenset(r.code for r in e.target),
            e.note.startswith("agreement"),
        )

    return any(key(other) == key(event) for other in kept)


def _named_again(event: Event, kept: list[Event]) -> int | None:
    """The index of a kept event of the same act (``_act``) of which one names no target:
    the same act found by two triggers."""
    for index, other in enumerate(kept):
        if _act(other) == _act(event) and bool(other.target) != bool(event.target):
            return index
    return None
