"""How analysis time and memory grow with the length of one statement.

A long statement is made by repeating the bundled example statements (each repetition is a
new paragraph), so every size has the same mix of sentences. Each size runs in its own
process so its peak RSS is its own. Prints one line per size: characters, wall seconds, CPU
seconds, CPU seconds per 100k characters (flat when analysis is linear) and peak RSS. CPU time
is the figure to compare on a shared machine, where wall time includes waiting for a core.

To measure another checkout's code with the same script:
``PYTHONPATH=/path/to/other/src .venv/bin/python bench/scaling.py``.

    .venv/bin/python bench/scaling.py                          # 50k, 100k, 200k, 400k
    .venv/bin/python bench/scaling.py --sizes 200000,1000000
    .venv/bin/python bench/scaling.py --profile 200000         # cProfile, top 30 by cumtime

Benchmarks are not tests: numbers depend on the machine; compare sizes within one run.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "src" / "demarche" / "examples"


def long_statement(chars: int) -> str:
    """The bundled statements repeated, as paragraphs, up to ``chars`` characters."""
    pool = [p.read_text(encoding="utf-8").strip() for p in sorted(EXAMPLES.glob("*.txt"))]
    parts, size, i = [], 0, 0
    while size < chars:
        part = pool[i % len(pool)]
        parts.append(part)
        size += len(part) + 2
        i += 1
    return "\n\n".join(parts)[:chars]


def run_one(chars: int) -> dict[str, float]:
    from demarche.pipeline import Analyzer

    analyzer = Analyzer()
    analyzer.analyze_text("Москва, 1 января 2025 года. Россия и Китай провели переговоры.")
    text = long_statement(chars)
    started, cpu_started = time.perf_counter(), time.process_time()
    doc = analyzer.analyze_text(text)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "chars": len(text),
        "seconds": seconds,
        "cpu": cpu,
        "peak_mb": peak_mb,
        "mentions": len(doc.mentions),
        "events": len(doc.facts.events),
    }


def profile(chars: int) -> None:
    import cProfile
    import pstats

    from demarche.pipeline import Analyzer

    analyzer = Analyzer()
    text = long_statement(chars)
    profiler = cProfile.Profile()
    profiler.enable()
    analyzer.analyze_text(text)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50000,100000,200000,400000")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per size")
    parser.add_argument("--profile", type=int, metavar="CHARS", help="profile one size")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    if args.profile:
        profile(args.profile)
        return
    print(
        f"{'chars':>9} {'seconds':>9} {'cpu s':>8} {'cpu/100k':>8} {'peak MB':>8} "
        f"{'mentions':>9} {'events':>7}"
    )
    for chars in (int(s) for s in args.sizes.split(",")):
        try:
            done = subprocess.run(
                [sys.executable, __file__, "--one", str(chars)],
                capture_output=True,
                text=True,
                timeout=args.timeout,
                check=True,
            )
        except subprocess.TimeoutExpired:
            print(f"{chars:>9} over the {args.timeout:.0f} s timeout", flush=True)
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        per = r["cpu"] / r["chars"] * 100_000
        print(
            f"{r['chars']:>9} {r['seconds']:>9.2f} {r['cpu']:>8.2f} {per:>8.2f} "
            f"{r['peak_mb']:>8.0f} {r['mentions']:>9} {r['events']:>7}",
            flush=True,
        )


if __name__ == "__main__":
    main()
