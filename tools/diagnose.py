"""Why events are missed on development gold: each required miss is classed as
none (nothing overlaps its words), type, src, tgt or mod (the nearest overlapping
prediction differs in that field); false positives are listed with their words.

    python tools/diagnose.py tests/gold/r18[,tests/gold/e4] [summary|misses|fp|all|near]

Development rounds only: never run it on a frozen round (tests/gold/rounds.json).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from demarche.evaluation.facts import _codes, _event_matches, _overlaps
from demarche.evaluation.gold import event_modality, gold_pairs, load_gold, required, span_of
from demarche.pipeline import Analyzer
from demarche.reading import RawDocument, read_sources

FROZEN = {
    r["dir"]
    for r in json.loads(Path("tests/gold/rounds.json").read_text())["rounds"]
    if r.get("status") in ("frozen", "sealed")
}


def _why(item: dict, events: list, text: str) -> str:
    span = span_of(text, item["evidence"])
    near = [e for e in events if _overlaps([e.evidence], span)]
    same = [e for e in near if e.type == item["type"]]
    if not near:
        return "none"
    if not same:
        return "type"
    for e in same:
        if _codes(e.source) != set(item.get("source", [])):
            continue
        if _codes(e.target) != set(item.get("target", [])):
            return "tgt"
        if e.modality != event_modality(item):
            return "mod"
    return "src"


def _line(e, text: str) -> str:
    return (
        f"{e.type} {sorted(_codes(e.source))}->{sorted(_codes(e.target))} {e.modality} "
        f"«{text[e.evidence.start : e.evidence.end][:90]}»"
    )


def main(folders: str, mode: str = "summary") -> None:
    analyzer = Analyzer()
    reasons: Counter = Counter()
    by_type: Counter = Counter()
    for folder in folders.split(","):
        if folder.rstrip("/") in FROZEN:
            sys.exit(f"{folder} is frozen: do not diagnose it")
        for pair in gold_pairs(Path(folder)):
            raw = next(i for i in read_sources([str(pair.statement)]) if isinstance(i, RawDocument))
            gold = load_gold(pair.gold, raw.text)
            doc = analyzer.analyze(raw)
            events = list(doc.facts.events)
            items = gold.get("events", [])
            matched: set[int] = set()
            lines = []
            for item in items:
                hit = next(
                    (
                        i
                        for i, e in enumerate(events)
                        if i not in matched and _event_matches(e, item, raw.text)
                    ),
                    None,
                )
                if hit is not None:
                    matched.add(hit)
                    continue
                if not required(item):
                    continue
                why = _why(item, events, raw.text)
                reasons[why] += 1
                by_type[(item["type"], why)] += 1
                if why in ("src", "tgt") and mode == "near":
                    span = span_of(raw.text, item["evidence"])
                    for e in events:
                        if e.type == item["type"] and _overlaps([e.evidence], span):
                            lines.append(f"      near: {_line(e, raw.text)}")
                lines.insert(
                    len(lines) - sum(1 for x in lines[::-1] if x.startswith("      near")),
                    f"  MISS[{why}] {item['type']} {item.get('source')}->{item.get('target')} "
                    f"{event_modality(item)} «{item['evidence'][:90]}»",
                )
            optional_spans = [span_of(raw.text, i["evidence"]) for i in items if not required(i)]
            for i, e in enumerate(events):
                if i in matched:
                    continue
                if any(_overlaps([e.evidence], s) for s in optional_spans) and any(
                    e.type == it["type"] for it in items if not required(it)
                ):
                    continue
                lines.append(f"  FP {_line(e, raw.text)}")
            if mode != "summary" and lines:
                print(pair.statement.stem)
                for line in lines:
                    if mode in ("all", "near") or (mode == "misses") == line.startswith("  MISS"):
                        print(line)
    print("misses by reason:", dict(reasons))
    print("by type:", sorted(by_type.items(), key=lambda kv: -kv[1])[:25])


if __name__ == "__main__":
    main(*sys.argv[1:])
