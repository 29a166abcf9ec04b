"""REST API, version 1: documents, search, facts, actors, exports and ``/analyze``.

Every list is paged (``limit`` ≤ 500, ``offset`` ≥ 0) and answers
``{"items": [...], "total": n, "limit": …, "offset": …}``; every error is
``{"error": {"status", "code", "message"}}``. Reading needs no token, writing does.
Nothing a request says reaches the filesystem: uploads are decoded in memory and exports
are written to a fresh temporary directory under fixed names.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import re
import tempfile
import zipfile
from enum import StrEnum
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import AfterValidator, BaseModel, Field, ValidationError
from sqlalchemy import select

from demarche import __version__
from demarche.errors import InputError, UnsupportedLanguage
from demarche.output.json_output import document_to_json
from demarche.pipeline import Analyzer
from demarche.reading import RawDocument, ReadFailure
from demarche.reading.sources import DEFAULT_MAX_BYTES, content_hash, read_bytes
from demarche.store import Filters, Store, StoreError, export
from demarche.store import schema as t
from demarche.version import analyzer_version
from demarche.web.deps import (
    get_analyzer,
    get_store,
    require_token,
    store_text,
    token_if_configured,
)

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000
MAX_TEXT_CHARS = 1_000_000  # a stored statement; the reading layer allows 5 MB of bytes
MAX_ANALYZE_CHARS = 200_000  # analysed and thrown away, so kept shorter
MAX_FILES = 50


# -- input validation -------------------------------------------------------------------------


def _plain(value: str | None) -> str | None:
    """Refuse what no database column can hold: NUL and unpaired surrogates."""
    if value is None:
        return value
    if "\x00" in value:
        raise ValueError("contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("contains an unpaired surrogate") from None
    return value


Plain = Annotated[str, AfterValidator(_plain)]


def _query_text(max_length: int = 200, **kwargs: Any) -> Any:
    return Query(max_length=max_length, **kwargs)


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    described = {
        401: "A valid token is required to write",
        403: "Writing is disabled: no token is configured",
        404: "Not found",
        413: "Request too large",
        415: "Unsupported media type",
        422: "Invalid input",
        503: "The analyser is busy: retry after the Retry-After seconds",
    }
    return {s: {"model": ErrorResponse, "description": described[s]} for s in statuses}


router = APIRouter(responses=_errors(422))


class Page(BaseModel):
    limit: int
    offset: int


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")] = 0,
) -> Page:
    return Page(limit=limit, offset=offset)


_DAY = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _day(value: str | None, name: str, end: bool = False) -> dt.date | None:
    """``2025``, ``2025-07`` or ``2025-07-12``; the end of a range takes the last day."""
    if not value:
        return None
    try:
        year = int(value[:4])
        if len(value) == 4:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        month = int(value[5:7])
        if len(value) == 7:
            return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"query.{name}: not a date: {value!r}") from None


def _code(value: str | None) -> str | None:
    """Actor codes are upper case (RUS); entity ids (person:…) keep theirs."""
    if not value:
        return None
    return value if ":" in value else value.upper()


def document_filters(
    actor: Annotated[
        Plain | None, _query_text(256, description="Actor code (RUS) or entity id")
    ] = None,
    date_from: Annotated[
        str | None, Query(alias="from", pattern=_DAY, description="YYYY, YYYY-MM or YYYY-MM-DD")
    ] = None,
    date_to: Annotated[
        str | None, Query(alias="to", pattern=_DAY, description="YYYY, YYYY-MM or YYYY-MM-DD")
    ] = None,
    genre: Annotated[Plain | None, _query_text(64, description="Document genre")] = None,
    speaker: Annotated[
        Plain | None, _query_text(256, description="Speaker entity id or part of the name")
    ] = None,
) -> Filters:
    return Filters(
        actor=_code(actor),
        date_from=_day(date_from, "from"),
        date_to=_day(date_to, "to", end=True),
        genre=genre or None,
        speaker=speaker or None,
    )


# -- response models --------------------------------------------------------------------------


class DocumentSummary(BaseModel):
    id: int
    title: str | None = None
    date: dt.date | None = None
    genre: str | None = None
    speaker: str | None = None
    speaker_name: str | None = None
    place: str | None = None
    source: str
    url: str | None = None
    length: int | None = None
    score: float | None = Field(None, description="Search rank, with q")
    snippet: str | None = Field(None, description="Text around the first match, with q")
    highlights: list[tuple[int, int]] | None = Field(
        None, description="Character offsets of every match in the text, with q"
    )


class DocumentList(Page):
    items: list[DocumentSummary]
    total: int


class SearchHitOut(BaseModel):
    id: int
    title: str | None
    date: dt.date | None
    genre: str | None
    speaker: str | None
    source: str
    score: float
    snippet: str = Field(description="The window around the first match; matches in [brackets]")
    highlights: list[tuple[int, int]] = Field(
        description="[start, end) character offsets of every matching word in the text"
    )


class SearchResult(Page):
    query: str
    items: list[SearchHitOut]
    total: int


class DocumentOut(BaseModel):
    id: int
    content_hash: str
    external_id: str
    source: str
    url: str | None
    title: str | None
    date: dt.date | None
    genre: str | None
    speaker: str | None
    speaker_name: str | None
    place: str | None
    language: str
    length: int
    text: str
    analyzer_version: str
    ingested_at: dt.datetime
    analysis: dict[str, Any] = Field(
        description="The full analysis (schema/analysis.schema.json): every fact with offsets"
    )


Language = Literal["ru", "en"]
_LANGUAGE = (
    "Analyse as this language; without it the text's language is identified, and a text in "
    "a language without a pack is refused (422)"
)


class DocumentIn(BaseModel):
    text: Plain = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    title: Plain | None = Field(None, max_length=1000)
    url: Plain | None = Field(None, max_length=2048)
    date: dt.date | None = None
    language: Language | None = Field(None, description=_LANGUAGE)


class AnalyzeIn(BaseModel):
    text: Plain = Field(min_length=1, max_length=MAX_ANALYZE_CHARS)
    language: Language | None = Field(None, description=_LANGUAGE)


class Stored(BaseModel):
    id: int
    created: bool = Field(description="False when the same text was already stored")
    title: str | None


class FileResult(BaseModel):
    file: str
    id: int | None = None
    created: bool | None = None
    title: str | None = None
    error: str | None = Field(None, description="Why this file (or JSON line) was not stored")


class Event(BaseModel):
    id: int
    document_id: int
    type: str
    mode: str
    context: str
    source: str
    target: str
    date: str | None
    location: str | None
    aux: str
    confidence: float
    quad_class: int | None
    cameo: str | None
    goldstein: float | None
    summary: str
    start: int
    end: int
    trigger_start: int | None
    trigger_end: int | None
    event_key: str


class EventList(Page):
    items: list[Event]
    total: int


class Actor(BaseModel):
    id: str
    kind: str
    code: str | None
    name_en: str
    name_ru: str
    sector: str | None
    country: str | None
    office: str | None
    wikidata: str | None
    documents: int
    mentions: int


class ActorList(Page):
    items: list[Actor]
    total: int


class ActorProfile(BaseModel):
    actor: str
    name: str
    documents: int
    totals: dict[str, int]
    by_month: dict[str, dict[str, int]]
    counterparts: dict[str, dict[str, dict[str, int]]]


class Evidence(BaseModel):
    document_id: int
    start: int
    end: int
    text: str | None = None


class Agreement(BaseModel):
    id: int
    name_en: str
    name_ru: str
    kind: str
    parties: list[str]
    signed: str | None
    signed_at: str | None
    valid: str | None
    scope: Any
    status: str
    documents: list[int] = Field(description="the documents of the evidence listed")
    document_count: int = Field(description="all documents that report the agreement")
    evidence: list[Evidence] = Field(description="the first 50 pieces, in document order")
    evidence_count: int


class AgreementList(Page):
    items: list[Agreement]
    total: int


class Round(BaseModel):
    number: int | None
    date: str | None
    place: str | None
    status: str
    evidence: list[Evidence] = Field(description="the first 50 pieces")
    evidence_count: int


class DialogueFormat(BaseModel):
    id: int
    key: str
    name_en: str
    name_ru: str
    parties: list[str]
    level: str | None
    launched_by: list[str]
    rounds: list[Round]
    documents: list[int] = Field(description="the last 50 documents that report it")
    document_count: int


class FormatList(Page):
    items: list[DialogueFormat]
    total: int


class Relation(BaseModel):
    id: int
    document_id: int
    a: str
    b: str
    kind: str
    since: str | None
    summary: str
    start: int
    end: int


class RelationList(Page):
    items: list[Relation]
    total: int


class Stance(BaseModel):
    id: int
    document_id: int
    holder: str
    target: str
    polarity: str
    score: float
    date: dt.date | None
    summary: str
    start: int
    end: int


class TrendMonth(BaseModel):
    month: str
    positive: int
    negative: int
    mixed: int
    score: float


class StanceList(Page):
    items: list[Stance]
    total: int
    trend: list[TrendMonth] | None = Field(
        None, description="Month by month, when both holder and target are given"
    )


class Node(BaseModel):
    id: str
    name: str


class Edge(BaseModel):
    source: str
    target: str
    events: int
    quad_classes: dict[str, int]
    types: dict[str, int]
    relations: dict[str, int]
    dominant_quad: int | None


class Network(BaseModel):
    nodes: list[Node]
    edges: list[Edge]


class Overview(BaseModel):
    counts: dict[str, int]
    first_date: str | None
    last_date: str | None
    top_actors: list[dict[str, Any]]
    event_types: dict[str, int]


# -- meta ------------------------------------------------------------------------------------


@router.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok", "version": __version__}


@router.get("/overview", response_model=Overview, summary="Corpus size, span and top actors")
def overview(store: Store = Depends(get_store)) -> dict[str, Any]:
    return {"counts": store.counts(), **store.query("overview")}


# -- analysis without storing ------------------------------------------------------------------


@router.post(
    "/analyze",
    summary="Analyse a text without storing it",
    dependencies=[Depends(token_if_configured)],
    responses=_errors(401, 413, 503),
)
def analyze(
    body: AnalyzeIn, request: Request, analyzer: Analyzer = Depends(get_analyzer)
) -> dict[str, Any]:
    """The analysis JSON (schema/analysis.schema.json) of the text: facts with offsets.

    At most 200,000 characters. When the server has a token, this needs it too
    (analysis is the costly operation). One analysis runs at a time; a few requests may wait
    their turn, and past that the answer is 503 with ``Retry-After``."""
    raw = RawDocument("text", body.text, "<api>", content_hash=content_hash(body.text))
    with request.app.state.analysis.turn():
        try:
            return document_to_json(analyzer.analyze(raw, body.language))
        except UnsupportedLanguage as error:
            raise HTTPException(422, f"text: {error.reason}") from None


# -- documents ---------------------------------------------------------------------------------


@router.get("/documents", response_model=DocumentList, summary="List or search documents")
def list_documents(
    q: Annotated[
        Plain | None, _query_text(200, description="Lemma search: every case form matches")
    ] = None,
    filters: Filters = Depends(document_filters),
    paging: Page = Depends(page),
    store: Store = Depends(get_store),
) -> dict[str, Any]:
    if q and q.strip():
        hits, total = _search(store, q, filters, paging)
        items = [{**hit, "speaker_name": hit["speaker"], "speaker": None} for hit in hits]
    else:
        items, total = store.query("documents", filters, paging.limit, paging.offset)
    items = [_public_item(item) for item in items]
    return {"items": items, "total": total, **paging.model_dump()}


@router.get("/search", response_model=SearchResult, summary="Lemma search with snippets")
def search(
    q: Annotated[Plain, Query(min_length=1, max_length=200, description="Words to find")],
    filters: Filters = Depends(document_filters),
    paging: Page = Depends(page),
    store: Store = Depends(get_store),
) -> dict[str, Any]:
    hits, total = _search(store, q, filters, paging)
    return {"query": q, "items": hits, "total": total, **paging.model_dump()}


def _search(store: Store, q: str, filters: Filters, paging: Page) -> tuple[list[dict], int]:
    hits = store.search(q, filters, paging.limit, paging.offset)
    if paging.offset == 0 and len(hits) < paging.limit:
        total = len(hits)
    else:
        total = store.search_total(q, filters)
    return [_public_item(hit.as_dict()) for hit in hits], total


@router.get(
    "/documents/{document_id}",
    response_model=DocumentOut,
    responses=_errors(404),
    summary="One document with all its facts and their offsets",
)
def get_document(
    document_id: Annotated[int, PathParam(ge=1, le=2**62)], store: Store = Depends(get_store)
) -> dict[str, Any]:
    document = store.document(document_id)
    if document is None:
        raise HTTPException(404, f"no document {document_id}")
    document = _public_item(document)
    analysed = (document.get("analysis") or {}).get("document")
    if isinstance(analysed, dict) and "source" in analysed:
        document["analysis"] = {
            **document["analysis"],
            "document": {**analysed, "source": public_source(analysed["source"])},
        }
    return document


@router.get(
    "/documents/{document_id}/translation",
    responses=_errors(404),
    summary="The linked translation of a document and the two versions' events aligned",
)
def get_translation(
    document_id: Annotated[int, PathParam(ge=1, le=2**62)], store: Store = Depends(get_store)
) -> dict[str, Any]:
    """``translation_id``, the link ``score``, ``aligned`` events with evidence offsets in
    both texts (``document`` and ``translation``), the unaligned events of each side and the
    ``share`` of aligned events among all events of the two."""
    if store.document(document_id) is None:
        raise HTTPException(404, f"no document {document_id}")
    aligned = store.query("translation", document_id)
    if aligned is None:
        raise HTTPException(404, f"document {document_id} has no linked translation")
    return aligned


_DOCUMENT_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": DocumentIn.model_json_schema()},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {
                        "type": "array",
                        "items": {"type": "string", "format": "binary"},
                        "description": "One or more files: text (UTF-8, cp1251, koi8-r …), "
                        "HTML or JSON lines",
                    },
                    "language": {"type": "string", "enum": ["ru", "en"], "description": _LANGUAGE},
                },
            }
        },
    },
}


@router.post(
    "/documents",
    status_code=201,
    dependencies=[Depends(require_token)],
    responses={
        **_errors(401, 403, 413, 415, 422),
        200: {"description": "The text was already stored", "model": Stored},
        201: {
            "description": "Stored: one result for JSON or one file, a list for several files",
            "content": {
                "application/json": {
                    "schema": {
                        "anyOf": [
                            {"$ref": "#/components/schemas/Stored"},
                            {"type": "array", "items": {"$ref": "#/components/schemas/FileResult"}},
                        ]
                    }
                }
            },
        },
    },
    openapi_extra={"requestBody": _DOCUMENT_BODY},
    summary="Add statements: JSON {text, title?, url?, date?} or multipart file(s)",
)
async def add_documents(
    request: Request,
    store: Store = Depends(get_store),
    analyzer: Analyzer = Depends(get_analyzer),
) -> Response:
    """Analyse and store. Needs the token (``Authorization: Bearer …`` or ``X-Demarche-Token``).

    Several files give a list with one result per file (or per JSON line), each with its id
    or its error; one unreadable file is a 422 with the reason."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await _read_body(request)
    if kind == "application/json" or kind.endswith("+json"):
        try:
            given = DocumentIn.model_validate_json(body or b"null")
        except ValidationError as error:
            raise RequestValidationError(
                [{**e, "loc": ("body", *e["loc"])} for e in error.errors(include_context=False)]
            ) from None
        fields = {
            "title": given.title,
            "url": given.url,
            "date": given.date,
            "language": given.language,
        }
        name = f"api:{content_hash(given.text)[:16]}"
        result = await run_in_threadpool(_store, store, analyzer, given.text, name, fields)
        return _stored_response(result)
    if kind != "multipart/form-data":
        raise HTTPException(415, "send application/json or multipart/form-data")
    try:
        form = await request.form(max_files=MAX_FILES, max_fields=MAX_FILES)
    except Exception as error:  # malformed multipart of any kind: the client's fault
        raise HTTPException(422, f"body: unreadable multipart form ({error})") from None
    uploads = [value for value in form.getlist("file") if not isinstance(value, str)]
    language = form.get("language")
    if language is not None and language not in ("ru", "en"):
        raise HTTPException(422, "body.language: no language pack (choose ru, en)")
    if not uploads:
        raise HTTPException(422, "body.file: no file uploaded")
    results: list[FileResult] = []
    for upload in uploads:
        data = await upload.read(DEFAULT_MAX_BYTES + 1)
        name = _file_name(upload.filename)
        results += await run_in_threadpool(_store_file, store, analyzer, data, name, language)
    await form.close()
    if len(uploads) == 1 and len(results) == 1:
        return _stored_response(results[0])
    if all(r.id is None for r in results):
        reasons = "; ".join(f"{r.file}: {r.error}" for r in results)
        raise HTTPException(422, f"no file stored: {reasons}")
    return JSONResponse(jsonable_encoder(results), status_code=201)


