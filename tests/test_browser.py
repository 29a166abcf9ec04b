"""End to end in Debian's headless Chromium, driven by Playwright, against a real server.

The server is uvicorn on a free loopback port over a temporary SQLite store holding the
bundled examples and the seed. Screenshots go to the test's temporary directory; the reader's
also to docs/reader.png when it is missing or DEMARCHE_UPDATE_SCREENSHOTS=1.
Chromium missing is a failure, not a skip: `make test` installs it.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect, sync_playwright

from demarche.cli.corpus import examples_dir
from demarche.reading import RawDocument, read_sources
from demarche.store import Store
from demarche.store.ingest import analyse
from tests.conftest import ROOT, SEED

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER = """
import sys, uvicorn
from demarche.web import create_app
uvicorn.run(create_app(db=sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]),
            log_level="warning")
"""
STATEMENT = (
    "Комментарий официального представителя МИД России в связи с ситуацией вокруг Шпицбергена\n"
    "Россия выражает озабоченность действиями Норвегии на архипелаге Шпицберген. "
    "Призываем норвежскую сторону соблюдать Договор о Шпицбергене 1920 года."
)
INJECTION = (
    "Заявление МИД России <img src=x onerror=\"window.__pwned='img'\"> о Гренландии\n"
    "Россия осуждает попытки США купить Гренландию. "
    "<script>window.__pwned='script'</script><svg onload=\"window.__pwned='svg'\"></svg>"
    '<a href="javascript:window.__pwned=1" id="evil">ссылка</a>'
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, analyzer):
    """(base URL, token, {document name: id}) of a live server over a fresh store."""
    directory = tmp_path_factory.mktemp("browser")
    db = directory / "store.db"
    ids = {}
    with Store.open(db) as store:
        for item in read_sources([str(examples_dir()), str(SEED)]):
            assert isinstance(item, RawDocument), item
            ids[item.id] = store.add(analyse(analyzer, item))
    token = secrets.token_urlsafe(16)
    port = _free_port()
    env = {**os.environ, "DEMARCHE_TOKEN": token}
    log = (directory / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(db), str(port)], env=env, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(base + "/api/v1/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("the server did not start: " + (directory / "server.log").read_text())
        time.sleep(0.2)
    yield base, token, ids
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, tmp_path):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.errors = errors
    yield opened
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def test_reader_screenshot_for_the_readme(server, page, tmp_path):
    """The README's picture shows one of our own statements (no seed text ships)."""
    base, _, ids = server
    page.goto(f"{base}/documents/{ids['statement_ru_prk_pyongyang_2026']}")
    signing = page.locator('mark.ev[data-type="SUPPORT"][data-signing="1"]').first
    signing.click()
    popover = page.locator("#popover")
    expect(popover.locator(".pop-summary")).to_contain_text('signed "Plan of Consultations')
    page.screenshot(path=tmp_path / "reader.png")
    docs = ROOT / "docs" / "reader.png"
    if not docs.exists() or os.environ.get("DEMARCHE_UPDATE_SCREENSHOTS") == "1":
        shutil.copyfile(tmp_path / "reader.png", docs)


def test_reader_click_signing_event_shows_summary(server, page, tmp_path):
    base, _, ids = server
    page.goto(f"{base}/documents/{ids[SEED.stem]}")
    signing = page.locator('mark.ev[data-type="SUPPORT"][data-signing="1"]', has_text="подписали")
    expect(signing).to_have_count(1)
    signing.click()
    popover = page.locator("#popover")
    expect(popover).to_be_visible()
    expect(popover.locator(".pop-type")).to_have_text("SUPPORT")
    expect(popover.locator(".pop-date")).to_have_text("2025-07-12")
    expect(popover.locator(".pop-actors")).to_contain_text("RUS (Sergey Lavrov)")
    expect(popover.locator(".pop-summary")).to_contain_text(
        'signed "Plan of Inter-ministry Exchanges for 2026-2027"'
    )
    page.evaluate(  # as much of the statement as fits above the open popover
        "window.scrollTo(0, Math.max(0, document.getElementById('popover')"
        ".getBoundingClientRect().bottom + window.scrollY - window.innerHeight + 24))"
    )
    page.screenshot(path=tmp_path / "reader-popover.png")

    # A fact in the side list scrolls to its evidence and flashes it.
    treaty = page.locator("button.fact.kind-agreement", has_text="Treaty on Comprehensive")
    treaty.click()
    flashed = page.locator(".evidence.flash")
    expect(flashed.first).to_be_visible()
    expect(flashed.first).to_be_in_viewport()
    expect(popover.locator(".pop-kind")).to_have_text("Agreement")

    # Hovering a mention explains the entity.
    page.keyboard.press("Escape")
    page.locator('mark.ent[data-entity="person:choe-son-hui"]').first.hover()
    expect(popover.locator(".pop-summary")).to_contain_text("Choe Son Hui")
    page.screenshot(path=tmp_path / "reader-mention.png", full_page=True)


