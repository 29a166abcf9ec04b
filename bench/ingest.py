"""Ingest throughput and query latency of the corpus store, SQLite and PostgreSQL, in one run.

    .venv/bin/python bench/ingest.py                  # 10k documents, both backends
    .venv/bin/python bench/ingest.py --docs 2000 --backends sqlite

1. Analysis alone: every distinct base text (FactRuEval devset, bundled examples, own
   corpus) analysed once, after a warm-up on the bundled examples; docs/s.
2. Storage alone: N documents written, one transaction each. The analysed records are
   cloned with a new content hash and a spread of dates, so N can reach 10k without
   analysing 10k texts; the write path is the real one.
3. End to end: a real ``ingest`` of --e2e distinct documents into a fresh SQLite store,
   against the analysis-alone rate measured above.
4. Query latency at N documents: actor profile, lemma search, event query (p50/p95).
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import resource
import statistics
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

import psycopg

from demarche.language.morphology import Morphology
from demarche.pipeline import Analyzer
from demarche.reading import read_sources
from demarche.store import Filters, Store, queries
from demarche.store.ingest import analyse, ingest
from demarche.store.search import search

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT.parent / "shared" / "factrueval-2016" / "devset",
    ROOT / "src" / "demarche" / "examples",
    ROOT / "tests" / "corpus",
]
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


def base_items():
    items = [i for i in read_sources([str(p) for p in SOURCES if p.exists()]) if hasattr(i, "text")]
    seen, unique = set(), []
    for item in items:
        if item.content_hash not in seen:
            seen.add(item.content_hash)
            unique.append(item)
    return unique


def clones(records, count: int):
    """``count`` records: the analysed ones with new identities and dates spread over 10 years."""
    for number in range(count):
        record = copy.copy(records[number % len(records)])
        record.content_hash = hashlib.sha256(f"{number}:{record.content_hash}".encode()).hexdigest()
        record.external_id = f"bench-{number}"
        record.date = date(2016 + number % 10, 1 + number % 12, 1 + number % 28)
        yield record


def timed(function, runs: int = 20) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def probes(connection, morphology):
    since_2020 = Filters(actor="CHN", date_from=date(2020, 1, 1))
    return [
        ("actor profile RUS", lambda: queries.actor_profile(connection, "RUS")),
        ("actor profile PRK", lambda: queries.actor_profile(connection, "PRK")),
        ("lemma search 'договор'", lambda: search(connection, "договор", morphology)),
        ("lemma search 'санкции США'", lambda: search(connection, "санкции США", morphology)),
        ("search + filters", lambda: search(connection, "переговоры", morphology, since_2020)),
        ("events RUS->USA", lambda: queries.events(connection, source="RUS", target="USA")),
    ]


def postgres_url() -> str:
    name = f"demarche_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name


def drop_postgres(url: str) -> None:
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--e2e", type=int, default=150, help="documents in the real ingest")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--keep", action="store_true", help="keep the stores")
    args = parser.parse_args()

    analyzer = Analyzer()
    items = base_items()
    # Warm up on the bundled examples only: timing the same texts twice would flatter the
    # analysis with per-word caches that novel texts do not hit.
    for item in read_sources([str(SOURCES[1])]):
        analyse(analyzer, item)
    started = time.perf_counter()
    records = [analyse(analyzer, item) for item in items]
    analysis_seconds = time.perf_counter() - started
    per_doc_analysis = analysis_seconds / len(records)
    rate = len(records) / analysis_seconds
    print(f"analysis alone: {len(records)} distinct docs, {rate:.1f} docs/s")

    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(Path(tmp) / "e2e.db") as store:
            e2e_items = items[: args.e2e]
            analysis_only = sum(1 for _ in e2e_items)
            report = ingest(store, e2e_items, analyzer)
            share = 1 - report.analysis_seconds / report.seconds
            print(
                f"end to end (sqlite, {analysis_only} docs): {report.docs_per_second:.1f} docs/s; "
                f"analysis {report.analysis_seconds:.1f}s of {report.seconds:.1f}s, "
                f"storage and reading {share:.1%}"
            )

        morphology = Morphology()
        for backend in args.backends.split(","):
            url = str(Path(tmp) / "bench.db") if backend == "sqlite" else postgres_url()
            try:
                with Store.open(url) as store:
                    started = time.perf_counter()
                    for record in clones(records, args.docs):
                        store.add(record)
                    write_seconds = time.perf_counter() - started
                    per_doc_write = write_seconds / args.docs
                    end_to_end = 1 / (per_doc_analysis + per_doc_write)
                    print(
                        f"{backend}: stored {args.docs} docs in {write_seconds:.1f}s "
                        f"({args.docs / write_seconds:.0f} docs/s); storage = "
                        f"{per_doc_write / per_doc_analysis:.1%} of analysis time; "
                        f"end to end {end_to_end:.1f} docs/s vs analysis alone "
                        f"{1 / per_doc_analysis:.1f} docs/s"
                    )
                    with store.engine.connect() as connection:
                        for label, query in probes(connection, morphology):
                            p50, p95 = timed(query)
                            print(f"  {label:<28} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")
                    print(f"  counts: {store.counts()}")
            finally:
                if backend == "postgresql" and not args.keep:
                    drop_postgres(url)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
