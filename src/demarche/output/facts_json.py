"""JSON form of the facts section (schema 1.1)."""

from __future__ import annotations

from typing import Any

from demarche.model import ActorRef, Document, Evidence


def facts_to_json(doc: Document) -> dict[str, Any]:
    facts = doc.facts
    text = doc.text
    return {
        "events": [
            {
                "id": e.id,
                "type": e.type,
                "mode": e.mode,
                "context": e.context,
                "source": [_ref(r) for r in e.source],
                "target": [_ref(r) for r in e.target],
                "date": e.date,
                "location": e.location,
                "aux": e.aux,
                "modality": e.modality,
                "confidence": e.confidence,
                "note": e.note,
                "summary": e.summary,
                "evidence": _evidence(e.evidence, text),
            }
            for e in facts.events
        ],
        "agreements": [
            {
                "id": a.id,
                "name_ru": a.name_ru,
                "name_normal": a.name_normal,
                "name_en": a.name_en,
                "kind": a.kind,
                "parties": a.parties,
                "signed": a.signed,
                "signed_at": a.signed_at,
                "signatories": a.signatories,
                "valid": a.valid,
                "scope": a.scope,
                "status": a.status,
                "summary": a.summary,
                "evidence": [_evidence(e, text) for e in a.evidence],
            }
            for a in facts.agreements
        ],
        "dialogue_formats": [
            {
                "key": f.key,
                "name_ru": f.name_ru,
                "name_en": f.name_en,
                "parties": f.parties,
                "level": f.level,
                "launched_by": f.launched_by,
                "rounds": [
                    {
                        "number": r.number,
                        "date": r.date,
                        "place": r.place,
                        "status": r.status,
                        "evidence": _evidence(r.evidence, text),
                    }
                    for r in f.rounds
                ],
                "summary": f.summary,
                "evidence": [_evidence(e, text) for e in f.evidence],
            }
            for f in facts.formats
        ],
        "relations": [
            {
                "a": r.a,
                "b": r.b,
                "kind": r.kind,
                "since": r.since,
                "summary": r.summary,
                "evidence": _evidence(r.evidence, text),
            }
            for r in facts.relations
        ],
        "stances": [
            {
                "holder": s.holder,
                "target": s.target,
                "polarity": s.polarity,
                "score": s.score,
                "basis": s.basis,
                "summary": s.summary,
                "evidence": _evidence(s.evidence, text),
            }
            for s in facts.stances
        ],
        "rhetoric": [
            {"kind": m.kind, "text": m.text, "start": m.start, "end": m.end, "gloss": m.gloss}
            for m in facts.rhetoric
        ],
    }


def _ref(ref: ActorRef) -> dict[str, Any]:
    return {"code": ref.code, "sector": ref.sector, "entity": ref.entity_id, "person": ref.person}


def _evidence(evidence: Evidence, text: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "start": evidence.start,
        "end": evidence.end,
        "text": text[evidence.start : evidence.end],
    }
    if evidence.trigger:
        start, end = evidence.trigger
        out["trigger"] = {"start": start, "end": end, "text": text[start:end]}
    return out
