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

from sqlalchemy import Connection, bindparam, delete, exists, func, insert, select, update

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


def prepare_fact(kind: str, name_key: str, fact: dict[str, Any], evidence: list[dict[str, Any]]):
    """One document's report of an agreement or format as its ``registry_facts`` values,
    with its evidence rows (``agreement_mentions`` or ``format_rounds``, without ids)."""
    from demarche.store.writer import RegistryFact

    fields = _AGREEMENT_FIELDS if kind == AGREEMENT else _FORMAT_FIELDS
    return RegistryFact(
        kind=kind,
        name_key=name_key[:512],
        parties=";".join(sorted(set(fact["parties"]))),
        fact=json.dumps({f: fact[f] for f in fields}, ensure_ascii=False, sort_keys=True),
        evidence=evidence,
    )


def keys_of(connection: Connection, document_id: int) -> set[tuple[str, str]]:
    """The (kind, name key) pairs a stored document reports."""
    f = t.registry_facts.c
    return set(
        connection.execute(
            select(f.kind, f.name_key).where(f.document_id == document_id).distinct()
        )
    )


_f = t.registry_facts.c
_REGISTRY = {
    AGREEMENT: (t.agreements, t.agreement_mentions, "agreement_id"),
    FORMAT: (t.dialogue_formats, t.format_rounds, "format_id"),
}
# Statements built once (building one per call cost more than running it), each for all the
# name keys of one kind that a write touches.
_NAME_KEYS = bindparam("name_keys", expanding=True)
# (name key, parties, fact, record id, count): the variants, and which records the facts of
# each party set point to now
_VARIANTS = (
    select(_f.name_key, _f.parties, _f.fact, _f.record_id, func.count())
    .where(_f.kind == bindparam("kind"), _f.name_key.in_(_NAME_KEYS))
    .group_by(_f.name_key, _f.parties, _f.fact, _f.record_id)
)
_RECORDS = {
    kind: select(table).where(table.c.name_key.in_(_NAME_KEYS))
    for kind, (table, _, _) in _REGISTRY.items()
}
_SAME = (
    (_f.kind == bindparam("same_kind"))
    & (_f.name_key == bindparam("same_name_key"))
    & (_f.parties == bindparam("same_parties"))
)
_RELINK_FACTS = (
    update(t.registry_facts)
    .where(_SAME, func.coalesce(_f.record_id, -1) != bindparam("target"))
    .values(record_id=bindparam("target"))
)
_RELINK_EVIDENCE = {
    kind: update(evidence)
    .where(
        evidence.c.fact_id.in_(select(_f.id).where(_SAME)),
        getattr(evidence.c, link) != bindparam("target"),
    )
    .values({link: bindparam("target")})
    for kind, (_, evidence, link) in _REGISTRY.items()
}


def relink(connection: Connection, kind: str, name_key: str) -> dict[str, int]:
    """Recompute the records of one name key from every fact reported under it; returns
    each party set's record id (the party set as stored: ``PRK;RUS``)."""
    return relink_all(connection, [(kind, name_key)])[kind, name_key]


