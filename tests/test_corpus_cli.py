"""The corpus commands end to end, as a user runs them: ingest, overview, search, query, export."""

from __future__ import annotations

import json
import subprocess
import sys

import networkx as nx
import pyarrow.parquet as pq
import pytest


def demarche(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "demarche", *args], capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "store.db")
    first = demarche("ingest", "--examples", "--db", path)
    assert first.returncode == 0, first.stderr
    assert "stored 6" in first.stderr and "docs/s" in first.stderr
    again = demarche("ingest", "--examples", "--db", path)
    assert "stored 0, unchanged 6" in again.stderr
    return path


def test_overview_and_search(db):
    overview = json.loads(demarche("overview", "--db", db, "--json").stdout)
    assert overview["counts"]["documents"] == 6
    assert {"actor": "PRK", "documents": 4} in overview["top_actors"]
    hits = json.loads(demarche("search", "договоре", "--db", db, "--json").stdout)
    assert hits and all("[" in hit["snippet"] for hit in hits)
    text = demarche("search", "договор", "--db", db, "--from", "2026-01-01")
    assert text.returncode == 0 and "2026" in text.stdout


def test_queries(db):
    profile = json.loads(demarche("query", "actor", "prk", "--db", db, "--json").stdout)
    assert profile["actor"] == "PRK" and profile["counterparts"]["as_target"]
    formats = json.loads(demarche("query", "formats", "--db", db, "--json").stdout)
    assert any({1, 3} <= {r["number"] for r in f["rounds"]} for f in formats)
    events = json.loads(demarche("query", "events", "--db", db, "--source", "RUS", "--json").stdout)
    assert events and all("RUS" in e["source"] for e in events)


def test_exports(db, tmp_path):
    assert (
        demarche("export", "-f", "parquet", "-o", str(tmp_path / "pq"), "--db", db).returncode == 0
    )
    assert pq.read_table(tmp_path / "pq" / "documents.parquet").num_rows == 6
    graph_path = tmp_path / "net.graphml"
    assert demarche("export", "-f", "graphml", "-o", str(graph_path), "--db", db).returncode == 0
    assert "PRK" in nx.read_graphml(graph_path).nodes


def test_bad_options_are_one_line_usage_errors(db):
    result = demarche("search", "договор", "--db", db, "--from", "yesterday")
    assert result.returncode == 2 and "not a date" in result.stderr
    assert "Traceback" not in result.stderr
    nothing = demarche("ingest", "--db", db)
    assert nothing.returncode == 2 and "Traceback" not in nothing.stderr