async def _read_body(request: Request) -> bytes:
    """The body, refused past the app's size limit even when no Content-Length was sent."""
    limit = request.app.state.max_request_bytes
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"request over {limit} bytes")
        chunks.append(chunk)
    body = b"".join(chunks)
    request._body = body  # lets request.form() parse what was already read
    return body


def public_source(source: str | None) -> str | None:
    """Where a document came from, as the API shows it: URLs and labels as they are, a
    local path by its file name only (``/home/me/archive/a.txt`` is ``a.txt``), so the
    ingesting machine's folders and user names stay private."""
    if not source or source.startswith(("http://", "https://", "upload:", "api:", "<")):
        return source
    return PureWindowsPath(PurePosixPath(source).name).name or None


def _public_item(item: dict[str, Any]) -> dict[str, Any]:
    return {**item, "source": public_source(item.get("source")) or ""}


def _file_name(filename: str | None) -> str:
    """A label for the upload, never a path: the last component, printable, bounded."""
    name = PureWindowsPath(PurePosixPath(filename or "upload").name).name
    name = re.sub(r"[^\w.\- ]", "_", name).strip() or "upload"
    return name[:120]


def _store(
    store: Store, analyzer: Analyzer, text: str, name: str, fields: dict[str, Any]
) -> FileResult:
    found = _stored_id(store, text)
    if found is None:
        try:
            found = store_text(store, analyzer, text, name, **fields)
        except StoreError as error:
            return FileResult(file=name, error=str(error))
        except UnsupportedLanguage as error:
            return FileResult(file=name, error=error.reason)
    document_id, created = found
    with store.engine.connect() as connection:
        title = connection.execute(
            select(t.documents.c.title).where(t.documents.c.id == document_id)
        ).scalar()
    return FileResult(file=name, id=document_id, created=created, title=title)


