"""Rhetoric markers: scare quotes, loaded labels and official euphemisms. Descriptive only."""

from __future__ import annotations

from demarche.facts.context import FactContext
from demarche.model import RhetoricMarker


def extract_rhetoric(context: FactContext) -> list[RhetoricMarker]:
    doc = context.doc
    found: list[RhetoricMarker] = []
    limit = context.lexicon.scare_quote_words
    for marker in doc.markers:
        inner = marker.text[1:-1].strip()
        short = inner and len(inner.split()) <= limit
        if marker.kind == "quotation" and short and inner[:1].islower():
            found.append(RhetoricMarker("scare_quotes", marker.start, marker.end, marker.text))
    for view in context.views:
        tokens = view.tokens
        for kind, matcher, key in (
            ("loaded_label", context.lexicon.loaded_labels, "gloss"),
            ("official_euphemism", context.lexicon.euphemisms, "plain"),
        ):
            for hit in matcher.find(tokens):
                first = hit.first
                while kind == "loaded_label" and first > 0 and tokens[first - 1].pos == "ADJ":
                    first -= 1  # «украинских нацистов»: the label includes whom it names
                start, end = tokens[first].start, tokens[hit.last].end
                found.append(
                    RhetoricMarker(
                        kind, start, end, doc.text[start:end], hit.pattern.payload.get(key, "")
                    )
                )
    return sorted(found, key=lambda m: m.start)
