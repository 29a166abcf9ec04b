"""Loopback load test of the web app: read endpoints, the reader page and ``/analyze``.

    .venv/bin/python bench/serve.py                           # 10k documents, temporary store
    .venv/bin/python bench/serve.py --docs 2000 --db /tmp/serve-2k.db   # build once, reuse
    .venv/bin/python bench/serve.py --docs 2000 --db /tmp/serve-2k.db --clients 32  # load test

1. Store: the distinct base texts (FactRuEval devset, bundled examples) are analysed once
   and their records stored again under new content hashes and dates until the store holds
   --docs documents (the write path is the real one; only the analysis is shared). A --db
   that already holds that many documents is reused as it is.
2. Server: ``demarche serve`` in a subprocess on 127.0.0.1, one process, as a user runs it.
3. Load: per endpoint, --requests requests from --clients concurrent clients (threads, one
   keep-alive httpx client each). Reports requests/s and p50/p95/p99 latency per endpoint.

Targets: reader page and document p95 < 100 ms, search p95 < 250 ms; with 32 clients over
2,000 documents every endpoint but ``/analyze`` keeps p99 under 1 s.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import math
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT.parent / "shared" / "factrueval-2016" / "devset",
    ROOT / "src" / "demarche" / "examples",
]
WORDS = [
    "договор",
    "переговоры",
    "санкции",
    "сотрудничество",
    "президент",
    "безопасность",
    "Россия США",
    "министр иностранных дел",
    "выборы",
    "газ",
]
ACTORS = ["RUS", "USA", "CHN", "UKR", "PRK", "DEU", "FRA"]
TARGETS = {"reader page": 100.0, "document": 100.0, "search": 250.0}


def build_store(db: str, docs: int) -> None:
    from demarche.pipeline import Analyzer
    from demarche.reading import read_sources
    from demarche.store import Store
    from demarche.store.ingest import analyse

    with Store.open(db) as store:
        have = store.counts()["documents"]
        if have >= docs:
            print(f"store: reusing {db} ({have} documents)")
            return
        items, seen = [], set()
        for item in read_sources([str(p) for p in SOURCES if p.exists()]):
            if hasattr(item, "text") and item.content_hash not in seen:
                seen.add(item.content_hash)
                items.append(item)
        started = time.perf_counter()
        analyzer = Analyzer()
        records = [analyse(analyzer, item) for item in items]
        print(f"store: {len(records)} base texts analysed in {time.perf_counter() - started:.0f}s")
        started = time.perf_counter()
        for number in range(have, docs):
            record = copy.copy(records[number % len(records)])
            digest = f"serve-{number}:{record.content_hash}".encode()
            record.content_hash = hashlib.sha256(digest).hexdigest()
            record.external_id = f"serve-{number}"
            record.date = date(2016 + number % 10, 1 + number % 12, 1 + number % 28)
            store.add(record)
            if (number + 1) % 1000 == 0:
                print(f"store: {number + 1} documents", flush=True)
        seconds = time.perf_counter() - started
        print(f"store: {docs - have} documents written in {seconds:.0f}s at {db}")


def stored_ids(db: str) -> list[int]:
    from sqlalchemy import select

    from demarche.store import Store
    from demarche.store import schema as t

    with Store.open(db) as store, store.engine.connect() as connection:
        return list(connection.execute(select(t.documents.c.id)).scalars())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "DEMARCHE_TOKEN"}
    command = [sys.executable, "-m", "demarche", "serve", "--db", db, "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited with {server.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).is_success:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("server did not come up in 60 s")


def analysis_texts() -> list[str]:
    texts = sorted((ROOT / "src" / "demarche" / "examples").glob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in texts]


def requests_for(name: str, ids: list[int], rng: random.Random, texts: list[str]):
    """(method, path, json body) of one request to the named endpoint."""
    if name == "reader page":
        return "GET", f"/documents/{rng.choice(ids)}", None
    if name == "document":
        return "GET", f"/api/v1/documents/{rng.choice(ids)}", None
    if name == "search":
        return "GET", f"/api/v1/search?q={rng.choice(WORDS)}&limit=20", None
    if name == "search + filters":
        year = rng.randint(2016, 2025)
        query = f"q={rng.choice(WORDS)}&from={year}&to={year}&limit=20"
        return "GET", f"/api/v1/search?{query}", None
    if name == "documents list":
        return "GET", f"/api/v1/documents?limit=50&offset={rng.randint(0, 2000)}", None
    if name == "events":
        source, target = rng.sample(ACTORS, 2)
        return "GET", f"/api/v1/events?source={source}&target={target}&limit=50", None
    if name == "actor profile":
        return "GET", f"/api/v1/actors/{rng.choice(ACTORS)}", None
    if name == "home page":
        return "GET", "/", None
    if name == "agreements":
        return "GET", "/api/v1/agreements", None
    if name == "agreements page":
        return "GET", "/agreements", None
    if name == "actors list":
        return "GET", rng.choice(["/api/v1/actors", "/api/v1/actors?limit=200"]), None
    if name == "network":
        year = rng.randint(2016, 2025)
        return "GET", rng.choice(["/api/v1/network", f"/api/v1/network?from={year}"]), None
    if name == "analyze":
        return "POST", "/api/v1/analyze", {"text": rng.choice(texts)}
    raise ValueError(name)


def load(base: str, name: str, count: int, clients: int, ids: list[int]) -> dict:
    texts = analysis_texts()
    rng = random.Random(name)
    planned = [requests_for(name, ids, rng, texts) for _ in range(count)]
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    local = threading.local()

    def one(request) -> None:
        nonlocal errors
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=base, timeout=60)
        method, path, body = request
        started = time.perf_counter()
        response = local.client.request(method, path, json=body)
        response.read()
        elapsed = (time.perf_counter() - started) * 1000
        with lock:
            latencies.append(elapsed)
            if response.status_code != 200:
                errors += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, planned))
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "endpoint": name,
        "requests": count,
        "errors": errors,
        "rps": count / wall,
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
        "p99": percentile(latencies, 0.99),
    }


def percentile(ordered: list[float], share: float) -> float:
    """The nearest-rank percentile of sorted latencies."""
    return ordered[max(0, math.ceil(len(ordered) * share) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the store")
    parser.add_argument("--db", help="store path to build or reuse (default: temporary)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients")
    parser.add_argument("--requests", type=int, default=400, help="requests per endpoint")
    parser.add_argument("--analyze-requests", type=int, default=40, help="requests to /analyze")
    parser.add_argument("--only", help="comma-separated endpoints to load (default: all)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "serve.db")
        build_store(db, args.docs)
        port = free_port()
        server = start_server(db, port)
        base = f"http://127.0.0.1:{port}"
        try:
            ids = stored_ids(db)
            total = len(ids)
            endpoints = [
                "reader page",
                "document",
                "search",
                "search + filters",
                "documents list",
                "events",
                "actor profile",
                "home page",
                "agreements",
                "agreements page",
                "actors list",
                "network",
                "analyze",
            ]
            if args.only:
                endpoints = [name for name in endpoints if name in args.only.split(",")]
            for name in endpoints:  # warm up: models, caches, connections
                load(base, name, 2, 1, ids)
            print(f"\n{total} documents, {args.clients} clients, one server process at {base}\n")
            print(
                f"{'endpoint':<18}{'requests':>9}{'errors':>8}{'req/s':>9}{'p50 ms':>9}"
                f"{'p95 ms':>9}{'p99 ms':>9}  target"
            )
            for name in endpoints:
                count = args.analyze_requests if name == "analyze" else args.requests
                result = load(base, name, count, args.clients, ids)
                target = TARGETS.get(name)
                verdict = ""
                if target:
                    verdict = f"p95 < {target:.0f} ms " + (
                        "ok" if result["p95"] < target else "MISSED"
                    )
                print(
                    f"{name:<18}{result['requests']:>9}{result['errors']:>8}"
                    f"{result['rps']:>9.1f}{result['p50']:>9.1f}{result['p95']:>9.1f}"
                    f"{result['p99']:>9.1f}  {verdict}",
                    flush=True,
                )
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
