"""CAMEO/GDELT-style TSV: one dyadic row per source x target of every event.

Rows are built from the standard PLOVER record of each event, so both exports agree on dates
and actor codes: ``SQLDATE`` is always YYYYMMDD (a month or a year the text gives becomes its
first day, as the PLOVER ``date``), a state is its ISO 3166 alpha-3 code, an organisation its
three-letter organisation code (``output/igo_codes.json``; NATO is NAT) with
``Actor1Type1Code`` IGO. ``demarche/schema/gdelt.schema.json`` checks each row.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from demarche.data import load_json
from demarche.model import Document, Event

COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "IsRootEvent",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "SOURCEURL", "PloverType", "PloverMode",
    "EvidenceStart", "EvidenceEnd",
]  # fmt: skip
_NON_STATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}


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
    from demarche.output.plover import plover_records

    cameo = load_json("ontology/cameo.json")["codes"]
    by_id = {event.id: event for event in doc.facts.events}
    rows = []
    for record in plover_records(doc):
        event = by_id[record["id"].rsplit("-", 1)[-1]]
        code = cameo_code(event)
        rows.extend(
            dyad_rows(
                record,
                row_id=record["id"],
                cameo=code,
                goldstein=cameo.get(code, {}).get("goldstein"),
                mentions=1,
                url=doc.url or doc.source,
            )
        )
    return rows


def dyad_rows(
    record: dict[str, Any],
    *,
    row_id: str,
    cameo: str,
    goldstein: float | None,
    mentions: int,
    url: str,
) -> list[list[str]]:
    """The rows of one standard PLOVER record: each actor against each recipient (or none)."""
    info = record.get("text_info") or {}
    location = record.get("event_loc") or {}
    sources = record.get("actor") or []
    targets: list[dict[str, Any] | None] = list(record.get("recipient") or []) or [None]
    pairs = [(s, r) for s in sources for r in targets if r is None or _key(r) != _key(s)]
    quad = record.get("quad_code")
    rows = []
    for number, (source, target) in enumerate(pairs):
        cells = [
            f"{row_id}-{number}",
            record["date"].replace("-", ""),
            *_actor(source),
            *(_actor(target) if target else ["", "", "", ""]),
            "1",
            cameo,
            cameo[:3],
            cameo[:2],
            "" if quad is None else str(quad),
            "" if goldstein is None else str(goldstein),
            str(mentions),
            location.get("resolved_place") or location.get("extracted_place") or "",
            location.get("country_code") or "",
            url or "",
            (record.get("event") or [""])[0],
            (record.get("mode") or [""])[0],
            str(info.get("start", "")),
            str(info.get("end", "")),
        ]
        rows.append([c.replace("\t", " ").replace("\n", " ") for c in cells])
    return rows


def _key(entity: dict[str, Any]) -> str:
    return entity.get("org_code") or entity.get("code") or ""


def _actor(entity: dict[str, Any]) -> list[str]:
    """Code, name, country code and type code of one entity of a standard record."""
    code = entity.get("code") or ""
    name = entity.get("identifier_text") or entity.get("org_code") or code
    if code in _NON_STATE:
        return [entity.get("org_code3") or code, name, "", code if code == "IGO" else "IGO"]
    return [code, name, code, entity.get("sector") or ""]
