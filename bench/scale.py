"""Scale-out ingest: serial single-thread vs 1 and 2 Dask worker processes, same documents.

    .venv/bin/python bench/scale.py                  # 600 statements, 2 repeats
    .venv/bin/python bench/scale.py --docs 300 --repeat 1

As on separate machines: ``dask scheduler`` and each ``dask worker ADDR --nthreads 1
--nworkers 1`` are separate commands, each worker pinned to its own core with ``taskset -c
K`` when available. Every process runs single-threaded (OMP/OPENBLAS/MKL_NUM_THREADS=1),
the serial baseline too (in a subprocess pinned to core 0), so a worker's share is one core.

1. Texts: --docs distinct statements from src/demarche/examples/ and tests/corpus*/,
   each made distinct by a small variation (an issue number line), written to a folder.
2. Serial: ``ingest`` in one process after the models are loaded; docs/s.
3. 1 worker, then 2 workers: ``ingest_distributed`` through the scheduler into a fresh
   SQLite store, after the workers have loaded their models; the store is written here.
4. Ratios: 1 worker / serial, and what the second worker adds / serial (target >= 0.8).

Each configuration runs --repeat times; the median is reported, and the serial baseline is
re-measured in each phase so that each ratio is against a baseline from the same minutes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SINGLE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
os.environ.update(SINGLE_THREAD)  # before numpy loads here: the client writes, it does not fight

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "src" / "demarche" / "examples",
    ROOT / "tests" / "corpus",
    ROOT / "tests" / "corpus_holdout",
]
DASK = Path(sys.executable).with_name("dask")
TASKSET = shutil.which("taskset")
VARIANTS = ["Выпуск № {n}.", "Материал № {n} опубликован на сайте.", "Справка № {n}."]

SERIAL = """
import sys, time
from demarche.pipeline import Analyzer
from demarche.reading import read_sources
from demarche.store import Store
from demarche.store.ingest import ingest
analyzer = Analyzer()
analyzer.analyze(next(iter(read_sources([sys.argv[3]]))))  # warm: lazy tables, caches
with Store.open(sys.argv[1]) as store:
    report = ingest(store, read_sources([sys.argv[2]]), analyzer)
print(report.stored, report.seconds)
"""


def pinned(core: int | None) -> list[str]:
    return [TASKSET, "-c", str(core)] if TASKSET and core is not None else []


def make_texts(folder: Path, count: int) -> int:
    bases = []
    for source in SOURCES:
        bases += [p.read_text(encoding="utf-8") for p in sorted(source.glob("*.txt"))]
    for number in range(count):
        variant = VARIANTS[number % len(VARIANTS)].format(n=number + 1)
        text = bases[number % len(bases)]
        (folder / f"doc{number:05}.txt").write_text(f"{text}\n\n{variant}\n", encoding="utf-8")
    return len(bases)


def serial(texts: Path, warm: Path, tmp: Path) -> float:
    db = tmp / f"serial-{time.monotonic_ns()}.db"
    command = [*pinned(0), sys.executable, "-c", SERIAL, str(db), str(texts), str(warm)]
    out = subprocess.run(command, check=True, capture_output=True, text=True, env=os.environ)
    stored, seconds = out.stdout.split()
    db.unlink()
    return int(stored) / float(seconds)


def distributed(address: str, texts: Path, tmp: Path, batch: int) -> float:
    from demarche.reading import read_sources
    from demarche.store import Store
    from demarche.store.distributed import ingest_distributed

    db = tmp / f"dask-{time.monotonic_ns()}.db"
    with Store.open(db) as store:
        report = ingest_distributed(
            store, read_sources([str(texts)]), scheduler=address, batch=batch
        )
    db.unlink()
    if report.failed:
        raise SystemExit(f"ingest failed: {report.failed[:3]}")
    return report.docs_per_second


def start_worker(address: str, core: int | None) -> subprocess.Popen:
    command = [*pinned(core), str(DASK), "worker", address, "--nthreads", "1", "--nworkers", "1"]
    command += ["--no-dashboard", "--name", f"core-{core}"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_and_warm(address: str, workers: int) -> None:
    from distributed import Client

    from demarche.store.distributed import warm_worker

    with Client(address, timeout=30) as client:
        client.wait_for_workers(workers, timeout=120)
        # models load once per worker; the timed runs measure analysis, not start-up
        client.run(warm_worker)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=600, help="statements to ingest")
    parser.add_argument("--repeat", type=int, default=2, help="runs per configuration")
    parser.add_argument("--batch", type=int, default=8, help="documents per Dask task")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    if cores < 2:
        print("note: one core — the two workers share it", file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        texts, warm = tmp / "texts", tmp / "warm"
        texts.mkdir()
        warm.mkdir()
        bases = make_texts(texts, args.docs)
        shutil.copy(next(iter(sorted(SOURCES[0].glob("*.txt")))), warm / "warm.txt")
        print(f"{args.docs} statements from {bases} base texts; taskset: {bool(TASKSET)}")

        port = free_port()
        address = f"tcp://127.0.0.1:{port}"
        scheduler = subprocess.Popen(
            [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        processes = [scheduler]
        results: dict[str, list[float]] = {"serial": [], "1 worker": [], "2 workers": []}
        baselines: dict[str, list[float]] = {"1 worker": [], "2 workers": []}
        try:
            time.sleep(2)
            for workers, name in ((1, "1 worker"), (2, "2 workers")):
                processes.append(start_worker(address, (workers - 1) % cores))
                wait_and_warm(address, workers)
                distributed(address, warm, tmp, args.batch)  # warm the client's store path
                for _ in range(args.repeat):
                    rate = serial(texts, warm, tmp)
                    baselines[name].append(rate)
                    results["serial"].append(rate)
                    results[name].append(distributed(address, texts, tmp, args.batch))
                    print(
                        f"  {name}: serial {rate:.1f} docs/s, dask {results[name][-1]:.1f} docs/s",
                        flush=True,
                    )
        finally:
            for process in reversed(processes):
                process.terminate()
            for process in reversed(processes):
                try:
                    process.wait(20)
                except subprocess.TimeoutExpired:
                    process.kill()

    median = {name: statistics.median(rates) for name, rates in results.items()}
    base1, base2 = (statistics.median(baselines[n]) for n in ("1 worker", "2 workers"))
    print(f"\n{'configuration':<24}{'docs/s':>8}")
    for name in ("serial", "1 worker", "2 workers"):
        print(f"{name + (' (single thread)' if name == 'serial' else ''):<24}{median[name]:>8.1f}")
    first = median["1 worker"] / base1
    # what the second worker adds, against the serial rate measured in the same phase
    added = (median["2 workers"] - median["1 worker"] * base2 / base1) / base2
    print(f"\n1 worker / serial:                 {first:.2f}")
    print(f"second worker adds / serial:       {added:.2f}  (target >= 0.8)")
    print(f"2 workers / (2 x serial):          {median['2 workers'] / (2 * base2):.2f}")


if __name__ == "__main__":
    main()
