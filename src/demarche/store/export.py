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
from demarche.output.gdelt import dyad_rows
from demarche.output.plover import standard_record
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
    """Standard PLOVER records (``output.plover.standard_record``), also for records stored by
    an earlier version. Events with no date and an undated document are left out, because
    PLOVER requires ``date``; ``plover_skipped`` counts them."""
    return _write_plover(connection, out, filters)[0]


def plover_skipped(connection, filters: Filters | None = None) -> int:
    """How many events an export with these filters leaves out for want of any date."""
    return _write_plover(connection, None, filters)[1]


def _write_plover(connection, out: TextIO | None, filters: Filters | None) -> tuple[int, int]:
    count = skipped = 0
    for row in _event_rows(connection, filters):
        record = _standard(row)
        if record is None:
            skipped += 1
            continue
        if out is not None:
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        count += 1
    return count, skipped


def _event_rows(connection, filters: Filters | None, mentions: bool = False):
    e = t.events.c
    columns = [
        e.id,
        e.record,
        e.aux,
        e.cameo,
        e.goldstein,
        t.documents.c.date.label("doc_date"),
        t.documents.c.url,
        t.documents.c.source.label("doc_source"),
    ]
    statement = select(*columns).join(t.documents, t.documents.c.id == e.document_id)
    if mentions:
        counts = (
            select(e.event_key, func.count(func.distinct(e.document_id)).label("n"))
            .group_by(e.event_key)
            .subquery()
        )
        statement = statement.add_columns(counts.c.n).join(
            counts, counts.c.event_key == e.event_key
        )
    conditions = document_filter(filters) if filters else []
    if conditions:
        statement = statement.where(and_(*conditions))
    return connection.execute(statement.order_by(e.id)).mappings()


def _standard(row) -> dict[str, Any] | None:
    record = json.loads(row["record"]) if row["record"] else {}
    if not record:
        return None
    report = row["doc_date"]
    if report is not None and not isinstance(report, str):
        report = report.isoformat()
    aux = [a for a in (row["aux"] or "").split(",") if a]
    return standard_record(record, report, aux)


def write_gdelt(connection, out: TextIO, filters: Filters | None = None) -> int:
    """One dyadic row per source x target; NumMentions counts documents reporting the event."""
    out.write("\t".join(GDELT_COLUMNS) + "\n")
    count = 0
    for row in _event_rows(connection, filters, mentions=True):
        record = _standard(row)
        if record is None:
            continue
        for cells in dyad_rows(
            record,
            row_id=str(row["id"]),
            cameo=row["cameo"] or "",
            goldstein=row["goldstein"],
            mentions=row["n"],
            url=row["url"] or row["doc_source"],
        ):
            out.write("\t".join(cells) + "\n")
            count += 1
    return count


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
