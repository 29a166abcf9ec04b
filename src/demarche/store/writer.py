"""Writing one analysed document, with all its facts, in one transaction.

A document is either fully stored or absent: a killed ingest leaves nothing half-written,
and the content hash makes a rerun skip what is already there.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from demarche.store import registry, translations
from demarche.store import schema as t
from demarche.store.record import DocumentRecord, dumps


def write_document(
    connection: Connection, record: DocumentRecord, known_actors: set[str] | frozenset = frozenset()
) -> tuple[int, bool]:
    """Store the record, replacing an older analysis of the same text. Returns its row id
    and whether anything was written: the same text stored by the same analyser version,
    e.g. by a concurrent ingest, is left as it is.

    ``known_actors`` are entity ids already in the actors table, skipped to save a write.
    """
    lock(connection, f"document:{record.content_hash}")
    stored = connection.execute(
        select(t.documents.c.id, t.documents.c.analyzer_version).where(
            t.documents.c.content_hash == record.content_hash
        )
    ).first()
    if stored is not None and stored.analyzer_version == record.analyzer_version:
        return stored.id, False
    existing = stored.id if stored is not None else None
    reported: set[tuple[str, str]] = set()
    if existing is not None:
        reported = registry.keys_of(connection, existing)
        delete_facts(connection, existing)
        connection.execute(
            update(t.documents).where(t.documents.c.id == existing).values(**_document_row(record))
        )
        document_id = existing
    else:
        document_id = connection.execute(
            insert(t.documents).values(**_document_row(record)).returning(t.documents.c.id)
        ).scalar_one()
    _index_lemmas(connection, document_id, record.lemmas)
    _write_actors(connection, [e for e in record.entities if e["id"] not in known_actors])
    _write_facts(connection, document_id, record, reported)
    # In the same transaction: a document is never stored without its translation links.
    translations.link(connection, document_id)
    return document_id, True


def lock(connection: Connection, name: str) -> None:
    """Hold ``name`` until the transaction ends, so concurrent writers of one document (or
    of the shared registries) take turns: under READ COMMITTED two rewrites of a document
    each delete only the facts they can see, and both sets of new facts would stay. SQLite
    needs nothing here: its writers already take turns on the whole database."""
    if connection.dialect.name == "postgresql":
        key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def delete_facts(connection: Connection, document_id: int) -> None:
    old = connection.execute(
        select(t.documents.c.lemmas).where(t.documents.c.id == document_id)
    ).scalar()
    if connection.dialect.name == "sqlite" and old is not None:
        connection.execute(
            text(
                "INSERT INTO documents_fts(documents_fts, rowid, lemmas) "
                "VALUES ('delete', :id, :lemmas)"
            ),
            {"id": document_id, "lemmas": old},
        )
    event_ids = select(t.events.c.id).where(t.events.c.document_id == document_id)
    connection.execute(delete(t.event_actors).where(t.event_actors.c.event_id.in_(event_ids)))
    for table in t.PER_DOCUMENT:
        connection.execute(delete(table).where(table.c.document_id == document_id))


def _document_row(record: DocumentRecord) -> dict[str, Any]:
    return {
        "content_hash": record.content_hash,
        "external_id": record.external_id[:512],
        "source": record.source,
        "url": record.url,
        "title": record.title,
        "date": record.date,
        "given_title": record.given_title,
        "given_date": record.given_date,
        "genre": record.genre,
        "speaker": record.speaker,
        "speaker_name": record.speaker_name,
        "place": record.place,
        "language": record.language,
        "length": len(record.text),
        "text": record.text,
        "lemmas": record.lemmas,
        "analysis": dumps(record.analysis),
        "analyzer_version": record.analyzer_version,
        "ingested_at": datetime.now(UTC),
    }


def _index_lemmas(connection: Connection, document_id: int, lemmas: str) -> None:
    if connection.dialect.name == "sqlite":
        connection.execute(
            text("INSERT INTO documents_fts(rowid, lemmas) VALUES (:id, :lemmas)"),
            {"id": document_id, "lemmas": lemmas},
        )


def _insert_ignoring_conflicts(connection: Connection, table, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    connection.execute(dialect.insert(table).on_conflict_do_nothing(), rows)


def _write_actors(connection: Connection, entities: list[dict[str, Any]]) -> None:
    rows = [
        {
            "id": e["id"],
            "kind": e["kind"],
            "code": e.get("actor"),
            "name_en": e["name_en"],
            "name_ru": e["name_ru"],
            "sector": e.get("sector"),
            "country": e.get("country"),
            "office": e.get("office"),
            "wikidata": e.get("wikidata"),
        }
        for e in entities
    ]
    _insert_ignoring_conflicts(connection, t.actors, rows)


def _write_facts(
    connection: Connection,
    document_id: int,
    record: DocumentRecord,
    reported: set[tuple[str, str]],
) -> None:
    """``reported``: the (kind, name key) pairs the replaced analysis reported, relinked too."""
    version = record.analyzer_version
    analysis = record.analysis
    common = {"document_id": document_id, "analyzer_version": version}
    mentions = [
        {
            **common,
            "actor_id": m.get("entity"),
            "start": m["start"],
            "end": m["end"],
            "text": m["text"],
            "label": m["label"],
            "form": m["form"],
            "normal": m["normal"],
        }
        for m in analysis["mentions"]
    ]
    if mentions:
        connection.execute(insert(t.mentions), mentions)
    codes = {e["id"]: e.get("actor") for e in record.entities}
    present = {codes.get(m["actor_id"]) for m in mentions} - {None}
    if present:
        connection.execute(
            insert(t.document_actors),
            [{"document_id": document_id, "actor": code} for code in sorted(present)],
        )
    _write_events(connection, common, record)
    _write_registries(connection, common, record, reported)
    _write_simple(connection, common, record)


def _write_registries(
    connection: Connection,
    common: dict[str, Any],
    record: DocumentRecord,
    reported: set[tuple[str, str]],
) -> None:
    facts = record.analysis["facts"]
    touched = set(reported)
    agreements = []
    for agreement in facts["agreements"]:
        name_key = record.agreement_keys.get(agreement["id"]) or agreement["name_normal"].lower()
        fact_id = registry.add_fact(connection, common, registry.AGREEMENT, name_key, agreement)
        touched.add((registry.AGREEMENT, name_key[:512]))
        agreements.append((fact_id, agreement))
    dialogues = []
    for dialogue in facts["dialogue_formats"]:
        name_key = dialogue["key"].split(":", 1)[-1]
        fact_id = registry.add_fact(connection, common, registry.FORMAT, name_key, dialogue)
        touched.add((registry.FORMAT, name_key[:512]))
        dialogues.append((fact_id, dialogue))
    if not touched:
        return
    lock(connection, "registries")
    for kind, name_key in sorted(touched):
        registry.relink(connection, kind, name_key)
    for fact_id, agreement in agreements:
        agreement_id = registry.record_of(connection, fact_id)
        connection.execute(
            insert(t.agreement_mentions),
            [
                {
                    **common,
                    "agreement_id": agreement_id,
                    "fact_id": fact_id,
                    "name_ru": agreement["name_ru"],
                    "status": agreement["status"],
                    "summary": agreement["summary"],
                    "start": evidence["start"],
                    "end": evidence["end"],
                }
                for evidence in agreement["evidence"]
            ],
        )
    for fact_id, dialogue in dialogues:
        format_id = registry.record_of(connection, fact_id)
        rounds = [
            {
                **common,
                "format_id": format_id,
                "fact_id": fact_id,
                "number": r["number"],
                "date": r["date"],
                "place": r["place"],
                "status": r["status"],
                "start": r["evidence"]["start"],
                "end": r["evidence"]["end"],
            }
            for r in dialogue["rounds"]
        ]
        if rounds:
            connection.execute(insert(t.format_rounds), rounds)


def _write_events(connection: Connection, common: dict[str, Any], record: DocumentRecord) -> None:
    if not record.events:
        return
    rows = []
    for event in record.events:
        evidence = event["evidence"]
        trigger = evidence.get("trigger") or {}
        date = event["date"]
        rows.append(
            {
                **common,
                "event_key": event["key"][:512],
                "local_id": event["id"],
                "type": event["type"],
                "mode": event["mode"],
                "context": event["context"],
                "source": ";".join(r["code"] for r in event["source"]),
                "target": ";".join(r["code"] for r in event["target"]),
                "date": date,
                "month": _month(date, record),
                "location": event["location"],
                "aux": ",".join(event["aux"]),
                "confidence": event["confidence"],
                "quad_class": event["quad_class"],
                "cameo": event["cameo"],
                "goldstein": _goldstein(event["cameo"]),
                "summary": event["summary"],
                "start": evidence["start"],
                "end": evidence["end"],
                "trigger_start": trigger.get("start"),
                "trigger_end": trigger.get("end"),
                "record": dumps(event["plover"]),
            }
        )
    ids = connection.execute(
        insert(t.events).returning(t.events.c.id, sort_by_parameter_order=True), rows
    ).scalars()
    actors = []
    stored: dict[int, dict[str, Any]] = {}
    for event_id, event, row in zip(ids, record.events, rows, strict=True):
        stored[event_id] = row
        seen = set()
        for role in ("source", "target"):
            for ref in event[role]:
                if (role, ref["code"]) not in seen:
                    seen.add((role, ref["code"]))
                    actors.append(
                        {
                            "event_id": event_id,
                            "role": role,
                            "actor": ref["code"],
                            "person": ref.get("person"),
                        }
                    )
    if actors:
        connection.execute(insert(t.event_actors), actors)
        pairs = _pairs(actors, stored)
        if pairs:
            connection.execute(insert(t.event_pairs), pairs)


def _pairs(actors: list[dict[str, Any]], events: dict[int, dict[str, Any]]) -> list[dict]:
    """Each actor of an event paired with each actor on the other side, both directions."""
    by_event: dict[int, list[dict[str, Any]]] = {}
    for row in actors:
        by_event.setdefault(row["event_id"], []).append(row)
    pairs = []
    for event_id, rows in by_event.items():
        event = events[event_id]
        for me in rows:
            for other in rows:
                if other["role"] != me["role"] and other["actor"] != me["actor"]:
                    pairs.append(
                        {
                            "event_id": event_id,
                            "document_id": event["document_id"],
                            "actor": me["actor"],
                            "role": me["role"],
                            "counterpart": other["actor"],
                            "type": event["type"],
                            "quad_class": event["quad_class"],
                            "month": event["month"],
                        }
                    )
    return pairs


def _month(event_date: str | None, record: DocumentRecord) -> str | None:
    """The event's month, or the document's when the event has only a year or no date."""
    if event_date and len(event_date) >= 7:
        return event_date[:7]
    return record.date.isoformat()[:7] if record.date else None


def _goldstein(cameo: str | None) -> float | None:
    from demarche.data import load_json

    if not cameo:
        return None
    value = load_json("ontology/cameo.json")["codes"].get(cameo, {}).get("goldstein")
    return float(value) if value is not None else None


def _write_simple(connection: Connection, common: dict[str, Any], record: DocumentRecord) -> None:
    facts = record.analysis["facts"]
    relations = [
        {
            **common,
            "a": r["a"],
            "b": r["b"],
            "kind": r["kind"],
            "since": r["since"],
            "summary": r["summary"],
            "start": r["evidence"]["start"],
            "end": r["evidence"]["end"],
        }
        for r in facts["relations"]
    ]
    stances = [
        {
            **common,
            "holder": s["holder"],
            "target": s["target"],
            "polarity": s["polarity"],
            "score": s["score"],
            "date": record.date,
            "summary": s["summary"],
            "start": s["evidence"]["start"],
            "end": s["evidence"]["end"],
        }
        for s in facts["stances"]
    ]
    rhetoric = [
        {
            **common,
            "kind": r["kind"],
            "text": r["text"],
            "gloss": r["gloss"],
            "start": r["start"],
            "end": r["end"],
        }
        for r in facts["rhetoric"]
    ]
    for table, rows in ((t.relations, relations), (t.stances, stances), (t.rhetoric, rhetoric)):
        if rows:
            connection.execute(insert(table), rows)
