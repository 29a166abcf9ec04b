"""Questions analysts ask of a corpus: events, actor profiles, agreements, formats, networks.

Every function takes a SQLAlchemy connection and returns plain dicts and lists, so the CLI,
the web API and exports share one implementation.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy import func, select

from demarche.store import schema as t
from demarche.store.search import Filters, document_filter
from demarche.store.translations import translation, translations_of  # noqa: F401  (store.query)

# Registries list the newest evidence of each record; every piece stays in the store and in
# the exports, but a record reported by 10k documents should not carry 10k spans to a page.
EVIDENCE_LIMIT = 50


def _documents_where(filters: Filters | None) -> list:
    return document_filter(filters) if filters else []


def _restricted(statement, document_id, filters: Filters | None):
    """Join the documents table only when a filter needs it: the join costs at 100k rows."""
    conditions = _documents_where(filters)
    if not conditions:
        return statement
    return statement.join(t.documents, t.documents.c.id == document_id).where(*conditions)


def events(
    connection,
    filters: Filters | None = None,
    source: str | None = None,
    target: str | None = None,
    event_type: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    e = t.events.c
    statement = select(
        e.id,
        e.document_id,
        e.type,
        e.mode,
        e.context,
        e.source,
        e.target,
        e.date,
        e.location,
        e.aux,
        e.confidence,
        e.quad_class,
        e.cameo,
        e.goldstein,
        e.summary,
        e.start,
        e.end,
        e.trigger_start,
        e.trigger_end,
        e.event_key,
    )
    statement = _restricted(statement, e.document_id, filters).where(
        *_event_conditions(source, target, event_type)
    )
    rows = connection.execute(
        statement.order_by(e.date.desc(), e.id).limit(limit).offset(offset)
    ).mappings()
    return [dict(row) for row in rows]


def _event_conditions(source, target, event_type) -> list:
    e = t.events.c
    conditions = []
    if event_type:
        conditions.append(e.type == event_type.upper())
    if source and target:
        # One pass over the pairs index instead of intersecting every event of each side.
        pairs = t.event_pairs.c
        conditions.append(
            e.id.in_(
                select(pairs.event_id).where(
                    pairs.actor == source, pairs.role == "source", pairs.counterpart == target
                )
            )
        )
        return conditions
    for role, code in (("source", source), ("target", target)):
        if code:
            conditions.append(
                e.id.in_(
                    select(t.event_actors.c.event_id).where(
                        t.event_actors.c.actor == code, t.event_actors.c.role == role
                    )
                )
            )
    return conditions


def events_total(
    connection,
    filters: Filters | None = None,
    source: str | None = None,
    target: str | None = None,
    event_type: str | None = None,
) -> int:
    """How many events ``events`` would page through with the same arguments."""
    statement = _restricted(
        select(func.count()).select_from(t.events), t.events.c.document_id, filters
    )
    return connection.execute(
        statement.where(*_event_conditions(source, target, event_type))
    ).scalar_one()


def mentions_of(connection, event_key: str) -> int:
    """How many stored documents report the same event (GDELT's NumMentions)."""
    return connection.execute(
        select(func.count(func.distinct(t.events.c.document_id))).where(
            t.events.c.event_key == event_key
        )
    ).scalar_one()


def actor_profile(connection, actor: str, filters: Filters | None = None) -> dict[str, Any]:
    """Whom the actor meets, supports and accuses, and who does so to it, month by month."""
    p = t.event_pairs.c
    statement = _restricted(
        select(p.role, p.counterpart, p.type, p.month, func.count().label("n"))
        .where(p.actor == actor)
        .group_by(p.role, p.type, p.month, p.counterpart),
        p.document_id,
        filters,
    )
    by_month: dict[str, Counter] = defaultdict(Counter)
    counterparts: dict[str, dict[str, Counter]] = {"as_source": {}, "as_target": {}}
    totals: Counter = Counter()
    for role, counterpart, event_type, month, n in connection.execute(statement):
        side = "as_source" if role == "source" else "as_target"
        counterparts[side].setdefault(event_type, Counter())[counterpart] += n
        if role == "source":
            by_month[month or "unknown"][event_type] += n
            totals[event_type] += n
    name = connection.execute(
        select(t.actors.c.name_en)
        .where(t.actors.c.code == actor)
        .order_by(t.actors.c.kind.notin_(("state", "organization")), t.actors.c.kind)
    ).first()
    documents = connection.execute(
        _restricted(
            select(func.count()).where(t.document_actors.c.actor == actor),
            t.document_actors.c.document_id,
            filters,
        )
    ).scalar_one()
    return {
        "actor": actor,
        "name": name[0] if name else actor,
        "documents": documents,
        "totals": dict(totals.most_common()),
        "by_month": {m: dict(c) for m, c in sorted(by_month.items())},
        "counterparts": {
            side: {kind: dict(c.most_common(10)) for kind, c in sorted(kinds.items())}
            for side, kinds in counterparts.items()
        },
    }


def _cited_agreements(filters: Filters | None):
    m = t.agreement_mentions.c
    return _restricted(select(m.agreement_id).distinct(), m.document_id, filters)


def agreements_total(connection, filters: Filters | None = None) -> int:
    """How many agreements the documents under ``filters`` cite."""
    cited = _cited_agreements(filters).subquery()
    return connection.execute(select(func.count()).select_from(cited)).scalar_one()


def agreements(
    connection,
    filters: Filters | None = None,
    evidence_limit: int | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """The agreements registry by signing date and name, one record per agreement with its
    first ``evidence_limit`` (default ``EVIDENCE_LIMIT``) pieces of evidence in document
    order, and how many pieces and documents there are. ``limit``/``offset`` page in SQL, so
    a page costs its own agreements, not the whole registry."""
    evidence_limit = evidence_limit or EVIDENCE_LIMIT
    a, m = t.agreements.c, t.agreement_mentions.c
    order = (func.coalesce(a.signed, ""), a.name_en, a.key)
    # A subquery, not a list of ids: a whole registry would overflow SQLite's bound parameters.
    page = (
        select(a.id)
        .where(a.id.in_(_cited_agreements(filters)))
        .order_by(*order)
        .limit(limit)
        .offset(offset)
    )
    rows = (
        connection.execute(select(t.agreements).where(a.id.in_(page)).order_by(*order))
        .mappings()
        .all()
    )
    totals = {
        agreement_id: (pieces, documents)
        for agreement_id, pieces, documents in connection.execute(
            _restricted(
                select(m.agreement_id, func.count(), func.count(func.distinct(m.document_id)))
                .where(m.agreement_id.in_(page))
                .group_by(m.agreement_id),
                m.document_id,
                filters,
            )
        )
    }
    first = func.row_number().over(partition_by=m.agreement_id, order_by=(m.document_id, m.start))
    numbered = _restricted(
        select(m.id, first.label("n")).where(m.agreement_id.in_(page)), m.document_id, filters
    ).subquery()
    shown = select(numbered.c.id).where(numbered.c.n <= evidence_limit)
    evidence: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in connection.execute(
        select(m.agreement_id, m.document_id, m.start, m.end, m.name_ru)
        .where(m.id.in_(shown))
        .order_by(m.agreement_id, m.document_id, m.start)
    ).mappings():
        evidence[row["agreement_id"]].append(
            {
                "document_id": row["document_id"],
                "start": row["start"],
                "end": row["end"],
                "text": row["name_ru"],
            }
        )
    return [
        {
            "id": row["id"],
            "name_en": row["name_en"],
            "name_ru": row["name_ru"],
            "kind": row["kind"],
            "parties": _split(row["parties"]),
            "signed": row["signed"],
            "signed_at": row["signed_at"],
            "valid": row["valid"],
            "scope": json.loads(row["scope"]),
            "status": row["status"],
            "documents": sorted({e["document_id"] for e in evidence[row["id"]]}),
            "document_count": totals[row["id"]][1],
            "evidence": evidence[row["id"]],
            "evidence_count": totals[row["id"]][0],
        }
        for row in rows
    ]


def _listed_formats(filters: Filters | None):
    """Every format; under filters, those with a round in a matching document."""
    f, r = t.dialogue_formats.c, t.format_rounds.c
    if not _documents_where(filters):
        return select(f.id)
    return _restricted(select(r.format_id).distinct(), r.document_id, filters)


def dialogue_formats_total(connection, filters: Filters | None = None) -> int:
    listed = _listed_formats(filters).subquery()
    return connection.execute(select(func.count()).select_from(listed)).scalar_one()


def dialogue_formats(
    connection, filters: Filters | None = None, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Each dialogue format with its rounds in order: a timeline across documents. Each round
    lists up to ``EVIDENCE_LIMIT`` pieces of evidence and counts them all. ``limit``/``offset``
    page over formats in SQL."""
    f, r = t.dialogue_formats.c, t.format_rounds.c
    page = (
        select(f.id)
        .where(f.id.in_(_listed_formats(filters)))
        .order_by(f.name_en, f.key)
        .limit(limit)
        .offset(offset)
    )
    formats = {
        row["id"]: {
            "id": row["id"],
            "key": row["key"],
            "name_en": row["name_en"],
            "name_ru": row["name_ru"],
            "parties": _split(row["parties"]),
            "level": row["level"],
            "launched_by": _split(row["launched_by"]),
            "rounds": {},
            "documents": set(),
        }
        for row in connection.execute(
            select(t.dialogue_formats).where(f.id.in_(page)).order_by(f.name_en, f.key)
        ).mappings()
    }
    rows = connection.execute(
        _restricted(
            select(
                r.format_id, r.document_id, r.number, r.date, r.place, r.status, r.start, r.end
            ).where(r.format_id.in_(page)),
            r.document_id,
            filters,
        ).order_by(r.format_id, r.number, r.date, r.place)
    ).mappings()
    for row in rows:
        record = formats[row["format_id"]]
        record["documents"].add(row["document_id"])
        key = row["number"] if row["number"] is not None else f"date:{row['date']}"
        round_ = record["rounds"].setdefault(
            key,
            {
                "number": row["number"],
                "date": row["date"],
                "place": row["place"],
                "status": row["status"],
                "evidence": [],
            },
        )
        round_["date"] = _more_precise(round_["date"], row["date"])
        round_["place"] = round_["place"] or row["place"]  # the first in place order
        if row["status"] == "held":
            round_["status"] = "held"
        round_["evidence_count"] = round_.get("evidence_count", 0) + 1
        if len(round_["evidence"]) < EVIDENCE_LIMIT:
            round_["evidence"].append(
                {"document_id": row["document_id"], "start": row["start"], "end": row["end"]}
            )
    result = []
    for record in formats.values():
        record["rounds"] = sorted(
            record["rounds"].values(), key=lambda x: (x["number"] or 0, x["date"] or "")
        )
        record["document_count"] = len(record["documents"])
        record["documents"] = sorted(record["documents"])[-EVIDENCE_LIMIT:]
        result.append(record)
    return result


def network(connection, filters: Filters | None = None) -> dict[str, Any]:
    """Actors as nodes; event counts by quad class and declared relations as edges."""
    p = t.event_pairs.c
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    rows = connection.execute(
        _restricted(
            select(p.actor, p.counterpart, p.quad_class, p.type, func.count())
            .where(p.role == "source")
            .group_by(p.actor, p.counterpart, p.quad_class, p.type),
            p.document_id,
            filters,
        )
    )
    for a, b, quad, event_type, n in rows:
        edge = edges.setdefault((a, b), _edge())
        edge["events"] += n
        edge["quad_classes"][str(quad)] = edge["quad_classes"].get(str(quad), 0) + n
        edge["types"][event_type] = edge["types"].get(event_type, 0) + n
    relations_ = t.relations.c
    relation_rows = connection.execute(
        _restricted(
            select(relations_.a, relations_.b, relations_.kind, func.count()).group_by(
                relations_.a, relations_.b, relations_.kind
            ),
            relations_.document_id,
            filters,
        )
    )
    for a, b, kind, n in relation_rows:
        edge = edges.setdefault((a, b), _edge())
        edge["relations"][kind] = edge["relations"].get(kind, 0) + n
    codes = sorted({code for pair in edges for code in pair})
    names = dict(
        connection.execute(
            select(t.actors.c.code, t.actors.c.name_en).where(
                t.actors.c.code.in_(codes), t.actors.c.kind.in_(("state", "organization"))
            )
        ).all()
    )
    return {
        "nodes": [{"id": code, "name": names.get(code, code)} for code in codes],
        "edges": [
            {"source": a, "target": b, **edge, "dominant_quad": _dominant(edge)}
            for (a, b), edge in sorted(edges.items())
        ],
    }


def stance_trend(
    connection, holder: str, target: str, filters: Filters | None = None
) -> list[dict[str, Any]]:
    """Month by month: how often the holder spoke of the target positively or negatively."""
    s = t.stances.c
    months: dict[str, dict[str, Any]] = {}
    rows = connection.execute(
        _restricted(
            select(s.date, s.polarity, s.score).where(s.holder == holder, s.target == target),
            s.document_id,
            filters,
        ).order_by(s.date)
    )
    for day, polarity, score in rows:
        month = day.isoformat()[:7] if isinstance(day, date) else "unknown"
        entry = months.setdefault(
            month, {"month": month, "positive": 0, "negative": 0, "mixed": 0, "score": 0.0}
        )
        entry[polarity] += 1
        entry["score"] += score
    return list(months.values())


def overview(connection) -> dict[str, Any]:
    d = t.documents.c
    first, last = connection.execute(select(func.min(d.date), func.max(d.date))).one()
    present = t.document_actors.c
    states_and_bodies = select(t.actors.c.code).where(
        t.actors.c.kind.in_(("state", "organization"))
    )
    top_actors = connection.execute(
        select(present.actor, func.count().label("n"))
        .where(present.actor.in_(states_and_bodies))
        .group_by(present.actor)
        .order_by(func.count().desc(), present.actor)
        .limit(10)
    ).all()
    event_types = connection.execute(
        select(t.events.c.type, func.count())
        .group_by(t.events.c.type)
        .order_by(func.count().desc(), t.events.c.type)
    ).all()
    return {
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
        "top_actors": [{"actor": a, "documents": n} for a, n in top_actors],
        "event_types": dict(event_types),
    }


# -- paged listings for the web API: (rows, total) ---------------------------------------------


def documents(
    connection, filters: Filters | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Documents without their text, newest first."""
    d = t.documents.c
    conditions = _documents_where(filters)
    rows = connection.execute(
        select(
            d.id,
            d.title,
            d.date,
            d.genre,
            d.speaker,
            d.speaker_name,
            d.place,
            d.source,
            d.url,
            d.length,
        )
        .where(*conditions)
        .order_by(d.date.desc().nulls_last(), d.id.desc())
        .limit(limit)
        .offset(offset)
    ).mappings()
    total = connection.execute(
        select(func.count()).select_from(t.documents).where(*conditions)
    ).scalar_one()
    return [dict(row) for row in rows], total


def actors(
    connection,
    kind: str | None = None,
    code: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """Rows of the actors table with their mention and document counts, most cited first."""
    a, m = t.actors.c, t.mentions.c
    conditions = []
    if kind:
        conditions.append(a.kind == kind)
    if code:
        conditions.append(a.code == code)
    counts = (
        select(
            m.actor_id,
            func.count().label("mentions"),
            func.count(func.distinct(m.document_id)).label("documents"),
        )
        .group_by(m.actor_id)
        .subquery()
    )
    documents_n = func.coalesce(counts.c.documents, 0)
    rows = connection.execute(
        select(
            *t.actors.columns,
            documents_n.label("documents"),
            func.coalesce(counts.c.mentions, 0).label("mentions"),
        )
        .outerjoin(counts, counts.c.actor_id == a.id)
        .where(*conditions)
        .order_by(documents_n.desc(), a.id)
        .limit(limit)
        .offset(offset)
    ).mappings()
    total = connection.execute(
        select(func.count()).select_from(t.actors).where(*conditions)
    ).scalar_one()
    return [dict(row) for row in rows], total


def relations(
    connection,
    filters: Filters | None = None,
    actor: str | None = None,
    kind: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """Declared relations (strategic partnership, alliance …), with their evidence offsets."""
    r = t.relations.c
    conditions = []
    if actor:
        conditions.append((r.a == actor) | (r.b == actor))
    if kind:
        conditions.append(r.kind == kind)
    return _paged(
        connection,
        select(r.id, r.document_id, r.a, r.b, r.kind, r.since, r.summary, r.start, r.end),
        t.relations,
        filters,
        conditions,
        (t.documents.c.date.desc().nulls_last(), r.id),
        limit,
        offset,
    )


def stances(
    connection,
    filters: Filters | None = None,
    holder: str | None = None,
    target: str | None = None,
    polarity: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """Who spoke of whom positively or negatively, with the evidence offsets."""
    s = t.stances.c
    conditions = []
    for column, value in ((s.holder, holder), (s.target, target), (s.polarity, polarity)):
        if value:
            conditions.append(column == value)
    return _paged(
        connection,
        select(
            s.id,
            s.document_id,
            s.holder,
            s.target,
            s.polarity,
            s.score,
            s.date,
            s.summary,
            s.start,
            s.end,
        ),
        t.stances,
        filters,
        conditions,
        (s.date.desc().nulls_last(), s.id),
        limit,
        offset,
    )


def search_total(connection, query: str, morphology, filters: Filters | None = None) -> int:
    """How many documents ``search`` would page through for the query and filters."""
    from demarche.store.search import _ranked, _safe, query_terms

    terms = [{_safe(w) for w in words if _safe(w)} for words in query_terms(query, morphology)]
    terms = [words for words in terms if words]
    if not terms:
        return 0
    statement = (
        _ranked(connection.dialect.name, terms)
        .with_only_columns(t.documents.c.id, maintain_column_froms=True)
        .order_by(None)
        .where(*_documents_where(filters))
    )
    return connection.execute(select(func.count()).select_from(statement.subquery())).scalar_one()


def _paged(connection, statement, table, filters, conditions, order, limit, offset):
    """One page of rows in document order, and the total, which joins the documents only when
    a filter needs them."""
    joined = statement.join(t.documents, t.documents.c.id == table.c.document_id).where(
        *_documents_where(filters), *conditions
    )
    rows = connection.execute(joined.order_by(*order).limit(limit).offset(offset)).mappings()
    counted = select(func.count()).select_from(table).where(*conditions)
    total = connection.execute(_restricted(counted, table.c.document_id, filters)).scalar_one()
    return [dict(row) for row in rows], total


def _edge() -> dict[str, Any]:
    return {"events": 0, "quad_classes": {}, "types": {}, "relations": {}}


def _dominant(edge: dict[str, Any]) -> int | None:
    if not edge["quad_classes"]:
        return None
    quad, _ = max(edge["quad_classes"].items(), key=lambda item: item[1])
    return int(quad) if quad not in ("None", "") else None


def _split(value: str | None) -> list[str]:
    return [part for part in (value or "").split(";") if part]


def _more_precise(a: str | None, b: str | None) -> str | None:
    return max(a, b, key=lambda x: len(x or "")) if a or b else None


# -- codes: what an actor filter or an event type may be -------------------------------------


def actor_codes(connection, counts: bool = True) -> list[dict[str, Any]]:
    """Every actor code a filter accepts: the gazetteer's states and organisations, and any
    other code in the store, with names and how many stored documents mention each."""
    from demarche.data import load_json

    known: dict[str, dict[str, Any]] = {}
    for state in load_json("actors/states.json")["states"]:
        known[state["code"]] = {
            "code": state["code"],
            "name": state["name_en"],
            "kind": "state",
            "names": [state["name_en"], *state.get("names_ru", [])],
        }
    for org in load_json("actors/organizations.json")["organizations"]:
        known[org["code"]] = {
            "code": org["code"],
            "name": org["full_name_en"],
            "kind": "organization",
            "names": [org["name_en"], org["full_name_en"], *org.get("names_ru", [])],
        }
    a = t.actors.c
    stored = connection.execute(
        select(a.code, a.kind, a.name_en, a.name_ru)
        .where(a.code.is_not(None), a.kind.in_(("state", "organization")))
        .order_by(a.code)
    ).all()
    for code, kind, name_en, name_ru in stored:
        known.setdefault(code, {"code": code, "name": name_en, "kind": kind, "names": []})
        known[code]["names"] += [n for n in (name_en, name_ru) if n]
    documents: dict[str, int] = {}
    if counts:
        present = t.document_actors.c
        documents = dict(
            connection.execute(select(present.actor, func.count()).group_by(present.actor)).all()
        )
    return [
        {**item, "names": sorted(set(item["names"])), "documents": documents.get(code, 0)}
        for code, item in sorted(known.items())
    ]


def event_types(connection: Any = None) -> list[dict[str, Any]]:
    """The PLOVER event types with their definition, quad class and modes (the connection is
    unused: the list is the ontology's, taken so ``Store.query`` can call it like the rest)."""
    from demarche.data import load_json

    return [
        {
            "type": name,
            "definition": info.get("definition", ""),
            "quad_class": info.get("quad_code"),
            "modes": info.get("modes", []),
        }
        for name, info in load_json("ontology/plover.json")["events"].items()
    ]


def resolve_actor(connection, text: str) -> tuple[str | None, list[dict[str, Any]]]:
    """(the code ``text`` is, in any case, or None; the closest known codes when it is none).

    Names count for the suggestions: "North Korea" suggests PRK first.
    """
    wanted = " ".join(text.split()).casefold()
    a = t.actors.c
    # An entity id (person:sergey-lavrov) is matched as stored.
    entity = select(a.id).where(a.id == text.strip()).limit(1)
    if ":" in text and connection.execute(entity).first():
        return text.strip(), []
    # The usual case, a stored code, costs one indexed lookup.
    if connection.execute(select(a.code).where(a.code == text.strip().upper()).limit(1)).first():
        return text.strip().upper(), []
    codes = actor_codes(connection, counts=False)
    for item in codes:
        if item["code"].casefold() == wanted:
            return item["code"], []
    # A name is a suggestion, not an answer: the user learns the code (and filters stay codes).
    by_name = [i for i in codes if wanted in {n.casefold() for n in i["names"]}]
    rest = [i for i in _closest(wanted, codes) if i not in by_name]
    return None, (by_name + rest)[:3]


def resolve_event_type(text: str) -> tuple[str | None, list[dict[str, Any]]]:
    """(the PLOVER type ``text`` names in any case, or None; the closest types)."""
    types = event_types()
    wanted = text.strip().upper()
    if any(item["type"] == wanted for item in types):
        return wanted, []
    import difflib

    close = difflib.get_close_matches(wanted, [i["type"] for i in types], n=3, cutoff=0.4)
    return None, [i for name in close for i in types if i["type"] == name]


def _closest(wanted: str, codes: list[dict[str, Any]], n: int = 3) -> list[dict[str, Any]]:
    """The codes whose code or a name is most like ``wanted`` (difflib ratio)."""
    import difflib

    scored: dict[str, float] = {}
    for item in codes:
        for candidate in [item["code"], *item["names"]]:
            ratio = difflib.SequenceMatcher(None, wanted, candidate.casefold()).ratio()
            # A query inside a longer name ("korea" in "north korea") is a strong hint.
            if len(wanted) >= 3 and wanted in candidate.casefold():
                ratio = max(ratio, 0.8)
            scored[item["code"]] = max(scored.get(item["code"], 0.0), ratio)
    best = sorted((c for c in scored if scored[c] >= 0.5), key=lambda c: (-scored[c], c))[:n]
    by_code = {item["code"]: item for item in codes}
    return [by_code[c] for c in best]


# -- the events table: a filtered view with facets and a timeline ------------------------------

EVENT_FACETS = ("actor", "type", "month", "genre")


def _event_view(view: dict[str, str | None]) -> list:
    """Conditions on events for the facet values chosen (actor, type, month, genre)."""
    e, d = t.events.c, t.documents.c
    conditions = []
    if view.get("actor"):
        conditions.append(
            e.id.in_(
                select(t.event_actors.c.event_id).where(t.event_actors.c.actor == view["actor"])
            )
        )
    if view.get("type"):
        conditions.append(e.type == view["type"])
    if view.get("month"):
        conditions.append(e.month == view["month"])
    if view.get("genre"):
        conditions.append(e.document_id.in_(select(d.id).where(d.genre == view["genre"])))
    return conditions


def event_table(
    connection, view: dict[str, str | None], limit: int = 50, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """A page of the view's events, newest first, with their document's title and genre; and
    how many events the view has."""
    rows = list(iter_event_table(connection, view, limit, offset))
    total = connection.execute(
        select(func.count()).select_from(t.events).where(*_event_view(view))
    ).scalar_one()
    return rows, total


def iter_event_table(
    connection, view: dict[str, str | None], limit: int | None = None, offset: int = 0
) -> Iterator[dict[str, Any]]:
    """The view's events one by one (every one when ``limit`` is None), read in batches so an
    export of a million events never holds them all."""
    from demarche.facts.events.modality import modality_of

    e, d = t.events.c, t.documents.c
    statement = (
        select(
            e.id,
            e.document_id,
            d.title.label("document_title"),
            d.genre,
            e.date,
            e.month,
            e.type,
            e.mode,
            e.source,
            e.target,
            e.location,
            e.aux,
            e.record,
            e.summary,
            e.start,
            e.end,
        )
        .join(t.documents, d.id == e.document_id)
        .where(*_event_view(view))
        .order_by(e.month.desc(), e.date.desc(), e.id)
    )
    if limit is not None:
        statement = statement.limit(limit).offset(offset)
    result = connection.execution_options(yield_per=1000).execute(statement).mappings()
    for row in result:
        item = dict(row)
        aux = [a for a in (item.pop("aux") or "").split(",") if a]
        # The record knows the modality the analysis gave (a denial that turned the act into
        # its opposite is no denied act); records stored before it carry one are derived.
        record = json.loads(item.pop("record") or "{}")
        item["modality"] = record.get("modality") or modality_of(aux)
        yield item


def event_facets(
    connection, view: dict[str, str | None], size: int = 30
) -> dict[str, list[tuple[str, int]]]:
    """For each facet, its values in the view with their event counts, the most frequent first
    (months in order). Each facet ignores its own choice, so the other values stay visible."""
    e, d = t.events.c, t.documents.c
    facets: dict[str, list[tuple[str, int]]] = {}
    for name in EVENT_FACETS:
        others = _event_view({k: v for k, v in view.items() if k != name})
        if name == "actor":
            ea = t.event_actors.c
            n = func.count(func.distinct(ea.event_id))
            statement = (
                select(ea.actor, n)
                .join(t.events, e.id == ea.event_id)
                .where(*others)
                .group_by(ea.actor)
                .order_by(n.desc(), ea.actor)
            )
        elif name == "genre":
            statement = (
                select(d.genre, func.count())
                .join(t.events, e.document_id == d.id)
                .where(d.genre.is_not(None), *others)
                .group_by(d.genre)
                .order_by(func.count().desc(), d.genre)
            )
        else:
            column = e.type if name == "type" else e.month
            order = [column.desc()] if name == "month" else [func.count().desc(), column]
            statement = (
                select(column, func.count())
                .where(column.is_not(None), *others)
                .group_by(column)
                .order_by(*order)
            )
        limit = None if name == "month" else size
        rows = connection.execute(statement.limit(limit) if limit else statement).all()
        facets[name] = [(str(value), count) for value, count in rows if value]
    return facets


def events_per_month(connection, view: dict[str, str | None]) -> list[tuple[str, int]]:
    """The corpus timeline: events per month in the view (any month choice aside), in order."""
    e = t.events.c
    others = _event_view({k: v for k, v in view.items() if k != "month"})
    rows = connection.execute(
        select(e.month, func.count())
        .where(e.month.is_not(None), *others)
        .group_by(e.month)
        .order_by(e.month)
    ).all()
    return [(month, count) for month, count in rows if month]
