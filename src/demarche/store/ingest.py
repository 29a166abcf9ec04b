"""Ingest: read -> skip what is stored -> analyse -> write, one transaction per document.

Idempotent (the content hash is the identity) and resumable: after a kill, a rerun skips
every document already committed and goes on with the rest.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from demarche.errors import UnsupportedLanguage
from demarche.reading import RawDocument, ReadFailure
from demarche.store.store import Store, StoreError
from demarche.version import analyzer_version

if TYPE_CHECKING:
    from demarche.pipeline import Analyzer
    from demarche.store.record import DocumentRecord

Progress = Callable[[str], None]


@dataclass(slots=True)
class IngestReport:
    stored: int = 0
    unchanged: int = 0
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    analysis_seconds: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0

    def fail(self, message: str, progress: Progress | None) -> None:
        self.failed.append(message)
        tick(progress, "failed")


def pending(
    items: Iterable[RawDocument | ReadFailure],
    known: dict[str, str],
    report: IngestReport,
    progress: Progress | None,
) -> Iterator[RawDocument]:
    """The items that need analysis; read failures are reported, stored texts counted."""
    version = analyzer_version()
    for item in items:
        if isinstance(item, ReadFailure):
            report.fail(str(item), progress)
        elif known.get(item.content_hash) == version:
            report.unchanged += 1
            tick(progress, "unchanged")
        else:
            known[item.content_hash] = version
            yield item


def store_record(
    store: Store, record: DocumentRecord, report: IngestReport, progress: Progress | None
) -> None:
    try:
        _, written = store.write(record)
    except StoreError as error:
        report.fail(str(error), progress)
        return
    count_written(written, report, progress)


def count_written(written: bool, report: IngestReport, progress: Progress | None) -> None:
    if written:
        report.stored += 1
        tick(progress, "stored")
    else:  # another ingest stored the same text meanwhile
        report.unchanged += 1
        tick(progress, "unchanged")


def analyse(analyzer: Analyzer, raw: RawDocument, language: str | None = None) -> DocumentRecord:
    from demarche.store.record import build_record

    doc = analyzer.analyze(raw, language)
    return build_record(doc, raw.content_hash, analyzer.morphology_for(doc.language))


class LazyAnalyzer:
    """The analyser, loaded on first use: a run with nothing new to analyse never pays the
    seconds its models take to load."""

    def __init__(self, analyzer: Analyzer | None) -> None:
        self._analyzer = analyzer

    def get(self) -> Analyzer:
        if self._analyzer is None:
            from demarche.pipeline import Analyzer

            self._analyzer = Analyzer()
        return self._analyzer


def ingest(
    store: Store,
    items: Iterable[RawDocument | ReadFailure],
    analyzer: Analyzer | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    lazy = LazyAnalyzer(analyzer)
    report = IngestReport()
    known = store.versions()
    started = time.perf_counter()
    for item in pending(items, known, report, progress):
        analysed = time.perf_counter()
        try:
            record = analyse(lazy.get(), item)
        except UnsupportedLanguage as error:  # skipped, never analysed as another language
            report.fail(str(error), progress)
            continue
        except Exception as error:  # one bad document never stops the batch
            report.fail(f"{item.source}: analysis failed ({error.__class__.__name__})", progress)
            continue
        report.analysis_seconds += time.perf_counter() - analysed
        store_record(store, record, report, progress)
    report.seconds = time.perf_counter() - started
    return report


def reanalyze(
    store: Store, analyzer: Analyzer | None = None, progress: Progress | None = None
) -> IngestReport:
    """Re-run the analysis on every document stored by another analyser version, from its
    text and the title and date given with it."""
    lazy = LazyAnalyzer(analyzer)
    report = IngestReport()
    started = time.perf_counter()
    for document_id in store.stale(analyzer_version()):
        item = store.document_raw(document_id)
        if item is None:  # deleted meanwhile
            continue
        try:
            _, written = store.write(analyse(lazy.get(), item))
        except Exception as error:  # keep the old analysis; report and go on
            report.fail(f"{item.source}: not re-analysed ({error.__class__.__name__})", progress)
            continue
        if written:
            report.stored += 1
        else:
            report.unchanged += 1
        tick(progress, "stored" if written else "unchanged")
    report.seconds = time.perf_counter() - started
    return report


def tick(progress: Progress | None, outcome: str) -> None:
    if progress is not None:
        progress(outcome)
