"""Pages on a 375 px phone and the network's labels, in headless Chromium (issue 11, item 17).

Uses the live server and browser of tests/test_browser.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.test_browser import browser, server  # noqa: F401  (fixtures)

PHONE = {"width": 375, "height": 812}
PAGES = [
    "/",
    "/search",
    "/search?q=договор",
    "/events",
    "/events?actor=RUS",
    "/network",
    "/agreements",
    "/formats",
    "/upload",
    "/actors/RUS",
    "/actors/PRK",
    "/documents/999999",
]
# Which element sticks out, to make a failure say where to look.
WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > 375.5)
  .slice(0, 5).map(el => el.tagName.toLowerCase() + '.' + el.className + ' '
    + Math.round(el.getBoundingClientRect().right) + 'px')"""


@pytest.fixture
def phone(browser):  # noqa: F811
    context = browser.new_context(viewport=PHONE, locale="en-GB", is_mobile=True)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def _fits(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE["width"], f"{url}: {width}px wide; {page.evaluate(WIDEST)}"


@pytest.mark.parametrize("path", PAGES)
def test_page_fits_a_375px_screen(server, phone, path):  # noqa: F811
    base, _, _ = server
    _fits(phone, base + path)


def test_every_reader_page_fits_a_375px_screen(server, phone):  # noqa: F811
    base, _, ids = server
    for document_id in ids.values():
        _fits(phone, f"{base}/documents/{document_id}")


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1400, "height": 1000}])
def test_network_labels_do_not_overlap(server, browser, viewport):  # noqa: F811
    base, _, _ = server
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        page.goto(f"{base}/network")
        expect(page.locator('#graph[data-ready="1"]')).to_have_count(1)
        boxes = page.evaluate(
            """() => window.cy.nodes().map(n => {
                 const b = n.boundingBox({includeLabels: true});
                 return {id: n.id(), x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2}; })"""
        )
        assert len(boxes) >= 5
        overlapping = [
            (a["id"], b["id"])
            for i, a in enumerate(boxes)
            for b in boxes[i + 1 :]
            if a["x1"] < b["x2"] and b["x1"] < a["x2"] and a["y1"] < b["y2"] and b["y1"] < a["y2"]
        ]
        assert overlapping == []
        # Every code's label fits inside its node, and edges carry no labels to collide.
        too_wide = page.evaluate(
            """() => window.cy.nodes().filter(n =>
                 n.boundingBox({includeLabels: true}).w
                   > n.boundingBox({includeLabels: false}).w + 0.5).map(n => n.id())"""
        )
        assert too_wide == []
        assert page.evaluate("window.cy.edges().filter(e => e.style('label')).length") == 0
    finally:
        context.close()
