"""PLOVER JSONL records (the JSON record of the PLOVER 2.0 manual, chapter «Data Fields»).

A record follows the manual's tables: ``date`` is always a full YYYY-MM-DD date (a month or
year the text gives becomes a ``date``..``enddate`` range), entity ``code`` is a three-letter
country code or one of PLOVER's non-state codes (IGO, UNO, EUR) with a PLOVER sector,
``event_loc`` carries the location object's fields, and the auxiliary modes (historical,
future, hypothetical, negation) are in ``context`` as the manual asks. The schema is
``demarche/schema/plover.schema.json``.

``standard_record`` also upgrades records stored by earlier versions, so an export of an old
store is standard without re-analysing it.
"""

from __future__ import annotations

import calendar
import json
import re
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from demarche.data import load_json
from demarche.facts.events.modality import modality_of
from demarche.model import ActorRef, Document
from demarche.version import analyzer_version

# PLOVER's auxiliary modes for each modality; done events carry none. A proposal (an offer or
# a call) is about an act that has not happened yet, which PLOVER calls "future".
AUXILIARY_MODES = {
    "done": [],
    "historical": ["historical"],
    "planned": ["future"],
    "proposed": ["future"],
    "hypothetical": ["hypothetical"],
    "negated": ["negation"],
}
_AUX = {"historical", "future", "hypothetical", "negation", "proposed"}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@cache
def igo_codes() -> dict[str, dict[str, str]]:
    """Organisation code (NATO) -> {plover: IGO|UNO|EUR, code: NAT, source, sector}."""
    text = files("demarche.output").joinpath("igo_codes.json").read_text(encoding="utf-8")
    return json.loads(text)["organizations"]


@cache
def _states() -> dict[str, str]:
    return {s["code"]: s["name_en"] for s in load_json("actors/states.json")["states"]}


@cache
def _places() -> dict[str, dict[str, Any]]:
    places = load_json("actors/places.json")
    found: dict[str, dict[str, Any]] = {}
    for place in places["places"]:
        # The first (a capital before a namesake town) wins, as the gazetteer resolves it.
        found.setdefault(place["name_en"], place)
    for region in places["regions"]:
        found.setdefault(region["name_en"], region)
    return found


def plover_records(doc: Document) -> list[dict[str, Any]]:
    """One PLOVER record per event; an event with no date at all (and no document date) is left
    out, because PLOVER requires ``date``."""
    events = load_json("ontology/plover.json")["events"]
    records = []
    for event in doc.facts.events:
        trigger = event.evidence.trigger or (event.evidence.start, event.evidence.end)
        raw = {
            "id": f"{doc.id}-{event.id}",
            "has_event": True,
            "date": event.date or None,
            "actor": [_entity(r, doc) for r in event.source],
            "recipient": [_entity(r, doc) for r in event.target],
            "event": [event.type],
            "event_loc": {"name": event.location} if event.location else None,
            "event_text": [doc.text[trigger[0] : trigger[1]]],
            "quad_code": events.get(event.type, {}).get("quad_code"),
            "event_scale": events.get(event.type, {}).get("plover_score"),
            "mode": [event.mode] if event.mode else [],
            "context": [c for c in event.context.split(",") if c],
            "modality": event.modality,
            "text": doc.text[event.evidence.start : event.evidence.end],
            "text_info": {
                "start": event.evidence.start,
                "end": event.evidence.end,
                "trigger_start": trigger[0],
                "trigger_end": trigger[1],
                "aux": event.aux,
                "confidence": event.confidence,
                "summary": event.summary,
            },
            "cite_info": {
                "doc_id": doc.id,
                "source": doc.source,
                "url": doc.url,
                "title": doc.title,
                "language": doc.language,
            },
            "coder": f"demarche {analyzer_version()}",
            "coded_date": date.today().isoformat(),
        }
        record = standard_record(raw, doc.date.isoformat() if doc.date else None)
        if record is not None:
            records.append(record)
    return records


