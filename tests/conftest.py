"""Shared fixtures. Tests may read ../shared (the seed, FactRuEval); the product never does."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest

from demarche.model import Document
from demarche.pipeline import Analyzer
from demarche.reading import RawDocument, read_sources

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_7b854fd4ab34d6fc.txt"
EXPECTED = SHARED / "seed" / "expected.json"
FACTRUEVAL = SHARED / "factrueval-2016" / "devset"
CORPUS = ROOT / "tests" / "corpus"


@pytest.fixture(scope="session", autouse=True)
def test_client_host():
    """Starlette's TestClient and schemathesis' ASGI client send ``Host: testserver``; the
    app answers known Host names only, and ``DEMARCHE_ALLOWED_HOSTS`` names one more."""
    patch = pytest.MonkeyPatch()
    patch.setenv("DEMARCHE_ALLOWED_HOSTS", "testserver")
    yield
    patch.undo()


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="session")
def seed_doc(analyzer: Analyzer) -> Document:
    (raw,) = list(read_sources([str(SEED)]))
    assert isinstance(raw, RawDocument)
    return analyzer.analyze(raw)


@pytest.fixture(scope="session")
def expected() -> dict:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    found, start = [], text.find(needle)
    while start >= 0:
        found.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return found


def entities_within(doc: Document, start: int, end: int) -> list:
    """Entities of the mentions lying inside [start, end)."""
    return [
        doc.entities[m.entity_id]
        for m in doc.mentions
        if m.entity_id and start <= m.start and m.end <= end
    ]


EXAMPLES = ROOT / "src" / "demarche" / "examples"


@pytest.fixture(scope="session")
def api_store_path(tmp_path_factory, analyzer) -> Path:
    """A SQLite store of the bundled examples, built once; tests read it or copy it."""
    from demarche.store import Store
    from demarche.store.ingest import ingest

    path = tmp_path_factory.mktemp("api") / "store.db"
    with Store.open(path) as store:
        report = ingest(store, read_sources([str(EXAMPLES)]), analyzer)
    assert report.stored == len(list(EXAMPLES.glob("*.txt"))), report
    assert not report.failed, report.failed
    return path


def copy_store(source: Path, target: Path) -> Path:
    """A consistent copy of a SQLite store (WAL included), for tests that write."""
    import sqlite3

    with sqlite3.connect(source) as old, sqlite3.connect(target) as new:
        old.backup(new)
    old.close()
    new.close()
    return target


PG_ADMIN = os.environ.get("DEMARCHE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """A new, empty database on the test PostgreSQL server, dropped afterwards: its URL."""
    name = f"demarche_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A store URL on each backend: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    with fresh_postgres_database() as url:
        yield url
