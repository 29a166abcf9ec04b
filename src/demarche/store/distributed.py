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

from demarche.errors import UnsupportedLanguage
from demarche.pipeline import Analyzer
from demarche.reading import RawDocument, ReadFailure
from demarche.store.ingest import IngestReport, Progress, analyse, pending, store_record
from demarche.store.record import DocumentRecord
from demarche.store.store import Store


@cache
def _worker_analyzer(language: str | None = None) -> Analyzer:
    return Analyzer(language)


def analyse_on_worker(
    raw: RawDocument, language: str | None = None
) -> tuple[DocumentRecord | None, str, float]:
    """(record or None, error, seconds) — errors travel back as data, never as exceptions."""
    started = time.perf_counter()
    try:
        return analyse(_worker_analyzer(language), raw), "", time.perf_counter() - started
    except UnsupportedLanguage as error:
        return None, str(error), time.perf_counter() - started
    except Exception as error:  # one bad document never stops the batch
        message = f"{raw.source}: analysis failed ({error.__class__.__name__})"
        return None, message, time.perf_counter() - started


def ingest_distributed(
    store: Store,
    items: Iterable[RawDocument | ReadFailure],
    workers: int = 2,
    scheduler: str | None = None,
    progress: Progress | None = None,
    language: str | None = None,
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
        in_flight = as_completed()
        for item in pending(items, known, report, progress):
            in_flight.add(client.submit(analyse_on_worker, item, language, pure=False))
            while in_flight.count() >= window:
                _store_one(store, next(in_flight), report, progress)
        for future in in_flight:
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
        report.fail(error, progress)
        return
    store_record(store, record, report, progress)