def _stored_id(store: Store, text: str) -> tuple[int, bool] | None:
    """The id of the same text already stored by this analyser version, if any."""
    digest = content_hash(text)
    with store.engine.connect() as connection:
        row = connection.execute(
            select(t.documents.c.id, t.documents.c.analyzer_version).where(
                t.documents.c.content_hash == digest
            )
        ).first()
    if row is None or row[1] != analyzer_version():
        return None
    return row[0], False


def _store_file(
    store: Store, analyzer: Analyzer, data: bytes, name: str, language: str | None = None
) -> list[FileResult]:
    label = f"upload:{name}"
    try:
        items = list(read_bytes(data, label, Path(name).stem or name, DEFAULT_MAX_BYTES))
    except InputError as error:
        return [FileResult(file=name, error=error.reason)]
    results = []
    for item in items:
        if isinstance(item, ReadFailure):
            results.append(FileResult(file=item.item.removeprefix("upload:"), error=item.reason))
            continue
        where = item.source.removeprefix("upload:")
        try:
            text = _plain(item.text) or ""
        except ValueError as error:
            results.append(FileResult(file=where, error=f"text {error}"))
            continue
        if not text.strip():
            results.append(FileResult(file=where, error="empty text"))
            continue
        fields = {"title": item.title, "url": item.url, "date": item.date, "language": language}
        result = _store(store, analyzer, text, item.source, fields)
        result.file = where
        results.append(result)
    return results


