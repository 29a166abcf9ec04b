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
5. CPU: what each process spent a document during the timed ingest (psutil: the serial
   process; each worker with its nanny; the client, i.e. this process; the scheduler).

The wall-clock ratios hold on this machine only as far as it has cores: on 2 cores the
client and the scheduler share them with the two workers, so the second worker does not
have a core of its own. A worker that has one runs at its docs per CPU-second (it is
single-threaded and never waits for work: two batches are queued per worker), which is
reported against the serial process's docs per CPU-second, with the client's and the
scheduler's CPU a document, i.e. how many workers one client core can feed.

Each configuration runs --repeat times; the median is reported, and the serial baseline is
re-measured in each phase so that each ratio is against a baseline from the same minutes.
"""

from __future__ import annotations

import argparse
import dataclasses
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
    cpu = time.process_time()
    report = ingest(store, read_sources([sys.argv[2]]), analyzer)
    cpu = time.process_time() - cpu
print(report.stored, report.seconds, cpu)
"""


@dataclasses.dataclass
class Run:
    """One timed ingest: its rate and the CPU seconds each process spent on it."""

    docs: int
    seconds: float
    workers: list[float] = dataclasses.field(default_factory=list)
    client: float = 0.0
    scheduler: float = 0.0

    @property
    def rate(self) -> float:
        return self.docs / self.seconds

    def per_doc(self, seconds: float) -> float:
        """CPU milliseconds a document."""
        return 1000 * seconds / self.docs

    @property
    def per_worker_cpu_second(self) -> float:
        """Documents per CPU-second of the workers: a worker's rate on a core of its own."""
        return self.docs / sum(self.workers)


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


def serial(texts: Path, warm: Path, tmp: Path) -> Run:
    db = tmp / f"serial-{time.monotonic_ns()}.db"
    command = [*pinned(0), sys.executable, "-c", SERIAL, str(db), str(texts), str(warm)]
    out = subprocess.run(command, check=True, capture_output=True, text=True, env=os.environ)
    stored, seconds, cpu = out.stdout.split()
    db.unlink()
    return Run(int(stored), float(seconds), workers=[float(cpu)])


def cpu_seconds(process: subprocess.Popen) -> float:
    """User and system CPU of a process and its children (a dask worker's nanny and the
    worker process it starts)."""
    import psutil

    try:
        root = psutil.Process(process.pid)
        total = sum(root.cpu_times()[:2])
        for child in root.children(recursive=True):
            total += sum(child.cpu_times()[:2])
    except psutil.NoSuchProcess:
        return 0.0
    return total


def distributed(
    address: str, texts: Path, tmp: Path, batch: int, scheduler=None, workers=()
) -> Run:
    from demarche.reading import read_sources
    from demarche.store import Store
    from demarche.store.distributed import ingest_distributed

    db = tmp / f"dask-{time.monotonic_ns()}.db"
    before = [cpu_seconds(w) for w in workers]
    scheduler_before = cpu_seconds(scheduler) if scheduler else 0.0
    client_before = time.process_time()
    with Store.open(db) as store:
        report = ingest_distributed(
            store, read_sources([str(texts)]), scheduler=address, batch=batch
        )
    client = time.process_time() - client_before
    db.unlink()
    if report.failed:
        raise SystemExit(f"ingest failed: {report.failed[:3]}")
    return Run(
        report.stored,
        report.seconds,
        workers=[cpu_seconds(w) - b for w, b in zip(workers, before, strict=True)],
        client=client,
        scheduler=cpu_seconds(scheduler) - scheduler_before if scheduler else 0.0,
    )


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
        workers: list[subprocess.Popen] = []
        results: dict[str, list[Run]] = {"serial": [], "1 worker": [], "2 workers": []}
        baselines: dict[str, list[Run]] = {"1 worker": [], "2 workers": []}
        try:
            time.sleep(2)
            for count, name in ((1, "1 worker"), (2, "2 workers")):
                workers.append(start_worker(address, (count - 1) % cores))
                processes.append(workers[-1])
                wait_and_warm(address, count)
                # warm the client's store path and the scheduler's imports of the task code
                distributed(address, warm, tmp, args.batch)
                for _ in range(args.repeat):
                    base = serial(texts, warm, tmp)
                    baselines[name].append(base)
                    results["serial"].append(base)
                    run = distributed(address, texts, tmp, args.batch, scheduler, workers)
                    results[name].append(run)
                    print(
                        f"  {name}: serial {base.rate:.1f} docs/s, dask {run.rate:.1f} docs/s"
                        f" (CPU ms a document: workers {run.per_doc(sum(run.workers)):.1f},"
                        f" client {run.per_doc(run.client):.1f},"
                        f" scheduler {run.per_doc(run.scheduler):.1f})",
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
    report(results, baselines)


def report(results: dict[str, list[Run]], baselines: dict[str, list[Run]]) -> None:
    median = {name: statistics.median(run.rate for run in runs) for name, runs in results.items()}
    base1, base2 = (statistics.median(r.rate for r in baselines[n]) for n in baselines)

    def cpu(name: str, part) -> float:
        """Median CPU milliseconds a document of one part of a configuration's runs."""
        return statistics.median(run.per_doc(part(run)) for run in results[name])

    print(f"\n{'configuration':<24}{'docs/s':>8}   CPU ms a document (medians):")
    print(f"{'':<32}{'workers':>9}{'client':>8}{'scheduler':>11}")
    for name in ("serial", "1 worker", "2 workers"):
        label = name + (" (single thread)" if name == "serial" else "")
        line = f"{label:<24}{median[name]:>8.1f}{cpu(name, lambda r: sum(r.workers)):>9.1f}"
        if name != "serial":
            client, scheduler = cpu(name, lambda r: r.client), cpu(name, lambda r: r.scheduler)
            line += f"{client:>8.1f}{scheduler:>11.1f}"
        print(line + ("  (the serial process: analysis and writes)" if name == "serial" else ""))

    first = median["1 worker"] / base1
    # what the second worker adds, against the serial rate measured in the same phase
    added = (median["2 workers"] - median["1 worker"] * base2 / base1) / base2
    shared = statistics.median((r.client + r.scheduler) / r.seconds for r in results["2 workers"])
    print("\nwall clock, on this machine's cores:")
    print(f"  1 worker / serial:                    {first:.2f}")
    print(f"  second worker adds / serial:          {added:.2f}  (target >= 0.8)")
    print(f"  2 workers / (2 x serial):             {median['2 workers'] / (2 * base2):.2f}")
    print(f"  client + scheduler took {shared:.2f} of a core beside the 2 workers")

    one = statistics.median(r.per_worker_cpu_second for r in results["1 worker"])
    both = statistics.median(r.per_worker_cpu_second for r in results["2 workers"])
    serial_cpu = statistics.median(r.per_worker_cpu_second for r in results["serial"])
    print("\na worker on a core of its own (docs per worker CPU-second / serial's per CPU-second):")
    print(f"  serial: {serial_cpu:.1f} docs per CPU-second")
    print(f"  1 worker:                             {one / serial_cpu:.2f}  ({one:.1f})")
    print(f"  each of 2 workers:                    {both / serial_cpu:.2f}  ({both:.1f})")
    client_ms = statistics.median(r.per_doc(r.client) for r in results["2 workers"])
    print(
        f"  the client needs {client_ms:.1f} ms a document: one client core keeps up with "
        f"{1000 / client_ms / both:.1f} such workers"
    )


if __name__ == "__main__":
    main()
