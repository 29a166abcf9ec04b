"""Linking agreements and dialogue formats across documents, independent of ingest order.

Each document's report of an agreement or format is one ``registry_facts`` row (name key,
parties, the reported attributes). The records of a name key are recomputed from all its
rows on every write that touches the key: party sets that no other set contains are the
records; a smaller set (``RUS`` beside ``PRK;RUS``) joins the record containing it, the one
reported most often when several do. Every attribute is chosen from the whole group (the
highest status, the most reported signing date, the union of scopes), so the registry is a
function of the stored documents, not of the order they came in.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from sqlalchemy import Connection, delete, exists, func, insert, select, update

from demarche.store import schema as t

AGREEMENT = "agreement"
FORMAT = "format"

# A later status outranks an earlier one when documents report the same agreement.
STATUS_RANK = {
    "mentioned": 0,
    "planned": 1,
    "signed": 2,
    "ratified": 3,
    "in_force": 4,
    "suspended": 5,
    "withdrawn": 6,
}

_AGREEMENT_FIELDS = (
    "name_normal",
    "name_en",
    "kind",
    "signed",
    "signed_at",
    "valid",
    "scope",
    "status",
)
_FORMAT_FIELDS = ("name_ru", "name_en", "level", "launched_by")

Parties = frozenset[str]


def add_fact(
    connection: Connection,
    common: dict[str, Any],
    kind: str,
    name_key: str,
    fact: dict[str, Any],
) -> int:
    """Record one document's report of an agreement or format; returns the fact's row id."""
    fields = _AGREEMENT_FIELDS if kind == AGREEMENT else _FORMAT_FIELDS
    return connection.execute(
        insert(t.registry_facts)
        .values(
            **common,
            kind=kind,
            name_key=name_key[:512],
            parties=";".join(sorted(set(fact["parties"]))),
            fact=json.dumps({f: fact[f] for f in fields}, ensure_ascii=False, sort_keys=True),
        )
        .returning(t.registry_facts.c.id)
    ).scalar_one()


def record_of(connection: Connection, fact_id: int) -> int:
    return connection.execute(
        select(t.registry_facts.c.record_id).where(t.registry_facts.c.id == fact_id)
    ).scalar_one()


def keys_of(connection: Connection, document_id: int) -> set[tuple[str, str]]:
    """The (kind, name key) pairs a stored document reports."""
    f = t.registry_facts.c
    return set(
        connection.execute(
            select(f.kind, f.name_key).where(f.document_id == document_id).distinct()
        )
    )


def relink(connection: Connection, kind: str, name_key: str) -> None:
    """Recompute the records of one name key from every fact reported under it."""
    f = t.registry_facts.c
    table, evidence, link = (
        (t.agreements, t.agreement_mentions, "agreement_id")
        if kind == AGREEMENT
        else (t.dialogue_formats, t.format_rounds, "format_id")
    )
    variants: dict[Parties, Counter] = {}
    for parties, fact, count in connection.execute(
        select(f.parties, f.fact, func.count())
        .where(f.kind == kind, f.name_key == name_key)
        .group_by(f.parties, f.fact)
    ):
        variants.setdefault(frozenset(_split(parties)), Counter())[fact] += count
    groups = _groups({s: sum(c.values()) for s, c in variants.items()})
    members: dict[Parties, list[Parties]] = {}
    for parties, record in groups.items():
        members.setdefault(record, []).append(parties)
    existing = dict(
        connection.execute(
            select(table.c.key, table.c.id).where(table.c.name_key == name_key)
        ).all()
    )
    ids: dict[Parties, int] = {}
    for record, sets in members.items():
        chosen = sum((variants[s] for s in sets), Counter())
        own = variants[record]
        values = (
            _agreement(name_key, record, chosen, own)
            if kind == AGREEMENT
            else _format(name_key, record, chosen, own)
        )
        if values["key"] in existing:
            ids[record] = existing[values["key"]]
            connection.execute(update(table).where(table.c.id == ids[record]).values(**values))
        else:
            ids[record] = connection.execute(
                insert(table).values(**values).returning(table.c.id)
            ).scalar_one()
    for parties, record in groups.items():
        target = ids[record]
        same = (
            (f.kind == kind) & (f.name_key == name_key) & (f.parties == ";".join(sorted(parties)))
        )
        connection.execute(
            update(t.registry_facts)
            .where(same, func.coalesce(f.record_id, -1) != target)
            .values(record_id=target)
        )
        connection.execute(
            update(evidence)
            .where(
                evidence.c.fact_id.in_(select(f.id).where(same)),
                getattr(evidence.c, link) != target,
            )
            .values({link: target})
        )
    # Records of this name key that no fact maps to any more (a grown or regrouped party
    # set has a new key), unless evidence from before facts were recorded still cites them.
    cited = exists().where(getattr(evidence.c, link) == table.c.id)
    connection.execute(
        delete(table).where(
            table.c.name_key == name_key,
            table.c.id.not_in(list(ids.values()) or [-1]),
            ~cited,
        )
    )


def _groups(weights: dict[Parties, int]) -> dict[Parties, Parties]:
    """Each party set -> the record's party set: a set no other contains is a record; a
    contained one joins the most reported record containing it (ties: by the parties)."""
    records = [s for s in weights if not any(s < other for other in weights)]
    return {
        s: s
        if s in records
        else min((r for r in records if s < r), key=lambda r: (-weights[r], sorted(r)))
        for s in weights
    }


def _most_reported(values: Counter) -> Any:
    """The value most facts report, ties to the smallest; None when none reports one."""
    given = [(-count, json.dumps(v, sort_keys=True), v) for v, count in values.items() if v]
    return min(given)[2] if given else None


def _facts(counter: Counter) -> list[tuple[dict[str, Any], int]]:
    return [(json.loads(fact), count) for fact, count in counter.items()]


def _field(facts: list[tuple[dict[str, Any], int]], name: str) -> Counter:
    counts: Counter = Counter()
    for fact, count in facts:
        value = fact[name]
        counts[tuple(value) if isinstance(value, list) else value] += count
    return counts


def _name(own: list[tuple[dict[str, Any], int]], fields: tuple[str, ...]) -> tuple:
    """The naming fields of the variant the record's own party set reports most."""
    tally: Counter = Counter()
    for fact, count in own:
        tally[tuple(fact[f] or "" for f in fields)] += count
    return min(tally.items(), key=lambda item: (-item[1], item[0]))[0]


