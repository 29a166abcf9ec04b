"""Scale-out ingest on Dask: analysis on workers, writes in this process.

Workers load the models once per process and send back picklable records; the store is
written from here, one transaction per document, so idempotency and resume work exactly
as in the single-process ingest. Point ``scheduler`` at a Dask cluster to use other
machines; without it a local cluster of ``workers`` processes is started.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from functools import cache

from demarche.pipeline import Analyzer
from demarche.reading import RawDocument, ReadFailure
from demarche.store.ingest import IngestReport, Progress, analyse, tick
from demarche.store.record import DocumentRecord
from demarche.store.store import Store, StoreError
from demarche.version import analyzer_version


@cache
def _worker_analyzer() -> Analyzer:
    return Analyzer()


def analyse_on_worker(raw: RawDocument) -> tuple[DocumentRecord | None, str, float]:
    """(record or None, error, seconds) — errors travel back as data, never as exceptions."""
    started = time.perf_counter()
    try:
        return analyse(_worker_analyzer(), raw), "", time.perf_counter() - started
    except Exception as error:  # one bad document never stops the batch
        message = f"{raw.source}: analysis failed ({error.__class__.__name__})"
        return None, message, time.perf_counter() - started


def ingest_distributed(
    store: Store,
    items: Iterable[RawDocument | ReadFailure],
    workers: int = 2,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    from distributed import Client, LocalCluster, as_completed

    report = IngestReport()
    known = store.versions()
    started = time.perf_counter()
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
    client = Client(scheduler or cluster)
    window = max(4, 4 * workers)  # bounded in-flight work keeps memory flat on big archives
    try:
        pending = as_completed()
        for item in items:
            if isinstance(item, ReadFailure):
                report.failed.append(str(item))
                tick(progress, "failed")
                continue
            if known.get(item.content_hash) == analyzer_version():
                report.unchanged += 1
                tick(progress, "unchanged")
                continue
            known[item.content_hash] = analyzer_version()
            pending.add(client.submit(analyse_on_worker, item, pure=False))
            while pending.count() >= window:
                _store_one(store, next(pending), report, progress)
        for future in pending:
            _store_one(store, future, report, progress)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    report.seconds = time.perf_counter() - started
    return report


def _store_one(store: Store, future, report: IngestReport, progress: Progress | None) -> None:
    record, error, seconds = future.result()
    future.release()
    report.analysis_seconds += seconds
    if record is None:
        report.failed.append(error)
        tick(progress, "failed")
        return
    try:
        store.add(record)
    except StoreError as problem:
        report.failed.append(str(problem))
        tick(progress, "failed")
        return
    report.stored += 1
    tick(progress, "stored")
