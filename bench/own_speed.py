"""Docs per CPU second of whichever demarche is imported, over the statements of
tests/corpus and tests/corpus_holdout: run it with ``PYTHONPATH=<other checkout>/src`` to
compare two versions of the analyser one after the other, on the same texts.

    .venv/bin/python bench/own_speed.py
    PYTHONPATH=/path/to/old/src .venv/bin/python bench/own_speed.py
"""

from __future__ import annotations

import resource
import time
from pathlib import Path

import demarche
from demarche.pipeline import Analyzer

ROOT = Path(__file__).resolve().parent.parent


def main(repeat: int = 2) -> None:
    paths = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    paths += sorted((ROOT / "tests" / "corpus_holdout").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    analyzer = Analyzer()
    analyzer.analyze_text(texts[0])  # models and caches loaded before timing
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for text in texts:
            analyzer.analyze_text(text)
        best = min(best, time.process_time() - started)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{demarche.__file__}: {len(texts) / best:.1f} docs per CPU second, peak RSS {peak} MB")


if __name__ == "__main__":
    main()