def test_network_shows_rus_and_prk(server, page, tmp_path):
    base, _, _ = server
    page.goto(f"{base}/network")
    expect(page.locator('#graph[data-ready="1"]')).to_have_count(1)
    expect(page.locator("#graph canvas").first).to_be_visible()
    nodes = page.evaluate("window.cy.nodes().map(n => n.id())")
    assert {"RUS", "PRK"} <= set(nodes)
    assert page.evaluate('window.cy.edges(\'[source = "RUS"][target = "PRK"]\').length') == 1
    rus = page.evaluate("window.cy.getElementById('RUS').renderedPosition()")
    assert rus["x"] > 0 and rus["y"] > 0
    page.screenshot(path=tmp_path / "network.png")
    # A date filter redraws the graph without China's 2025 talks.
    page.goto(f"{base}/network?from=2026")
    expect(page.locator('#graph[data-ready="1"]')).to_have_count(1)
    assert "CHN" not in page.evaluate("window.cy.nodes().map(n => n.id())")


def test_upload_then_search_and_injection_is_inert(server, page, tmp_path):
    base, token, _ = server
    page.goto(f"{base}/upload")
    page.fill("#token", token)
    page.fill("#title", "Шпицберген")
    page.fill("#text", STATEMENT)
    page.set_input_files(
        "#files",
        [
            {"name": "greenland.txt", "mimeType": "text/plain", "buffer": INJECTION.encode()},
            {"name": "huge.txt", "mimeType": "text/plain", "buffer": b"x" * (7 << 20)},
        ],
    )
    page.click("#send")
    expect(page.locator('#progress[data-finished="1"]')).to_have_count(1, timeout=120_000)
    rows = page.locator("#progress-rows tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_have_class("done")
    expect(rows.nth(1)).to_have_class("done")
    expect(rows.nth(2)).to_have_class("failed")  # over the size limit; the batch goes on
    expect(rows.nth(2)).to_contain_text("bytes")
    expect(page.locator("#progress-count")).to_contain_text("3 / 3 (1 failed)")
    page.screenshot(path=tmp_path / "upload.png", full_page=True)
    injected = rows.nth(1).locator("a").get_attribute("href")

    # Found by lemma: the query's form differs from the text's.
    page.goto(f"{base}/search?q=Шпицбергене")
    hit = page.locator("li.hit").first
    expect(hit).to_contain_text("Шпицберген")
    expect(hit.locator(".snippet mark").first).to_be_visible()
    page.screenshot(path=tmp_path / "search.png", full_page=True)
    hit.locator("a.hit-title").click()
    expect(page.locator("#text")).to_contain_text("архипелаге Шпицберген")

    # The injection attempt is shown as text and never runs.
    page.goto(f"{base}/search?q=Гренландия")
    expect(page.locator("li.hit")).to_have_count(1)
    assert page.locator("li.hit img, li.hit svg, li.hit script").count() == 0
    page.goto(base + injected)
    expect(page.locator("#text")).to_contain_text("<img src=x onerror=")
    expect(page.locator("#text")).to_contain_text("<script>window.__pwned='script'</script>")
    page.locator("#text").click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#text img, #text script, #text svg, #evil").count() == 0
    assert page.locator("h1 img, .meta img, .fact-list img").count() == 0
    page.screenshot(path=tmp_path / "injection.png", full_page=True)


def test_upload_without_a_valid_token_is_refused(server, page):
    base, _, _ = server
    page.goto(f"{base}/upload")
    page.fill("#token", "wrong")
    page.fill("#text", STATEMENT + " Ещё раз.")
    page.click("#send")
    expect(page.locator('#progress[data-finished="1"]')).to_have_count(1, timeout=60_000)
    row = page.locator("#progress-rows tr").first
    expect(row).to_have_class("failed")
    expect(row).to_contain_text("token")