def _agreement(name_key: str, parties: Parties, group: Counter, own: Counter) -> dict[str, Any]:
    facts = _facts(group)
    name_ru, name_en, kind = _name(_facts(own), ("name_normal", "name_en", "kind"))
    valid = _most_reported(_field(facts, "valid"))
    statuses = {fact["status"] for fact, _ in facts}
    return {
        "key": f"{name_key}|{';'.join(sorted(parties))}"[:512],
        "name_key": name_key,
        "name_ru": name_ru,
        "name_en": name_en,
        "kind": kind,
        "parties": ";".join(sorted(parties)),
        "signed": _most_reported(_field(facts, "signed")),
        "signed_at": _most_reported(_field(facts, "signed_at")),
        "valid": "–".join(valid) if valid else None,
        "scope": json.dumps(
            sorted({s for fact, _ in facts for s in fact["scope"]}),
            ensure_ascii=False,
            separators=(",", ":"),
        ),
        "status": max(statuses, key=lambda s: (STATUS_RANK.get(s, 0), s)),
    }


def _format(name_key: str, parties: Parties, group: Counter, own: Counter) -> dict[str, Any]:
    facts = _facts(group)
    name_ru, name_en = _name(_facts(own), ("name_ru", "name_en"))
    launched_by = _most_reported(_field(facts, "launched_by"))
    return {
        "key": f"{';'.join(sorted(parties))}:{name_key}"[:512],
        "name_key": name_key,
        "name_ru": name_ru,
        "name_en": name_en,
        "parties": ";".join(sorted(parties)),
        "level": _most_reported(_field(facts, "level")),
        "launched_by": ";".join(launched_by or ()),
    }


def _split(value: str | None) -> list[str]:
    return [part for part in (value or "").split(";") if part]
