"""Strict scores of extracted facts against an analyst's gold file (docs/gold.md).

Every fact kind gets recall and precision. Gold items marked ``"required": false`` count
neither way; a predicted item that matches no gold item of its kind is a false positive,
and so is a second prediction of an item already matched (matching is one to one).

- events match on type, direction (source set, target set), modality and an evidence span
  overlapping the gold one;
- agreements on kind, parties, signatories, signing date, status and overlapping names;
- dialogue formats on parties, level, name words and every round (number, date, place,
  status), with no extra rounds;
- relations on the pair, kind and start; stances on holder, target and polarity; rhetoric
  on kind and overlapping words.

Summaries of matched events are checked for the actors in their roles. Metadata is reported
apart and does not enter the fact scores.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from demarche.evaluation.gold import event_modality, required, span_of
from demarche.model import Document, Evidence

FACT_KINDS = ("events", "agreements", "dialogue_formats", "relations", "stances", "rhetoric")
_ATTRIBUTES = {
    "events": "events",
    "agreements": "agreements",
    "dialogue_formats": "formats",
    "relations": "relations",
    "stances": "stances",
    "rhetoric": "rhetoric",
}
# Gold files name some relation kinds differently from the output schema.
_RELATION_ALIASES = {"good_neighbour": "neighbour", "fraternal": "friend"}
_STOP_WORDS = {"the", "of", "on", "and", "in", "at", "for", "between", "a", "an", "to", "with"}


def _overlaps(spans: list[Evidence], gold: tuple[int, int] | None) -> bool:
    return gold is not None and any(e.start < gold[1] and gold[0] < e.end for e in spans)


def _codes(refs) -> set[str]:
    return {r.code for r in refs}


def _same_date(found: str | None, wanted: str | None) -> bool:
    """Dates agree at the gold's precision; a span in gold agrees with its start."""
    if wanted is None:
        return True
    return (found or "").startswith(wanted.split("/")[0])


def _event_matches(event, item: dict, text: str) -> bool:
    return (
        event.type == item["type"]
        and _codes(event.source) == set(item.get("source", []))
        and _codes(event.target) == set(item.get("target", []))
        and event.modality == event_modality(item)
        and _overlaps([event.evidence], span_of(text, item["evidence"]))
    )


def _event_matches_relaxed(event, item: dict, text: str) -> bool:
    """For comparison with coarser evaluations only: the type, the set of participants
    (whichever side) and the words; direction and modality are not compared."""
    return (
        event.type == item["type"]
        and _codes(event.source) | _codes(event.target)
        == set(item.get("source", [])) | set(item.get("target", []))
        and _overlaps([event.evidence], span_of(text, item["evidence"]))
    )


def _agreement_matches(agreement, item: dict, text: str) -> bool:
    named = _overlaps(agreement.evidence, span_of(text, item["evidence"])) or _overlaps(
        agreement.evidence, span_of(text, item.get("name_ru"))
    )
    signatories = item.get("signatories")
    return (
        named
        and agreement.kind == item["kind"]
        and ("parties" not in item or set(agreement.parties) == set(item["parties"]))
        and (signatories is None or set(agreement.signatories) == set(signatories))
        and _same_date(agreement.signed, item.get("signed"))
        and ("status" not in item or agreement.status == item["status"])
    )


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9+]+", name.lower()) if w not in _STOP_WORDS}


def _format_matches(found, item: dict, text: str) -> bool:
    if set(found.parties) != set(item.get("parties", [])):
        return False
    if item.get("level") and found.level != item["level"]:
        return False
    wanted_words, found_words = _words(item["name_en"]), _words(found.name_en)
    if wanted_words and len(wanted_words & found_words) * 2 < min(
        len(wanted_words), len(found_words) or 1
    ):
        return False
    rounds = list(found.rounds)
    for wanted in item.get("rounds", []):
        same = next(
            (
                r
                for r in rounds
                if r.number == wanted.get("number")
                and _same_date(r.date, wanted.get("date"))
                and (not wanted.get("place") or r.place == wanted["place"])
                and r.status == wanted.get("status", "held")
            ),
            None,
        )
        if same is None:
            return False
        rounds.remove(same)
    return not rounds  # a round stored twice («2024-11-01», «2024-11») is one too many


def _relation_matches(relation, item: dict, text: str) -> bool:
    return (
        {relation.a, relation.b} == {item["a"], item["b"]}
        and relation.kind == _RELATION_ALIASES.get(item["kind"], item["kind"])
        and _same_date(relation.since, item.get("since"))
    )


def _stance_matches(stance, item: dict, text: str) -> bool:
    return (stance.holder, stance.target, stance.polarity) == (
        item["holder"],
        item["target"],
        item["polarity"],
    )


