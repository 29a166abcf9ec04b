"""CAMEO/GDELT-style TSV: one dyadic row per source x target of every event."""

from __future__ import annotations

from functools import cache

from demarche.data import load_json
from demarche.model import Document, Event

COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "IsRootEvent",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "SOURCEURL", "PloverType", "PloverMode",
    "EvidenceStart", "EvidenceEnd",
]  # fmt: skip


@cache
def _cameo_index() -> dict[tuple[str, str], list[str]]:
    index: dict[tuple[str, str], list[str]] = {}
    for code, target in sorted(load_json("ontology/cameo.json")["cameo_to_plover"].items()):
        index.setdefault((target["plover"], target["mode"]), []).append(code)
    return index


def cameo_code(event: Event) -> str:
    """The CAMEO code whose PLOVER mapping matches type, mode and context most closely."""
    mapping = load_json("ontology/cameo.json")["cameo_to_plover"]
    codes = _cameo_index().get((event.type, event.mode)) or _cameo_index().get((event.type, ""))
    if not codes:
        return ""
    contexts = set(event.context.split(","))
    matching = [c for c in codes if contexts & set(mapping[c]["context"].split(","))]
    return min(matching or codes, key=lambda c: (len(c), c))


def gdelt_rows(doc: Document) -> list[list[str]]:
    cameo = load_json("ontology/cameo.json")["codes"]
    plover = load_json("ontology/plover.json")["events"]
    rows = []
    for event in doc.facts.events:
        code = cameo_code(event)
        info = cameo.get(code, {})
        day = (event.date or (doc.date.isoformat() if doc.date else "")).replace("-", "")
        country = _place_country(doc, event.location)
        for number, (source, target) in enumerate(_pairs(event)):
            rows.append([
                f"{doc.id}-{event.id}-{number}", day,
                source.code, source.person or source.code, _country(doc, source.code),
                source.sector or "",
                target.code if target else "", (target.person or target.code) if target else "",
                _country(doc, target.code) if target else "",
                (target.sector or "") if target else "",
                "1", code, code[:3], info.get("root", code[:2]),
                str(plover.get(event.type, {}).get("quad_code", "")),
                str(info.get("goldstein", "")), "1",
                event.location or "", country, doc.url or doc.source,
                event.type, event.mode, str(event.evidence.start), str(event.evidence.end),
            ])  # fmt: skip
    return rows


def _pairs(event: Event):
    targets = event.target or [None]
    return [(s, t) for s in event.source for t in targets if t is None or t.code != s.code]


def _country(doc: Document, code: str) -> str:
    entity = doc.entities.get(f"state:{code}")
    return entity.actor if entity else ""


def _place_country(doc: Document, name: str | None) -> str:
    for entity in doc.entities.values():
        if entity.kind == "place" and entity.name_en == name:
            return entity.country or ""
    return ""
