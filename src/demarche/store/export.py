"""Datasets out of the store: PLOVER JSONL, GDELT-style TSV, CSV and Parquet per table, GraphML.

All exports take the same ``Filters`` as the queries, applied through each row's document.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, TextIO

import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Table, and_, func, select

from demarche.output.gdelt import COLUMNS as GDELT_COLUMNS
from demarche.store import queries
from demarche.store import schema as t
from demarche.store.search import Filters, document_filter

TABLES: dict[str, Table] = {
    "documents": t.documents,
    "mentions": t.mentions,
    "actors": t.actors,
    "events": t.events,
    "event_actors": t.event_actors,
    "agreements": t.agreements,
    "agreement_mentions": t.agreement_mentions,
    "dialogue_formats": t.dialogue_formats,
    "format_rounds": t.format_rounds,
    "relations": t.relations,
    "stances": t.stances,
    "rhetoric": t.rhetoric,
}
# Bulky columns left out of tabular exports; the JSON analysis is one API call away.
_LEFT_OUT = {"documents": {"analysis", "lemmas"}, "events": {"record"}}


def table_rows(connection, name: str, filters: Filters | None = None):
    table = TABLES[name]
    columns = [c for c in table.columns if c.name not in _LEFT_OUT.get(name, set())]
    statement = select(*columns)
    conditions = document_filter(filters) if filters else []
    if conditions:
        if name == "documents":
            statement = statement.where(and_(*conditions))
        elif "document_id" in table.c:
            statement = statement.join(t.documents, t.documents.c.id == table.c.document_id).where(
                and_(*conditions)
            )
        elif name == "event_actors":
            statement = (
                statement.join(t.events, t.events.c.id == table.c.event_id)
                .join(t.documents, t.documents.c.id == t.events.c.document_id)
                .where(and_(*conditions))
            )
    order = [c for c in table.primary_key.columns]
    return [c.name for c in columns], connection.execute(statement.order_by(*order))


def write_csv(connection, directory: Path, filters: Filters | None = None) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        header, rows = table_rows(connection, name, filters)
        path = directory / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
        written.append(path)
    return written


def write_parquet(connection, directory: Path, filters: Filters | None = None) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        header, rows = table_rows(connection, name, filters)
        columns: dict[str, list[Any]] = {column: [] for column in header}
        for row in rows:
            for column, value in zip(header, row, strict=True):
                columns[column].append(value)
        path = directory / f"{name}.parquet"
        pq.write_table(pa.table(columns), path)
        written.append(path)
    return written


def write_plover(connection, out: TextIO, filters: Filters | None = None) -> int:
    statement = select(t.events.c.record).join(
        t.documents, t.documents.c.id == t.events.c.document_id
    )
    conditions = document_filter(filters) if filters else []
    if conditions:
        statement = statement.where(and_(*conditions))
    count = 0
    for (record,) in connection.execute(statement.order_by(t.events.c.id)):
        out.write(record + "\n")
        count += 1
    return count


def write_gdelt(connection, out: TextIO, filters: Filters | None = None) -> int:
    """One dyadic row per source x target; NumMentions counts documents reporting the event."""
    e = t.events.c
    mentions = (
        select(e.event_key, func.count(func.distinct(e.document_id)).label("n"))
        .group_by(e.event_key)
        .subquery()
    )
    statement = (
        select(t.events, t.documents.c.url, t.documents.c.source.label("doc_source"), mentions.c.n)
        .join(t.documents, t.documents.c.id == e.document_id)
        .join(mentions, mentions.c.event_key == e.event_key)
    )
    conditions = document_filter(filters) if filters else []
    if conditions:
        statement = statement.where(and_(*conditions))
    out.write("\t".join(GDELT_COLUMNS) + "\n")
    count = 0
    for row in connection.execute(statement.order_by(e.id)).mappings():
        record = json.loads(row["record"])
        sources = record.get("actor") or []
        targets = record.get("recipient") or [None]
        pairs = [(s, r) for s in sources for r in targets if r is None or r["code"] != s["code"]]
        for number, (source, target) in enumerate(pairs):
            cells = [
                f"{row['id']}-{number}",
                (row["date"] or "").replace("-", ""),
                source["code"],
                source.get("identifier_text") or source["code"],
                _country(source),
                source.get("sector") or "",
                target["code"] if target else "",
                (target.get("identifier_text") or target["code"]) if target else "",
                _country(target) if target else "",
                (target.get("sector") or "") if target else "",
                "1",
                row["cameo"] or "",
                (row["cameo"] or "")[:3],
                (row["cameo"] or "")[:2],
                "" if row["quad_class"] is None else str(row["quad_class"]),
                "" if row["goldstein"] is None else str(row["goldstein"]),
                str(row["n"]),
                row["location"] or "",
                "",
                row["url"] or row["doc_source"],
                row["type"],
                row["mode"],
                str(row["start"]),
                str(row["end"]),
            ]
            out.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells) + "\n")
            count += 1
    return count


def _country(entity: dict[str, Any]) -> str:
    code = entity.get("code") or ""
    return code if len(code) == 3 and code.isupper() else ""


def write_graphml(connection, path: Path, filters: Filters | None = None) -> tuple[int, int]:
    data = queries.network(connection, filters)
    graph = nx.DiGraph()
    for node in data["nodes"]:
        graph.add_node(node["id"], name=node["name"])
    for edge in data["edges"]:
        graph.add_edge(
            edge["source"],
            edge["target"],
            events=edge["events"],
            dominant_quad=edge["dominant_quad"] if edge["dominant_quad"] is not None else -1,
            types=json.dumps(edge["types"]),
            relations=",".join(sorted(edge["relations"])),
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(graph, path)
    return graph.number_of_nodes(), graph.number_of_edges()
