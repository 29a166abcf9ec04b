"""Main text of an HTML page, without navigation, scripts and styles."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser as HTMLParser

_DROP = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, template"
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "blockquote", "pre"}
_MAIN = ("article", "main", "[role=main]", ".article", ".text", ".content", "body")


def html_main_text(html: str) -> tuple[str, str | None]:
    """Return (main text, page title); paragraphs become lines."""
    tree = HTMLParser(html)
    title_node = tree.css_first("title")
    title = title_node.text(strip=True) if title_node else None
    for node in tree.css(_DROP):
        node.decompose()
    root = None
    for selector in _MAIN:
        root = tree.css_first(selector)
        if root is not None and root.text(strip=True):
            break
    if root is None:
        return "", title
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
    return "\n".join(line for line in lines if line), title


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head or "<p>" in head