def _rhetoric_matches(marker, item: dict, text: str) -> bool:
    gold = span_of(text, item["evidence"])
    return (
        marker.kind == item["kind"]
        and gold is not None
        and marker.start < gold[1]
        and gold[0] < marker.end
    )


_MATCHERS: dict[str, Callable[[Any, dict, str], bool]] = {
    "events": _event_matches,
    "agreements": _agreement_matches,
    "dialogue_formats": _format_matches,
    "relations": _relation_matches,
    "stances": _stance_matches,
    "rhetoric": _rhetoric_matches,
}


def _match(predicted: list, items: list[dict], matches, text: str) -> tuple[dict, set[int]]:
    """One-to-one: required gold items first, then optional ones; returns gold index ->
    predicted index, and the predicted indexes matched to optional items."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    order = sorted(range(len(items)), key=lambda i: not required(items[i]))
    for g in order:
        for p, fact in enumerate(predicted):
            if p not in taken and matches(fact, items[g], text):
                pairs[g] = p
                taken.add(p)
                break
    optional = {p for g, p in pairs.items() if not required(items[g])}
    return pairs, optional


def _score_kind(predicted: list, items: list[dict], matches, text: str, describe) -> dict:
    pairs, _ = _match(predicted, items, matches, text)
    need = [g for g, item in enumerate(items) if required(item)]
    found = [g for g in need if g in pairs]
    matched = set(pairs.values())
    false_positives = [describe(p) for i, p in enumerate(predicted) if i not in matched]
    return {
        "found": len(found),
        "required": len(need),
        "predicted": len(predicted),
        "correct": len(predicted) - len(false_positives),
        "recall": _ratio(len(found), len(need)),
        "precision": _ratio(len(predicted) - len(false_positives), len(predicted)),
        "missed": [_describe(items[g]) for g in need if g not in pairs],
        "false_positives": false_positives,
        "pairs": pairs,
    }


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 1.0


def _fact_line(fact: Any) -> str:
    summary = getattr(fact, "summary", "")
    if summary:
        return summary
    for name in ("text", "name_en", "kind"):
        value = getattr(fact, name, None)
        if value:
            return f"{type(fact).__name__}: {value}"
    return repr(fact)


def _metadata_items(doc: Document, gold: dict[str, Any]) -> list[tuple[str, bool]]:
    meta, want = doc.metadata, gold.get("metadata") or {}
    speaker = meta.speaker
    place = doc.entities.get(meta.place_entity_id) if meta.place_entity_id else None
    checks = {
        "genre": meta.genre,
        "date": meta.date.isoformat() if meta.date else None,
        "hashtags": [m.text for m in doc.markers if m.kind == "hashtag"],
        "elisions": sum(1 for m in doc.markers if m.kind == "elision"),
        "text_repairs": [{"found": r.found, "repaired": r.repaired} for r in doc.repairs],
    }
    items = [(key, checks[key] == want[key]) for key in checks if key in want]
    if want.get("speaker"):
        wanted = want["speaker"]
        ok = speaker is not None and (speaker.actor, speaker.office) == (
            wanted.get("actor"),
            wanted.get("office"),
        )
        items.append(("speaker", ok))
    if want.get("place"):
        items.append(("place", place is not None and place.name_en == want["place"]["name_en"]))
    return items


def summary_problem(event, item: dict, signatories: list[str] | None = None) -> str | None:
    """Whether the English summary puts the gold's actors in their roles: the sources
    before the verb, the targets after it (none repeated for a joint act), and only the
    signatories named for a signing."""
    line = event.summary.split(" — ", 1)[-1].split(" [", 1)[0]
    codes = re.findall(r"\b[A-Z][A-Z0-9_]{1,11}\b", line)
    source, target = set(item.get("source", [])), set(item.get("target", []))
    subject: list[str] = []
    for code in codes:
        if code not in source or code in subject:
            break
        subject.append(code)
    rest = codes[len(subject) :]
    if set(subject) != source:
        return f"sources {sorted(source)} not the subject of «{line}»"
    joint = bool(source) and source == target
    if joint and rest:
        return f"a joint act repeats its sides as object: «{line}»"
    if not joint and target and set(rest) != target:
        return f"targets {sorted(target)} not the object of «{line}»"
    if signatories is not None:
        people = set(re.findall(r"\(([^)]+)\)", line))
        strangers = people - set(signatories)
        if strangers:
            return f"{sorted(strangers)} did not sign: «{line}»"
    return None


def _signatories_by_span(gold: dict[str, Any], text: str) -> list[tuple[tuple[int, int], list]]:
    found = []
    for item in gold.get("agreements", []):
        span = span_of(text, item["evidence"])
        if span and "signatories" in item:
            found.append((span, item["signatories"]))
    return found


def _check_summaries(doc: Document, gold: dict[str, Any], pairs: dict[int, int]) -> dict:
    items, events, text = gold.get("events", []), doc.facts.events, doc.text
    signings = _signatories_by_span(gold, text)
    wrong = []
    for g, p in sorted(pairs.items()):
        event, item = events[p], items[g]
        span = span_of(text, item["evidence"])
        signed = next(
            (
                names
                for (start, end), names in signings
                if span and start < span[1] and span[0] < end and item["type"] == "SUPPORT"
            ),
            None,
        )
        problem = summary_problem(event, item, signed)
        if problem:
            wrong.append(problem)
    return {"checked": len(pairs), "right": len(pairs) - len(wrong), "wrong": wrong}


def score_facts(doc: Document, gold: dict[str, Any], relaxed: bool = False) -> dict[str, Any]:
    """Strict scores; ``relaxed`` compares events on type, participants and words only."""
    text = doc.text
    kinds: dict[str, dict[str, Any]] = {}
    for kind in FACT_KINDS:
        predicted = getattr(doc.facts, _ATTRIBUTES[kind])
        matches = _event_matches_relaxed if relaxed and kind == "events" else _MATCHERS[kind]
        kinds[kind] = _score_kind(predicted, gold.get(kind, []), matches, text, _fact_line)
    meta = _metadata_items(doc, gold)
    summaries = _check_summaries(doc, gold, kinds["events"]["pairs"])
    for values in kinds.values():
        del values["pairs"]
    return _report(kinds, meta, summaries)


def _report(kinds: dict, meta: list[tuple[str, bool]], summaries: dict) -> dict[str, Any]:
    found = sum(k["found"] for k in kinds.values())
    need = sum(k["required"] for k in kinds.values())
    predicted = sum(k["predicted"] for k in kinds.values())
    correct = sum(k["correct"] for k in kinds.values())
    events = kinds["events"]
    return {
        "recall": _ratio(found, need),
        "precision": _ratio(correct, predicted),
        "f1": _f1(_ratio(found, need), _ratio(correct, predicted)),
        "events": {
            "recall": events["recall"],
            "precision": events["precision"],
            "f1": _f1(events["recall"], events["precision"]),
        },
        "false_positives": sum(len(k["false_positives"]) for k in kinds.values()),
        "kinds": kinds,
        "summaries": summaries,
        "metadata": {
            "found": sum(ok for _, ok in meta),
            "required": len(meta),
            "missed": [key for key, ok in meta if not ok],
        },
    }


def _f1(recall: float, precision: float) -> float:
    return round(2 * recall * precision / (recall + precision), 4) if recall + precision else 0.0


def _describe(item: dict[str, Any]) -> str:
    keys = ("type", "source", "target", "kind", "name_en", "holder", "polarity", "a", "b")
    fields = {k: item[k] for k in keys if k in item}
    if "type" in item and event_modality(item) != "done":
        fields["modality"] = event_modality(item)
    evidence = item.get("evidence")
    return f"{fields} «{evidence}»" if evidence else str(fields)


def score_corpus(reports: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Micro-averaged scores over several documents, keeping per-document misses."""
    kinds: dict[str, dict[str, Any]] = {}
    for name, report in reports.items():
        for kind, values in report["kinds"].items():
            total = kinds.setdefault(
                kind,
                {
                    "found": 0,
                    "required": 0,
                    "predicted": 0,
                    "correct": 0,
                    "missed": [],
                    "false_positives": [],
                },
            )
            for key in ("found", "required", "predicted", "correct"):
                total[key] += values[key]
            total["missed"] += [f"{name}: {line}" for line in values["missed"]]
            total["false_positives"] += [f"{name}: {line}" for line in values["false_positives"]]
    for total in kinds.values():
        total["recall"] = _ratio(total["found"], total["required"])
        total["precision"] = _ratio(total["correct"], total["predicted"])
    summaries = {"checked": 0, "right": 0, "wrong": []}
    meta = []
    for name, report in reports.items():
        summaries["checked"] += report["summaries"]["checked"]
        summaries["right"] += report["summaries"]["right"]
        summaries["wrong"] += [f"{name}: {w}" for w in report["summaries"]["wrong"]]
        meta += [(f"{name}: {k}", False) for k in report["metadata"]["missed"]]
        meta += [("", True)] * report["metadata"]["found"]
    corpus = _report(kinds, meta, summaries)
    corpus["documents"] = len(reports)
    corpus["per_document"] = {
        name: {
            "recall": r["recall"],
            "precision": r["precision"],
            "event_recall": r["events"]["recall"],
            "event_precision": r["events"]["precision"],
        }
        for name, r in reports.items()
    }
    return corpus
