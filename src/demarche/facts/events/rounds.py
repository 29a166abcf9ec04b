"""A round of a dialogue format is a meeting of its parties: held, it is CONSULT (done or
historical by its date); announced, it is AGREE planned. Rounds the predicate rules missed
(«Первая встреча в этом формате прошла в Москве 3 апреля 2025 года», «Следующий раунд
запланирован на завтра») become events here, once each."""

from __future__ import annotations

from demarche.facts.context import FactContext
from demarche.facts.events.common import _ref_of
from demarche.facts.events.merge import _mediation, _normalise
from demarche.facts.events.modality import _long_ago
from demarche.model import DialogueFormat, Event, Evidence, Round

_MEETING_TYPES = {"held": ("CONSULT",), "planned": ("AGREE", "CONSULT")}
# a gathering has participants, not a guest and a host, wherever it meets; format names are
# built in English for every language
_GATHERINGS = ("conference", "forum", "congress", "assembly")


def round_events(context: FactContext, formats: list[DialogueFormat], events: list[Event]):
    """Events for the rounds of ``formats`` that no event of ``events`` reports already."""
    found: list[Event] = []
    title = context.doc.metadata.title
    for dialogue in formats:
        if len(dialogue.parties) < 2:
            continue
        for held in dialogue.rounds:
            wanted = _MEETING_TYPES.get(held.status)
            if wanted is None:
                continue
            if _reported(held, events + found, wanted):
                _date_undated(context, held, events)
                continue
            if title and title[0] <= held.evidence.start < title[1]:
                continue  # the title line names the occasion; the body reports it
            if held.status == "held" and not held.date:
                continue  # «созыва очередного заседания»: a round said to be held has a date
            event = _event(context, dialogue, held, len(events) + len(found))
            if any(word in dialogue.name_en.lower() for word in _GATHERINGS):
                event.mode = "multilateral"
            else:
                _normalise(context, event)  # «состоялось в Ханое»: the guest went to the host
            found.append(event)
    return found


def _date_undated(context: FactContext, held: Round, events: list[Event]) -> None:
    """«итоги II Минской конференции, прошедшей 31 октября 2024 года»: a meeting event the
    rules left undated takes its round's date, and is historical if that is long ago."""
    if held.status != "held" or not held.date:
        return
    span = held.evidence
    for event in events:
        overlaps = event.evidence.start < span.end and span.start < event.evidence.end
        if event.type == "CONSULT" and overlaps and event.date is None:
            event.date = held.date
            event.location = event.location or held.place
            if context.date and _long_ago(held.date, context.date):
                event.aux.append("historical")


def _reported(held: Round, events: list[Event], types: tuple[str, ...]) -> bool:
    span = held.evidence
    return any(
        e.type in types
        and e.evidence.start < span.end
        and span.start < e.evidence.end
        and not _mediation(e)  # «при посредничестве Омана»: the mediator's act, not the round
        for e in events
    )


def _event(context: FactContext, dialogue: DialogueFormat, held: Round, number: int) -> Event:
    parties = [_ref_of(context, code) for code in dialogue.parties]
    aux: list[str] = []
    if held.status == "planned":
        kind, target, aux = "AGREE", list(reversed(parties)), ["future"]
    else:
        kind, target = "CONSULT", []
        if held.date and context.date and _long_ago(held.date, context.date):
            aux = ["historical"]
    return Event(
        id=f"e{number + 1}",
        type=kind,
        mode="" if kind == "AGREE" else "multilateral" if len(parties) > 2 else "",
        context="diplomatic",
        source=parties,
        target=target,
        evidence=Evidence(held.evidence.start, held.evidence.end, held.evidence.trigger),
        date=held.date,
        location=held.place,
        aux=aux,
        confidence=0.6,
        note=f"round of {dialogue.name_en}",
    )
