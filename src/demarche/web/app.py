"""The FastAPI application: REST API under /api/v1, server-rendered pages under /.

Read-only without a token; writing (and ``/analyze``, when a token is configured) needs the
token from config or ``DEMARCHE_TOKEN``. Requests are size-bounded while they stream in,
every error has one JSON shape, every response carries security headers, only known Host
names are answered, and nothing a request says reaches the filesystem. /docs is served
from bundled Swagger UI files: nothing is loaded from another host.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from demarche import __version__
from demarche.store import Store

MAX_REQUEST_BYTES = 6 * 1024 * 1024
MAX_WAITING_ANALYSES = 8  # as many as bench/serve.py's clients; a typical statement takes ~0.3 s
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
HOSTS_ENV = "DEMARCHE_ALLOWED_HOSTS"

# Pages and /docs load scripts and styles from /static only; inline style attributes stay
# allowed (the charts' swatches use them), inline scripts do not.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
# JSON, exports and errors are data, never a document to render or frame.
DATA_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)
SWAGGER = "/static/vendor/swagger-ui"


def create_app(
    db: str | Path | None = None,
    token: str | None = None,
    store: Store | None = None,
    max_request_bytes: int = MAX_REQUEST_BYTES,
    allowed_hosts: Iterable[str] | None = None,
    max_waiting_analyses: int = MAX_WAITING_ANALYSES,
) -> FastAPI:
    """The app over a store. ``allowed_hosts`` (besides localhost, 127.0.0.1 and ::1, and
    ``DEMARCHE_ALLOWED_HOSTS``) are the Host names answered; ``max_waiting_analyses`` bounds
    the ``/analyze`` requests waiting for the analyser (more are refused with 503)."""
    from demarche.web import api, pages
    from demarche.web.deps import AnalysisQueue

    app = FastAPI(
        title="Demarche",
        version=__version__,
        description="Diplomatic statements as verifiable facts: actors, events, agreements.",
        docs_url=None,  # our own /docs below: bundled assets, no CDN, no inline script
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.store = store or Store.open(db)
    app.state.token = token if token is not None else os.environ.get("DEMARCHE_TOKEN") or None
    app.state.max_request_bytes = max_request_bytes
    app.state.analysis = AnalysisQueue(max_waiting_analyses)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        response = error_response(exc.status_code, _code(exc.status_code), str(exc.detail))
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return error_response(422, "invalid", f"{where}: {first.get('msg', 'invalid input')}")

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        return error_response(500, "server_error", "internal error; see the server log")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(_DOCS_PAGE)

    app.include_router(api.router, prefix="/api/v1")
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(files("demarche.web") / "static")), "static")
    # Outermost last: the host check runs first, then HEAD, headers and the body limit.
    app.add_middleware(BodyLimit, limit=max_request_bytes)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    hosts = [*LOCAL_HOSTS, *(allowed_hosts or ()), *os.environ.get(HOSTS_ENV, "").split(",")]
    app.add_middleware(KnownHosts, hosts=hosts)
    return app


_DOCS_PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Demarche API</title>
<link rel="stylesheet" href="{SWAGGER}/swagger-ui.css">
<link rel="icon" type="image/png" href="{SWAGGER}/favicon-32x32.png">
</head><body><div id="swagger-ui"></div>
<script src="{SWAGGER}/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script>
</body></html>
"""


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
        503: "busy",
    }.get(status, "error")


# -- ASGI middleware -----------------------------------------------------------------------
# Plain ASGI rather than @app.middleware("http"): they see every response (static files,
# /docs, 404s and errors included) and the body as it streams in.


class BodyLimit:
    """413 past ``limit`` bytes of request body, counted as it arrives: a declared
    Content-Length is refused at once, a chunked body when its running total passes the
    limit (it used to be read whole: 1 GB chunked took 3.5 GB of memory)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = f"request over {self.limit} bytes"
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await error_response(413, "too_large", message)(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            event = await receive()
            if event["type"] == "http.request":
                received += len(event.get("body", b""))
                if received > self.limit:
                    # fastapi's HTTPException: raised while the route reads its body, it
                    # reaches the app's error handler as a 413 (any other becomes a 400)
                    raise HTTPException(413, message)
            return event

        await self.app(scope, counted, send)


class SecurityHeaders:
    """nosniff, no framing, no referrer and a Content-Security-Policy on every response;
    a header the route set itself (the pages' CSP) is kept."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        csp = PAGE_CSP if not path.startswith("/api/") and path != "/openapi.json" else DATA_CSP

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in (*SECURITY_HEADERS, (b"content-security-policy", csp.encode())):
                    if name not in present:
                        headers.append((name, value))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class HeadAsGet:
    """HEAD answered wherever GET is: the GET response's status and headers, no body
    (FastAPI's routes answer only the methods they name, so HEAD got 405)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


class KnownHosts:
    """400 for a Host header naming none of ``hosts`` (ports aside): a web page on another
    name that resolves to this machine (DNS rebinding) cannot read the API. Starlette's
    TrustedHostMiddleware does the same but answers in plain text, not our error shape."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = {h.strip().lower().strip("[]") for h in hosts if h.strip()}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or "*" in self.hosts:
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
        try:
            name = (urlsplit(f"//{given}").hostname or "").lower()
        except ValueError:
            name = ""
        if name not in self.hosts:
            response = error_response(400, "bad_host", "unknown Host header")
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
