"""The command line and pages as a user meets them (issue 11, items 15, 16, 19, 20)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from demarche.cli import app
from demarche.store import Store
from demarche.web import create_app


@pytest.fixture(scope="module")
def db(api_store_path) -> str:
    return str(api_store_path)


def run(*args: str):
    result = CliRunner().invoke(app, list(args))
    # A traceback is never an answer: any exception other than a clean exit fails the test.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def one_line_error(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) <= 2 and "error" in lines[0], result.stderr  # rich may wrap once
    assert "Traceback" not in result.output and "internal error" not in result.stderr
    return " ".join(lines)


# -- item 15: unknown codes ------------------------------------------------------------------


def test_search_with_a_country_name_suggests_its_code(db):
    result = run("search", "договор", "--actor", "North Korea", "--db", db)
    assert result.exit_code == 2
    message = one_line_error(result)
    assert "unknown actor 'North Korea'" in message and "PRK" in message
    assert message.index("PRK") < message.index("KOR") if "KOR" in message else True


def test_query_actor_unknown_code(db):
    result = run("query", "actor", "XYZ", "--db", db)
    assert result.exit_code == 2
    assert "unknown actor 'XYZ'" in one_line_error(result)
    close = run("query", "actor", "PRKK", "--db", db)
    assert close.exit_code == 2 and "PRK" in one_line_error(close)
    assert run("query", "actor", "prk", "--db", db, "--json").exit_code == 0


def test_query_events_unknown_type_suggests_the_closest(db):
    result = run("query", "events", "--type", "FOO", "--db", db)
    assert result.exit_code == 2 and "unknown event type 'FOO'" in one_line_error(result)
    typo = run("query", "events", "--type", "CONSLUT", "--db", db)
    assert typo.exit_code == 2 and "CONSULT" in one_line_error(typo)
    fine = run("query", "events", "--type", "consult", "--db", db, "--json")
    assert fine.exit_code == 0 and all(e["type"] == "CONSULT" for e in json.loads(fine.stdout))


def test_known_code_without_matches_is_not_an_error(db):
    result = run("search", "договор", "--actor", "ZAF", "--db", db)
    assert result.exit_code == 0 and "no matches" in result.stdout


def test_entity_ids_still_filter(db):
    result = run("search", "договор", "--actor", "person:sergey-lavrov", "--db", db, "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)


def test_search_page_says_the_actor_is_unknown(api_store_path):
    with Store.open(api_store_path) as store:
        client = TestClient(create_app(store=store, token=""))
        page = client.get("/search", params={"q": "договор", "actor": "North Korea"}).text
        known = client.get("/search", params={"q": "договор", "actor": "prk"}).text
    notice = re.search(r'<p class="error unknown-actor">(.*?)</p>', page, re.S)
    assert notice and "North Korea" in notice.group(1)
    assert '<a href="/search?actor=PRK&amp;q=' in notice.group(1)
    assert "unknown-actor" not in known


def test_codes_commands_list_actors_and_types(db):
    actors = json.loads(run("codes", "actors", "--db", db, "--json").stdout)
    by_code = {a["code"]: a for a in actors}
    assert by_code["PRK"]["name"] == "North Korea" and by_code["PRK"]["documents"] >= 3
    assert by_code["NATO"]["kind"] == "organization"
    stored = json.loads(run("codes", "actors", "--stored", "--db", db, "--json").stdout)
    assert stored and all(a["documents"] for a in stored)
    types = json.loads(run("codes", "types", "--json").stdout)
    assert len(types) == 16 and {"type", "definition", "quad_class", "modes"} <= set(types[0])
    assert "CONSULT" in run("codes", "types").stdout


def test_codes_api(api_store_path):
    with Store.open(api_store_path) as store:
        client = TestClient(create_app(store=store, token=""))
        actors = client.get("/api/v1/codes/actors").json()
        assert actors["total"] == len(actors["items"]) > 200
        assert any(a["code"] == "PRK" for a in actors["items"])
        states = client.get("/api/v1/codes/actors", params={"kind": "state"}).json()
        assert {a["kind"] for a in states["items"]} == {"state"}
        types = client.get("/api/v1/codes/event-types").json()
        assert types["total"] == 16 and types["items"][0]["type"] == "AGREE"


# -- item 16: the small lies -----------------------------------------------------------------


def test_agreements_valid_column_shows_the_period(api_store_path):
    with Store.open(api_store_path) as store:
        page = TestClient(create_app(store=store, token="")).get("/agreements").text
    cells = re.findall(r'<td class="nowrap">([^<]*)</td>', page)
    assert "2025–2026" in cells
    assert not any(re.search(r"\d–\d–", cell) for cell in cells)


def test_stance_scores_have_a_legend(api_store_path, db):
    with Store.open(api_store_path) as store:
        page = TestClient(create_app(store=store, token="")).get("/actors/RUS").text
    assert "stance-legend" in page and "PLOVER score ÷ 5" in page
    trend = run("query", "stances", "RUS", "PRK", "--db", db)
    assert trend.exit_code == 0 and "PLOVER score / 5" in trend.stdout


def test_overview_names_rounds_without_number_or_date(db, monkeypatch):
    from demarche.store import queries

    formats = [
        {
            "name_en": "Strategic dialogue",
            "parties": ["RUS", "CHN"],
            "rounds": [
                {"number": 2, "date": None, "place": None},
                {"number": None, "date": "2025-03-04", "place": None},
                {"number": None, "date": None, "place": None},
            ],
        }
    ]
    monkeypatch.setattr(queries, "dialogue_formats", lambda *a, **k: formats)
    result = run("overview", "--db", db)
    assert result.exit_code == 0 and "None" not in result.stdout
    assert "rounds: 2, 2025-03-04, undated" in " ".join(result.stdout.split())


@pytest.mark.parametrize("export_format", ["plover", "gdelt", "graphml"])
def test_export_refuses_to_overwrite_a_file_without_force(db, tmp_path, export_format):
    target = tmp_path / "out.data"
    target.write_text("keep me", encoding="utf-8")
    result = run("export", "-f", export_format, "-o", str(target), "--db", db)
    assert result.exit_code == 2 and "--force" in one_line_error(result)
    assert target.read_text(encoding="utf-8") == "keep me"
    forced = run("export", "-f", export_format, "-o", str(target), "--db", db, "--force")
    assert forced.exit_code == 0 and target.read_text(encoding="utf-8") != "keep me"


@pytest.mark.parametrize("export_format", ["csv", "parquet"])
def test_folder_exports_refuse_a_file_and_existing_tables(db, tmp_path, export_format):
    target = tmp_path / "a-file"
    target.write_text("keep me", encoding="utf-8")
    result = run("export", "-f", export_format, "-o", str(target), "--db", db)
    assert result.exit_code == 2 and "is a file" in one_line_error(result)
    folder = tmp_path / "tables"
    assert run("export", "-f", export_format, "-o", str(folder), "--db", db).exit_code == 0
    again = run("export", "-f", export_format, "-o", str(folder), "--db", db)
    assert again.exit_code == 2 and "--force" in one_line_error(again)
    forced = run("export", "-f", export_format, "-o", str(folder), "--db", db, "--force")
    assert forced.exit_code == 0


@pytest.mark.parametrize("export_format", ["plover", "csv"])
def test_export_refuses_a_missing_folder(db, tmp_path: Path, export_format):
    target = tmp_path / "no" / "such" / "out"
    result = run("export", "-f", export_format, "-o", str(target), "--db", db)
    assert result.exit_code == 2 and "does not exist" in one_line_error(result)
    assert not (tmp_path / "no").exists()


# -- item 19: HTML keeps its title line --------------------------------------------------------

STATEMENT_PAGE = """<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">
<title>МИД России | Официальный сайт</title>
<meta property="article:published_time" content="2025-07-12T10:00:00+03:00"></head>
<body><nav><a href="/">Главная</a> <a href="/news">Новости</a></nav>
<header class="page-header"><h1>Выступление Министра иностранных дел Российской Федерации
С.В.Лаврова по итогам второго раунда российско-корейского стратегического диалога</h1>
<div class="date">12.07.2025 10:00</div></header>
<article><div class="text">
<p>Сергей Лавров: Мы находимся в северокорейском Вонсане. Это новый курорт, который был
быстро построен силами наших корейских друзей.</p>
<p>Провели второй раунд стратегического диалога. Этот формат был запущен по решению
Президента Российской Федерации В.В.Путина и Председателя государственных дел КНДР.</p>
<p>Мы с КНДР давние соседи, добрые партнёры, а с подписанием в июне 2024 года в Пхеньяне
нового договора мы — союзники.</p>
</div></article><footer>© МИД России, 2025</footer></body></html>"""


def test_html_title_line_keeps_genre_speaker_and_date(analyzer, tmp_path):
    from demarche.reading import RawDocument, read_sources

    path = tmp_path / "statement.html"
    path.write_text(STATEMENT_PAGE, encoding="utf-8")
    (raw,) = list(read_sources([str(path)]))
    assert isinstance(raw, RawDocument)
    first, second = raw.text.split("\n")[:2]
    assert first.startswith("Выступление Министра") and second == "12 июля 2025 года"
    assert "Главная" not in raw.text and "©" not in raw.text
    doc = analyzer.analyze(raw)
    meta = doc.metadata
    assert meta.genre == "remarks" and str(meta.date) == "2025-07-12"
    assert meta.speaker is not None and meta.speaker.entity_id == "person:sergey-lavrov"


def test_html_without_a_heading_takes_the_page_title(tmp_path):
    from demarche.reading.html import html_main_text

    page = (
        "<html><head><title>Комментарий официального представителя МИД России"
        " М.В.Захаровой, 3 марта 2025 года</title></head><body><article>"
        "<p>Мы внимательно следим за развитием ситуации вокруг Корейского полуострова и"
        " призываем все стороны к сдержанности.</p></article></body></html>"
    )
    text, title = html_main_text(page)
    assert text.split("\n")[0] == title
    assert title.startswith("Комментарий официального представителя")


# -- item 20: the events table -----------------------------------------------------------------


@pytest.fixture(scope="module")
def web(api_store_path):
    with Store.open(api_store_path) as store:
        yield TestClient(create_app(store=store, token=""))


def _json_view(web, **params) -> dict:
    response = web.get("/events.json", params=params)
    assert response.status_code == 200
    return response.json()


def test_events_table_with_facets(web):
    everything = _json_view(web)
    page = web.get("/events").text
    assert f'Events <span class="muted">({everything["total"]})</span>' in page
    assert 'href="/events"' in page  # in the navigation
    for facet in ("Actor", "Event type", "Month", "Genre"):
        assert f"<summary>{facet}" in page
    # A facet link narrows the view; the counts shown are the counts of that view.
    pattern = r'href="/events\?type=(\w+)">.*?<span class="count">(\d+)'
    counts = dict(re.findall(pattern, page, re.S))
    assert counts and sum(map(int, counts.values())) == everything["total"]
    kind, n = next(iter(counts.items()))
    narrowed = _json_view(web, type=kind)
    assert narrowed["total"] == int(n) and {r["type"] for r in narrowed["rows"]} == {kind}


def test_events_facets_combine_and_clear(web):
    view = _json_view(web, actor="prk", type="consult")
    assert view["filters"] == {"actor": "PRK", "type": "CONSULT"} and view["total"] > 0
    assert all(
        "PRK" in (r["source"] + ";" + r["target"]).split(";") and r["type"] == "CONSULT"
        for r in view["rows"]
    )
    page = web.get("/events", params={"actor": "PRK", "type": "CONSULT"}).text
    assert 'aria-label="Remove Actor filter"' in page and 'href="/events?type=CONSULT"' in page
    genre = _json_view(web, genre="comment")
    assert genre["total"] > 0 and {r["genre"] for r in genre["rows"]} == {"comment"}
    assert _json_view(web, type="NOPE")["total"] == 0
    bad = _json_view(web, month="July")
    assert bad["ignored"] == ["month 'July'"] and bad["total"] == _json_view(web)["total"]


def test_events_exports_give_the_whole_filtered_view(web):
    import csv
    import io

    view = _json_view(web, actor="RUS")
    response = web.get("/events.csv", params={"actor": "RUS"})
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="events-actor-RUS.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == view["total"] == len(view["rows"]) > 25  # more than one page
    assert [int(r["id"]) for r in rows] == [r["id"] for r in view["rows"]]
    assert set(rows[0]) == set(view["columns"]) and "modality" in rows[0]
    page = web.get("/events", params={"actor": "RUS"}).text
    assert 'href="/events.csv?actor=RUS"' in page and 'href="/events.json?actor=RUS"' in page


def test_events_timeline_counts_events_per_month(web):
    everything = _json_view(web)
    page = web.get("/events").text
    bars = re.findall(r'data-month="(\d{4}-\d{2})"><title>\1: (\d+) event', page)
    assert bars and sum(int(n) for _, n in bars) == sum(1 for r in everything["rows"] if r["month"])
    assert [m for m, _ in bars] == sorted(m for m, _ in bars)
    month = bars[0][0]
    chosen = web.get("/events", params={"month": month}).text
    assert 'class="chosen" data-month="' + month + '"' in chosen
    assert _json_view(web, month=month)["total"] == int(bars[0][1])
