"""Scale-out ingest on Dask: analysis on workers, writes in this process.

Workers load the models once per process (a module-level cache: the task function is
shipped by reference, so the cache outlives each task) and send back each document as the
rows the store keeps (``writer.prepare``: the JSON dumped, the rows built), so that this
process only adds row ids and writes. It writes each task's documents in one transaction
on SQLite, each document all or nothing as in the single-process ingest, with the same
rows and ids, so idempotency and resume work exactly as there. This process is the part
that does not scale: at 20 ms of CPU a document (its statements rebuilt for every row
group, the registries relinked by nine statements a name key, a commit a document) it fed
fewer than two workers, and on two cores left the second worker a third of a core; at
7.5 ms, most of it SQLite's own work, one client core feeds four to five workers
(``bench/scale.py``). Point ``scheduler`` at a Dask cluster to use
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
from demarche.store.ingest import IngestReport, Progress, analyse, count_written, pending
from demarche.store.store import Store, StoreError
from demarche.store.writer import PreparedDocument, prepare

Outcome = tuple[PreparedDocument | None, str, float]

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
    """(rows or None, error, seconds) — errors travel back as data, never as exceptions."""
    started = time.perf_counter()
    try:
        prepared = prepare(analyse(_worker_analyzer(language), raw))
        return prepared, "", time.perf_counter() - started
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
    # Results come straight from the workers: through the scheduler each document's rows
    # were received and sent again by one more process (4 ms of its CPU a document). A
    # worker the client cannot reach is still read through the scheduler.
    client = Client(scheduler or cluster, direct_to_workers=True)
    try:
        in_flight = as_completed()
        window = _Window(client)
        for chunk in batches(pending(items, known, report, progress), max(1, batch)):
            in_flight.add(client.submit(analyse_batch, chunk, language, pure=False))
            while in_flight.count() >= window.size():
                _store_batch(store, next(in_flight), report, progress)
        for future in in_flight:
            _store_batch(store, future, report, progress)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    report.seconds = time.perf_counter() - started
    return report


class _Window:
    """How many batches may be in flight: bounded work keeps memory flat on big archives;
    the bound follows the workers present, so workers that join later are used too. Asked
    of the scheduler once a second, not once a batch (a round trip each)."""

    def __init__(self, client, every: float = 1.0) -> None:
        self._client = client
        self._every = every
        self._asked = -every
        self._size = BATCHES_PER_THREAD

    def size(self) -> int:
        now = time.monotonic()
        if now - self._asked >= self._every:
            self._asked = now
            threads = sum(self._client.nthreads().values())
            self._size = BATCHES_PER_THREAD * max(1, threads)
        return self._size


def _store_batch(store: Store, future, report: IngestReport, progress: Progress | None) -> None:
    outcomes = future.result()
    future.release()
    report.analysis_seconds += sum(seconds for _, _, seconds in outcomes)
    written = iter(store.write_many([rows for rows, _, _ in outcomes if rows is not None]))
    for rows, error, _ in outcomes:
        if rows is None:
            report.fail(error, progress)
            continue
        outcome = next(written)
        if isinstance(outcome, StoreError):
            report.fail(str(outcome), progress)
        else:
            count_written(outcome[1], report, progress)
