"""The corpus store's Python API: open, add, and read back documents."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import SQLAlchemyError

from demarche.reading import RawDocument
from demarche.store import queries
from demarche.store import schema as t
from demarche.store.cache import ResultCache
from demarche.store.database import (
    StoreError,
    create_store_engine,
    database_url,
    migrate,
)
from demarche.store.record import DocumentRecord
from demarche.store.search import Filters, SearchHit, search
from demarche.store.writer import PreparedDocument, prepare, write_prepared

COUNTED = {
    "documents": t.documents,
    "mentions": t.mentions,
    "actors": t.actors,
    "events": t.events,
    "agreements": t.agreements,
    "dialogue_formats": t.dialogue_formats,
    "format_rounds": t.format_rounds,
    "relations": t.relations,
    "stances": t.stances,
    "rhetoric": t.rhetoric,
}

# What a failed write raises: the database's errors, and the writer's own checks.
_WRITE_FAILED = (SQLAlchemyError, StoreError)

# Row ids are INTEGER columns: 32 bits on PostgreSQL, 64 on SQLite.
_MAX_ROW_ID = {"postgresql": 2**31 - 1}


class Store:
    """A corpus of analysed documents in SQLite (default) or PostgreSQL."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._known_actors: set[str] = set()
        database = engine.url.database if engine.dialect.name == "sqlite" else None
        in_memory = not database or database == ":memory:" or database.startswith("file:")
        self._cache = ResultCache(None if in_memory else os.path.abspath(database))

    @classmethod
    def open(cls, db: str | Path | None = None) -> Store:
        url = database_url(db)
        engine = create_store_engine(url)
        migrate(engine)
        return cls(engine)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def add(self, record: DocumentRecord) -> int:
        """Store one document and its facts atomically; returns the document's row id."""
        return self.write(record)[0]

    def write(self, record: DocumentRecord) -> tuple[int, bool]:
        """Like ``add``; also says whether anything was written (False: the same text was
        already stored by this analyser version, e.g. by a concurrent ingest)."""
        return self.write_prepared(prepare(record))

    def write_prepared(self, prepared: PreparedDocument) -> tuple[int, bool]:
        """``write`` for a record already prepared (``demarche.store.writer.prepare``)."""
        try:
            with self.engine.begin() as connection:
                if self.backend == "sqlite":
                    # Take the write lock before reading: a deferred transaction would read,
                    # lose the race to another process's commit and fail on its insert.
                    connection.exec_driver_sql("BEGIN IMMEDIATE")
                document_id, written = write_prepared(connection, prepared, self._known_actors)
        except _WRITE_FAILED as error:
            raise _not_stored(prepared, error) from None
        finally:
            self._cache.invalidate()  # even a failed write may have committed nothing or all
        self._known_actors.update(prepared.actor_ids)
        return document_id, written

    def write_many(
        self, prepared: Sequence[PreparedDocument]
    ) -> list[tuple[int, bool] | StoreError]:
        """``write_prepared`` for each, in order: the outcome of each, a StoreError for one
        not stored. On SQLite all in one transaction, as if written one by one (the same
        rows and ids), each document still all or nothing: a commit a document cost about
        1 ms of the 6 a document took to write. If that transaction fails they are written
        one by one, so that only a document that fails alone is reported. On PostgreSQL,
        where writers run concurrently and take turns per document (advisory locks held to
        the end of a transaction), one transaction each."""
        if self.backend != "sqlite" or len(prepared) < 2:
            return [self._outcome(document) for document in prepared]
        known = set(self._known_actors)
        try:
            with self.engine.begin() as connection:
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                outcomes: list[tuple[int, bool] | StoreError] = []
                for document in prepared:
                    outcomes.append(write_prepared(connection, document, known))
                    known.update(document.actor_ids)
        except _WRITE_FAILED:
            return [self._outcome(document) for document in prepared]
        finally:
            self._cache.invalidate()
        self._known_actors = known
        return outcomes

    def _outcome(self, prepared: PreparedDocument) -> tuple[int, bool] | StoreError:
        try:
            return self.write_prepared(prepared)
        except StoreError as error:
            return error

    def versions(self) -> dict[str, str]:
        """Content hash -> analyser version of every stored document."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(t.documents.c.content_hash, t.documents.c.analyzer_version)
            )
            return {content_hash: version for content_hash, version in rows}

    def version_of(self, content_hash: str) -> str | None:
        """The analyser version a text was stored with, or None if it is not stored."""
        with self.engine.connect() as connection:
            return connection.execute(
                select(t.documents.c.analyzer_version).where(
                    t.documents.c.content_hash == content_hash
                )
            ).scalar()

    def stale(self, version: str) -> list[int]:
        with self.engine.connect() as connection:
            return list(
                connection.execute(
                    select(t.documents.c.id)
                    .where(t.documents.c.analyzer_version != version)
                    .order_by(t.documents.c.id)
                ).scalars()
            )

    # -- reading -------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        def compute() -> dict[str, int]:
            with self.engine.connect() as connection:
                return {
                    name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                    for name, table in COUNTED.items()
                }

        # a full count of every table: the home page's slowest part at 100k documents
        return self._cache.get_or_compute("counts", compute)

    def document(self, document_id: int) -> dict[str, Any] | None:
        """One stored document: its row, and the full analysis with every offset."""
        if not 0 < document_id <= _MAX_ROW_ID.get(self.backend, 2**63 - 1):
            return None  # PostgreSQL refuses to compare an integer column with a bigger number
        with self.engine.connect() as connection:
            row = (
                connection.execute(select(t.documents).where(t.documents.c.id == document_id))
                .mappings()
                .first()
            )
        if row is None:
            return None
        document = {k: v for k, v in row.items() if k not in ("analysis", "lemmas")}
        document["analysis"] = json.loads(row["analysis"])
        return document

    def document_raw(self, document_id: int) -> RawDocument | None:
        """A stored document as it was read, with the title and date given with it, for
        re-analysis."""
        d = t.documents.c
        with self.engine.connect() as connection:
            row = connection.execute(
                select(
                    d.external_id,
                    d.text,
                    d.source,
                    d.url,
                    d.given_title,
                    d.given_date,
                    d.content_hash,
                ).where(d.id == document_id)
            ).first()
        if row is None:
            return None
        return RawDocument(
            id=row.external_id,
            text=row.text,
            source=row.source,
            url=row.url,
            title=row.given_title,
            date=row.given_date,
            content_hash=row.content_hash,
        )

    # -- the query API, one connection per call ---------------------------------------------

    def search(
        self, query: str, filters: Filters | None = None, limit: int = 20, offset: int = 0
    ) -> list[SearchHit]:
        """Lemma search: every case form of the query words matches."""

        def compute() -> list[SearchHit]:
            with self.engine.connect() as connection:
                return search(connection, query, shared_morphology(), filters, limit, offset)

        return self._cache.get_or_compute(_key("search", query, filters, limit, offset), compute)

    def search_total(self, query: str, filters: Filters | None = None) -> int:
        """How many documents the lemma search finds, for paging."""

        def compute() -> int:
            with self.engine.connect() as connection:
                return queries.search_total(connection, query, shared_morphology(), filters)

        return self._cache.get_or_compute(_key("search_total", query, filters), compute)

    def cached(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()``, or its answer kept from an earlier call if the store has not been
        written since; for derived values (a rendered page) that depend on the store only.
        Keys share one space with the query cache: prefix them with their kind."""
        return self._cache.get_or_compute(("derived", key), compute)

    def query(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """Run a function of ``demarche.store.queries`` by name, e.g.
        ``store.query("actor_profile", "RUS")`` or ``store.query("events", source="RUS")``."""
        function = getattr(queries, name, None)
        if name.startswith("_") or not callable(function):
            raise StoreError(f"no such query: {name}")

        def compute() -> Any:
            with self.engine.connect() as connection:
                return function(connection, *args, **kwargs)

        # every function there only reads; its answer holds until the store changes
        return self._cache.get_or_compute(_key(name, *args, **kwargs), compute)


def _not_stored(prepared: PreparedDocument, error: Exception) -> StoreError:
    reason = str(error) if isinstance(error, StoreError) else error.__class__.__name__
    return StoreError(f"{prepared.document['source']}: not stored ({reason})")


def _key(name: str, *args: Any, **kwargs: Any) -> str:
    """A cache key from the arguments' reprs: Filters is a mutable (unhashable) dataclass,
    and the arguments are plain values whose reprs tell them apart. The module settings
    that shape answers are part of the key, so changing one is never answered from old."""
    from demarche.store import search as search_module

    settings = (queries.EVIDENCE_LIMIT, search_module.SNIPPET_CHARS)
    return repr((name, args, sorted(kwargs.items()), settings))


@cache
def shared_morphology():
    """One lemmatiser per process for query words; loading it costs a second."""
    from demarche.language.morphology import Morphology

    return Morphology()


__all__ = ["Store", "StoreError"]
