"""Robustness: is an event still found when its sentence is said another way?

For every required gold event whose evidence lies in one sentence and which the system finds
on the original text, the sentence is rewritten (``variants.py``: synonyms, voice, word
order, other actors, names and titles), the document is analysed again with only that
sentence changed, and the same event must come out: same type and modality, and the gold
source and target mapped through the rewrite's actor substitution, with evidence inside the
rewritten sentence. No gold beyond the original event is needed.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from rich.markup import escape

from demarche.evaluation.variants import GENERATORS, KINDS, Focus, Kit, Skip, Variant
from demarche.facts.lexicon import load_lexicon
from demarche.model import Document, Event, Sentence
from demarche.pipeline import Analyzer

DEFAULT_CAP = 3  # variants per event per kind: our 24 statements take well under a minute


@dataclass(slots=True)
class _Target:
    gold: dict[str, Any]
    event: Event
    sentence: Sentence


def _codes(refs: Iterable) -> set[str]:
    return {r.code for r in refs}


def _matches(event: Event, item: dict[str, Any], span: tuple[int, int]) -> bool:
    """The matching rule of ``eval facts``: type, source set, target set, evidence overlap."""
    return (
        event.type == item["type"]
        and _codes(event.source) == set(item["source"])
        and _codes(event.target) == set(item.get("target", []))
        and event.evidence.start < span[1]
        and span[0] < event.evidence.end
    )


def _author(doc: Document) -> frozenset[str]:
    """Codes that act from outside any one sentence: the speaker, the turns' speakers and the
    states of the title line («Заявление МИД России»). Replacing their name inside the
    sentence does not move the event's pro-drop «we» with it, so they are not substituted."""
    codes = {t.actor for t in doc.turns if t.actor}
    if doc.metadata.speaker and doc.metadata.speaker.actor:
        codes.add(doc.metadata.speaker.actor)
    title = doc.metadata.title
    if title:
        for m in doc.mentions:
            entity = doc.entities.get(m.entity_id or "")
            if entity and title[0] <= m.start < title[1]:
                codes.update(c for c in (entity.actor, entity.country) if c)
    return frozenset(codes)


def _targets(doc: Document, gold: dict[str, Any], counts: Counter) -> list[_Target]:
    targets = []
    for item in gold.get("events", []):
        if not item.get("required", True):
            continue
        counts["required"] += 1
        evidence = item.get("evidence") or ""
        start = doc.text.find(evidence) if evidence else -1
        if start < 0:
            counts["no_evidence"] += 1
            continue
        span = (start, start + len(evidence))
        sentence = next((s for s in doc.sentences if s.start <= span[0] and span[1] <= s.end), None)
        if sentence is None:
            counts["several_sentences"] += 1
            continue
        found = next((e for e in doc.facts.events if _matches(e, item, span)), None)
        if found is None:
            counts["missed_on_original"] += 1
            continue
        counts["tested"] += 1
        targets.append(_Target(item, found, sentence))
    return targets


def expected_after(gold: dict[str, Any], event: Event, mapping: dict[str, str]) -> dict[str, Any]:
    """What a variant must yield: the found event's type and modality, the gold sides with
    each substituted actor code replaced by its counterpart."""
    swap = lambda codes: sorted(mapping.get(c, c) for c in codes)  # noqa: E731
    return {
        "type": event.type,
        "modality": event.modality,
        "source": swap(gold["source"]),
        "target": swap(gold.get("target", [])),
    }


def _describe(event: Event) -> dict[str, Any]:
    return {
        "type": event.type,
        "modality": event.modality,
        "source": sorted(_codes(event.source)),
        "target": sorted(_codes(event.target)),
    }


def _found(doc: Document, span: tuple[int, int]) -> list[dict[str, Any]]:
    return [
        _describe(e)
        for e in doc.facts.events
        if e.evidence.start < span[1] and span[0] < e.evidence.end
    ]


