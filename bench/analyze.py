"""Throughput and peak memory of ``demarche analyze`` against plain Natasha, in one run.

Each system runs in its own process (so peak RSS is its own), on the same texts, one core.
Baseline: Natasha's full pipeline (segment + morph + syntax + NER) per document.

    .venv/bin/python bench/analyze.py                 # seed copies, then the mixed corpus
    .venv/bin/python bench/analyze.py --docs 300
    .venv/bin/python bench/analyze.py --corpus factrueval   # 122 distinct news texts

Corpora: ``seed`` is N copies of the seed statement (flattering to per-word caches);
``mixed`` cycles the statements in tests/corpus/*.txt to N documents; ``factrueval`` is the
FactRuEval-2016 devset. ``--corpus`` takes a comma-separated list.

``--lang en`` measures the English pack instead: ``seed`` is N English statements of the
seed's size (the invented statements of tests/english/ joined until as long), ``mixed`` cycles
those statements; the baseline is spaCy's full en_core_web_sm pipeline per document. The
Demarche worker analyses one Russian statement first, so its peak RSS holds both packs.

    .venv/bin/python bench/analyze.py --lang en --docs 60 --corpus seed,mixed
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_7b854fd4ab34d6fc.txt"
FACTRUEVAL = ROOT.parent / "shared" / "factrueval-2016" / "devset"
EXAMPLE = ROOT / "src" / "demarche" / "examples" / "statement_ru.txt"
MIXED = ROOT / "tests" / "corpus"
ENGLISH = ROOT / "tests" / "english"
CORPORA = ("seed", "mixed", "factrueval")
LANGUAGES = ("ru", "en")


def english_texts_for(corpus: str, docs: int) -> list[str]:
    pool = [p.read_text(encoding="utf-8") for p in sorted(ENGLISH.glob("en_*.txt"))]
    if corpus == "mixed":
        return [pool[i % len(pool)] for i in range(docs)]
    if corpus != "seed":
        raise SystemExit(f"--lang en has no corpus {corpus!r} (seed, mixed)")
    size = len((SEED if SEED.exists() else EXAMPLE).read_text(encoding="utf-8"))
    # One seed-sized statement: the first one's title, then bodies until as long as the seed.
    first, *rest = pool
    parts, index = [first], 0
    while sum(len(p) for p in parts) < size:
        body = rest[index % len(rest)].split("\n", 1)[1] if rest else first
        parts.append(body)
        index += 1
    return ["\n".join(parts)] * docs


def spacy_runner():
    from demarche.language.english import load_english

    nlp = load_english().nlp

    def run(text: str) -> int:
        return len(nlp(text).ents)

    return run


def texts_for(corpus: str, docs: int, lang: str = "ru") -> list[str]:
    if lang == "en":
        return english_texts_for(corpus, docs)
    if corpus == "factrueval":
        return [p.read_text(encoding="utf-8") for p in sorted(FACTRUEVAL.glob("*.txt"))]
    if corpus == "mixed":
        pool = [p.read_text(encoding="utf-8") for p in sorted(MIXED.glob("*.txt"))]
        return [pool[i % len(pool)] for i in range(docs)]
    source = SEED if SEED.exists() else EXAMPLE
    return [source.read_text(encoding="utf-8")] * docs


def natasha_runner():
    from natasha import (
        Doc,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    embedding = NewsEmbedding()
    segmenter, morph = Segmenter(), NewsMorphTagger(embedding)
    syntax, ner = NewsSyntaxParser(embedding), NewsNERTagger(embedding)

    def run(text: str) -> int:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
        return len(doc.spans)

    return run


def demarche_runner(lang: str = "ru"):
    from demarche.pipeline import Analyzer

    analyzer = Analyzer()
    if lang == "en":  # both packs loaded, as in a mixed archive
        analyzer.analyze_text((SEED if SEED.exists() else EXAMPLE).read_text(encoding="utf-8"))

    def run(text: str) -> int:
        return len(analyzer.analyze_text(text).mentions)

    return run


def worker(system: str, corpus: str, docs: int, lang: str = "ru") -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    texts = texts_for(corpus, docs, lang)
    started = time.perf_counter()
    if system == "natasha":
        run = natasha_runner()
    elif system == "spacy":
        run = spacy_runner()
    else:
        run = demarche_runner(lang)
    load_seconds = time.perf_counter() - started
    run(texts[0])  # warm-up: first-call allocations are not per-document cost
    started, cpu_started = time.perf_counter(), time.process_time()
    found = sum(run(text) for text in texts)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    chars = sum(len(t) for t in texts)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "system": system,
                "docs": len(texts),
                "seconds": seconds,
                "docs_per_s": len(texts) / seconds,
                "cpu_seconds": cpu_seconds,
                "cpu_docs_per_s": len(texts) / cpu_seconds,
                "chars_per_s": chars / seconds,
                "peak_rss_mb": peak_kb / 1024,
                "load_s": load_seconds,
                "items": found,
                "chars_per_doc": chars / len(texts),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--docs", type=int, default=100, help="documents per corpus (seed copies; mixed cycles)"
    )
    parser.add_argument(
        "--corpus", default="seed,mixed", help="comma-separated: " + ", ".join(CORPORA)
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run each system this many times, alternating, and keep each one's best run "
        "(by CPU time; machines are noisy)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="ru",
        help="ru: Russian pack vs Natasha; en: English pack vs spaCy's en_core_web_sm",
    )
    parser.add_argument(
        "--worker", choices=["natasha", "spacy", "demarche"], help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.corpus, args.docs, args.lang)
        return
    env = {
        **os.environ,
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }
    for corpus in args.corpus.split(","):
        if corpus not in CORPORA:
            parser.error(f"unknown corpus {corpus!r}; choose from {', '.join(CORPORA)}")
        compare(corpus, args.docs, env, max(1, args.repeat), args.lang)


def compare(corpus: str, docs: int, env: dict[str, str], repeat: int, lang: str = "ru") -> None:
    results: dict[str, dict] = {}
    baseline = "natasha" if lang == "ru" else "spacy"
    for _ in range(repeat):
        for system in (baseline, "demarche"):
            command = [sys.executable, __file__, "--worker", system, "--corpus", corpus,
                       "--docs", str(docs), "--lang", lang]  # fmt: skip
            output = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
            run = json.loads(output.stdout.strip().splitlines()[-1])
            best = results.get(system)
            if best is None or run["cpu_docs_per_s"] > best["cpu_docs_per_s"]:
                results[system] = run
    runs = f", best of {repeat} runs" if repeat > 1 else ""
    size = results[baseline]["chars_per_doc"]
    print(
        f"corpus: {corpus} ({lang}), {results[baseline]['docs']} documents of {size:.0f} chars "
        f"on average, one thread each{runs}"
    )
    header = f"{'system':<10}{'docs/s':>10}{'chars/s':>12}{'CPU docs/s':>12}{'peak RSS MB':>14}"
    print(header + f"{'load s':>9}")
    for system, r in results.items():
        print(
            f"{system:<10}{r['docs_per_s']:>10.1f}{r['chars_per_s']:>12.0f}"
            f"{r['cpu_docs_per_s']:>12.1f}{r['peak_rss_mb']:>14.0f}{r['load_s']:>9.1f}"
        )
    ratio = results["demarche"]["docs_per_s"] / results[baseline]["docs_per_s"]
    cpu_ratio = results["demarche"]["cpu_docs_per_s"] / results[baseline]["cpu_docs_per_s"]
    print(
        f"demarche / {baseline} throughput: {ratio:.2f}x wall-clock, "
        f"{cpu_ratio:.2f}x per CPU second"
        " (same texts, so chars/s agree)"
    )
    print()


if __name__ == "__main__":
    main()
