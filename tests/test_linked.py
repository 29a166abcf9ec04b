"""Linked translations: the Russian and English versions of one statement are linked in the
store whichever comes first, their events aligned, and shown side by side."""

from __future__ import annotations

import dataclasses
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from demarche.reading import read_sources
from demarche.store import Store
from demarche.store import schema as t
from demarche.store.ingest import analyse, ingest
from demarche.store.translations import THRESHOLD, numbers_in, similarity
from demarche.web import create_app
from tests.conftest import EXAMPLES

RU = EXAMPLES / "statement_ru_prk_comment_2026.txt"
EN = EXAMPLES / "statement_en_prk_comment_2026.txt"
UNRELATED = EXAMPLES / "statement_en_lavrov_moscow_2025.txt"


@pytest.fixture(scope="module")
def records(analyzer):
    """The pair and the unrelated English statement, analysed once."""
    items = {item.source: item for item in read_sources([str(RU), str(EN), str(UNRELATED)])}
    return {path.name: analyse(analyzer, items[str(path)]) for path in (RU, EN, UNRELATED)}


def _links(store: Store) -> list[tuple[str, str, float]]:
    """The links as (source file, source file, score), independent of row ids."""
    d = t.documents.c
    with store.engine.connect() as connection:
        names = dict(connection.execute(select(d.id, d.source)).all())
        rows = connection.execute(
            select(
                t.translations.c.document_id,
                t.translations.c.translation_id,
                t.translations.c.score,
            )
        ).all()
    return sorted(
        (*sorted((names[a].rsplit("/", 1)[-1], names[b].rsplit("/", 1)[-1])), score)
        for a, b, score in rows
    )


@pytest.mark.parametrize("order", [("ru", "en"), ("en", "ru")])
def test_pair_linked_whichever_first(db_url, records, order):
    by_language = {"ru": records[RU.name], "en": records[EN.name]}
    with Store.open(db_url) as store:
        store.add(records[UNRELATED.name])
        for language in order:
            store.add(by_language[language])
        links = _links(store)
    assert len(links) == 1
    first, second, score = links[0]
    assert {first, second} == {RU.name, EN.name}  # the unrelated statement is not linked
    assert score >= THRESHOLD


def test_reingest_is_idempotent_and_rewrite_relinks(tmp_path, analyzer, records):
    path = tmp_path / "store.db"
    items = list(read_sources([str(RU), str(EN), str(UNRELATED)]))
    with Store.open(path) as store:
        assert ingest(store, items, analyzer).stored == 3
        before = _links(store)
        again = ingest(store, items, analyzer)
        assert again.stored == 0 and again.unchanged == 3
        assert _links(store) == before
        # A re-analysis (another analyser version) rewrites the document: its links are
        # dropped and computed again in the same transaction, not doubled.
        store.add(dataclasses.replace(records[EN.name], analyzer_version="old"))
        assert _links(store) == before
    assert len(before) == 1


def test_other_language_same_date_other_speaker_not_linked(tmp_path, analyzer, records):
    """Same day, same numbers, but another speaker: not a translation."""
    other = tmp_path / "other.txt"
    other.write_text(
        "Foreign Minister Sergey Lavrov's remarks to the media, Moscow, December 4, 2026\n"
        "Sergey Lavrov: Two years ago the Treaty with the DPRK entered into force. "
        "We condemn the exercises of the United States near the borders of the DPRK.\n",
        encoding="utf-8",
    )
    (item,) = read_sources([str(other)])
    with Store.open(tmp_path / "store.db") as store:
        store.add(records[RU.name])
        store.add(analyse(analyzer, item))
        assert _links(store) == []


def test_similarity_is_symmetric():
    a, b = {"RUS", "PRK", "USA"}, {"RUS", "PRK"}
    na, nb = numbers_in("4 декабря 2026 года"), numbers_in("December 04, 2026")
    assert na == nb == {"4", "2026"}
    assert similarity(a, b, na, nb, "x", "x") == similarity(b, a, nb, na, "x", "x")
    assert similarity(a, a, na, na, "x", "y") == 0.0
    assert similarity(set(), set(), set(), set()) == 0.0


