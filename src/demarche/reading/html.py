"""Main text of an HTML page, with its title line, without navigation, scripts and styles.

The main text comes from trafilatura (a maintained main-content extractor; offline, nothing is
fetched). A statement's title line (genre, speaker, occasion, place, date) usually sits in an
``<h1>`` inside a ``<header>``, which a boilerplate filter drops, so it is put back as the
first line: the ``<h1>``, else the extractor's title, else ``<title>``. When that line has no
date and the page states one, the date follows on the next line, where the structure stage
looks for it. A page trafilatura finds nothing in falls back to the simple block walk below.
"""

from __future__ import annotations

import logging
import re
from datetime import date

from selectolax.lexbor import LexborHTMLParser as HTMLParser

_DROP = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, template"
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "blockquote", "pre"}
_MAIN = ("article", "main", "[role=main]", ".article", ".text", ".content", "body")
# Genitive month names: the structure stage reads "12 июля 2025 года", not ISO dates, and the
# statements we read are Russian; a page in another script gets the ISO form.
_MONTHS_RU = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)

# trafilatura logs every page it finds too short at WARNING; a batch reader reports its own.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def html_main_text(html: str) -> tuple[str, str | None]:
    """Return (main text with the title line first, page title); paragraphs become lines."""
    tree = HTMLParser(html)
    title_node = tree.css_first("title")
    page_title = _clean(title_node.text()) if title_node else None
    heading_node = tree.css_first("h1")
    heading = _clean(heading_node.text()) if heading_node else None

    body, found_title, found_date = _extract(html)
    if not body:
        body = _block_text(tree)
    if not body:
        return "", page_title
    title_line = heading or found_title or page_title
    lines = body.split("\n")
    if title_line and title_line in lines[:3]:
        lines.remove(title_line)  # the extractor kept it: it still goes first
    if title_line:
        lines.insert(0, title_line)
    if found_date and not _YEAR.search(lines[0]):
        lines.insert(1, _date_line(found_date, body))
    return "\n".join(line for line in lines if line), page_title or heading


def _extract(html: str) -> tuple[str, str | None, date | None]:
    """(main text, title, date) by trafilatura; empty text when it finds none."""
    import trafilatura

    try:
        found = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            deduplicate=False,
            # Menus and page furniture are never the statement, however short the page.
            prune_xpath=["//nav", "//footer", "//aside", "//form", "//*[@role='navigation']"],
            # The page's own publication date, not a date guessed from any text on it.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # a page the extractor chokes on still has the block walk
        return "", None, None
    if found is None:
        return "", None, None
    text = "\n".join(_clean(line) for line in (found.text or "").split("\n"))
    text = "\n".join(line for line in text.split("\n") if line)
    try:
        day = date.fromisoformat(found.date) if found.date else None
    except ValueError:
        day = None
    return text, _clean(found.title) if found.title else None, day


def _date_line(day: date, body: str) -> str:
    if _CYRILLIC.search(body):
        return f"{day.day} {_MONTHS_RU[day.month - 1]} {day.year} года"
    return day.isoformat()


def _clean(text: str) -> str:
    return " ".join(text.split())


def _block_text(tree: HTMLParser) -> str:
    """The first non-empty main container's blocks as lines."""
    for node in tree.css(_DROP):
        node.decompose()
    root = None
    for selector in _MAIN:
        root = tree.css_first(selector)
        if root is not None and root.text(strip=True):
            break
    if root is None:
        return ""
    lines: list[str] = []
    current: list[str] = []
    for node in root.traverse(include_text=True):
        if node.tag == "-text":
            current.append(node.text_content or "")
        elif node.tag in _BLOCKS and current:
            lines.append(" ".join("".join(current).split()))
            current = []
    if current:
        lines.append(" ".join("".join(current).split()))
    return "\n".join(line for line in lines if line)


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head or "<p>" in head
