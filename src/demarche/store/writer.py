"""Writing one analysed document, with all its facts, in one transaction.

A document is either fully stored or absent: a killed ingest leaves nothing half-written,
and the content hash makes a rerun skip what is already there.

Writing is split in two. ``prepare`` turns a record into table rows and needs no database,
so it runs where the analysis ran (a Dask worker sends rows, not the analysis to be taken
apart); ``write_prepared`` adds the row ids and runs a fixed set of statements built once,
so that the process holding the store spends little per document. ``write_document`` is
the two in one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from demarche.store import registry, translations
from demarche.store import schema as t
from demarche.store.database import StoreError
from demarche.store.record import DocumentRecord, dumps

Row = dict[str, Any]


@dataclass(slots=True)
class RegistryFact:
    """One document's report of an agreement or dialogue format, with its evidence rows."""

    kind: str
    name_key: str  # already cut to the column's 512 characters
    parties: str
    fact: str
    evidence: list[Row]


@dataclass(slots=True)
class PreparedDocument:
    """A record as the rows the store keeps, without row ids: plain, picklable values."""

    content_hash: str
    analyzer_version: str
    document: Row  # the documents row, without ingested_at (the time of the write)
    actors: list[Row]
    mentions: list[Row]
    document_actors: list[str]
    events: list[Row]
    # per event: its (role, actor, person) rows and its (actor, role, counterpart) pairs
    event_actors: list[list[tuple[str, str, str | None]]]
    event_pairs: list[list[tuple[str, str, str]]]
    registry_facts: list[RegistryFact]
    relations: list[Row]
    stances: list[Row]
    rhetoric: list[Row]
    actor_ids: list[str] = field(default_factory=list)


def write_document(
    connection: Connection, record: DocumentRecord, known_actors: set[str] | frozenset = frozenset()
) -> tuple[int, bool]:
    """Store the record, replacing an older analysis of the same text. Returns its row id
    and whether anything was written: the same text stored by the same analyser version,
    e.g. by a concurrent ingest, is left as it is.

    ``known_actors`` are entity ids already in the actors table, skipped to save a write.
    """
    return write_prepared(connection, prepare(record), known_actors)


# -- statements, built once: building and hashing a statement per call cost more than
# running it

_documents = t.documents.c
_facts = t.registry_facts.c
_STORED = select(_documents.id, _documents.analyzer_version).where(
    _documents.content_hash == bindparam("content_hash")
)
_INSERT_DOCUMENT = insert(t.documents).returning(_documents.id)
_INSERT_FTS = text("INSERT INTO documents_fts(rowid, lemmas) VALUES (:id, :lemmas)")
_INSERT = {table.name: insert(table) for table in t.metadata.sorted_tables}
_RETURNING_IDS = {
    table.name: insert(table).returning(table.c.id, sort_by_parameter_order=True)
    for table in (t.events, t.registry_facts)
}
_IDS_OF_DOCUMENT = {
    table.name: select(table.c.id)
    .where(table.c.document_id == bindparam("document_id"))
    .order_by(table.c.id)
    for table in (t.events, t.registry_facts)
}
_IGNORING_CONFLICTS = {
    "postgresql": postgresql.insert(t.actors).on_conflict_do_nothing(),
    "sqlite": sqlite.insert(t.actors).on_conflict_do_nothing(),
}


