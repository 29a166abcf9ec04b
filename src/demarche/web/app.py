"""The FastAPI application: REST API under /api/v1, server-rendered pages under /.

Read-only without a token; writing needs the token from config or ``DEMARCHE_TOKEN``.
Requests are size-bounded, every error has one JSON shape, and nothing a request says
reaches the filesystem.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from demarche import __version__
from demarche.store import Store

MAX_REQUEST_BYTES = 6 * 1024 * 1024


def create_app(
    db: str | Path | None = None,
    token: str | None = None,
    store: Store | None = None,
    max_request_bytes: int = MAX_REQUEST_BYTES,
) -> FastAPI:
    from demarche.web import api, pages

    app = FastAPI(
        title="Demarche",
        version=__version__,
        description="Diplomatic statements as verifiable facts: actors, events, agreements.",
        docs_url="/docs",
        openapi_url="/openapi.json",
    )
    app.state.store = store or Store.open(db)
    app.state.token = token if token is not None else os.environ.get("DEMARCHE_TOKEN") or None
    app.state.max_request_bytes = max_request_bytes

    @app.middleware("http")
    async def limit_request_size(request: Request, call_next):
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_request_bytes:
            return error_response(413, "too_large", f"request over {max_request_bytes} bytes")
        return await call_next(request)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return error_response(exc.status_code, _code(exc.status_code), str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return error_response(422, "invalid", f"{where}: {first.get('msg', 'invalid input')}")

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        return error_response(500, "server_error", "internal error; see the server log")

    app.include_router(api.router, prefix="/api/v1")
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(files("demarche.web") / "static")), "static")
    return app


def error_response(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status)


def _code(status: int) -> str:
    return {
        400: "bad_request",
        401: "unauthorized",
        403: "forbidden",
        404: "not_found",
        405: "method_not_allowed",
        413: "too_large",
        415: "unsupported_media_type",
        422: "invalid",
    }.get(status, "error")
