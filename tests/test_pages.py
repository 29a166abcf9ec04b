"""The server-rendered pages, through TestClient, over a store of the examples and the seed."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from demarche.cli.corpus import examples_dir
from demarche.reading import RawDocument, read_sources
from demarche.reading.sources import content_hash
from demarche.store import Store
from demarche.store.ingest import analyse
from demarche.web import create_app
from demarche.web.pages import _Span, highlight, snippet
from tests.conftest import SEED

INJECTION = (
    "Заявление МИД России <script>alert(1)</script> о Гренландии\n"
    'Мы осуждаем <img src=x onerror="alert(2)"> попытки США купить Гренландию. '
    "</script><script>alert(3)</script> Россия и КНДР подписали "
    "Соглашение о сотрудничестве в Арктике. <b onmouseover=alert(4)>жирный</b> "
    "]]></textarea><svg onload=alert(5)>"
)


def _raw(text: str, name: str) -> RawDocument:
    return RawDocument(name, text, name, content_hash=content_hash(text))


@pytest.fixture(scope="module")
def store(tmp_path_factory, analyzer) -> Store:
    path = Path(tmp_path_factory.mktemp("pages")) / "store.db"
    opened = Store.open(path)
    items = list(read_sources([str(examples_dir()), str(SEED)]))
    items.append(_raw(INJECTION, "injection"))
    ids = {}
    for item in items:
        assert isinstance(item, RawDocument), item
        ids[item.id] = opened.add(analyse(analyzer, item))
    opened.ids = ids
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def client(store) -> TestClient:
    return TestClient(create_app(store=store, token=""))


@pytest.fixture(scope="module")
def seed_id(store) -> int:
    return store.ids[SEED.stem]


def _text_div(page: str) -> str:
    match = re.search(r'<div id="text" class="text" lang="ru">(.*?)</div>\n', page, re.S)
    assert match, "no text block"
    return match.group(1)


def _island(page: str, name: str):
    match = re.search(rf'<script type="application/json" id="{name}">(.*?)</script>', page, re.S)
    assert match, f"no {name} island"
    return json.loads(match.group(1))


# -- every page ----------------------------------------------------------------------------


PAGES = ["/", "/search", "/search?q=договор", "/actors/RUS", "/network", "/agreements"]


@pytest.mark.parametrize("path", [*PAGES, "/formats", "/upload"])
def test_pages_render_with_nav_and_csp(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    for link in ("/search", "/network", "/agreements", "/formats", "/upload"):
        assert f'href="{link}"' in response.text


def test_home_lists_counts_actors_and_documents(client, seed_id):
    page = client.get("/").text
    assert "Corpus overview" in page
    assert 'href="/actors/RUS"' in page and 'href="/actors/PRK"' in page
    assert f'href="/documents/{seed_id}"' in page
    assert "SUPPORT" in page


# -- reader --------------------------------------------------------------------------------


def test_reader_highlights_the_seed(client, store, seed_id):
    response = client.get(f"/documents/{seed_id}")
    assert response.status_code == 200
    page = response.text
    signing = re.search(
        r'<mark class="hl ev ev-support" data-fact="(ev-e\d+)" data-type="SUPPORT" '
        r'data-signing="1">подписали</mark>',
        page,
    )
    assert signing, "the signing event's trigger is highlighted"
    data = _island(page, "reader-data")
    fact = data["facts"][signing.group(1)]
    assert "signed" in fact["summary"] and "Plan of Inter-ministry Exchanges" in fact["summary"]
    assert fact["date"] == "2025-07-12" and "RUS" in fact["actors"] and "PRK" in fact["actors"]
    # Distinct styles: mentions, agreements, dialogue formats and rhetoric markers.
    assert 'class="hl ent ent-per" data-label="PER" data-entity="person:sergey-lavrov"' in page
    assert '<mark class="hl agr"' in page and "План межмидовских обменов" in page
    assert '<mark class="hl fmt"' in page
    assert 'class="hl rh rh-loaded-label"' in page
    # Metadata panel and the side list with every fact.
    for needle in ("Sergey Lavrov", "Minister of Foreign Affairs", "2025-07-12", "Wonsan"):
        assert needle in page
    assert "#РоссияКНДР" in page
    analysis = store.document(seed_id)["analysis"]
    facts = analysis["facts"]
    expected = sum(len(facts[k]) for k in facts)
    assert page.count('<button type="button" class="fact') == expected
    # Every fact's evidence is wrapped, so the list can scroll to it.
    event = facts["events"][0]["evidence"]
    assert f'data-range="{event["start"]}-{event["end"]}"' in page


def test_reader_text_is_the_original_byte_for_byte(client, store, seed_id):
    text = store.document(seed_id)["analysis"]["document"]["text"]
    page = client.get(f"/documents/{seed_id}").text
    shown = html.unescape(re.sub(r"<[^>]+>", "", _text_div(page)))
    assert shown == text


def test_reader_escapes_injected_markup(client, store):
    document_id = store.ids["injection"]
    page = client.get(f"/documents/{document_id}").text
    for attack in ("<script>alert", "<img src=x", "<svg onload", "<b onmouseover", "</textarea>"):
        assert attack not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=" in page
    body = _text_div(page)
    shown = html.unescape(re.sub(r"<[^>]+>", "", body))
    assert shown == INJECTION
    # The JSON island cannot be closed from inside.
    island = re.search(r'id="reader-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in island and ">" not in island
    # The only scripts are ours.
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts == ['<script type="application/json" id="reader-data">', *scripts[1:]]
    assert all('src="/static/' in s for s in scripts[1:])


def test_reader_missing_document_is_404(client):
    assert client.get("/documents/999999").status_code == 404
    assert client.get("/documents/0").status_code == 404
    assert client.get("/documents/abc").status_code in (404, 422)


def test_highlight_nests_and_splits_overlaps():
    text = "a<b>cdefgh"
    spans = [
        _Span(0, -6, 0, 1, "span", "outer", {"data-x": '"q"'}),
        _Span(4, -9, 1, 2, "mark", "cross", {}),
        _Span(1, -4, 2, 3, "mark", "inner", {}),
    ]
    out = str(highlight(text, spans))
    assert out == (
        '<span class="outer" data-x="&#34;q&#34;">a<mark class="inner">&lt;b&gt;</mark>'
        '<mark class="cross">cd</mark></span><mark class="cross">efg</mark>h'
    )
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text


def test_snippet_marks_matches_and_escapes():
    body = "<i>x</i> Договора и договор"
    out = str(snippet(body, [(9, 17), (20, 27)]))
    assert out == "&lt;i&gt;x&lt;/i&gt; <mark>Договора</mark> и <mark>договор</mark>"


# -- search --------------------------------------------------------------------------------


def test_search_by_lemma_with_highlighted_snippets(client, seed_id):
    page = client.get("/search", params={"q": "договор"}).text
    assert "<mark>Договора</mark>" in page or "<mark>договора</mark>" in page
    assert f'href="/documents/{seed_id}"' in page


def test_search_filters(client, store, seed_id):
    comment = store.ids["statement_ru_prk_comment_2026"]
    page = client.get("/search", params={"q": "договор", "genre": "comment"}).text
    assert f'href="/documents/{comment}"' in page and f'href="/documents/{seed_id}"' not in page
    page = client.get("/search", params={"q": "договор", "from": "2025-07", "to": "2025-07"}).text
    assert f'href="/documents/{seed_id}"' in page and f'href="/documents/{comment}"' not in page
    china = store.ids["statement_ru"]
    page = client.get("/search", params={"q": "министр", "actor": "chn"}).text
    assert f'href="/documents/{china}"' in page and f'href="/documents/{seed_id}"' not in page
    page = client.get("/search", params={"q": "министр", "speaker": "Zakharova"}).text
    assert f'href="/documents/{comment}"' in page and f'href="/documents/{china}"' not in page
    page = client.get("/search", params={"actor": "PRK"}).text
    assert f'href="/documents/{seed_id}"' in page and f'href="/documents/{china}"' not in page
    page = client.get("/search", params={"q": "договор", "from": "2025-13-40"}).text
    assert "Ignored an invalid date" in page


def test_search_escapes_snippets_and_the_query(client, store):
    page = client.get("/search", params={"q": "Гренландия"}).text
    assert f'href="/documents/{store.ids["injection"]}"' in page
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "<mark>Гренландии</mark>" in page
    page = client.get("/search", params={"q": '"><script>alert(9)</script>'}).text
    assert "<script>alert(9)" not in page
    assert "&#34;&gt;&lt;script&gt;alert(9)&lt;/script&gt;" in page


# -- actor, network, agreements, formats, upload -------------------------------------------


def test_actor_page(client):
    page = client.get("/actors/RUS").text
    assert '<h1><span class="code">RUS</span> Russia</h1>' in page
    assert '<svg id="event-chart"' in page and 'data-type="SUPPORT"' in page
    assert 'data-month="2025-07"' in page
    assert 'href="/actors/PRK"' in page and "Stance trend" in page
    assert "Sergey Lavrov" in page
    assert client.get("/actors/prk").status_code == 200
    assert client.get("/actors/NOWHERE").status_code == 404
    assert client.get("/actors/%3Cscript%3E").status_code == 404


def test_network_page_and_date_filter(client):
    page = client.get("/network").text
    elements = _island(page, "network-data")
    nodes = {e["data"]["id"] for e in elements if "source" not in e["data"]}
    assert {"RUS", "PRK", "CHN"} <= nodes
    edge = next(
        e["data"]
        for e in elements
        if e["data"].get("source") == "RUS" and e["data"].get("target") == "PRK"
    )
    assert edge["events"] > 0 and edge["quad"] == 1 and edge["colour"]
    assert "/static/vendor/cytoscape/cytoscape.min.js" in page
    later = _island(client.get("/network", params={"from": "2026"}).text, "network-data")
    nodes = {e["data"]["id"] for e in later if "source" not in e["data"]}
    assert "PRK" in nodes and "CHN" not in nodes


def test_vendored_graph_library_is_served_with_its_licence(client):
    response = client.get("/static/vendor/cytoscape/cytoscape.min.js")
    assert response.status_code == 200 and "cytoscape" in response.text[:2000].lower()
    assert "Permission is hereby granted" in client.get("/static/vendor/cytoscape/LICENSE").text


def test_agreements_registry(client, seed_id):
    page = client.get("/agreements").text
    assert "Treaty on Comprehensive Strategic Partnership" in page
    assert "Plan of Inter-ministry Exchanges for 2026-2027" in page
    assert re.search(rf'href="/documents/{seed_id}#at-\d+-\d+"', page)


def test_registries_say_how_much_evidence_they_leave_out(client, monkeypatch):
    from demarche.store import queries

    monkeypatch.setattr(queries, "EVIDENCE_LIMIT", 1)
    agreements = client.get("/agreements").text
    assert re.search(r"\+\d+ more in \d+ documents", agreements)
    assert re.search(r"\+\d+ more<", client.get("/formats").text)
    monkeypatch.undo()
    assert "more in" not in client.get("/agreements").text


def test_registry_pages_page(client, monkeypatch):
    from demarche.web import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 1)
    first, second = client.get("/agreements").text, client.get("/agreements?page=2").text
    pages_n = int(re.search(r"Page 1 of (\d+)", first).group(1))
    assert pages_n >= 2 and 'href="/agreements?page=2"' in first
    assert "Page 2 of" in second and 'href="/agreements?page=1"' in second

    def shown(page: str) -> list[str]:
        return re.findall(r'<tr id="agreement-(\d+)">', page)

    assert len(shown(first)) == len(shown(second)) == 1 and shown(first) != shown(second)
    formats_total = client.get("/api/v1/formats").json()["total"]
    assert (f"Page 1 of {formats_total}" in client.get("/formats").text) == (formats_total > 1)


def test_format_timelines(client):
    page = client.get("/formats").text
    assert "Russia-North Korea strategic dialogue" in page
    assert "Round 1" in page and "Round 2" in page and "Round 3" in page
    assert "Wonsan" in page and "Pyongyang" in page


def test_upload_page(client, store):
    page = client.get("/upload").text
    assert 'id="token"' in page and 'type="file"' in page and "multiple" in page
    assert "/static/upload.js" in page
    assert "Writing is disabled" in page  # this client has no token
    with_token = TestClient(create_app(store=store, token="s3cret"))
    assert "Writing is disabled" not in with_token.get("/upload").text
    script = client.get("/static/upload.js").text
    assert "/api/v1/documents" in script and "Authorization" in script