def _stored_response(result: FileResult) -> JSONResponse:
    if result.error:
        raise HTTPException(422, f"{result.file}: {result.error}")
    body = Stored(id=result.id, created=bool(result.created), title=result.title)
    return JSONResponse(body.model_dump(), status_code=201 if result.created else 200)


# -- facts -------------------------------------------------------------------------------------


@router.get("/events", response_model=EventList, summary="Events, newest first")
def events(
    source: Annotated[Plain | None, _query_text(64, description="Source actor code")] = None,
    target: Annotated[Plain | None, _query_text(64, description="Target actor code")] = None,
    event_type: Annotated[
        Plain | None, _query_text(16, alias="type", description="PLOVER type, e.g. AGREE")
    ] = None,
    filters: Filters = Depends(document_filters),
    paging: Page = Depends(page),
    store: Store = Depends(get_store),
) -> dict[str, Any]:
    args = (filters, _code(source), _code(target), event_type or None)
    items = store.query("events", *args, limit=paging.limit, offset=paging.offset)
    if paging.offset == 0 and len(items) < paging.limit:
        total = len(items)
    else:
        total = store.query("events_total", *args)
    return {"items": items, "total": total, **paging.model_dump()}


@router.get("/actors", response_model=ActorList, summary="Known actors with mention counts")
def actors(
    kind: Annotated[
        Plain | None, _query_text(32, description="state, organization, person …")
    ] = None,
    code: Annotated[Plain | None, _query_text(32, description="Actor code, e.g. RUS")] = None,
    paging: Page = Depends(page),
    store: Store = Depends(get_store),
) -> dict[str, Any]:
    items, total = store.query("actors", kind, _code(code), paging.limit, paging.offset)
    return {"items": items, "total": total, **paging.model_dump()}


