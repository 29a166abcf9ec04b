"""Security and resource limits: SSRF in --fetch, request bounds, headers, local inputs.

Everything network-facing here runs on loopback (127.0.0.1) with bounded loops.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
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
