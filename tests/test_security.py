"""Security and resource limits: SSRF in --fetch, request bounds, headers, local inputs.

Everything network-facing here runs on loopback (127.0.0.1) with bounded loops.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from demarche.reading import RawDocument, ReadFailure
from demarche.reading.web import Fetcher

# -- item 8: --fetch reaches public addresses only, on every hop ------------------------------

PAGE = "<html><body><article><p>Россия и КНДР подписали план обменов.</p></article></body></html>"
REDIRECTS = {
    "/to-loopback": "http://127.0.0.2:{port}/page",
    "/to-unspecified": "http://0.0.0.0:{port}/page",
    "/to-decimal": "http://2130706434:{port}/page",  # 127.0.0.2
    "/to-metadata": "http://169.254.169.254/latest/meta-data/",
    "/to-ipv6-loopback": "http://[::1]:{port}/page",
    "/to-page": "/page",
}


class RedirectHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        target = REDIRECTS.get(self.path)
        if target:
            self.send_response(302)
            self.send_header("Location", target.format(port=self.server.server_address[1]))
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/page":
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def redirecting_server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), RedirectHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/",
        "http://localhost:9/",
        "http://0.0.0.0:9/",
        "http://2130706433:9/",
        "http://0x7f.1:9/",
        "http://[::1]:9/",
        "http://[::ffff:127.0.0.1]:9/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
    ],
)
def test_fetch_refuses_non_public_addresses_by_default(url):
    [failure] = list(Fetcher(delay=0, timeout=2).fetch_all([url]))
    assert isinstance(failure, ReadFailure)
    assert failure.reason.startswith("refused: ") and "not a public address" in failure.reason
    assert "\n" not in str(failure)


@pytest.mark.parametrize(
    "path", ["/to-loopback", "/to-unspecified", "/to-decimal", "/to-metadata", "/to-ipv6-loopback"]
)
def test_fetch_checks_every_redirect_hop(redirecting_server, path):
    # Only the test server's own address is opted in: the hop it redirects to is not.
    fetcher = Fetcher(delay=0, timeout=2, allow_networks="127.0.0.1/32")
    [failure] = list(fetcher.fetch_all([redirecting_server + path]))
    assert isinstance(failure, ReadFailure), failure
    assert failure.item == redirecting_server + path
    assert failure.reason.startswith("refused: ") and "not a public address" in failure.reason


def test_fetch_stores_the_final_url_after_redirects(redirecting_server):
    fetcher = Fetcher(delay=0, timeout=2, allow_networks="127.0.0.1/32")
    [document] = list(fetcher.fetch_all([redirecting_server + "/to-page"]))
    assert isinstance(document, RawDocument)
    assert document.url == redirecting_server + "/page"
    assert "план обменов" in document.text


def test_ingest_fetch_of_loopback_is_refused_in_one_line(tmp_path, redirecting_server):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{redirecting_server}/page\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "DEMARCHE_FETCH_ALLOW"}
    env["COLUMNS"] = "300"  # rich wraps stderr at the terminal width; read the line whole
    db = str(tmp_path / "store.db")
    done = subprocess.run(
        [sys.executable, "-m", "demarche", "ingest", str(listing), "--fetch", "--db", db],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode != 0
    assert "refused: 127.0.0.1 is not a public address (loopback)" in done.stderr
    assert "Traceback" not in done.stderr


# -- item 10: local inputs that never end or never open ---------------------------------------


def _analyze(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "300"}
    return subprocess.run(
        [sys.executable, "-m", "demarche", "analyze", *args],
        capture_output=True,
        text=True,
        timeout=timeout,  # the bug was reading /dev/zero until MemoryError, or a hang
        env=env,
    )


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_analyze_refuses_a_device_instead_of_reading_it_forever():
    done = _analyze("/dev/zero")
    assert done.returncode != 0
    assert "/dev/zero: not a regular file" in done.stderr
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_analyze_refuses_a_fifo_instead_of_blocking(tmp_path):
    fifo = tmp_path / "statement.txt"
    os.mkfifo(fifo)
    done = _analyze(str(fifo))
    assert done.returncode != 0
    assert f"{fifo}: not a regular file" in done.stderr
    assert "Traceback" not in done.stderr


# -- the web app: items 9, 11 and 14 ----------------------------------------------------------

API = "/api/v1"
TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TEXT = "Министр иностранных дел России Сергей Лавров провёл переговоры в Пекине."


def _client(store, analyzer, **options):
    from fastapi.testclient import TestClient

    from demarche.web import create_app

    app = create_app(store=store, **options)
    app.state.analyzer = analyzer
    return TestClient(app, base_url="http://localhost")


@pytest.fixture(scope="module")
def web_store(api_store_path):
    from demarche.store import Store

    opened = Store.open(api_store_path)
    yield opened
    opened.close()


def _error(response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    return body["error"]


def test_chunked_body_is_refused_while_it_streams(web_store, analyzer):
    client = _client(web_store, analyzer, token=TOKEN, max_request_bytes=10_000)
    sent = []

    def chunks():  # no Content-Length; bounded: 100 chunks of 1000 bytes at most
        for number in range(100):
            sent.append(number)
            yield b" " * 1000 if number else b'{"text": "'

    headers = {**AUTH, "content-type": "application/json"}
    error = _error(client.post(f"{API}/analyze", content=chunks(), headers=headers), 413)
    assert error["code"] == "too_large"
    # the same limit holds for every endpoint that reads a body
    _error(client.post(f"{API}/documents", content=chunks(), headers=headers), 413)


def test_chunked_body_limit_over_a_real_socket(api_store_path):
    """uvicorn on loopback, a chunked body past the limit: 413, before it is all sent."""
    import http.client
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = (
        "import sys, uvicorn\n"
        "from demarche.web import create_app\n"
        "app = create_app(db=sys.argv[1], max_request_bytes=100_000)\n"
        "uvicorn.run(app, host='127.0.0.1', port=int(sys.argv[2]), log_level='error')\n"
    )
    server = subprocess.Popen([sys.executable, "-c", code, str(api_store_path), str(port)])
    try:
        for _ in range(300):  # up to 30 s for the server to come up
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                assert server.poll() is None, "the server exited"
                time.sleep(0.1)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.putrequest("POST", f"{API}/analyze")
        connection.putheader("Content-Type", "application/json")
        connection.putheader("Transfer-Encoding", "chunked")
        connection.endheaders()
        chunk = b" " * 65536
        sent = 0
        try:
            for _ in range(160):  # 10 MB at most, far past the 100 kB limit
                connection.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
            connection.send(b"0\r\n\r\n")
        except OSError:
            pass  # the server may close the connection once it has answered
        response = connection.getresponse()
        assert response.status == 413
        assert json.loads(response.read())["error"]["code"] == "too_large"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_analyze_needs_the_token_when_one_is_configured(web_store, analyzer):
    client = _client(web_store, analyzer, token=TOKEN)
    _error(client.post(f"{API}/analyze", json={"text": TEXT}), 401)
    _error(
        client.post(f"{API}/analyze", json={"text": TEXT}, headers={"X-Demarche-Token": "no"}), 401
    )
    assert client.post(f"{API}/analyze", json={"text": TEXT}, headers=AUTH).status_code == 200
    # a server without a token (local and read-only) keeps /analyze open
    open_client = _client(web_store, analyzer, token="")
    assert open_client.post(f"{API}/analyze", json={"text": TEXT}).status_code == 200


def test_analyze_queue_is_bounded(web_store, analyzer):
    """One analysis runs, one waits, the third is refused at once with 503 + Retry-After."""
    from demarche.pipeline import Analyzer

    started, release = threading.Event(), threading.Event()

    class SlowAnalyzer(Analyzer):
        def __init__(self) -> None:  # shares the session's models
            self.__dict__.update(analyzer.__dict__)

        def analyze(self, raw, language=None):
            started.set()
            release.wait(timeout=30)
            return super().analyze(raw, language)

    client = _client(web_store, analyzer, token="", max_waiting_analyses=1)
    client.app.state.analyzer = SlowAnalyzer()
    results: list[tuple[int, str | None]] = []

    def post() -> None:
        response = client.post(f"{API}/analyze", json={"text": TEXT})
        results.append((response.status_code, response.headers.get("Retry-After")))

    first = threading.Thread(target=post)
    first.start()
    assert started.wait(timeout=30)
    # two more while the first runs: whichever comes first waits, the other is refused
    others = [threading.Thread(target=post) for _ in range(2)]
    for thread in others:
        thread.start()
    try:
        for _ in range(300):  # the refusal is immediate; 30 s at most on a loaded machine
            if results:
                break
            time.sleep(0.1)
        assert results and results[0][0] == 503 and results[0][1]
    finally:
        release.set()
        for thread in (first, *others):
            thread.join(timeout=60)
    assert sorted(code for code, _ in results) == [200, 200, 503]


def test_api_shows_file_names_not_local_paths(web_store, analyzer):
    client = _client(web_store, analyzer, token="")
    listed = client.get(f"{API}/documents").json()["items"]
    assert listed
    for item in listed:
        assert "/" not in item["source"] and "\\" not in item["source"], item["source"]
    document = client.get(f"{API}/documents/{listed[0]['id']}").json()
    assert "/" not in document["source"]
    assert "/" not in document["analysis"]["document"]["source"]
    assert document["source"].endswith(".txt")
    hits = client.get(f"{API}/search", params={"q": "переговоры"}).json()["items"]
    assert hits and all("/" not in hit["source"] for hit in hits)


@pytest.mark.parametrize(
    "path",
    [
        f"{API}/health",
        f"{API}/documents",
        f"{API}/nothing-here",
        "/openapi.json",
        "/docs",
        "/static/style.css",
        "/static/missing.css",
        "/",
        "/no-such-page",
    ],
)
def test_every_response_carries_security_headers(web_store, analyzer, path):
    response = _client(web_store, analyzer, token="").get(path)
    headers = response.headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    if path.startswith(API) or path == "/openapi.json":
        assert headers["Content-Security-Policy"].startswith("default-src 'none'")


def test_unknown_host_headers_are_refused(web_store, analyzer):
    client = _client(web_store, analyzer, token="")
    for host in ("localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000"):
        assert client.get(f"{API}/health", headers={"Host": host}).status_code == 200, host
    error = _error(client.get(f"{API}/health", headers={"Host": "evil.example"}), 400)
    assert error["code"] == "bad_host"
    configured = _client(web_store, analyzer, token="", allowed_hosts=["demarche.lan"])
    assert configured.get(f"{API}/health", headers={"Host": "demarche.lan"}).status_code == 200


@pytest.mark.parametrize(
    "path", [f"{API}/health", f"{API}/documents", "/", "/docs", "/static/style.css"]
)
def test_head_is_answered_where_get_is(web_store, analyzer, path):
    client = _client(web_store, analyzer, token="")
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    # a POST-only route still refuses HEAD
    assert client.head(f"{API}/analyze").status_code == 405


def test_docs_work_offline_from_bundled_assets(web_store, analyzer):
    import re

    client = _client(web_store, analyzer, token="")
    page = client.get("/docs")
    assert page.status_code == 200
    html = page.text
    assert "swagger-ui-bundle.js" in html
    references = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert references and all(
        ref.startswith("/") and not ref.startswith("//") for ref in references
    )
    assert "http://" not in html and "https://" not in html
    for ref in references:
        assert client.get(ref).status_code == 200, ref
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert "<script>" not in html  # no inline script: the CSP allows none