@router.get(
    "/actors/{code}",
    response_model=ActorProfile,
    responses=_errors(404),
    summary="Actor profile: events by type and month, counterparts",
)
def actor_profile(
    code: Annotated[Plain, PathParam(min_length=1, max_length=256)],
    filters: Filters = Depends(document_filters),
    store: Store = Depends(get_store),
) -> dict[str, Any]:
    code = _code(code) or ""
    profile = store.query("actor_profile", code, filters)
    if not profile["documents"] and not profile["totals"] and profile["name"] == code:
        known, _ = store.query("actors", None, code, 1, 0)
        if not known:
            raise HTTPException(404, f"no actor {code}")
    return profile


class ActorCode(BaseModel):
    code: str
    name: str
    kind: str
    names: list[str]
    documents: int


class ActorCodeList(BaseModel):
    items: list[ActorCode]
    total: int


class EventType(BaseModel):
    type: str
    definition: str
    quad_class: int | None
    modes: list[str]


class EventTypeList(BaseModel):
    items: list[EventType]
    total: int


@router.get(
    "/codes/actors",
    response_model=ActorCodeList,
    summary="Every actor code the filters accept, with names and document counts",
)
def actor_codes(
    kind: Annotated[Plain | None, _query_text(32, description="state or organization")] = None,
    store: Store = Depends(get_store),
) -> dict[str, Any]:
    items = [c for c in store.query("actor_codes") if kind is None or c["kind"] == kind]
    return {"items": items, "total": len(items)}


