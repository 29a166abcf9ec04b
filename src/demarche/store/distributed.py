"""Scale-out ingest on Dask: analysis on workers, writes in this process.

Workers load the models once per process (a module-level cache: the task function is
shipped by reference, so the cache outlives each task) and send back picklable records;
the store is written from here, one transaction per document, so idempotency and resume
work exactly as in the single-process ingest. Point ``scheduler`` at a Dask cluster to use
other machines; without it a local cluster of ``workers`` processes is started.

Documents travel in batches: one task per document costs the scheduler a round trip per
~25 ms of analysis, which ate most of a second worker's gain. Each worker process should be
single-threaded (``OMP_NUM_THREADS=1`` and friends, which Dask's nanny sets by default):
the models' numpy code otherwise spreads one process over every core and workers on the
same machine fight for them.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice

from demarche.errors import UnsupportedLanguage
from demarche.pipeline import Analyzer
from demarche.reading import RawDocument, ReadFailure
from demarche.store.ingest import IngestReport, Progress, analyse, pending, store_record
from demarche.store.record import DocumentRecord
from demarche.store.store import Store

Outcome = tuple[DocumentRecord | None, str, float]

# Documents per task: big enough that scheduling is a few percent of a task, small enough
# that the client starts writing early and a slow worker does not hold back the tail.
DEFAULT_BATCH = 8
# Batches queued per worker thread, so a worker never waits while the client writes.
BATCHES_PER_THREAD = 2


@cache
def _worker_analyzer(language: str | None = None) -> Analyzer:
    _tune_allocator()
    return Analyzer(language)


# glibc mallopt parameters (malloc.h)
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3


def _tune_allocator() -> None:
    """Undo the allocator setting a Dask nanny gives its workers.

    The nanny starts workers with ``MALLOC_TRIM_THRESHOLD_=65536`` so that freed memory goes
    back to the OS. Setting it also freezes glibc's mmap threshold at 128 KiB: every larger
    buffer the models allocate per sentence becomes an mmap/munmap pair with fresh page
    faults, and analysis ran at half the speed of a plain process (60 vs 29 ms a document).
    Raising both thresholds to glibc's own ceiling keeps those buffers on the heap; the
    worker's memory stays flat anyway, its bulk being the models loaded once.
    """
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ or not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        ceiling = 32 * 1024 * 1024
        libc.mallopt(_M_MMAP_THRESHOLD, ceiling)
        libc.mallopt(_M_TRIM_THRESHOLD, 2 * ceiling)
    except (OSError, AttributeError):  # not glibc: nothing to undo
        return


def analyse_on_worker(raw: RawDocument, language: str | None = None) -> Outcome:
    """(record or None, error, seconds) — errors travel back as data, never as exceptions."""
    started = time.perf_counter()
    try:
        return analyse(_worker_analyzer(language), raw), "", time.perf_counter() - started
    except UnsupportedLanguage as error:
        return None, str(error), time.perf_counter() - started
    except Exception as error:  # one bad document never stops the batch
        message = f"{raw.source}: analysis failed ({error.__class__.__name__})"
        return None, message, time.perf_counter() - started


def analyse_batch(raws: list[RawDocument], language: str | None = None) -> list[Outcome]:
    """One task's worth of documents, in the order given."""
    return [analyse_on_worker(raw, language) for raw in raws]


def warm_worker() -> bool:
    """Load the models now, so the first batch is not the one that pays for them."""
    analyzer = _worker_analyzer()
    # one short statement fills the lazily built tables too
    analyzer.analyze(RawDocument(id="warm", text=_WARM_TEXT, source="warm"))
    return True


_WARM_TEXT = "Министр иностранных дел России провёл переговоры с коллегой из Китая в Пекине."


def batches(items: Iterator[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    while chunk := list(islice(items, size)):
        yield chunk


def ingest_distributed(
    store: Store,
    items: Iterable[RawDocument | ReadFailure],
    workers: int = 2,
    scheduler: str | None = None,
    progress: Progress | None = None,
    language: str | None = None,
    batch: int = DEFAULT_BATCH,
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
    try:
        in_flight = as_completed()
        for chunk in batches(pending(items, known, report, progress), max(1, batch)):
            in_flight.add(client.submit(analyse_batch, chunk, language, pure=False))
            # bounded in-flight work keeps memory flat on big archives; the bound follows
            # the workers present now, so workers that join later are used too
            window = BATCHES_PER_THREAD * max(1, sum(client.nthreads().values()))
            while in_flight.count() >= window:
                _store_batch(store, next(in_flight), report, progress)
        for future in in_flight:
            _store_batch(store, future, report, progress)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    report.seconds = time.perf_counter() - started
    return report


def _store_batch(store: Store, future, report: IngestReport, progress: Progress | None) -> None:
    outcomes = future.result()
    future.release()
    for record, error, seconds in outcomes:
        report.analysis_seconds += seconds
        if record is None:
            report.fail(error, progress)
        else:
            store_record(store, record, report, progress)
