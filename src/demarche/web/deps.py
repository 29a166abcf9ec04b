"""Shared request dependencies: the store, the analyser (loaded once, lazily) and the token."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import Depends, HTTPException, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from demarche.pipeline import Analyzer
from demarche.reading import RawDocument
from demarche.reading.sources import content_hash
from demarche.store import Store
from demarche.store.ingest import analyse

analysis_lock = threading.Lock()
ANALYSIS_WAIT_SECONDS = 60.0


class AnalysisQueue:
    """``/analyze`` requests take turns on the one analyser, at most ``waiting`` of them
    queued behind the running one; the next is refused at once with 503 and Retry-After
    instead of piling up threads and memory behind the lock (four 200k-character requests
    made the last one wait 15 s, and nothing bounded how many could wait)."""

    def __init__(self, waiting: int, wait_seconds: float = ANALYSIS_WAIT_SECONDS) -> None:
        self.waiting = waiting
        self.wait_seconds = wait_seconds
        self._admitted = threading.BoundedSemaphore(1 + waiting)

    @contextmanager
    def turn(self) -> Iterator[None]:
        if not self._admitted.acquire(blocking=False):
            raise HTTPException(
                503,
                f"the analyser is busy ({self.waiting} requests already waiting); retry later",
                headers={"Retry-After": "5"},
            )
        try:
            # the same lock as uploads: the models are shared and not thread-safe
            if not analysis_lock.acquire(timeout=self.wait_seconds):
                raise HTTPException(
                    503, "the analyser stayed busy; retry later", headers={"Retry-After": "5"}
                )
            try:
                yield
            finally:
                analysis_lock.release()
        finally:
            self._admitted.release()


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_analyzer(request: Request) -> Analyzer:
    state = request.app.state
    if getattr(state, "analyzer", None) is None:
        with analysis_lock:
            if getattr(state, "analyzer", None) is None:
                state.analyzer = Analyzer()
    return state.analyzer


# Declared as security schemes so /docs offers "Authorize" and the OpenAPI schema says so.
_bearer = HTTPBearer(auto_error=False, description="The write token as a bearer token")
_token_header = APIKeyHeader(
    name="X-Demarche-Token", auto_error=False, description="The write token"
)


def require_token(
    request: Request,
    bearer: HTTPAuthorizationCredentials | None = Depends(_bearer),
    x_demarche_token: str | None = Depends(_token_header),
) -> None:
    """Writing needs the token: ``Authorization: Bearer …`` or ``X-Demarche-Token``."""
    expected = request.app.state.token
    if not expected:
        raise HTTPException(403, "writing is disabled: no token is configured")
    given = bearer.credentials.strip() if bearer else x_demarche_token
    if not given or not secrets.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "a valid token is required to write")


def token_if_configured(
    request: Request,
    bearer: HTTPAuthorizationCredentials | None = Depends(_bearer),
    x_demarche_token: str | None = Depends(_token_header),
) -> None:
    """Costly reads (``/analyze``) need the token when the server has one; a server
    without a token (local, read-only) leaves them open to whoever may reach it."""
    if request.app.state.token:
        require_token(request, bearer, x_demarche_token)


def store_text(
    store: Store, analyzer: Analyzer, text: str, name: str, language: str | None = None, **fields
) -> tuple[int, bool]:
    """Analyse and store one text; returns (document id, whether it was new).

    ``language`` forces a language pack; without it the text's language is identified, and
    one without a pack raises ``UnsupportedLanguage``."""
    digest = content_hash(text)
    new = store.version_of(digest) is None
    raw = RawDocument(name, text, name, content_hash=digest, **fields)
    with analysis_lock:  # one analysis at a time: the models are shared and not thread-safe
        record = analyse(analyzer, raw, language)
    document_id = store.add(record)
    return document_id, new