def relink_all(
    connection: Connection, keys: list[tuple[str, str]]
) -> dict[tuple[str, str], dict[str, int]]:
    """``relink`` for each (kind, name key) in turn, reading the facts and records of all of
    them at once. Only what changes is written: a record whose values stay, and facts
    already pointing to their record, are left alone; evidence moves only with a fact that
    pointed to another record (a new fact has none yet: its evidence is written after)."""
    variants: dict[tuple[str, str], dict[Parties, Counter]] = {}
    pointing: dict[tuple[str, str], dict[Parties, set[int | None]]] = {}
    existing: dict[tuple[str, str], dict[str, Any]] = {}
    for kind in sorted({kind for kind, _ in keys}):
        name_keys = sorted({name_key for k, name_key in keys if k == kind})
        rows = connection.execute(_VARIANTS, {"kind": kind, "name_keys": name_keys})
        for name_key, parties, fact, record_id, count in rows:
            party_set = frozenset(_split(parties))
            counter = variants.setdefault((kind, name_key), {}).setdefault(party_set, Counter())
            counter[fact] += count
            if parties == ";".join(sorted(party_set)):  # the facts relinking can reach
                by_parties = pointing.setdefault((kind, name_key), {})
                by_parties.setdefault(party_set, set()).add(record_id)
        records = connection.execute(_RECORDS[kind], {"name_keys": name_keys}).mappings()
        for row in records:
            existing.setdefault((kind, row["name_key"]), {})[row["key"]] = row
    linked = {}
    moved: list[dict[str, Any]] = []
    for kind, name_key in keys:
        ids, stale = _relink(
            connection,
            kind,
            name_key,
            variants.get((kind, name_key), {}),
            pointing.get((kind, name_key), {}),
            existing.get((kind, name_key), {}),
            moved,
        )
        if stale:
            # records are dropped in turn, as they were found: a dropped row id can be the
            # next one handed out, so the next key's new records must come after
            _move(connection, moved)
            _drop(connection, kind, name_key, list(ids.values()))
        linked[kind, name_key] = ids
    _move(connection, moved)
    return linked


def _relink(
    connection: Connection,
    kind: str,
    name_key: str,
    variants: dict[Parties, Counter],
    pointing: dict[Parties, set[int | None]],
    existing: dict[str, Any],
    moved: list[dict[str, Any]],
) -> tuple[dict[str, int], bool]:
    """One name key's records written; the moves of its facts added to ``moved``. Returns
    each party set's record id and whether a record of the key is left without facts."""
    table = _REGISTRY[kind][0]
    groups = _groups({s: sum(c.values()) for s, c in variants.items()})
    members: dict[Parties, list[Parties]] = {}
    for parties, record in groups.items():
        members.setdefault(record, []).append(parties)
    ids: dict[Parties, int] = {}
    for record, sets in members.items():
        chosen = sum((variants[s] for s in sets), Counter())
        own = variants[record]
        values = (
            _agreement(name_key, record, chosen, own)
            if kind == AGREEMENT
            else _format(name_key, record, chosen, own)
        )
        stored = existing.get(values["key"])
        if stored is not None:
            ids[record] = stored["id"]
            if any(stored[column] != value for column, value in values.items()):
                connection.execute(update(table).where(table.c.id == ids[record]).values(**values))
        else:
            ids[record] = connection.execute(
                insert(table).values(**values).returning(table.c.id)
            ).scalar_one()
    for parties, record in groups.items():
        before = pointing.get(parties, set()) - {ids[record]}
        if before:
            moved.append(
                {
                    "same_kind": kind,
                    "same_name_key": name_key,
                    "same_parties": ";".join(sorted(parties)),
                    "target": ids[record],
                    "evidence": bool(before - {None}),
                }
            )
    stale = bool({row["id"] for row in existing.values()} - set(ids.values()))
    return {";".join(sorted(p)): ids[record] for p, record in groups.items()}, stale


def _move(connection: Connection, moved: list[dict[str, Any]]) -> None:
    """Point facts to their records, and the evidence of facts that pointed elsewhere."""
    if not moved:
        return
    connection.execute(_RELINK_FACTS, [_bound(move) for move in moved])
    for kind in _REGISTRY:
        evidence = [_bound(m) for m in moved if m["evidence"] and m["same_kind"] == kind]
        if evidence:
            connection.execute(_RELINK_EVIDENCE[kind], evidence)
    moved.clear()


def _bound(move: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in move.items() if key != "evidence"}


def _drop(connection: Connection, kind: str, name_key: str, kept: list[int]) -> None:
    """Records of this name key that no fact maps to any more (a grown or regrouped party
    set has a new key), unless evidence from before facts were recorded still cites them."""
    table, evidence, link = _REGISTRY[kind]
    cited = exists().where(getattr(evidence.c, link) == table.c.id)
    connection.execute(
        delete(table).where(
            table.c.name_key == name_key,
            table.c.id.not_in(kept or [-1]),
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