def write_prepared(
    connection: Connection,
    prepared: PreparedDocument,
    known_actors: set[str] | frozenset = frozenset(),
) -> tuple[int, bool]:
    """``write_document`` for a record already prepared."""
    lock(connection, f"document:{prepared.content_hash}")
    stored = connection.execute(_STORED, {"content_hash": prepared.content_hash}).first()
    if stored is not None and stored.analyzer_version == prepared.analyzer_version:
        return stored.id, False
    existing = stored.id if stored is not None else None
    row = {**prepared.document, "ingested_at": datetime.now(UTC)}
    reported: set[tuple[str, str]] = set()
    if existing is not None:
        reported = registry.keys_of(connection, existing)
        delete_facts(connection, existing)
        connection.execute(update(t.documents).where(_documents.id == existing).values(**row))
        document_id = existing
    else:
        document_id = connection.execute(_INSERT_DOCUMENT, row).scalar_one()
    if connection.dialect.name == "sqlite":
        connection.execute(_INSERT_FTS, {"id": document_id, "lemmas": row["lemmas"]})
    actors = [a for a in prepared.actors if a["id"] not in known_actors]
    if actors:
        connection.execute(_IGNORING_CONFLICTS[connection.dialect.name], actors)
    common = {"document_id": document_id, "analyzer_version": prepared.analyzer_version}
    _insert(connection, "mentions", prepared.mentions, common)
    if prepared.document_actors:
        connection.execute(
            _INSERT["document_actors"],
            [{"document_id": document_id, "actor": code} for code in prepared.document_actors],
        )
    _write_events(connection, common, prepared)
    _write_registries(connection, common, prepared, reported)
    _insert(connection, "relations", prepared.relations, common)
    _insert(connection, "stances", prepared.stances, common)
    _insert(connection, "rhetoric", prepared.rhetoric, common)
    # In the same transaction: a document is never stored without its translation links.
    # A new row id has no links to drop: they would have gone with the row that had it.
    translations.link(connection, document_id, row, fresh=existing is None)
    return document_id, True


def _insert(connection: Connection, table: str, rows: list[Row], common: Row) -> None:
    if rows:
        connection.execute(_INSERT[table], [{**r, **common} for r in rows])


def _inserted_ids(connection: Connection, table: str, rows: list[Row]) -> list[int]:
    """Insert one document's rows; their ids, in the order of the rows. SQLAlchemy runs an
    insert returning ids in order once a row on SQLite; there one insert of all the rows and
    one read of the document's ids give the same, as SQLite hands out each new row id one
    past the largest (and a document's rows of this table are all written here)."""
    if connection.dialect.name != "sqlite":
        return list(connection.execute(_RETURNING_IDS[table], rows).scalars())
    connection.execute(_INSERT[table], rows)
    document_id = {"document_id": rows[0]["document_id"]}
    ids = list(connection.execute(_IDS_OF_DOCUMENT[table], document_id).scalars())
    if len(ids) != len(rows):  # never: the document's old rows were deleted first
        raise StoreError(f"{table}: {len(ids)} rows of the document for {len(rows)} written")
    return ids


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


def _write_events(connection: Connection, common: Row, prepared: PreparedDocument) -> None:
    if not prepared.events:
        return
    rows = [{**event, **common} for event in prepared.events]
    ids = _inserted_ids(connection, "events", rows)
    actors = [
        {"event_id": event_id, "role": role, "actor": actor, "person": person}
        for event_id, refs in zip(ids, prepared.event_actors, strict=True)
        for role, actor, person in refs
    ]
    if not actors:
        return
    connection.execute(_INSERT["event_actors"], actors)
    pairs = [
        {
            "event_id": event_id,
            "document_id": common["document_id"],
            "actor": actor,
            "role": role,
            "counterpart": counterpart,
            "type": event["type"],
            "quad_class": event["quad_class"],
            "month": event["month"],
        }
        for event_id, event, event_pairs in zip(ids, rows, prepared.event_pairs, strict=True)
        for actor, role, counterpart in event_pairs
    ]
    if pairs:
        connection.execute(_INSERT["event_pairs"], pairs)


def _write_registries(
    connection: Connection,
    common: Row,
    prepared: PreparedDocument,
    reported: set[tuple[str, str]],
) -> None:
    """``reported``: the (kind, name key) pairs the replaced analysis reported, relinked too."""
    facts = prepared.registry_facts
    touched = set(reported) | {(fact.kind, fact.name_key) for fact in facts}
    if not touched:
        return
    fact_ids: list[int] = []
    if facts:
        rows = [
            {
                **common,
                "kind": fact.kind,
                "name_key": fact.name_key,
                "parties": fact.parties,
                "fact": fact.fact,
            }
            for fact in facts
        ]
        fact_ids = _inserted_ids(connection, "registry_facts", rows)
    lock(connection, "registries")
    records = registry.relink_all(connection, sorted(touched))
    evidence: dict[str, list[Row]] = {"agreement_mentions": [], "format_rounds": []}
    for fact_id, fact in zip(fact_ids, facts, strict=True):
        # the record relinking just gave the fact's party set
        record_id = records[fact.kind, fact.name_key].get(fact.parties)
        table, link = (
            ("agreement_mentions", "agreement_id")
            if fact.kind == registry.AGREEMENT
            else ("format_rounds", "format_id")
        )
        evidence[table] += [
            {**r, **common, link: record_id, "fact_id": fact_id} for r in fact.evidence
        ]
    for table, rows in evidence.items():
        if rows:
            connection.execute(_INSERT[table], rows)


