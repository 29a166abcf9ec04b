"""The actor data files: coverage, consistency and dated offices."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pycountry
import pytest

from demarche.actors.gazetteer import parse_date
from demarche.data import load_json

STATES = load_json("actors/states.json")
ORGS = load_json("actors/organizations.json")
PLACES = load_json("actors/places.json")
PEOPLE = load_json("actors/people.json")
STATE_CODES = {s["code"] for s in STATES["states"]}
ORG_CODES = {o["code"] for o in ORGS["organizations"]}
G20 = [
    "ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA",
    "JPN", "KOR", "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA",
]  # fmt: skip
SEED_STATES = ["RUS", "PRK", "UKR"]
# In presidential systems the head of state also heads the government.
PRESIDENTIAL = {"USA", "ARG", "BRA", "MEX", "IDN", "ZAF"}
# Turkey abolished the office of prime minister in 2018.
ABOLISHED = {("TUR", "head_of_government"): 2018}
# Commonwealth realms share the British monarch, stored once under GBR.
SHARED_HEAD_OF_STATE = {"AUS": "GBR", "CAN": "GBR"}


def test_every_un_member_and_observer_is_a_state():
    un = [s for s in STATES["states"] if s["status"] == "un_member"]
    observers = {s["code"] for s in STATES["states"] if s["status"] == "un_observer"}
    assert len(un) == 193
    assert observers >= {"VAT", "PSE"}
    assert {"XKX", "TWN"} <= STATE_CODES
    assert any(s["name_en"] == "Abkhazia" for s in STATES["states"])


def test_state_codes_are_iso_alpha3_or_flagged():
    for state in STATES["states"]:
        if pycountry.countries.get(alpha_3=state["code"]) is None:
            assert state["status"] in ("partially_recognized", "disputed"), state["code"]


def test_codes_and_names_unique():
    codes = Counter(s["code"] for s in STATES["states"]) + Counter(
        o["code"] for o in ORGS["organizations"]
    )
    assert [c for c, n in codes.items() if n > 1] == []


@pytest.mark.parametrize(
    ("code", "names"),
    [("RUS", ["РФ", "Российская Федерация"]), ("PRK", ["КНДР"]), ("USA", ["США"])],
)
def test_short_names(code, names):
    state = next(s for s in STATES["states"] if s["code"] == code)
    assert set(names) <= set(state["names_ru"])
    assert state["adjectives_ru"] and state["adjective_en"]


def test_organisations_cover_the_major_blocs():
    assert {"UN", "NATO", "EU", "CSTO", "SCO", "BRICS", "ASEAN", "CIS", "EAEU", "OSCE"} <= ORG_CODES
    assert {"G7", "G20", "AU", "OAS", "IAEA", "WHO"} <= ORG_CODES


def test_state_bodies_and_places_point_at_known_states():
    for body in ORGS["state_bodies"]:
        assert body["state"] in STATE_CODES, body
    for place in PLACES["places"]:
        assert place["country"] in STATE_CODES, place


def test_capitals_of_every_un_member():
    capitals = {p["country"] for p in PLACES["places"] if p["kind"] == "capital"}
    un = {s["code"] for s in STATES["states"] if s["status"] == "un_member"}
    assert len(un - capitals) <= 3, sorted(un - capitals)


def _holders(state: str, role: str, on: date) -> list[str]:
    holders = []
    for person in PEOPLE["people"]:
        for office in person["offices"]:
            start = parse_date(office["start"])
            end = parse_date(office.get("end"), end=True) or date.max
            if office["state"] == state and office["role"] == role and start <= on <= end:
                holders.append(person["id"])
    return holders


@pytest.mark.parametrize("state", G20 + SEED_STATES)
@pytest.mark.parametrize("role", ["head_of_state", "head_of_government", "foreign_minister"])
def test_office_holders_known_for_2000_to_now(state, role):
    if role == "head_of_state":
        state = SHARED_HEAD_OF_STATE.get(state, state)
    if role == "head_of_government" and state in PRESIDENTIAL:
        role = "head_of_state"
    years = range(2001, ABOLISHED.get((state, role), 2026), 4)
    missing = [year for year in years if not _holders(state, role, date(year, 7, 1))]
    assert missing == [], f"{state} {role}: nobody in office on 1 July of {missing}"


def test_people_records_are_well_formed():
    ids = Counter(p["id"] for p in PEOPLE["people"])
    assert [i for i, n in ids.items() if n > 1] == []
    for person in PEOPLE["people"]:
        assert person["name_ru"]["surname"] and person["name_en"]
        for office in person["offices"]:
            assert office["state"] in STATE_CODES | ORG_CODES, (person["id"], office)
            start = parse_date(office["start"])
            end = parse_date(office.get("end"), end=True)
            assert end is None or start <= end, (person["id"], office)
