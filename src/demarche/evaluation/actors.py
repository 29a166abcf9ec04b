"""Recall of the people, places, states and organisations listed in a gold file.

The gold format is that of an analyst's ``expected.json``: each item lists its mentions as
written, and the actor (and for people the office) they must resolve to.
"""

from __future__ import annotations

from typing import Any

from demarche.model import Document, Entity

KINDS = ("people", "places", "states", "organizations")


def _accepts(kind: str, item: dict[str, Any], entity: Entity) -> bool:
    if kind == "people":
        return entity.kind == "person" and entity.actor == item.get("actor")
    if kind == "places":
        if "country" in item:
            return entity.country == item["country"]
        return entity.name_en == item.get("name_en")
    return entity.actor == item.get("actor")


def actor_recall(doc: Document, gold: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per kind: how many listed mentions resolve to the listed actor, and which do not."""
    report: dict[str, dict[str, Any]] = {}
    for kind in KINDS:
        found, total, missed = 0, 0, []
        for item in gold.get(kind, []):
            for mention in set(item["mentions"]):
                wanted = item["mentions"].count(mention)
                hits = sum(
                    1
                    for start in _occurrences(doc.text, mention)
                    if any(
                        _accepts(kind, item, doc.entities[m.entity_id])
                        for m in doc.mentions
                        if m.entity_id and start <= m.start and m.end <= start + len(mention)
                    )
                )
                total += wanted
                found += min(hits, wanted)
                if hits < wanted:
                    missed.append(mention)
        report[kind] = {"found": found, "listed": total, "missed": missed}
    return report


def _occurrences(text: str, needle: str) -> list[int]:
    starts, start = [], text.find(needle)
    while start >= 0:
        starts.append(start)
        start = text.find(needle, start + 1)
    return starts
