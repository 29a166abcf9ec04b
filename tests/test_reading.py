"""Readers: encodings, formats and every kind of bad input, item by item."""

from __future__ import annotations

import json

import pytest

from demarche.reading import RawDocument, ReadFailure, read_sources

SAMPLE = (
    "Заявление МИД России в связи с испытанием ракеты (Москва, 3 марта 2025 года)\r\n"
    "Российская сторона выражает серьёзную обеспокоенность действиями Вашингтона.\r\n"
)


def _read(*sources: str, **options) -> list[RawDocument | ReadFailure]:
    return list(read_sources(list(sources), **options))


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251", "koi8_r", "utf-8-sig"])
def test_encodings_detected_and_newlines_normalised(tmp_path, encoding):
    path = tmp_path / "statement.txt"
    path.write_bytes(SAMPLE.encode(encoding))
    (doc,) = _read(str(path))
    assert isinstance(doc, RawDocument)
    assert doc.text == SAMPLE.replace("\r\n", "\n")


def test_html_main_text_extracted(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>МИД</title><script>var x = 1;</script></head><body>"
        "<nav>Меню сайта</nav><article><h1>Заявление МИД</h1>"
        "<p>Россия &laquo;приветствует&raquo; решение.</p><p>Второй абзац.</p></article>"
        "<footer>Подвал</footer></body></html>",
        encoding="utf-8",
    )
    (doc,) = _read(str(path))
    assert doc.text == "Заявление МИД\nРоссия «приветствует» решение.\nВторой абзац."
    assert doc.title == "МИД"


def test_markdown_is_read_as_text(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Заявление\n\nРоссия и Китай подписали план.\n", encoding="utf-8")
    (doc,) = _read(str(path))
    assert doc.text.startswith("# Заявление")


def test_jsonl_records_and_bad_lines(tmp_path):
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Россия и Китай.", "date": "2025-01-02", "url": "u"}),
        "{not json",
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "text": "   "}),
        json.dumps({"id": "d", "text": "Лавров прибыл в Пекин.", "date": "вчера"}),
        json.dumps({"text": "КНДР и Россия."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read(str(path))
    docs = [i for i in items if isinstance(i, RawDocument)]
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert [d.id for d in docs] == ["a", "dump-6"]
    assert docs[0].date.isoformat() == "2025-01-02" and docs[0].url == "u"
    assert [f.item for f in failures] == [f"{path}:2", f"{path}:3", f"{path}:4", f"{path}:5"]
    assert "malformed JSON" in failures[0].reason


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n ", "empty"),
        (b"\x00\x01\x02\x03binary\x00\x00" * 50, "binary"),
        (b"<html><body><script>x()</script></body></html>", "no text"),
    ],
)
def test_bad_files_fail_with_a_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (failure,) = _read(str(path))
    assert isinstance(failure, ReadFailure)
    assert reason in failure.reason
    assert str(path) in str(failure)


def test_undecodable_bytes_fail(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 40)
    (failure,) = _read(str(path))
    assert isinstance(failure, ReadFailure)


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Россия. " * 1000, encoding="utf-8")
    (failure,) = _read(str(path), max_bytes=1000)
    assert isinstance(failure, ReadFailure) and "limit" in failure.reason


def test_missing_path():
    (failure,) = _read("/no/such/statement.txt")
    assert isinstance(failure, ReadFailure) and "no such file" in failure.reason


def test_directory_with_good_and_bad_files(tmp_path):
    (tmp_path / "a.txt").write_text("Россия и Китай провели переговоры.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.bin").write_bytes(b"\x00\x01")
    (tmp_path / "d.txt").write_bytes("КНДР и Россия подписали план.".encode("cp1251"))
    items = _read(str(tmp_path))
    assert sorted(i.id for i in items if isinstance(i, RawDocument)) == ["a", "d"]
    assert len([i for i in items if isinstance(i, ReadFailure)]) == 2


def test_stdin(monkeypatch):
    import io
    import sys

    fake = io.TextIOWrapper(io.BytesIO(SAMPLE.encode("koi8_r")))
    monkeypatch.setattr(sys, "stdin", fake)
    (doc,) = _read("-")
    assert doc.text == SAMPLE.replace("\r\n", "\n")
