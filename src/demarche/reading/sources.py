"""Turn command-line sources (files, directories, ``-``, JSON lines) into raw documents.

A bad item never stops the batch: it becomes a ``ReadFailure`` and the rest go on.
"""

from __future__ import annotations

import hashlib
import json
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from demarche.errors import InputError
from demarche.reading.decode import decode_bytes
from demarche.reading.html import html_main_text, looks_like_html

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".jsonl"}


@dataclass(slots=True)
class RawDocument:
    id: str
    text: str
    source: str
    url: str | None = None
    title: str | None = None
    date: date | None = None
    content_hash: str = ""


@dataclass(slots=True)
class ReadFailure:
    item: str
    reason: str

    def __str__(self) -> str:
        return f"{self.item}: {self.reason}"


def read_sources(
    sources: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | ReadFailure]:
    for source in sources:
        if source == "-":
            yield from _guard("<stdin>", lambda: _read_stdin(max_bytes))
            continue
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file())
            if not files:
                yield ReadFailure(source, "directory holds no files")
            for file in files:
                if file.suffix.lower() in TEXT_SUFFIXES:
                    yield from _guard(str(file), lambda f=file: _read_file(f, max_bytes))
                else:
                    yield ReadFailure(str(file), f"unsupported file type '{file.suffix}'")
        elif path.exists():
            yield from _guard(source, lambda p=path: _read_file(p, max_bytes))
        else:
            yield ReadFailure(source, "no such file or directory")


def _guard(item: str, read) -> Iterator[RawDocument | ReadFailure]:
    try:
        yield from read()
    except InputError as error:
        yield ReadFailure(error.item, error.reason)
    except OSError as error:
        yield ReadFailure(item, error.strerror or str(error))


def _read_stdin(max_bytes: int) -> Iterator[RawDocument | ReadFailure]:
    data = sys.stdin.buffer.read(max_bytes + 1)
    yield from read_bytes(data, "<stdin>", "stdin", max_bytes)


def _read_file(path: Path, max_bytes: int) -> Iterator[RawDocument | ReadFailure]:
    info = path.stat()
    # /dev/zero reports size 0 and never ends; opening a FIFO blocks until a writer comes
    if not stat.S_ISREG(info.st_mode):
        raise InputError(str(path), "not a regular file (devices, FIFOs and sockets are not read)")
    if info.st_size > max_bytes:
        raise InputError(
            str(path), f"file is {info.st_size} bytes, over the {max_bytes}-byte limit"
        )
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)  # capped: the file may have grown since stat
    if len(data) > max_bytes:
        raise InputError(str(path), f"file is over the {max_bytes}-byte limit")
    if path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(data, str(path))
        return
    yield from read_bytes(data, str(path), path.stem, max_bytes)


def read_bytes(
    data: bytes, item: str, doc_id: str, max_bytes: int
) -> Iterator[RawDocument | ReadFailure]:
    if len(data) > max_bytes:
        raise InputError(item, f"input is over the {max_bytes}-byte limit")
    text = decode_bytes(data, item)
    title = None
    if looks_like_html(text):
        text, title = html_main_text(text)
        if not text.strip():
            raise InputError(item, "HTML page has no text")
    if text.lstrip().startswith("{") and "\n{" in text:
        yield from _read_jsonl(data, item)
        return
    yield RawDocument(
        id=doc_id, text=text, source=item, title=title, content_hash=content_hash(text)
    )


def _read_jsonl(data: bytes, item: str) -> Iterator[RawDocument | ReadFailure]:
    text = decode_bytes(data, item)
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{item}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield ReadFailure(where, f"malformed JSON ({error.msg})")
            continue
        problem = _jsonl_problem(record)
        if problem:
            yield ReadFailure(where, problem)
            continue
        body = record["text"]
        if looks_like_html(body):
            body, _ = html_main_text(body)
        if not body.strip():
            yield ReadFailure(where, "empty text")
            continue
        yield RawDocument(
            id=str(record.get("id") or f"{Path(item).stem}-{number}"),
            text=body.replace("\r\n", "\n").replace("\r", "\n"),
            source=where,
            url=record.get("url"),
            title=record.get("title"),
            date=_parse_iso_date(record.get("date")),
            content_hash=content_hash(body),
        )


def _jsonl_problem(record: object) -> str | None:
    if not isinstance(record, dict):
        return "a JSON-lines record must be an object"
    if not isinstance(record.get("text"), str):
        return "record has no 'text' string"
    given = record.get("date")
    if given is not None and _parse_iso_date(given) is None:
        return f"bad 'date' {given!r} (want YYYY-MM-DD)"
    return None


def _parse_iso_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
