"""Data integrity: what is read is what is stored, once, whatever the order, the
concurrency or the odd item in a batch (issue 11)."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
import time
from datetime import date
from importlib.resources import files
from pathlib import Path

import pytest
from sqlalchemy import func, select, text, update

from demarche.reading import RawDocument, ReadFailure, read_sources
from demarche.reading.sources import content_hash
from demarche.store import Filters, Store
from demarche.store import schema as t
from demarche.store.ingest import ingest, reanalyze
from demarche.version import analyzer_version
from tests.conftest import EXAMPLES, ROOT, fresh_postgres_database

STATEMENT = (
    "Заявление МИД России.\r\nРоссия и КНДР подписали Договор о всеобъемлющем партнёрстве.\r\n"
)


def _read(*sources: Path | str) -> list[RawDocument | ReadFailure]:
    return list(read_sources([str(s) for s in sources]))


def _demarche(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "demarche", *args], capture_output=True, text=True, timeout=timeout
    )


# -- item 3: one text, one hash, whichever way it arrives -------------------------------------


def test_a_crlf_json_line_and_a_file_of_the_same_text_hash_alike(tmp_path):
    (tmp_path / "statement.txt").write_bytes(STATEMENT.encode("utf-8"))
    (tmp_path / "dump.jsonl").write_text(json.dumps({"id": "x", "text": STATEMENT}) + "\n")
    from_file, from_line = _read(tmp_path / "statement.txt", tmp_path / "dump.jsonl")
    assert from_file.text == from_line.text == STATEMENT.replace("\r\n", "\n")
    assert from_file.content_hash == from_line.content_hash == content_hash(from_file.text)
    assert content_hash(STATEMENT) == from_file.content_hash


# -- item 6: empty texts, damaged UTF-8, UTF-16, NUL ------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "\u00a0\u3000\n".encode(),  # no-break and ideographic spaces only
        codecs.BOM_UTF8,
        codecs.BOM_UTF16_LE + "  \n".encode("utf-16-le"),
        "\ufeff\u200b".encode(),
    ],
)
def test_whitespace_only_texts_are_refused(tmp_path, content):
    (tmp_path / "blank.txt").write_bytes(content)
    (failure,) = _read(tmp_path / "blank.txt")
    assert isinstance(failure, ReadFailure) and "empty" in failure.reason


def test_whitespace_only_json_lines_are_refused(tmp_path):
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"text": "\u00a0\u2003"}) + "\n" + json.dumps({"text": "Россия."}) + "\n"
    )
    failure, doc = _read(tmp_path / "d.jsonl")
    assert isinstance(failure, ReadFailure) and "empty" in failure.reason
    assert doc.text == "Россия."


@pytest.mark.parametrize("text", ["Да", "Россия", "МИД: нет.", "Лавров и Ван И"])
def test_short_utf8_is_read_as_utf8(tmp_path, text):
    (tmp_path / "short.txt").write_bytes(text.encode("utf-8"))
    (doc,) = _read(tmp_path / "short.txt")
    assert doc.text == text


def test_utf8_cut_inside_its_last_letter_keeps_the_rest(tmp_path):
    (tmp_path / "cut.txt").write_bytes("Россия и Китай".encode()[:-1])
    (doc,) = _read(tmp_path / "cut.txt")
    assert doc.text == "Россия и Кита"


def test_damaged_utf8_is_refused_not_stored_as_mojibake(tmp_path):
    data = "Россия и Китай провели переговоры в Москве.".encode()
    (tmp_path / "damaged.txt").write_bytes(data[:9] + b"\xff" + data[9:])
    (failure,) = _read(tmp_path / "damaged.txt")
    assert isinstance(failure, ReadFailure) and "UTF-8" in failure.reason


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_text(tmp_path, encoding):
    text = "Заявление МИД России.\nРоссия и Китай."
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    (tmp_path / "wide.txt").write_bytes(data)
    (doc,) = _read(tmp_path / "wide.txt")
    assert doc.text == text


def test_a_nul_character_is_refused_on_every_path(tmp_path):
    body = "Россия и Китай. " * 600  # past the 8 KB the binary sniffer looks at
    (tmp_path / "late.txt").write_bytes((body + "\x00 конец").encode())
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"text": "Россия \x00 Китай"}) + "\n" + json.dumps({"text": "КНДР."}) + "\n"
    )
    late, line, good = _read(tmp_path / "late.txt", tmp_path / "d.jsonl")
    assert isinstance(late, ReadFailure) and "NUL" in late.reason
    assert isinstance(line, ReadFailure) and "NUL" in line.reason
    assert good.text == "КНДР."


# -- item 4: a bad item is skipped, the rest go on --------------------------------------------


def _bad_batch(folder: Path) -> Path:
    """A folder whose name has markup brackets, holding one good text and a JSON-lines dump
    with a deeply nested line, a lone surrogate and a good line."""
    batch = folder / "batch[red]" / "x[" / "b]"  # the path holds "[/b]", a closing tag
    batch.mkdir(parents=True)
    (batch / "good.txt").write_text("Заявление МИД России. Россия поддерживает КНДР.", "utf-8")
    (batch / "empty.txt").write_bytes(b"")
    deep = '{"text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}"
    lines = [deep, '{"id": "s", "text": "Россия \\ud800 и Китай"}', '{"text": "КНДР и Китай."}']
    (batch / "dump.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return batch


def test_bad_json_lines_are_skipped_and_the_rest_read(tmp_path):
    batch = _bad_batch(tmp_path)
    items = _read(batch)
    failures = {Path(f.item).name: f.reason for f in items if isinstance(f, ReadFailure)}
    assert [d.text for d in items if isinstance(d, RawDocument)] == [
        "КНДР и Китай.",
        "Заявление МИД России. Россия поддерживает КНДР.",
    ]
    assert "nested" in failures["dump.jsonl:1"] and "surrogate" in failures["dump.jsonl:2"]
    assert "empty" in failures["empty.txt"]


def _skip_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("demarche: skipped")]


def test_analyze_skips_each_bad_item_in_one_line_and_prints_the_rest(tmp_path):
    batch = _bad_batch(tmp_path)
    result = _demarche("analyze", str(batch), "-f", "json")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2
    skipped = _skip_lines(result.stderr)
    assert len(skipped) == 3, result.stderr
    assert all(f"{batch}/" in line for line in skipped), skipped
    assert "Traceback" not in result.stderr


def test_ingest_skips_each_bad_item_in_one_line_and_stores_the_rest(tmp_path):
    batch = _bad_batch(tmp_path)
    result = _demarche("ingest", str(batch), "--db", str(tmp_path / "store.db"))
    assert result.returncode == 0, result.stderr
    skipped = _skip_lines(result.stderr)
    assert len(skipped) == 3, result.stderr
    assert all(f"{batch}/" in line for line in skipped), skipped
    assert "stored 2," in result.stderr


# -- the store: both backends -----------------------------------------------------------------


def _exact(store: Store) -> int:
    """Every stored text once, with exactly the facts its analysis lists; returns the count."""
    with store.engine.connect() as connection:
        rows = connection.execute(select(t.documents.c.id, t.documents.c.content_hash)).all()
        assert len({h for _, h in rows}) == len(rows)
        for document_id, _ in rows:
            analysis = store.document(document_id)["analysis"]
            for table, listed in (
                (t.mentions, analysis["mentions"]),
                (t.events, analysis["facts"]["events"]),
                (t.rhetoric, analysis["facts"]["rhetoric"]),
            ):
                count = select(func.count()).where(table.c.document_id == document_id)
                assert connection.execute(count).scalar_one() == len(listed), table.name
    return len(rows)


# -- item 1: reanalyze keeps what was given with the text -------------------------------------


@pytest.mark.parametrize("stored_before_0006", [False, True])
def test_reanalyze_keeps_the_given_title_and_date(db_url, analyzer, tmp_path, stored_before_0006):
    dump = tmp_path / "dump.jsonl"
    given = {"id": "g", "title": "Given title", "date": "2021-05-06"}
    dump.write_text(json.dumps({**given, "text": "Россия и КНДР провели переговоры."}) + "\n")
    spring = Filters(date_from=date(2021, 5, 1), date_to=date(2021, 5, 31))
    with Store.open(db_url) as store:
        assert ingest(store, read_sources([str(dump)]), analyzer).stored == 1
        assert [h.title for h in store.search("переговоры", spring)] == ["Given title"]
        if stored_before_0006:  # the migration recovers what was given from what is stored
            _migrate(store, "0005")
            _migrate(store, "head")
        with store.engine.begin() as connection:
            connection.execute(update(t.documents).values(analyzer_version="0.0.1"))
        assert reanalyze(store, analyzer).stored == 1
        (hit,) = store.search("переговоры", spring)
        assert hit.title == "Given title" and hit.date == date(2021, 5, 6)
        document = store.document(hit.id)
        assert document["analyzer_version"] == analyzer_version()
        assert document["analysis"]["document"]["title"] == "Given title"


def _migrate(store: Store, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("demarche.store") / "migrations"))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        if revision == "head":
            command.upgrade(config, revision)
        else:
            command.downgrade(config, revision)


# -- item 2: concurrent ingests of the same texts ---------------------------------------------


def _corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    texts = sorted(EXAMPLES.glob("*.txt"))
    for number in range(count):
        text = texts[number % len(texts)].read_text(encoding="utf-8")
        (folder / f"doc{number:03}.txt").write_text(f"{text}\nВыпуск № {number}.\n", "utf-8")


def test_two_processes_ingesting_the_same_texts_store_each_exactly_once(db_url, tmp_path):
    """Both processes rewrite the same stale documents at once: each document must end up
    with exactly its own facts, and neither process may report a failure. On PostgreSQL the
    test holds every document row until both processes wait on a lock, so that both are
    inside the rewrite of the same document at the same time, every run."""
    folder = tmp_path / "corpus"
    _corpus(folder, 12)
    # Mentions but no events first: the rewrite's first delete that can wait is then the
    # mentions one, where a rewrite that does not take turns leaves both sets of rows.
    (folder / "doc.txt").write_text("Выпуск № 0. Россия, Китай, КНДР и Франция.", "utf-8")
    command = [sys.executable, "-m", "demarche", "ingest", str(folder), "--db", db_url]
    first = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    with Store.open(db_url) as store:
        with store.engine.begin() as connection:
            connection.execute(update(t.documents).values(analyzer_version="0.0.1"))
        with store.engine.connect() as holder:
            if store.backend == "postgresql":
                holder.execute(select(t.documents.c.id).with_for_update()).all()
            processes = [
                subprocess.Popen(
                    command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
                )
                for _ in range(2)
            ]
            if store.backend == "postgresql":
                _wait_for_lock_waiters(store, 2, processes)
            holder.rollback()
        outcomes = [(p.wait(timeout=600), p.stderr.read()) for p in processes]
        for process in processes:
            process.stderr.close()
        for code, stderr in outcomes:
            assert code == 0, stderr
            assert "skipped 0 " in stderr, stderr
        assert _exact(store) == 13
        assert store.stale(analyzer_version()) == []


def _wait_for_lock_waiters(store: Store, count: int, processes: list) -> None:
    waiting = text(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    deadline = time.monotonic() + 300
    with store.engine.connect() as connection:
        while connection.execute(waiting).scalar_one() < count:
            assert all(p.poll() is None for p in processes), "an ingest ended early"
            assert time.monotonic() < deadline, "the ingests never reached the held rows"
            connection.rollback()
            time.sleep(0.1)


# -- item 18: nothing to do costs no model loading; progress knows its total -----------------


def test_a_rerun_with_nothing_new_loads_no_models(tmp_path, analyzer, monkeypatch):
    import demarche.pipeline

    examples = len(list(EXAMPLES.glob("*.txt")))
    with Store.open(tmp_path / "store.db") as store:
        assert ingest(store, read_sources([str(EXAMPLES)]), analyzer).stored == examples

        def refuse(*_args, **_kwargs):
            raise AssertionError("the models were loaded with nothing to analyse")

        monkeypatch.setattr(demarche.pipeline.Analyzer, "__init__", refuse)
        again = ingest(store, read_sources([str(EXAMPLES)]))
        assert (again.stored, again.unchanged, again.failed) == (0, examples, [])
        nothing = reanalyze(store)
        assert (nothing.stored, nothing.failed) == (0, [])


def test_progress_has_a_total_and_a_remaining_time(tmp_path):
    from rich.console import Console

    from demarche.cli.common import progress_bar
    from demarche.reading.sources import count_items

    (tmp_path / "a.txt").write_text("Россия.", "utf-8")
    (tmp_path / "b.bin").write_bytes(b"\x00")
    (tmp_path / "d.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}\n')
    assert count_items([str(tmp_path)]) == 5
    assert count_items([str(tmp_path / "a.txt"), "-"]) is None
    progress = progress_bar(5, "ingesting")
    task = progress.add_task("ingest", total=5)
    progress.advance(task, 2)
    console = Console(record=True, width=120)
    console.print(progress.make_tasks_table(progress.tasks))
    shown = console.export_text()
    assert "2/5" in shown and "-:--:--" in shown  # done/total, and the ETA column


# -- item 12: PostgreSQL limits answer 4xx, never 500 -----------------------------------------


@pytest.fixture()
def pg_client(tmp_path):
    from fastapi.testclient import TestClient

    from demarche.web import create_app

    with fresh_postgres_database() as url:
        store = Store.open(url)
        yield TestClient(create_app(store=store), raise_server_exceptions=False)
        store.close()


def _one_error_shape(response, statuses: set[int]) -> None:
    assert response.status_code in statuses, (response.request.url, response.text)
    error = response.json()["error"]
    assert error["status"] == response.status_code and error["message"]


def test_a_document_id_past_32_bits_is_not_found_on_postgresql(pg_client):
    for document_id in (2**31 - 1, 2**31, 2**40):
        _one_error_shape(pg_client.get(f"/api/v1/documents/{document_id}"), {404})
    assert pg_client.get("/documents/2147483648").status_code == 404  # the reader page


def test_a_nul_in_any_filter_is_a_client_error_on_postgresql(pg_client):
    spec = pg_client.get("/openapi.json").json()
    tried = 0
    for path, operations in spec["paths"].items():
        parameters = operations.get("get", {}).get("parameters", [])
        url = path.replace("{code}", "RUS").replace("{format}", "csv")
        for parameter in parameters:
            if parameter["in"] != "query" or "string" not in json.dumps(parameter["schema"]):
                continue
            tried += 1
            response = pg_client.get(url, params={parameter["name"]: "a\x00b"})
            _one_error_shape(response, {400, 422})
    assert tried >= 15


# -- item 5: the registries do not depend on ingest order -------------------------------------


@pytest.fixture(scope="module")
def statement_records(analyzer):
    from demarche.store.ingest import analyse

    folders = [EXAMPLES, *(ROOT / "tests" / name for name in ("corpus", "corpus_holdout"))]
    items = [i for i in read_sources([str(f) for f in folders]) if isinstance(i, RawDocument)]
    return [analyse(analyzer, item) for item in items]


def _registries(store: Store) -> dict:
    """Agreements and formats with store-specific ids replaced by content hashes."""
    from demarche.store import queries

    with store.engine.connect() as connection:
        hashes = dict(
            connection.execute(select(t.documents.c.id, t.documents.c.content_hash)).all()
        )
        agreements = queries.agreements(connection, evidence_limit=10_000)
        formats = queries.dialogue_formats(connection)

    def pieces(evidence: list[dict]) -> list:
        return sorted(
            (hashes[e["document_id"]], e["start"], e["end"], e.get("text")) for e in evidence
        )

    for item in agreements:
        del item["id"]
        item["documents"] = sorted(hashes[d] for d in item["documents"])
        item["evidence"] = pieces(item["evidence"])
    for item in formats:
        del item["id"]
        item["documents"] = sorted(hashes[d] for d in item["documents"])
        for round_ in item["rounds"]:
            round_["evidence"] = pieces(round_["evidence"])
    return {"agreements": agreements, "formats": formats}


def test_the_registries_do_not_depend_on_ingest_order(db_url, tmp_path, statement_records):
    assert len(statement_records) >= 20
    with Store.open(tmp_path / "forward.db") as forward, Store.open(db_url) as backward:
        for record in statement_records:
            forward.add(record)
        for record in reversed(statement_records):
            backward.add(record)
        expected = _registries(forward)
        assert len(expected["agreements"]) >= 5 and expected["formats"]
        assert _registries(backward) == expected


def test_a_reanalysed_document_leaves_the_registries_as_a_fresh_ingest(tmp_path, statement_records):
    """Rewriting every document (a new analyser version) regroups nothing by accident."""
    with Store.open(tmp_path / "store.db") as store:
        for record in statement_records:
            store.add(record)
        expected = _registries(store)
        with store.engine.begin() as connection:
            connection.execute(update(t.documents).values(analyzer_version="0.0.1"))
        for record in reversed(statement_records):
            store.add(record)
        assert _registries(store) == expected


def test_migration_0007_keeps_the_registries_of_an_old_store(db_url, statement_records):
    with Store.open(db_url) as store:
        for record in statement_records:
            store.add(record)
        expected = _registries(store)
        _migrate(store, "0006")
        _migrate(store, "head")
        assert _registries(store) == expected
        with store.engine.connect() as connection:
            unlinked = select(func.count()).where(t.agreement_mentions.c.fact_id.is_(None))
            assert connection.execute(unlinked).scalar_one() == 0
        with store.engine.begin() as connection:  # relinking starts from the backfilled facts
            connection.execute(update(t.documents).values(analyzer_version="0.0.1"))
        for record in statement_records:
            store.add(record)
        assert _registries(store) == expected


def test_migration_0008_rehashes_texts_stored_under_their_crlf_hash(db_url, analyzer, tmp_path):
    import hashlib

    from demarche.store.ingest import analyse

    crlf = {"line": "Россия и КНДР.\r\nВторая строка.", "twice": "Китай и Лаос.\r\nЕщё."}
    with Store.open(db_url) as store:
        for name, body in crlf.items():
            (raw,) = read_sources([_jsonl(tmp_path / f"{name}.jsonl", body)])
            record = analyse(analyzer, raw)
            # What the JSON-lines reader used to store: the hash of the text before
            # its newlines were normalised.
            record.content_hash = hashlib.sha256(body.encode()).hexdigest()
            store.add(record)
        (tmp_path / "twice.txt").write_text(crlf["twice"].replace("\r\n", "\n"), "utf-8")
        assert ingest(store, read_sources([str(tmp_path / "twice.txt")]), analyzer).stored == 1
        _migrate(store, "0007")
        _migrate(store, "head")
        (tmp_path / "line.txt").write_text(crlf["line"].replace("\r\n", "\n"), "utf-8")
        again = ingest(store, read_sources([str(tmp_path / "line.txt")]), analyzer)
        assert (again.stored, again.unchanged) == (0, 1)
        assert store.counts()["documents"] == 3  # the old duplicate stays, nothing is lost


def _jsonl(path: Path, body: str) -> str:
    path.write_text(json.dumps({"text": body}) + "\n", "utf-8")
    return str(path)


def test_a_file_name_that_is_not_utf8_names_its_document_with_escapes(tmp_path, analyzer):
    folder = os.fsencode(tmp_path) + b"/d\xff"
    os.makedirs(folder)
    with open(folder + b"/a\xfe.txt", "w", encoding="utf-8") as handle:
        handle.write("Россия и Китай провели переговоры.")
    (doc,) = _read(tmp_path)
    assert doc.id == "a\\udcfe" and doc.source.endswith("d\\udcff/a\\udcfe.txt")
    with Store.open(tmp_path / "store.db") as store:
        assert ingest(store, [doc], analyzer).stored == 1