# -- preparing: everything that needs no database -------------------------------------------


def prepare(record: DocumentRecord) -> PreparedDocument:
    analysis = record.analysis
    facts = analysis["facts"]
    mentions = [
        {
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
    codes = {e["id"]: e.get("actor") for e in record.entities}
    present = {codes.get(m["actor_id"]) for m in mentions} - {None}
    events, event_actors, event_pairs = _prepare_events(record)
    return PreparedDocument(
        content_hash=record.content_hash,
        analyzer_version=record.analyzer_version,
        document=_document_row(record),
        actors=[_actor_row(e) for e in record.entities],
        mentions=mentions,
        document_actors=sorted(present),
        events=events,
        event_actors=event_actors,
        event_pairs=event_pairs,
        registry_facts=_prepare_registry_facts(record),
        relations=[
            {
                "a": r["a"],
                "b": r["b"],
                "kind": r["kind"],
                "since": r["since"],
                "summary": r["summary"],
                "start": r["evidence"]["start"],
                "end": r["evidence"]["end"],
            }
            for r in facts["relations"]
        ],
        stances=[
            {
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
        ],
        rhetoric=[
            {
                "kind": r["kind"],
                "text": r["text"],
                "gloss": r["gloss"],
                "start": r["start"],
                "end": r["end"],
            }
            for r in facts["rhetoric"]
        ],
        actor_ids=[e["id"] for e in record.entities],
    )


def _document_row(record: DocumentRecord) -> Row:
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
    }


def _actor_row(entity: dict[str, Any]) -> Row:
    return {
        "id": entity["id"],
        "kind": entity["kind"],
        "code": entity.get("actor"),
        "name_en": entity["name_en"],
        "name_ru": entity["name_ru"],
        "sector": entity.get("sector"),
        "country": entity.get("country"),
        "office": entity.get("office"),
        "wikidata": entity.get("wikidata"),
    }


def _prepare_events(
    record: DocumentRecord,
) -> tuple[list[Row], list[list[tuple[str, str, str | None]]], list[list[tuple[str, str, str]]]]:
    rows, actors, pairs = [], [], []
    for event in record.events:
        evidence = event["evidence"]
        trigger = evidence.get("trigger") or {}
        date = event["date"]
        rows.append(
            {
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
        refs: list[tuple[str, str, str | None]] = []
        seen = set()
        for role in ("source", "target"):
            for ref in event[role]:
                if (role, ref["code"]) not in seen:
                    seen.add((role, ref["code"]))
                    refs.append((role, ref["code"], ref.get("person")))
        actors.append(refs)
        pairs.append(_pairs(refs))
    return rows, actors, pairs


def _pairs(refs: list[tuple[str, str, str | None]]) -> list[tuple[str, str, str]]:
    """Each actor of an event paired with each actor on the other side, both directions:
    (actor, role, counterpart)."""
    return [
        (actor, role, other)
        for role, actor, _ in refs
        for other_role, other, _ in refs
        if other_role != role and other != actor
    ]


def _prepare_registry_facts(record: DocumentRecord) -> list[RegistryFact]:
    facts = record.analysis["facts"]
    prepared = []
    for agreement in facts["agreements"]:
        name_key = record.agreement_keys.get(agreement["id"]) or agreement["name_normal"].lower()
        evidence = [
            {
                "name_ru": agreement["name_ru"],
                "status": agreement["status"],
                "summary": agreement["summary"],
                "start": e["start"],
                "end": e["end"],
            }
            for e in agreement["evidence"]
        ]
        prepared.append(registry.prepare_fact(registry.AGREEMENT, name_key, agreement, evidence))
    for dialogue in facts["dialogue_formats"]:
        name_key = dialogue["key"].split(":", 1)[-1]
        rounds = [
            {
                "number": r["number"],
                "date": r["date"],
                "place": r["place"],
                "status": r["status"],
                "start": r["evidence"]["start"],
                "end": r["evidence"]["end"],
            }
            for r in dialogue["rounds"]
        ]
        prepared.append(registry.prepare_fact(registry.FORMAT, name_key, dialogue, rounds))
    return prepared


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
