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
from demarche.reading.decode import decode_bytes, is_blank, normalize_newlines
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
                yield ReadFailure(printable(source), "directory holds no files")
            for file in files:
                name = printable(str(file))
                if file.suffix.lower() in TEXT_SUFFIXES:
                    yield from _guard(name, lambda f=file, n=name: _read_file(f, n, max_bytes))
                else:
                    yield ReadFailure(name, f"unsupported file type '{printable(file.suffix)}'")
        elif path.exists():
            name = printable(source)
            yield from _guard(name, lambda p=path, n=name: _read_file(p, n, max_bytes))
        else:
            yield ReadFailure(printable(source), "no such file or directory")


def printable(name: str) -> str:
    """A file name as text any store and terminal takes: bytes that are not UTF-8 (kept by
    Python as lone surrogates) become visible escapes such as ``\\udcff``."""
    return name.encode("utf-8", "backslashreplace").decode("utf-8")


def count_items(sources: Iterable[str]) -> int | None:
    """How many items ``read_sources`` will yield, for a progress total: files, and lines of
    JSON-lines files. None when stdin is among the sources. Cheap: nothing is decoded."""
    total = 0
    for source in sources:
        if source == "-":
            return None
        path = Path(source)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            total += _count_lines(file) if file.suffix.lower() == ".jsonl" else 1
    return total


def _count_lines(path: Path) -> int:
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return 1  # a FIFO named *.jsonl would block here; reading refuses it later
        with path.open("rb") as handle:
            return max(1, sum(1 for line in handle if line.strip()))
    except OSError:
        return 1


def _guard(item: str, read) -> Iterator[RawDocument | ReadFailure]:
    try:
        yield from read()
    except InputError as error:
        yield ReadFailure(error.item, error.reason)
    except OSError as error:
        yield ReadFailure(item, error.strerror or str(error))
    except Exception as error:  # a reader bug on one odd item must not lose the batch
        yield ReadFailure(item, f"unreadable ({error.__class__.__name__})")


def _read_stdin(max_bytes: int) -> Iterator[RawDocument | ReadFailure]:
    data = sys.stdin.buffer.read(max_bytes + 1)
    yield from read_bytes(data, "<stdin>", "stdin", max_bytes)


def _read_file(path: Path, name: str, max_bytes: int) -> Iterator[RawDocument | ReadFailure]:
    info = path.stat()
    # /dev/zero reports size 0 and never ends; opening a FIFO blocks until a writer comes
    if not stat.S_ISREG(info.st_mode):
        raise InputError(name, "not a regular file (devices, FIFOs and sockets are not read)")
    if info.st_size > max_bytes:
        raise InputError(name, f"file is {info.st_size} bytes, over the {max_bytes}-byte limit")
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)  # capped: the file may have grown since stat
    if len(data) > max_bytes:
        raise InputError(name, f"file is over the {max_bytes}-byte limit")
    if path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(data, name)
        return
    yield from read_bytes(data, name, printable(path.stem), max_bytes)


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
    problem = text_problem(text) or text_problem(doc_id) or text_problem(title or "")
    if problem:
        raise InputError(item, problem)
    yield RawDocument(
        id=doc_id, text=text, source=item, title=title, content_hash=content_hash(text)
    )


def _read_jsonl(data: bytes, item: str) -> Iterator[RawDocument | ReadFailure]:
    text = decode_bytes(data, item)
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            yield _jsonl_document(line, item, number)
        except InputError as error:
            yield ReadFailure(error.item, error.reason)
        except Exception as error:  # one odd line must not lose the lines after it
            yield ReadFailure(f"{item}:{number}", f"unreadable ({error.__class__.__name__})")


def _jsonl_document(line: str, item: str, number: int) -> RawDocument:
    where = f"{item}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(where, f"malformed JSON ({error.msg})") from None
    except RecursionError:
        raise InputError(where, "JSON nested too deeply") from None
    problem = _jsonl_problem(record)
    if problem:
        raise InputError(where, problem)
    body = record["text"]
    if looks_like_html(body):
        body, _ = html_main_text(body)
    if is_blank(body):
        raise InputError(where, "empty text")
    body = normalize_newlines(body)
    return RawDocument(
        id=str(record.get("id") or f"{Path(item).stem}-{number}"),
        text=body,
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
    for name in ("id", "url", "title"):
        value = record.get(name)
        if value is not None and not isinstance(value, str | int):
            return f"'{name}' must be a string"
        if isinstance(value, str) and (problem := text_problem(value)):
            return f"'{name}' {problem}"
    given = record.get("date")
    if given is not None and _parse_iso_date(given) is None:
        return f"bad 'date' {given!r} (want YYYY-MM-DD)"
    if problem := text_problem(record["text"]):
        return f"'text' {problem}"
    return None


def text_problem(text: str) -> str | None:
    """Why no store can hold ``text`` the same way on SQLite and PostgreSQL, if it cannot."""
    if "\x00" in text:
        return "contains a NUL character"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return f"contains an unpaired surrogate at character {error.start}"
    return None


def _parse_iso_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def content_hash(text: str) -> str:
    """A text's identity: the same after any newline convention, wherever it came from."""
    return hashlib.sha256(normalize_newlines(text).encode("utf-8")).hexdigest()
