"""PLOVER JSONL records (the JSON record of the PLOVER 2.0 manual, chapter «Data Fields»)."""

from __future__ import annotations

from datetime import date
from typing import Any

from demarche.data import load_json
from demarche.model import ActorRef, Document
from demarche.version import analyzer_version


def plover_records(doc: Document) -> list[dict[str, Any]]:
    events = load_json("ontology/plover.json")["events"]
    records = []
    for event in doc.facts.events:
        trigger = event.evidence.trigger or (event.evidence.start, event.evidence.end)
        records.append(
            {
                "id": f"{doc.id}-{event.id}",
                "has_event": True,
                "date": event.date or (doc.date.isoformat() if doc.date else None),
                "actor": [_entity(r, doc) for r in event.source],
                "recipient": [_entity(r, doc) for r in event.target],
                "event": [event.type],
                "event_loc": {"name": event.location} if event.location else None,
                "event_text": [doc.text[trigger[0] : trigger[1]]],
                "quad_code": events.get(event.type, {}).get("quad_code"),
                "event_scale": events.get(event.type, {}).get("plover_score"),
                "mode": [event.mode] if event.mode else [],
                "context": [c for c in event.context.split(",") if c],
                "text": doc.text[event.evidence.start : event.evidence.end],
                "text_info": {
                    "start": event.evidence.start,
                    "end": event.evidence.end,
                    "trigger_start": trigger[0],
                    "trigger_end": trigger[1],
                    "aux": event.aux,
                    "confidence": event.confidence,
                    "summary": event.summary,
                },
                "cite_info": {"doc_id": doc.id, "source": doc.source, "url": doc.url},
                "coder": f"demarche {analyzer_version()}",
                "coded_date": date.today().isoformat(),
            }
        )
    return records


def _entity(ref: ActorRef, doc: Document) -> dict[str, Any]:
    entity = doc.entities.get(ref.entity_id) if ref.entity_id else None
    return {
        "code": ref.code,
        "sector": ref.sector or "",
        "entity_text": entity.name_ru if entity else "",
        "identifier_id": entity.wikidata if entity else None,
        "identifier_text": entity.name_en if entity else ref.person,
        "office": entity.office if entity else None,
    }
