"""PLOVER and GDELT exports checked against their schemas (issue 11, item 13)."""

from __future__ import annotations

import csv
import io
import json
from importlib.resources import files

import pycountry
import pytest
from jsonschema import Draft202012Validator, FormatChecker

from demarche.output.gdelt import COLUMNS, gdelt_rows
from demarche.output.plover import igo_codes, plover_records, standard_record
from demarche.reading import read_sources
from demarche.store import Store
from demarche.store import export as exports
from demarche.store.ingest import ingest
from tests.conftest import CORPUS, EXAMPLES


def _validator(name: str) -> Draft202012Validator:
    schema = json.loads(files("demarche.schema").joinpath(name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


PLOVER = _validator("plover.schema.json")
GDELT = _validator("gdelt.schema.json")


def _problems(validator: Draft202012Validator, items: list[dict]) -> list[str]:
    return [
        f"{item.get('id') or item.get('GLOBALEVENTID')}: {error.json_path} {error.message}"
        for item in items
        for error in validator.iter_errors(item)
    ]


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory, analyzer):
    """The bundled examples and our own statements: partial dates, NATO, the EU, BRICS."""
    path = tmp_path_factory.mktemp("exports") / "store.db"
    with Store.open(path) as store:
        sources = [str(EXAMPLES), *map(str, sorted(CORPUS.glob("*.txt")))]
        ingest(store, read_sources(sources), analyzer)
        yield store


def _exports(store: Store) -> tuple[list[dict], list[dict]]:
    plover, gdelt = io.StringIO(), io.StringIO()
    with store.engine.connect() as connection:
        exports.write_plover(connection, plover)
        exports.write_gdelt(connection, gdelt)
    records = [json.loads(line) for line in plover.getvalue().splitlines()]
    rows = list(csv.DictReader(io.StringIO(gdelt.getvalue()), delimiter="\t"))
    return records, rows


def test_store_plover_export_validates_against_the_schema(corpus_store):
    records, _ = _exports(corpus_store)
    assert len(records) > 50
    assert _problems(PLOVER, records) == []
    # What the issue found: every date is a full date, every code three letters.
    assert all(len(r["date"]) == 10 for r in records)
    codes = {e["code"] for r in records for e in r["actor"] + r["recipient"]}
    assert all(len(c) == 3 for c in codes) and {"IGO", "EUR"} <= codes
    sectors = {e["sector"] for r in records for e in r["actor"] + r["recipient"]}
    assert "IGO" not in sectors


def test_store_gdelt_export_passes_the_column_check(corpus_store):
    _, rows = _exports(corpus_store)
    assert len(rows) > 50 and list(rows[0]) == COLUMNS
    assert _problems(GDELT, rows) == []
    assert all(len(r["SQLDATE"]) == 8 for r in rows)
    nato = [r for r in rows if "NAT" in (r["Actor1Code"], r["Actor2Code"])]
    assert nato and all("IGO" in (r["Actor1Type1Code"], r["Actor2Type1Code"]) for r in nato)


def test_document_exports_validate(seed_doc):
    records = plover_records(seed_doc)
    assert records and _problems(PLOVER, records) == []
    table = "\t".join(COLUMNS) + "\n" + "\n".join("\t".join(r) for r in gdelt_rows(seed_doc))
    rows = list(csv.DictReader(io.StringIO(table), delimiter="\t"))
    assert rows and _problems(GDELT, rows) == []


# A record as earlier versions stored it: partial date, organisation codes, IGO as a sector,
# a bare place name and the qualifiers in text_info.aux.
OLD = {
    "id": "doc-e1",
    "has_event": True,
    "date": "2024-10",
    "actor": [{"code": "NATO", "sector": "IGO", "entity_text": "НАТО", "identifier_text": "NATO"}],
    "recipient": [{"code": "EU", "sector": "IGO"}, {"code": "RUS", "sector": ""}],
    "event": ["THREATEN"],
    "event_loc": {"name": "Moscow"},
    "quad_code": 3,
    "mode": [],
    "context": ["military"],
    "text_info": {"start": 0, "end": 10, "aux": ["historical"]},
    "cite_info": {},
}


def test_old_records_become_standard():
    record = standard_record(OLD, "2024-11-01", ["historical"])
    assert _problems(PLOVER, [record]) == []
    assert (record["date"], record["enddate"], record["date_precision"]) == (
        "2024-10-01",
        "2024-10-31",
        "month",
    )
    nato = record["actor"][0]
    assert (nato["code"], nato["org_code"], nato["org_code3"], nato["sector"]) == (
        "IGO",
        "NATO",
        "NAT",
        "MIL",
    )
    assert [e["code"] for e in record["recipient"]] == ["EUR", "RUS"]
    assert record["recipient"][0]["org_code3"] == "EEC"
    location = record["event_loc"]
    assert location["extracted_place"] == "Moscow" and location["country_code"] == "RUS"
    assert location["feature_class"] == "P" and isinstance(location["geonameid"], int)
    assert "historical" in record["context"] and "aux" not in record["text_info"]
    assert standard_record(record, "2024-11-01") == record  # idempotent


@pytest.mark.parametrize(
    ("given", "report", "expected"),
    [
        ("2025-03-04", None, ("2025-03-04", None, "day")),
        ("2022", None, ("2022-01-01", "2022-12-31", "year")),
        ("", "2025-05-14", ("2025-05-14", None, "report")),
        (None, "2025-05", ("2025-05-01", "2025-05-31", "report")),
    ],
)
def test_dates_are_full_dates(given, report, expected):
    record = standard_record({**OLD, "date": given}, report, [])
    assert (record["date"], record.get("enddate"), record["date_precision"]) == expected


def test_an_event_with_no_date_at_all_is_left_out():
    assert standard_record({**OLD, "date": None}, None, []) is None


@pytest.mark.parametrize(
    ("aux", "modality", "context"),
    [
        ([], "done", []),
        (["future"], "planned", ["future"]),
        (["proposed"], "proposed", ["future"]),
        (["negation", "future"], "negated", ["negation"]),
        (["hypothetical", "historical"], "hypothetical", ["hypothetical"]),
    ],
)
def test_modality_goes_to_the_plover_auxiliary_modes(aux, modality, context):
    record = standard_record({**OLD, "text_info": {"start": 0, "end": 1}}, None, aux)
    assert record["modality"] == modality
    assert record["context"] == ["military", *context]


def test_organisation_codes_are_three_letters_and_clash_with_no_country():
    from demarche.data import load_json

    table = igo_codes()
    organisations = {o["code"] for o in load_json("actors/organizations.json")["organizations"]}
    assert organisations <= set(table)
    countries = {c.alpha_3 for c in pycountry.countries}
    for code, entry in table.items():
        assert entry["plover"] in {"IGO", "UNO", "EUR", "NGO"}, code
        assert len(entry["code"]) == 3 and entry["code"] not in countries, code
        assert entry["source"] in {"cameo", "demarche"}


def test_postgresql_exports_and_event_views(analyzer):
    """The same exports and the events table's queries on a real PostgreSQL server."""
    from demarche.store import queries
    from tests.conftest import fresh_postgres_database

    with fresh_postgres_database() as url, Store.open(url) as store:
        ingest(store, read_sources([str(EXAMPLES)]), analyzer)
        records, rows = _exports(store)
        assert records and _problems(PLOVER, records) == []
        assert rows and _problems(GDELT, rows) == []
        view = {"actor": "RUS", "type": None, "month": None, "genre": None}
        with store.engine.connect() as connection:
            page, total = queries.event_table(connection, view, 5, 0)
            every = list(queries.iter_event_table(connection, view))
            facets = queries.event_facets(connection, view)
            months = queries.events_per_month(connection, view)
            code, _ = queries.resolve_actor(connection, "prk")
        assert len(page) == 5 and len(every) == total
        assert sum(n for _, n in facets["type"]) == total == sum(n for _, n in months)
        assert code == "PRK"
