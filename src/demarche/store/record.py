"""What the store keeps of one analysed document: plain, picklable data.

Built where the analysis runs (possibly a Dask worker) and written by the store in one
transaction, so the writer never needs the models.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from demarche.data import load_json
from demarche.language.morphology import Morphology, fold
from demarche.model import Agreement, Document
from demarche.output.gdelt import cameo_code
from demarche.output.json_output import document_to_json
from demarche.output.plover import plover_records
from demarche.version import analyzer_version

_WORD = re.compile(r"\w+")
# Words after which an agreement's name turns to its parties (``... между Россией и КНДР``).
_PARTY_WORDS = {"между", "с", "со"}


@dataclass(slots=True)
class DocumentRecord:
    content_hash: str
    external_id: str
    source: str
    url: str | None
    title: str | None
    date: date | None
    genre: str | None
    speaker: str | None
    speaker_name: str | None
    place: str | None
    language: str
    text: str
    lemmas: str
    analysis: dict[str, Any]
    analyzer_version: str = field(default_factory=analyzer_version)
    entities: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    agreement_keys: dict[str, str] = field(default_factory=dict)
    # As given with the text (JSON lines, the API), kept apart from what the analysis found
    # so that a re-analysis starts from them again.
    given_title: str | None = None
    given_date: date | None = None


def lemma_text(doc: Document) -> str:
    """The document's words as folded lemmas, the text both search backends index."""
    return " ".join(
        word for token in doc.tokens for word in _WORD.findall(fold(token.lemma or token.text))
    )


@cache
def _known_agreement_phrases() -> dict[str, str]:
    """English name -> the Russian phrase of a well-known agreement (Russian keys the registry)."""
    known = load_json("lang/ru_facts.json").get("known_agreements", {})
    phrases: dict[str, str] = {}
    for phrase, entry in known.items():
        phrases.setdefault(entry["name_en"], phrase)
    return phrases


def agreement_key(agreement: Agreement, morphology: Morphology) -> str:
    """Lemmas of the name as the document writes it, up to its parties; a well-known
    agreement is keyed by its Russian name in every language, so that an English statement
    and a Russian one cite the same record."""
    phrase = _known_agreement_phrases().get(agreement.name_en)
    return agreement_name_key(phrase or agreement.name_normal, morphology)


def agreement_name_key(name: str, morphology: Morphology) -> str:
    """Lemmas of an agreement's name up to its parties: every case form, one key."""
    words = []
    for word in _WORD.findall(name):
        if fold(word) in _PARTY_WORDS:
            break
        words.append(fold(morphology.lemma(word)))
    return " ".join(words)


def event_key(event: dict[str, Any]) -> str:
    """Identity of an event across documents: what happened, between whom, when."""
    source = ";".join(sorted({r["code"] for r in event["source"]}))
    target = ";".join(sorted({r["code"] for r in event["target"]}))
    return f"{event['type']}|{event['mode']}|{source}|{target}|{event['date'] or ''}"


def build_record(doc: Document, content_hash: str, morphology: Morphology) -> DocumentRecord:
    analysis = document_to_json(doc)
    meta = analysis["metadata"]
    speaker = meta["speaker"] or {}
    place = meta["place"] or {}
    plover = {record["id"].rsplit("-", 1)[-1]: record for record in plover_records(doc)}
    cameo = {event.id: cameo_code(event) for event in doc.facts.events}
    events = []
    for event in analysis["facts"]["events"]:
        record = plover.get(event["id"], {})
        events.append(
            {
                **event,
                "key": event_key(event),
                "cameo": cameo.get(event["id"]) or None,
                # an undated event has no PLOVER record; its type still has its quad class
                "quad_class": record.get("quad_code") or _quad_code(event["type"]),
                "plover": record,
            }
        )
    return DocumentRecord(
        content_hash=content_hash,
        external_id=doc.id,
        source=doc.source,
        url=doc.url,
        title=doc.title or (meta["title"] or {}).get("text"),
        date=doc.date,
        genre=meta["genre"],
        speaker=speaker.get("entity"),
        speaker_name=speaker.get("name_en") or speaker.get("name_ru"),
        place=place.get("name_en") or place.get("name_ru"),
        language=doc.language,
        text=doc.text,
        lemmas=lemma_text(doc),
        analysis=analysis,
        entities=analysis["entities"],
        events=events,
        given_title=doc.title,
        given_date=doc.given_date,
        agreement_keys={a.id: agreement_key(a, morphology) for a in doc.facts.agreements},
    )


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _quad_code(event_type: str) -> int | None:
    return load_json("ontology/plover.json")["events"].get(event_type, {}).get("quad_code")
