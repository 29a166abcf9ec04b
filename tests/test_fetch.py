"""Fetching URLs: explicit, bounded and polite, against a real local HTTP server."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from demarche.reading import RawDocument, ReadFailure
from demarche.reading.web import Fetcher, url_list

# The test server is on loopback, which the fetcher refuses unless opted in.
LOOPBACK = "127.0.0.1/32"
PAGE = (
    "<html><head><title>Заявление МИД</title></head><body><nav>Меню сайта</nav>"
    "<article><p>Россия и КНДР подписали план обменов.</p></article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    requests: ClassVar[list[tuple[float, str]]] = []

    def do_GET(self):
        Handler.requests.append((time.monotonic(), self.path))
        if self.path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif self.path.startswith("/statement"):
            self._send(200, PAGE.encode("cp1251"), "text/html; charset=windows-1251")
        elif self.path == "/huge":
            self._send(200, b"x" * 200_000, "text/plain")
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200, b"late", "text/plain")
        else:
            self._send(404, b"missing", "text/plain")

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_fetches_main_text_of_a_cp1251_page(server):
    items = list(Fetcher(delay=0, allow_networks=LOOPBACK).fetch_all([f"{server}/statement/1"]))
    assert len(items) == 1 and isinstance(items[0], RawDocument)
    assert "подписали план обменов" in items[0].text
    assert items[0].url == f"{server}/statement/1"


def test_bad_urls_become_one_line_failures(server):
    fetcher = Fetcher(timeout=0.5, max_bytes=100_000, delay=0, allow_networks=LOOPBACK)
    urls = [f"{server}/huge", f"{server}/slow", f"{server}/nothing", f"{server}/private/x"]
    failures = list(fetcher.fetch_all(urls))
    assert all(isinstance(f, ReadFailure) for f in failures)
    reasons = [f.reason for f in failures]
    assert "over the 100000-byte limit" in reasons[0]
    assert reasons[1] == "timed out"
    assert reasons[2] == "HTTP 404"
    assert "robots.txt" in reasons[3]


def test_requests_to_one_host_are_spaced(server):
    Handler.requests.clear()
    list(
        Fetcher(delay=0.3, allow_networks=LOOPBACK).fetch_all(
            [f"{server}/statement/{n}" for n in range(3)]
        )
    )
    times = [at for at, path in Handler.requests if path.startswith("/statement")]
    assert len(times) == 3
    assert all(b - a >= 0.28 for a, b in itertools.pairwise(times))


def test_url_lists_need_explicit_fetch(tmp_path, server):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# ministry statements\n{server}/statement/9\n", encoding="utf-8")
    assert url_list(listing) == [f"{server}/statement/9"]
    db = str(tmp_path / "store.db")
    refused = subprocess.run(
        [sys.executable, "-m", "demarche", "ingest", str(listing), "--db", db],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert refused.returncode == 2 and "--fetch" in refused.stderr
    Handler.requests.clear()
    fetched = subprocess.run(
        [sys.executable, "-m", "demarche", "ingest", str(listing), "--db", db, "--fetch"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "DEMARCHE_FETCH_ALLOW": LOOPBACK},
    )
    assert fetched.returncode == 0, fetched.stderr
    assert "stored 1" in fetched.stderr
    assert any(path == "/statement/9" for _, path in Handler.requests)