def run_robustness(
    pairs: list[tuple[Path, Path]],
    analyzer: Analyzer | None = None,
    kinds: Iterable[str] = KINDS,
    cap: int = DEFAULT_CAP,
    seed: int = 0,
    log: TextIO | None = None,
) -> dict[str, Any]:
    """Run every variant kind over ``(gold file, statement)`` pairs; one JSON-able report.

    ``log`` receives one JSON line per variant (its text and whether the event survived).
    """
    analyzer = analyzer or Analyzer()
    kit = Kit(analyzer.models.morphology, load_lexicon(analyzer.models.morphology))
    kinds = [k for k in KINDS if k in set(kinds)]
    per_kind = {
        k: {"variants": 0, "invariant": 0, "skipped": Counter(), "not_applicable": 0} for k in kinds
    }
    counts: Counter = Counter()
    breaks: list[dict[str, Any]] = []
    for gold_path, doc_path in pairs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = doc_path.read_text(encoding="utf-8")
        doc = analyzer.analyze_text(text, doc_path.stem)
        author = _author(doc)
        for number, target in enumerate(_targets(doc, gold, counts)):
            original = doc.text[target.sentence.start : target.sentence.end]
            focus = Focus(
                doc,
                target.sentence,
                target.event,
                frozenset(target.gold["source"]),
                frozenset(target.gold.get("target", [])),
                author,
            )
            for kind in kinds:
                # One generator per (document, event, kind), seeded alike on every run.
                rng = random.Random(f"{seed}:{doc_path.stem}:{number}:{kind}")
                seen = {original}
                for outcome in GENERATORS[kind](focus, kit, rng, cap):
                    if isinstance(outcome, Skip) and not outcome.applicable:
                        per_kind[kind]["not_applicable"] += 1
                        continue
                    if isinstance(outcome, Skip):
                        per_kind[kind]["skipped"][outcome.reason] += 1
                        continue
                    if outcome.text in seen:
                        continue
                    seen.add(outcome.text)
                    result = _check(analyzer, doc, target, outcome)
                    per_kind[kind]["variants"] += 1
                    per_kind[kind]["invariant"] += result["invariant"]
                    record = {
                        "file": doc_path.name,
                        "kind": kind,
                        "note": outcome.note,
                        "original": original,
                        "variant": outcome.text,
                        **result,
                    }
                    if log is not None:
                        log.write(json.dumps(record, ensure_ascii=False) + "\n")
                    if not result["invariant"]:
                        breaks.append(record)
    return _report(len(pairs), counts, per_kind, breaks)


def _check(analyzer: Analyzer, doc: Document, target: _Target, variant: Variant) -> dict:
    sentence = target.sentence
    text = doc.text[: sentence.start] + variant.text + doc.text[sentence.end :]
    changed = analyzer.analyze_text(text, doc.id)
    span = (sentence.start, sentence.start + len(variant.text))
    expected = expected_after(target.gold, target.event, variant.mapping)
    found = _found(changed, span)
    return {"expected": expected, "found": found, "invariant": expected in found}


def _rate(invariant: int, variants: int) -> float | None:
    return round(invariant / variants, 4) if variants else None


def _report(
    documents: int, counts: Counter, per_kind: dict[str, dict], breaks: list[dict]
) -> dict[str, Any]:
    kinds = {
        kind: {
            "variants": values["variants"],
            "invariant": values["invariant"],
            "rate": _rate(values["invariant"], values["variants"]),
            "skipped": sum(values["skipped"].values()),
            "skip_reasons": dict(values["skipped"].most_common()),
            "not_applicable": values["not_applicable"],
        }
        for kind, values in per_kind.items()
    }
    variants = sum(k["variants"] for k in kinds.values())
    invariant = sum(k["invariant"] for k in kinds.values())
    return {
        "documents": documents,
        "events": {
            key: counts[key]
            for key in (
                "required",
                "tested",
                "missed_on_original",
                "several_sentences",
                "no_evidence",
            )
        },
        "overall": {
            "variants": variants,
            "invariant": invariant,
            "rate": _rate(invariant, variants),
            "skipped": sum(k["skipped"] for k in kinds.values()),
            "not_applicable": sum(k["not_applicable"] for k in kinds.values()),
        },
        "kinds": kinds,
        "breaks": breaks,
    }


def format_report(report: dict[str, Any], breaks: int = 50) -> list[str]:
    """Rich-markup lines: rates per kind and overall, the main skip reasons, what breaks."""
    events = report["events"]
    lines = [
        f"[bold]robustness[/bold]: {report['documents']} documents, {events['tested']} of "
        f"{events['required']} required events tested ({events['missed_on_original']} missed on "
        f"the original text, {events['several_sentences']} spanning sentences)",
        f"{'kind':<9} {'variants':>8} {'invariant':>9} {'rate':>6} {'skipped':>8} {'n/a':>5}",
    ]
    rows = [*report["kinds"].items(), ("overall", report["overall"])]
    for kind, values in rows:
        rate = "-" if values["rate"] is None else f"{values['rate']:.3f}"
        lines.append(
            f"{kind:<9} {values['variants']:>8} {values['invariant']:>9} {rate:>6} "
            f"{values['skipped']:>8} {values['not_applicable']:>5}"
        )
    for kind, values in report["kinds"].items():
        reasons = list(values["skip_reasons"].items())[:3]
        if reasons:
            lines.append(
                f"  [dim]{kind} skipped as ungrammatical: "
                + "; ".join(f"{reason} ({count})" for reason, count in reasons)
                + "[/dim]"
            )
    shown = report["breaks"][:breaks]
    if shown:
        lines.append(f"[bold]breaks[/bold] ({len(report['breaks'])}, first {len(shown)}):")
    for item in shown:
        lines += [
            f"[red]{item['file']}[/red] {item['kind']} ({item['note']})",
            f"  original: {escape(item['original'])}",
            f"  variant:  {escape(item['variant'])}",
            f"  expected: {_event_line(item['expected'])}",
            "  found:    " + ("; ".join(_event_line(e) for e in item["found"]) or "nothing"),
        ]
    return lines


def _event_line(event: dict[str, Any]) -> str:
    return (
        f"{event['type']} {','.join(event['source']) or '-'} -> "
        f"{','.join(event['target']) or '-'} ({event['modality']})"
    )