@router.get(
    "/codes/event-types",
    response_model=EventTypeList,
    summary="The PLOVER event types with their modes and definitions",
)
def event_type_codes(store: Store = Depends(get_store)) -> dict[str, Any]:
    items = store.query("event_types")
    return {"items": items, "total": len(items)}


@router.get("/agreements", response_model=AgreementList, summary="The agreements registry")
def agreements(
    filters: Filters = Depends(document_filters),
    paging: Page = Depends(page),
    store: Store = Depends(get_store),
) -> dict[str, Any]:
    items = store.query("agreements", filters, limit=paging.limit, offset=paging.offset)
    total = store.query("agreements_total", filters)
    return {"items": items, "total": total, **paging.model_dump()}


@router.get("/formats", response_model=FormatList, summary="Dialogue formats and their rounds")
def formats(
    filters: Filters = Depends(document_filters),
    paging: Page = Depends(page),
    store: Store = Depends(get_store),
) -> dict[str, Any]:
    items = store.query("dialogue_formats", filters, limit=paging.limit, offset=paging.offset)
    total = store.query("dialogue_formats_total", filters)
    return {"items": items, "total": total, **paging.model_dump()}


@router.get("/relations", response_model=RelationList, summary="Declared relations")
def relations(
    kind: Annotated[Plain | None, _query_text(32, description="Relation kind")] = None,
    party: Annotated[Plain | None, _query_text(64, description="Either side's code")] = None,
    filters: Filters = Depends(document_filters),
    paging: Page = Depends(page),
    store: Store = Depends(get_store),
) -> dict[str, Any]:
    items, total = store.query(
        "relations", filters, _code(party), kind or None, paging.limit, paging.offset
    )
    return {"items": items, "total": total, **paging.model_dump()}


