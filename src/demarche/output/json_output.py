"""The versioned JSON form of an analysed document (schema: ``schema/analysis.schema.json``)."""

from __future__ import annotations

from typing import Any

from demarche.model import Document, Entity, Mention
from demarche.output.facts_json import facts_to_json
from demarche.structure.turns import question_answer_pairs
from demarche.version import analyzer_version

SCHEMA_VERSION = "1.1"


def document_to_json(doc: Document) -> dict[str, Any]:
    meta = doc.metadata
    place = doc.entities.get(meta.place_entity_id) if meta.place_entity_id else None
    return {
        "schema_version": SCHEMA_VERSION,
        "analyzer_version": analyzer_version(),
        "document": {
            "id": doc.id,
            "source": doc.source,
            "url": doc.url,
            "title": doc.title,
            "language": doc.language,
            "length": len(doc.text),
            "text": doc.text,
        },
        "metadata": {
            "genre": meta.genre,
            "title_genre_word": meta.title_genre_word,
            "title": _span(meta.title, doc),
            "speaker": _speaker(doc),
            "occasion": meta.occasion,
            "occasion_span": _pair(meta.occasion_span),
            "date": meta.date.isoformat() if meta.date else None,
            "date_span": _pair(meta.date_span),
            "place": (
                {
                    "name_ru": doc.text[meta.place_span[0] : meta.place_span[1]],
                    "name_en": place.name_en if place else None,
                    "country": place.country if place else None,
                    "entity": place.id if place else None,
                    "start": meta.place_span[0],
                    "end": meta.place_span[1],
                }
                if meta.place_span
                else None
            ),
            "counterparts": meta.counterparts,
            "hashtags": [m.text for m in doc.markers if m.kind == "hashtag"],
            "elisions": sum(1 for m in doc.markers if m.kind == "elision"),
            "speaker_turns": [
                {
                    "label": t.label,
                    "role": t.role,
                    "entity": t.entity_id,
                    "actor": t.actor,
                    "label_start": t.label_start,
                    "label_end": t.label_end,
                    "start": t.start,
                    "end": t.end,
                }
                for t in doc.turns
            ],
            "question_answer_pairs": [list(p) for p in question_answer_pairs(doc.turns)],
            "text_repairs": [
                {"found": r.found, "repaired": r.repaired, "start": r.start, "end": r.end}
                for r in doc.repairs
            ],
        },
        "markers": [
            {"kind": m.kind, "text": m.text, "start": m.start, "end": m.end} for m in doc.markers
        ],
        "structure": {
            "paragraphs": [
                {
                    "kind": p.kind,
                    "start": p.start,
                    "end": p.end,
                    "sentences": [[s.start, s.end] for s in p.sentences],
                }
                for p in doc.paragraphs
            ],
            "tokens": len(doc.tokens),
        },
        "mentions": [_mention(m) for m in doc.mentions],
        "entities": [_entity(e, doc) for e in doc.entities.values()],
        "facts": facts_to_json(doc),
        "warnings": doc.warnings,
    }


def _mention(mention: Mention) -> dict[str, Any]:
    return {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "label": mention.label,
        "form": mention.form,
        "normal": mention.normal,
        "source": mention.source,
        "resolved": mention.resolved,
        "entity": mention.entity_id,
    }


def _entity(entity: Entity, doc: Document) -> dict[str, Any]:
    return {
        "id": entity.id,
        "kind": entity.kind,
        "name_en": entity.name_en,
        "name_ru": entity.name_ru,
        "actor": entity.actor,
        "sector": entity.sector,
        "office": entity.office,
        "former": entity.former,
        "country": entity.country,
        "wikidata": entity.wikidata,
        "mentions": sum(1 for m in doc.mentions if m.entity_id == entity.id),
        "extra": {k: v for k, v in entity.extra.items() if v is not None},
    }


def _speaker(doc: Document) -> dict[str, Any] | None:
    speaker = doc.metadata.speaker
    if speaker is None:
        return None
    return {
        "name_ru": speaker.name_ru,
        "name_en": speaker.name_en,
        "actor": speaker.actor,
        "sector": speaker.sector,
        "office": speaker.office,
        "entity": speaker.entity_id,
        "start": speaker.start,
        "end": speaker.end,
    }


def _span(span: tuple[int, int] | None, doc: Document) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": doc.text[span[0] : span[1]], "start": span[0], "end": span[1]}


def _pair(span: tuple[int, int] | None) -> list[int] | None:
    return list(span) if span else None
