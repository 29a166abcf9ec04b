"""Scale-out ingest through a real Dask scheduler and a separately started worker process,
as on separate machines: it must store exactly what a serial ingest stores."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from demarche.reading import read_sources
from demarche.store import Store
from demarche.store import schema as t
from demarche.store.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
DASK = Path(sys.executable).with_name("dask")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, row ids and the full analysis included, and what the
    lemma index finds; only the wall-clock time of the write differs between two ingests."""
    snapshot = {}
    with store.engine.connect() as connection:
        for table in t.metadata.sorted_tables:
            columns = [c for c in table.columns if c.name != "ingested_at"]
            rows = connection.execute(select(*columns).order_by(*table.primary_key.columns))
            snapshot[table.name] = [tuple(row) for row in rows]
        snapshot["documents_fts"] = connection.exec_driver_sql(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'россия' ORDER BY rowid"
        ).all()
    return snapshot


def _texts(folder: Path) -> Path:
    """The bundled examples, four corpus statements and an empty file."""
    folder.mkdir()
    for path in sorted((ROOT / "src" / "demarche" / "examples").glob("*.txt")):
        shutil.copy(path, folder / path.name)
    for path in sorted((ROOT / "tests" / "corpus").glob("*.txt"))[:4]:
        shutil.copy(path, folder / path.name)
    (folder / "empty.txt").write_bytes(b"")  # a read failure is reported the same way too
    return folder


@pytest.fixture(scope="module")
def cluster():
    """A loopback scheduler and one single-threaded worker process, each its own command."""
    if not DASK.exists():
        pytest.skip("the dask command is not installed")
    port = str(_free_port())
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    scheduler = subprocess.Popen(
        [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    worker = subprocess.Popen(
        [str(DASK), "worker", address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        from distributed import Client

        deadline = time.monotonic() + 60
        while True:  # the scheduler may not listen yet
            try:
                with Client(address, timeout=5) as client:
                    client.wait_for_workers(1, timeout=60)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield address
    finally:
        for process in (worker, scheduler):
            process.terminate()
        for process in (worker, scheduler):
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()


def test_external_scheduler_ingest_stores_what_serial_ingest_stores(cluster, analyzer, tmp_path):
    from demarche.store.distributed import ingest_distributed

    folder = _texts(tmp_path / "texts")
    with Store.open(tmp_path / "serial.db") as serial:
        expected = ingest(serial, read_sources([str(folder)]), analyzer)
        serial_rows = _snapshot(serial)
    with Store.open(tmp_path / "dask.db") as scaled:
        # batches of 3 so that several tasks travel and a batch ends mid-folder
        report = ingest_distributed(scaled, read_sources([str(folder)]), scheduler=cluster, batch=3)
        assert expected.stored >= 6  # one text is both an example and a corpus text
        assert (report.stored, report.unchanged) == (expected.stored, expected.unchanged)
        assert report.failed == expected.failed and len(report.failed) == 1
        assert _snapshot(scaled) == serial_rows
        again = ingest_distributed(scaled, read_sources([str(folder)]), scheduler=cluster)
        assert again.stored == 0 and again.unchanged == expected.stored + expected.unchanged


def test_the_client_writes_each_task_in_one_transaction_of_few_statements(cluster, tmp_path):
    """The one process that writes the store is the part of a scale-out that does not
    scale: each worker added adds its documents to that process's work, and on a machine
    with a core for each worker the client shares one with them. So the workers send each
    document as the rows to store, and the client writes a task's documents in one
    transaction (a commit a task, not one a document) with a fixed set of statements: about
    20 a document here, where relinking the registries took nine statements a name key."""
    from sqlalchemy import event

    from demarche.store.distributed import ingest_distributed

    folder = _texts(tmp_path / "texts")
    statements: list[str] = []
    commits: list[object] = []
    with Store.open(tmp_path / "dask.db") as store:
        event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        event.listen(store.engine, "commit", commits.append)
        report = ingest_distributed(store, read_sources([str(folder)]), scheduler=cluster, batch=4)
    assert report.stored >= 6 and len(report.failed) == 1  # the empty file
    assert len(commits) <= -(-report.stored // 4)  # a commit per task of 4 documents
    assert len(statements) <= 25 * report.stored, len(statements) / report.stored


def _answers(store: Store) -> list:
    from demarche.store import Filters

    return [
        store.query("actors"),
        store.query("agreements"),
        store.query("overview"),
        store.query("network"),
        store.query("documents", Filters(), 50, 0),
        [hit.as_dict() for hit in store.search("Россия", Filters(), 20, 0)],
        store.search_total("Россия", Filters()),
    ]


def test_cached_answers_equal_fresh_ones_and_follow_writes(tmp_path, analyzer):
    """Aggregates are cached per store; a write here or by another process (another Store on
    the same file) must show at once, and cached answers must equal freshly computed ones."""
    path = tmp_path / "cached.db"
    examples = sorted((ROOT / "src" / "demarche" / "examples").glob("*.txt"))
    with Store.open(path) as store, Store.open(path) as other:
        ingest(store, read_sources([str(p) for p in examples[:2]]), analyzer)
        first = _answers(store)
        assert _answers(store) == first  # served from the cache
        store._cache.invalidate()
        assert _answers(store) == first  # recomputed: the same
        mutated = store.query("actors")[0]
        mutated.clear()  # a caller mutating its answer does not touch the cached one
        assert store.query("actors") == first[0]

        ingest(other, read_sources([str(p) for p in examples[2:3]]), analyzer)  # another writer
        after_other = _answers(store)
        assert after_other != first
        assert after_other[2] == other.query("overview")
        ingest(store, read_sources([str(p) for p in examples[3:]]), analyzer)  # this writer
        after_own = _answers(store)
        assert after_own != after_other
        with Store.open(path) as fresh:
            fresh._cache = type(fresh._cache)(None)  # no cache at all
            assert _answers(fresh) == after_own