@router.get("/stances", response_model=StanceList, summary="Stances; the trend for a pair")
def stances(
    holder: Annotated[Plain | None, _query_text(64, description="Who speaks")] = None,
    target: Annotated[Plain | None, _query_text(64, description="Of whom")] = None,
    polarity: Annotated[
        str | None, Query(pattern="^(positive|negative|mixed)$", description="Polarity")
    ] = None,
    filters: Filters = Depends(document_filters),
    paging: Page = Depends(page),
    store: Store = Depends(get_store),
) -> dict[str, Any]:
    holder, target = _code(holder), _code(target)
    items, total = store.query(
        "stances", filters, holder, target, polarity, paging.limit, paging.offset
    )
    trend = store.query("stance_trend", holder, target, filters) if holder and target else None
    return {"items": items, "total": total, "trend": trend, **paging.model_dump()}


@router.get("/network", response_model=Network, summary="Actors and their event/relation edges")
def network(
    filters: Filters = Depends(document_filters), store: Store = Depends(get_store)
) -> dict[str, Any]:
    return store.query("network", filters)


# -- exports -----------------------------------------------------------------------------------


class ExportFormat(StrEnum):
    plover = "plover"
    gdelt = "gdelt"
    csv = "csv"
    parquet = "parquet"
    graphml = "graphml"


_EXPORT_TYPES = {
    ExportFormat.plover: ("application/x-ndjson", "demarche-events.jsonl"),
    ExportFormat.gdelt: ("text/tab-separated-values; charset=utf-8", "demarche-events.tsv"),
    ExportFormat.csv: ("application/zip", "demarche-csv.zip"),
    ExportFormat.parquet: ("application/zip", "demarche-parquet.zip"),
    ExportFormat.graphml: ("application/graphml+xml", "demarche-network.graphml"),
}


@router.get(
    "/export/{format}",
    response_class=Response,
    responses={
        200: {
            "description": "The dataset as a download",
            "content": {media.split(";")[0]: {} for media, _ in _EXPORT_TYPES.values()},
        }
    },
    summary="Export: PLOVER JSONL, GDELT TSV, CSV or Parquet tables (zip), GraphML",
)
def export_dataset(
    format: ExportFormat,
    filters: Filters = Depends(document_filters),
    store: Store = Depends(get_store),
) -> Response:
    media, filename = _EXPORT_TYPES[format]
    with store.engine.connect() as connection:
        if format in (ExportFormat.plover, ExportFormat.gdelt):
            out = io.StringIO()
            write = export.write_plover if format is ExportFormat.plover else export.write_gdelt
            write(connection, out, filters)
            content = out.getvalue().encode("utf-8")
        else:
            with tempfile.TemporaryDirectory(prefix="demarche-export-") as tmp:
                folder = Path(tmp)
                if format is ExportFormat.graphml:
                    export.write_graphml(connection, folder / "network.graphml", filters)
                    content = (folder / "network.graphml").read_bytes()
                else:
                    write = export.write_csv if format is ExportFormat.csv else export.write_parquet
                    content = _zipped(write(connection, folder / "tables", filters))
    return Response(
        content,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _zipped(paths: list[Path]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in paths:
            archive.write(path, arcname=path.name)
    return buffer.getvalue()