def standard_record(
    record: dict[str, Any], report_date: str | None, aux: list[str] | None = None
) -> dict[str, Any] | None:
    """The record in the PLOVER 2.0 data format; None when no date can be given.

    ``report_date`` (the document's date) stands in for an undated event, as in event data
    classic, and ``date_precision`` says so. ``aux`` (the stored qualifiers) decides the
    modality when the record does not carry one. Idempotent: a standard record comes back
    unchanged, so stored records of any version go through it.
    """
    record = dict(record)
    text_info = dict(record.get("text_info") or {})
    qualifiers = list(aux if aux is not None else text_info.get("aux") or [])
    modality = record.get("modality") or modality_of(qualifiers)
    record["modality"] = modality
    # The auxiliary modes live in context; any old aux list in text_info goes (it is derived).
    context = [c for c in record.get("context") or [] if c not in _AUX]
    record["context"] = context + AUXILIARY_MODES.get(modality, [])
    text_info.pop("aux", None)
    record["text_info"] = text_info

    if not _dates(record, report_date):
        return None
    record["actor"] = [_standard_entity(e) for e in record.get("actor") or []]
    record["recipient"] = [_standard_entity(e) for e in record.get("recipient") or []]
    location = record.get("event_loc")
    if location:
        record["event_loc"] = _location(location)
    else:
        record.pop("event_loc", None)
    return record


def _dates(record: dict[str, Any], report_date: str | None) -> bool:
    """Set date (and enddate for a month or a year); False when there is no date at all."""
    if record.get("date_precision"):
        return bool(record.get("date"))
    given = (record.get("date") or "").strip()
    precision = None
    if _DATE.match(given):
        precision = "day"
    elif report_date and _DATE.match(report_date):
        given, precision = report_date, "report"
    else:
        return False
    year, month, day = _DATE.match(given).groups()  # type: ignore[union-attr]
    if day:
        record["date"] = f"{year}-{month}-{day}"
        record.pop("enddate", None)
    elif month:
        last = calendar.monthrange(int(year), int(month))[1]
        record["date"], record["enddate"] = f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
        precision = "month" if precision == "day" else precision
    else:
        record["date"], record["enddate"] = f"{year}-01-01", f"{year}-12-31"
        precision = "year" if precision == "day" else precision
    record["date_precision"] = precision
    return True


def _entity(ref: ActorRef, doc: Document) -> dict[str, Any]:
    entity = doc.entities.get(ref.entity_id) if ref.entity_id else None
    return {
        "code": ref.code,
        "sector": ref.sector or "",
        "entity_text": entity.name_ru if entity else "",
        "identifier_id": entity.wikidata if entity else None,
        "identifier_text": entity.name_en if entity else ref.person,
        "office": entity.office if entity else None,
    }


def _standard_entity(entity: dict[str, Any]) -> dict[str, Any]:
    """A three-letter country or non-state code and a PLOVER sector; the full organisation code
    moves to ``org_code`` and its three-letter organisation code to ``org_code3``."""
    entity = dict(entity)
    code = entity.get("code") or ""
    if "org_code" in entity:
        return entity
    igo = igo_codes().get(code)
    if igo is None and len(code) != 3:  # an organisation the table does not know yet
        igo = {"plover": "IGO", "code": "", "sector": "GOV"}
    if igo is not None:
        entity["org_code"] = code
        entity["org_code3"] = igo["code"]
        entity["code"] = igo["plover"]
    # IGO was never a PLOVER sector: the body's sector, or GOV for a state's envoy to one.
    if (not entity.get("sector") and igo is not None) or entity.get("sector") == "IGO":
        entity["sector"] = igo["sector"] if igo else "GOV"
    return entity


def _location(location: dict[str, Any]) -> dict[str, Any]:
    """The PLOVER location object (manual, table «Location object») for a place name."""
    if "extracted_place" in location:
        return location
    name = location.get("name") or ""
    place = _places().get(name)
    out: dict[str, Any] = {"extracted_place": name, "resolved_place": name}
    if place is None:
        return out
    if "countries" in place:  # a region over several countries: GeoNames' L/RGN
        out.update({"feature_class": "L", "feature_code": "RGN"})
        return out
    country = place.get("country") or ""
    out.update(
        {
            "geonameid": place.get("geonameid"),
            "lat": place.get("lat"),
            "lon": place.get("lon"),
            "country": _states().get(country, ""),
            "country_code": country,
        }
    )
    if place.get("kind") == "admin_region":
        out.update({"province": name, "feature_class": "A", "resolution": 2})
    else:
        out.update({"city": name, "feature_class": "P", "resolution": 4})
    return {k: v for k, v in out.items() if v not in (None, "")}