@pytest.fixture(scope="module")
def example_store(api_store_path) -> Store:
    opened = Store.open(api_store_path)
    yield opened
    opened.close()


def _ids(store: Store) -> dict[str, int]:
    with store.engine.connect() as connection:
        rows = connection.execute(select(t.documents.c.id, t.documents.c.source)).all()
    return {source.rsplit("/", 1)[-1]: document_id for document_id, source in rows}


def test_examples_hold_one_linked_pair(example_store):
    ids = _ids(example_store)
    assert RU.name in ids and EN.name in ids and UNRELATED.name in ids
    assert _links(example_store) == [(EN.name, RU.name, 1.0)]
    assert example_store.query("translation", ids[UNRELATED.name]) is None


def test_alignment_of_example_pair(example_store):
    ids = _ids(example_store)
    ru = example_store.document(ids[RU.name])
    en = example_store.document(ids[EN.name])
    aligned = example_store.query("translation", ids[RU.name])
    assert aligned["translation_id"] == ids[EN.name]
    assert aligned["languages"] == {"document": "ru", "translation": "en"}
    assert len(aligned["aligned"]) >= 2 and aligned["share"] >= 0.5
    kinds = {(pair["type"], pair["target"]) for pair in aligned["aligned"]}
    assert ("ACCUSE", "USA;KOR") in kinds
    for pair in aligned["aligned"]:
        for side, doc in (("document", ru), ("translation", en)):
            evidence = pair[side]
            assert 0 <= evidence["start"] < evidence["end"] <= len(doc["text"])
        # The same act in both texts: the condemnation is «осуждаем» / "condemn".
        if pair["type"] == "ACCUSE":
            assert "осуждаем" in ru["text"][pair["document"]["start"] : pair["document"]["end"]]
            evidence = pair["translation"]
            assert "condemn" in en["text"][evidence["start"] : evidence["end"]]
    # Seen from the English side the same pairs, the sides swapped.
    reverse = example_store.query("translation", ids[EN.name])
    assert reverse["translation_id"] == ids[RU.name]
    assert reverse["share"] == aligned["share"]
    assert len(reverse["aligned"]) == len(aligned["aligned"])


@pytest.fixture(scope="module")
def client(example_store) -> TestClient:
    return TestClient(create_app(store=example_store))


def test_api_endpoint(client, example_store):
    ids = _ids(example_store)
    answer = client.get(f"/api/v1/documents/{ids[RU.name]}/translation")
    assert answer.status_code == 200
    body = answer.json()
    assert body["translation_id"] == ids[EN.name] and body["aligned"]
    assert body["aligned"][0]["document"]["end"] > body["aligned"][0]["document"]["start"]
    assert client.get(f"/api/v1/documents/{ids[UNRELATED.name]}/translation").status_code == 404
    assert client.get("/api/v1/documents/999999/translation").status_code == 404


def test_page_holds_both_texts(client, example_store):
    ids = _ids(example_store)
    page = client.get(f"/documents/{ids[RU.name]}/translation")
    assert page.status_code == 200
    html = page.text
    assert "script-src" in page.headers["content-security-policy"]
    assert "<script>" not in html  # the CSP allows no inline script; the page needs none
    assert "Комментарий официального представителя" in html
    assert "Comment by Foreign Ministry Spokeswoman Maria Zakharova" in html
    assert 'lang="ru"' in html and 'lang="en"' in html
    # Each aligned event is marked in both texts with its number.
    pairs = re.findall(r'data-pair="(\d+)"', html)
    aligned = example_store.query("translation", ids[RU.name])["aligned"]
    for number in range(1, len(aligned) + 1):
        assert pairs.count(str(number)) >= 2
    reader = client.get(f"/documents/{ids[RU.name]}")
    assert f"/documents/{ids[RU.name]}/translation" in reader.text
    unrelated = client.get(f"/documents/{ids[UNRELATED.name]}/translation")
    assert unrelated.status_code == 404
