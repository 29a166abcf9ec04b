"""Data integrity: what is read is what is stored, once, whatever the order, the
concurrency or the odd item in a batch (issue 11)."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest

from demarche.reading import RawDocument, ReadFailure, read_sources
from demarche.reading.sources import content_hash

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
    batch = folder / "batch[red]" / "x[b]"
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
