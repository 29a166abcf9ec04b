"""The corpus store, on SQLite and on a real PostgreSQL server, through one test suite."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from importlib.resources import files
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest
from sqlalchemy import func, select, update

from demarche.cli.corpus import examples_dir
from demarche.language.morphology import Morphology
from demarche.pipeline import Analyzer
from demarche.reading import read_sources
from demarche.store import Filters, Store, StoreError, queries
from demarche.store import export as exports
from demarche.store import schema as t
from demarche.store.ingest import analyse, ingest, reanalyze
from demarche.store.search import search

TREATY = "Treaty on Comprehensive Strategic Partnership"


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="session")
def example_items():
    return [item for item in read_sources([str(examples_dir())])]


@pytest.fixture(scope="session")
def example_records(analyzer, example_items):
    return [analyse(analyzer, item) for item in example_items]


@pytest.fixture
def store(db_url, example_records):
    with Store.open(db_url) as opened:
        for record in example_records:
            opened.add(record)
        yield opened


def test_ingest_is_idempotent(db_url, analyzer, example_items):
    with Store.open(db_url) as opened:
        first = ingest(opened, example_items, analyzer)
        counts = opened.counts()
        second = ingest(opened, example_items, analyzer)
        assert first.stored == len(example_items) == counts["documents"]
        assert second.stored == 0 and second.unchanged == len(example_items)
        assert opened.counts() == counts


def test_documents_keep_text_and_offsets(store, example_items):
    with store.engine.connect() as connection:
        ids = connection.execute(select(t.documents.c.id)).scalars().all()
    for document_id in ids:
        document = store.document(document_id)
        assert document["text"] in {item.text for item in example_items}
        for mention in document["analysis"]["mentions"]:
            assert document["text"][mention["start"] : mention["end"]] == mention["text"]
    assert store.document(10**9) is None


def test_lemma_search_finds_every_case_form(store):
    morphology = Morphology()
    with store.engine.connect() as connection:
        hits = search(connection, "договор", morphology)
        forms = {
            hit_text
            for hit in hits
            for hit_text in (store.document(hit.id)["text"][s:e] for s, e in hit.highlights)
        }
        assert {"Договора", "Договор"} <= forms
        assert all("[" in hit.snippet for hit in hits)
        assert search(connection, "договорами", morphology)
        later = search(connection, "договор", morphology, Filters(date_from=date(2026, 1, 1)))
        assert 0 < len(later) < len(hits)
        assert all(hit.date >= date(2026, 1, 1) for hit in later)
        by_actor = search(connection, "договор", morphology, Filters(actor="CHN"))
        assert [h.title for h in by_actor] and all("Ван И" in h.title for h in by_actor)
        assert search(connection, "несуществующееслово", morphology) == []


def test_python_api_wraps_search_and_queries(store):
    hits = store.search("договорами", Filters(genre="remarks"))
    assert hits and all(hit.genre == "remarks" for hit in hits)
    assert store.query("actor_profile", "PRK")["actor"] == "PRK"
    assert store.query("events", source="RUS", limit=2)
    with pytest.raises(StoreError, match="no such query"):
        store.query("_documents_where")


def test_agreement_and_format_link_across_three_statements(store):
    with store.engine.connect() as connection:
        registry = queries.agreements(connection)
        formats = queries.dialogue_formats(connection)
    treaties = [a for a in registry if a["name_en"].startswith(TREATY)]
    assert len(treaties) == 1
    # three Russian statements and the English comment cite the one treaty
    assert len(treaties[0]["documents"]) == 4
    assert set(treaties[0]["parties"]) == {"RUS", "PRK"}
    assert len(treaties[0]["evidence"]) == treaties[0]["evidence_count"] >= 3
    assert treaties[0]["document_count"] == 4
    with store.engine.connect() as connection:
        bounded = queries.agreements(connection, evidence_limit=1)
    (treaty,) = [a for a in bounded if a["name_en"].startswith(TREATY)]
    assert len(treaty["evidence"]) == 1 and treaty["evidence_count"] >= 3
    assert treaty["evidence"][0] == treaties[0]["evidence"][0]
    assert treaty["document_count"] == 4
    dialogue = next(f for f in formats if f["key"].endswith("стратегический диалог"))
    assert set(dialogue["parties"]) == {"RUS", "PRK"}
    assert len(dialogue["documents"]) == dialogue["document_count"] >= 2
    numbers = [r["number"] for r in dialogue["rounds"]]
    assert numbers == sorted(numbers) and {1, 3} <= set(numbers)
    first = next(r for r in dialogue["rounds"] if r["number"] == 1)
    assert first["place"] == "Moscow" and first["date"].startswith("2024-11")
    assert len(first["evidence"]) >= 2


def test_registries_page_in_sql(store):
    with store.engine.connect() as connection:
        registry = queries.agreements(connection)
        assert queries.agreements_total(connection) == len(registry) >= 3
        paged = [
            item
            for offset in range(0, len(registry), 2)
            for item in queries.agreements(connection, limit=2, offset=offset)
        ]
        assert paged == registry
        later = Filters(date_from=date(2026, 1, 1))
        assert queries.agreements_total(connection, later) == len(
            queries.agreements(connection, later)
        )
        formats = queries.dialogue_formats(connection)
        assert queries.dialogue_formats_total(connection) == len(formats) >= 1
        one_by_one = [
            item
            for offset in range(len(formats))
            for item in queries.dialogue_formats(connection, limit=1, offset=offset)
        ]
        assert one_by_one == formats
        assert queries.dialogue_formats_total(connection, Filters(date_from=date(2030, 1, 1))) == 0


def test_event_and_actor_queries(store):
    with store.engine.connect() as connection:
        consults = queries.events(connection, source="RUS", target="PRK", event_type="CONSULT")
        assert consults and all(e["type"] == "CONSULT" for e in consults)
        assert all("PRK" in e["target"] and "RUS" in e["source"] for e in consults)
        # Both sides given read the pairs index; it must agree with each side taken alone.
        both = {e["id"] for e in queries.events(connection, source="RUS", target="PRK")}
        from_rus = {e["id"] for e in queries.events(connection, source="RUS", limit=10_000)}
        to_prk = {e["id"] for e in queries.events(connection, target="PRK", limit=10_000)}
        assert both == from_rus & to_prk
        assert queries.events_total(connection, source="RUS", target="PRK") == len(both)
        by_actor = Filters(actor="PRK")
        listed, total = queries.documents(connection, by_actor)
        assert total == len(listed) >= 2
        assert total < queries.documents(connection)[1]
        assert queries.mentions_of(connection, consults[0]["event_key"]) >= 1
        dated = queries.events(connection, filters=Filters(date_from=date(2026, 1, 1)))
        assert dated and all(e["date"] is None or e["date"] >= "2024" for e in dated)
        profile = queries.actor_profile(connection, "RUS")
        assert "PRK" in profile["counterparts"]["as_source"]["CONSULT"]
        assert profile["documents"] >= 4 and profile["by_month"]
        assert profile["name"] == "Russia"
        graph = queries.network(connection)
        assert {"RUS", "PRK"} <= {n["id"] for n in graph["nodes"]}
        edge = next(e for e in graph["edges"] if (e["source"], e["target"]) == ("RUS", "PRK"))
        assert edge["events"] >= 2
        trend = queries.stance_trend(connection, "RUS", "PRK")
        assert trend and sum(m["positive"] for m in trend) >= 2


def test_exports_read_back(store, tmp_path):
    counts = store.counts()
    with store.engine.connect() as connection:
        exports.write_csv(connection, tmp_path / "csv")
        exports.write_parquet(connection, tmp_path / "parquet")
        exports.write_graphml(connection, tmp_path / "net.graphml")
        plover, gdelt = io.StringIO(), io.StringIO()
        events = exports.write_plover(connection, plover)
        rows = exports.write_gdelt(connection, gdelt)
        prk = io.StringIO()
        exports.write_plover(connection, prk, Filters(actor="CHN"))
    for name in ("documents", "events", "agreements", "mentions"):
        with (tmp_path / "csv" / f"{name}.csv").open(encoding="utf-8") as handle:
            assert len(list(csv.DictReader(handle))) == counts[name]
        assert pq.read_table(tmp_path / "parquet" / f"{name}.parquet").num_rows == counts[name]
    table = pq.read_table(tmp_path / "parquet" / "events.parquet").to_pydict()
    assert set(table["type"]) <= {"CONSULT", "SUPPORT", "ACCUSE", "AGREE", "REJECT", "MOBILIZE",
                                  "REQUEST", "THREATEN", "SANCTION", "AID", "COERCE", "ASSAULT",
                                  "RETREAT", "CONCEDE", "PROTEST", "DEMAND"}  # fmt: skip
    graph = nx.read_graphml(tmp_path / "net.graphml")
    assert {"RUS", "PRK"} <= set(graph.nodes) and graph.has_edge("RUS", "PRK")
    records = [json.loads(line) for line in plover.getvalue().splitlines()]
    assert events == counts["events"] == len(records)
    assert all(r["event"] and r["text_info"]["start"] < r["text_info"]["end"] for r in records)
    lines = gdelt.getvalue().splitlines()
    header = lines[0].split("\t")
    assert len(lines) == rows + 1 and "NumMentions" in header
    assert all(len(line.split("\t")) == len(header) for line in lines[1:])
    assert 0 < len(prk.getvalue().splitlines()) < len(records)


def test_reanalyze_updates_stale_documents(db_url, analyzer, example_records):
    with Store.open(db_url) as opened:
        for record in example_records[:2]:
            opened.add(record)
        before = opened.counts()
        with opened.engine.begin() as connection:
            connection.execute(update(t.documents).values(analyzer_version="0.0.1"))
        assert len(opened.stale(example_records[0].analyzer_version)) == 2
        report = reanalyze(opened, analyzer)
        assert report.stored == 2 and not report.failed
        assert opened.stale(example_records[0].analyzer_version) == []
        assert opened.counts() == before
        with opened.engine.connect() as connection:
            versions = connection.execute(select(func.distinct(t.events.c.analyzer_version)))
            assert set(versions.scalars()) == {example_records[0].analyzer_version}


def test_bad_items_are_skipped_and_reported(db_url, analyzer, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text("Заявление МИД России. Россия поддерживает КНДР.", "utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    with Store.open(db_url) as opened:
        report = ingest(opened, read_sources([str(folder)]), analyzer)
        assert report.stored == 1 and len(report.failed) == 2
        assert opened.counts()["documents"] == 1


def test_dask_ingest_matches_the_single_process_one(tmp_path, example_items, example_records):
    from demarche.store.distributed import ingest_distributed

    with Store.open(tmp_path / "single.db") as single:
        for record in example_records:
            single.add(record)
        expected = single.counts()
    with Store.open(tmp_path / "dask.db") as scaled:
        report = ingest_distributed(scaled, example_items, workers=2)
        assert report.stored == len(example_items) and not report.failed
        assert scaled.counts() == expected
        again = ingest_distributed(scaled, example_items, workers=1)
        assert again.stored == 0 and again.unchanged == len(example_items)


def test_unreachable_store_is_one_clear_error():
    with pytest.raises(StoreError, match="cannot open store"):
        Store.open("postgresql://nobody@127.0.0.1:9/nothing")
    result = subprocess.run(
        [sys.executable, "-m", "demarche", "overview", "--db", "postgresql://x@127.0.0.1:9/x"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "cannot open store" in result.stderr


def _corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    texts = sorted(examples_dir().glob("*.txt"))
    for number in range(count):
        text = texts[number % len(texts)].read_text(encoding="utf-8")
        (folder / f"doc{number:03}.txt").write_text(f"{text}\nВыпуск № {number}.\n", "utf-8")


def _consistent(store: Store) -> int:
    """Every stored document has exactly the facts its analysis lists; returns the count."""
    with store.engine.connect() as connection:
        ids = connection.execute(select(t.documents.c.id)).scalars().all()
        for document_id in ids:
            analysis = store.document(document_id)["analysis"]
            stored = connection.execute(
                select(func.count()).where(t.events.c.document_id == document_id)
            ).scalar_one()
            mentions = connection.execute(
                select(func.count()).where(t.mentions.c.document_id == document_id)
            ).scalar_one()
            assert stored == len(analysis["facts"]["events"])
            assert mentions == len(analysis["mentions"])
    return len(ids)


def test_killed_ingest_resumes_without_duplicates(db_url, tmp_path):
    folder = tmp_path / "corpus"
    _corpus(folder, 40)
    command = [sys.executable, "-m", "demarche", "ingest", str(folder), "--db", db_url]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with Store.open(db_url) as opened:
        deadline = time.monotonic() + 180
        while opened.counts()["documents"] < 5:
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        process.stderr.close()
        partial = _consistent(opened)
        assert 5 <= partial < 40
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
        assert f"unchanged {partial}" in result.stderr
        assert _consistent(opened) == 40
        with opened.engine.connect() as connection:
            hashes = connection.execute(select(t.documents.c.content_hash)).scalars().all()
        assert len(hashes) == len(set(hashes)) == 40


def test_migrations_build_exactly_the_declared_schema(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with Store.open(db_url) as opened, opened.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        differences = compare_metadata(context, t.metadata)
    # The search index is backend-specific and lives outside the declared schema.
    unexpected = [d for d in differences if "fts" not in str(d) and "lemmas_tsv" not in str(d)]
    assert unexpected == []


def _profile_tables(connection) -> tuple[list, list]:
    pairs = connection.execute(
        select(
            t.event_pairs.c.event_id,
            t.event_pairs.c.document_id,
            t.event_pairs.c.actor,
            t.event_pairs.c.role,
            t.event_pairs.c.counterpart,
            t.event_pairs.c.type,
            t.event_pairs.c.quad_class,
            t.event_pairs.c.month,
        )
    ).all()
    present = connection.execute(select(t.document_actors)).all()
    return sorted(pairs), sorted(present)


def _profile_tables_from_facts(connection) -> tuple[list, list]:
    me, other, e = t.event_actors.alias("me"), t.event_actors.alias("other"), t.events.c
    pairs = connection.execute(
        select(
            me.c.event_id,
            e.document_id,
            me.c.actor,
            me.c.role,
            other.c.actor,
            e.type,
            e.quad_class,
            e.month,
        )
        .join(t.events, e.id == me.c.event_id)
        .join(other, (other.c.event_id == me.c.event_id) & (other.c.role != me.c.role))
        .where(other.c.actor != me.c.actor)
    ).all()
    present = connection.execute(
        select(t.mentions.c.document_id, t.actors.c.code)
        .join(t.actors, t.actors.c.id == t.mentions.c.actor_id)
        .where(t.actors.c.code.is_not(None))
        .distinct()
    ).all()
    return sorted(pairs), sorted(present)


def test_profile_tables_summarise_the_facts_and_migrate_from_them(store):
    """event_pairs and document_actors, which actor profiles read, agree with the events and
    mentions they summarise, whether written by ingest or backfilled by migration 0005."""
    from alembic import command
    from alembic.config import Config

    with store.engine.connect() as connection:
        written = _profile_tables(connection)
        assert written == _profile_tables_from_facts(connection)
    pairs, present = written
    assert ("RUS", "source", "PRK", "CONSULT") in {(p[2], p[3], p[4], p[5]) for p in pairs}
    assert len({p[0] for p in pairs}) > 10 and len(present) > 20
    config = Config()
    config.set_main_option("script_location", str(files("demarche.store") / "migrations"))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
        command.upgrade(config, "head")
    with store.engine.connect() as connection:
        assert _profile_tables(connection) == written


def test_every_own_statement_stores_on_both_backends(db_url, analyzer):
    """Real facts, e.g. a round dated as a range, fit the columns of both backends."""
    folders = [Path(__file__).parent / name for name in ("corpus", "corpus_holdout")]
    items = [i for i in read_sources([str(f) for f in folders]) if hasattr(i, "text")]
    with Store.open(db_url) as opened:
        report = ingest(opened, items, analyzer)
        assert report.failed == [] and report.stored == len(items) >= 15
