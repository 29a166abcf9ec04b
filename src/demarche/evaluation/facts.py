"""Score extracted facts against an analyst's gold file (the format of ``expected.json``).

Required items count towards recall; optional ones count neither way. Events match on type,
source set, target set and an overlap between their evidence and the gold evidence; a
predicted event that matches no gold event at all is a false positive.
"""

from __future__ import annotations

from typing import Any

from demarche.model import Document, Evidence

KINDS = ("metadata", "events", "agreements", "dialogue_formats", "relations", "stances", "rhetoric")


def _span(text: str, evidence: str | None) -> tuple[int, int] | None:
    if not evidence:
        return None
    start = text.find(evidence)
    return (start, start + len(evidence)) if start >= 0 else None


def _overlaps(spans: list[Evidence], gold: tuple[int, int] | None) -> bool:
    if gold is None:
        return True
    return any(e.start < gold[1] and gold[0] < e.end for e in spans)


def _codes(refs) -> set[str]:
    return {r.code for r in refs}


def _event_matches(event, item: dict, text: str) -> bool:
    return (
        event.type == item["type"]
        and _codes(event.source) == set(item["source"])
        and _codes(event.target) == set(item.get("target", []))
        and _overlaps([event.evidence], _span(text, item.get("evidence")))
    )


def _date_ok(found: str | None, wanted: str | None) -> bool:
    return wanted is None or (found or "").startswith(wanted)


def _agreement_matches(agreement, item: dict, text: str) -> bool:
    return (
        agreement.kind == item["kind"]
        and set(agreement.parties) == set(item.get("parties", agreement.parties))
        and _date_ok(agreement.signed, item.get("signed"))
        and (
            _overlaps(agreement.evidence, _span(text, item.get("evidence")))
            or _overlaps(agreement.evidence, _span(text, item.get("name_ru")))
        )
    )


def _format_matches(found, item: dict, text: str) -> bool:
    if set(found.parties) != set(item.get("parties", found.parties)):
        return False
    for wanted in item.get("rounds", []):
        if wanted.get("status", "held") != "held":
            continue
        # Numbered rounds pair by number; unnumbered ones (meetings of a format) by date.
        same = [
            r
            for r in found.rounds
            if r.number == wanted.get("number")
            and _date_ok(r.date, wanted.get("date"))
            and (not wanted.get("place") or r.place == wanted["place"])
        ]
        if not same:
            return False
    return True


# Gold files name some relation kinds differently from the output schema.
_RELATION_ALIASES = {"good_neighbour": "neighbour"}


def _relation_matches(relation, item: dict, text: str) -> bool:
    return (
        {relation.a, relation.b} == {item["a"], item["b"]}
        and relation.kind == _RELATION_ALIASES.get(item["kind"], item["kind"])
        and _date_ok(relation.since, item.get("since"))
    )


def _stance_matches(stance, item: dict, text: str) -> bool:
    return (stance.holder, stance.target, stance.polarity) == (
        item["holder"],
        item["target"],
        item["polarity"],
    )


def _rhetoric_matches(marker, item: dict, text: str) -> bool:
    gold = _span(text, item.get("evidence"))
    return marker.kind == item["kind"] and (
        gold is None or (marker.start < gold[1] and gold[0] < marker.end)
    )


def _metadata_items(doc: Document, gold: dict[str, Any]) -> list[tuple[str, bool]]:
    meta, want = doc.metadata, gold.get("metadata", {})
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


_MATCHERS = {
    "events": ("events", _event_matches),
    "agreements": ("agreements", _agreement_matches),
    "dialogue_formats": ("formats", _format_matches),
    "relations": ("relations", _relation_matches),
    "stances": ("stances", _stance_matches),
    "rhetoric": ("rhetoric", _rhetoric_matches),
}


def score_facts(doc: Document, gold: dict[str, Any]) -> dict[str, Any]:
    text = doc.text
    kinds: dict[str, dict[str, Any]] = {}
    meta = _metadata_items(doc, gold)
    kinds["metadata"] = {
        "found": sum(ok for _, ok in meta),
        "required": len(meta),
        "missed": [key for key, ok in meta if not ok],
    }
    false_positives: list[str] = []
    for kind, (attribute, matches) in _MATCHERS.items():
        predicted = getattr(doc.facts, attribute)
        items = gold.get(kind, [])
        required = [i for i in items if i.get("required", True)]
        found = [i for i in required if any(matches(p, i, text) for p in predicted)]
        kinds[kind] = {
            "found": len(found),
            "required": len(required),
            "predicted": len(predicted),
            "missed": [_describe(i) for i in required if i not in found],
        }
        if kind == "events":
            false_positives = [
                p.summary for p in predicted if not any(matches(p, i, text) for i in items)
            ]
    events = kinds["events"]
    total_required = sum(k["required"] for k in kinds.values())
    total_found = sum(k["found"] for k in kinds.values())
    predicted_events = events["predicted"]
    return {
        "required_recall": round(total_found / total_required, 4) if total_required else 1.0,
        "precision": (
            round((predicted_events - len(false_positives)) / predicted_events, 4)
            if predicted_events
            else 1.0
        ),
        "false_positives": false_positives,
        "kinds": kinds,
    }


def _describe(item: dict[str, Any]) -> str:
    keys = ("type", "mode", "source", "target", "kind", "name_en", "holder", "polarity", "a", "b")
    fields = {k: item[k] for k in keys if k in item}
    evidence = item.get("evidence")
    return f"{fields} «{evidence}»" if evidence else str(fields)


def score_corpus(reports: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Micro-averaged scores over several documents, keeping per-document misses."""
    kinds: dict[str, dict[str, Any]] = {}
    false_positives: list[str] = []
    for name, report in reports.items():
        false_positives += [f"{name}: {line}" for line in report["false_positives"]]
        for kind, values in report["kinds"].items():
            total = kinds.setdefault(kind, {"found": 0, "required": 0, "missed": []})
            total["found"] += values["found"]
            total["required"] += values["required"]
            total["missed"] += [f"{name}: {missed}" for missed in values["missed"]]
    required = sum(k["required"] for k in kinds.values())
    found = sum(k["found"] for k in kinds.values())
    predicted = sum(r["kinds"]["events"]["predicted"] for r in reports.values())
    return {
        "documents": len(reports),
        "required_recall": round(found / required, 4) if required else 1.0,
        "precision": round((predicted - len(false_positives)) / predicted, 4) if predicted else 1.0,
        "false_positives": false_positives,
        "kinds": kinds,
        "per_document": {
            name: {"required_recall": r["required_recall"], "precision": r["precision"]}
            for name, r in reports.items()
        },
    }
