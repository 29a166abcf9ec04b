"""English one-line summaries, generated from the structured fields (not translated)."""

from __future__ import annotations

from demarche.data import load_json
from demarche.model import ActorRef, Agreement, DialogueFormat, Event, Facts, Relation, Stance


def summarise(facts: Facts) -> None:
    verbs = load_json("ontology/verbs_en.json")
    for event in facts.events:
        event.summary = _event(event, facts.agreements, verbs)
    for agreement in facts.agreements:
        agreement.summary = _agreement(agreement)
    for dialogue in facts.formats:
        dialogue.summary = _format(dialogue)
    for relation in facts.relations:
        relation.summary = _relation(relation)
    for stance in facts.stances:
        stance.summary = _stance(stance)


def _sides(refs: list[ActorRef]) -> str:
    named = [f"{r.code} ({r.person})" if r.person else r.code for r in refs]
    return " and ".join(named) if named else "unknown"


def _event(event: Event, agreements: list[Agreement], verbs: dict) -> str:
    when_where = " ".join(x for x in (event.date or "undated", event.location) if x)
    label = event.type + (f":{event.mode}" if event.mode else "")
    signed = next(
        (
            a
            for a in agreements
            if any(e.start == event.evidence.start for e in a.evidence)
            and event.note.startswith("agreement")
        ),
        None,
    )
    if signed:
        action = f'{verbs["agreement_verbs"].get(signed.status, "concluded")} "{signed.name_en}"'
        line = f"{_sides(event.source)} {action}"
    elif _joint(event):
        # «RUS and PRK agreed»: each side is the other's recipient; naming them twice says
        # nothing more and reads as if they acted on themselves
        verb = (
            verbs["joint"].get(label)
            or verbs["joint"].get(event.type)
            or verbs["events"].get(event.type, event.type.lower())
        )
        line = f"{_sides(event.source)} {verb}"
    else:
        verb = verbs["events"].get(label) or verbs["events"].get(event.type, event.type.lower())
        line = f"{_sides(event.source)} {verb} {_sides(event.target)}"
    qualifiers = f" ({', '.join(event.aux)})" if event.aux else ""
    return f"{when_where} — {line} [{label}]{qualifiers}"


def _joint(event: Event) -> bool:
    """Two or more sides acting together: on each other, or (a call, a meeting) with no one
    else."""
    sources = {r.code for r in event.source}
    targets = {r.code for r in event.target}
    return len(sources) >= 2 and (sources == targets or not targets)


def _agreement(agreement: Agreement) -> str:
    parts = [f'"{agreement.name_en}" ({agreement.kind})', agreement.status]
    if agreement.signed:
        parts.append(f"on {agreement.signed}")
    if agreement.signed_at:
        parts.append(f"in {agreement.signed_at}")
    if agreement.parties:
        parts.append("by " + ", ".join(agreement.parties))
    if agreement.valid:
        parts.append("valid " + "–".join(agreement.valid))
    return " ".join(parts)


def _format(dialogue: DialogueFormat) -> str:
    rounds = "; ".join(
        f"round {r.number or '?'}: {r.date or 'undated'}{', ' + r.place if r.place else ''}"
        + ("" if r.status == "held" else f" ({r.status})")
        for r in dialogue.rounds
    )
    return f"{dialogue.name_en}" + (f" — {rounds}" if rounds else "")


def _relation(relation: Relation) -> str:
    since = f" since {relation.since}" if relation.since else ""
    return f"{relation.a} and {relation.b}: {relation.kind.replace('_', ' ')}{since}"


def _stance(stance: Stance) -> str:
    return f"{stance.holder} → {stance.target}: {stance.polarity} (score {stance.score})"
