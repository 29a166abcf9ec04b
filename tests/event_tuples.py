"""The events of an analysed text as comparable tuples, for the engine's rule tests."""

from __future__ import annotations


def event_tuples(analyzer, text: str) -> list[tuple[str, list[str], list[str], str]]:
    """(type, sorted source codes, sorted target codes, modality) of each event of ``text``."""
    doc = analyzer.analyze_text(text)
    return [
        (e.type, sorted(r.code for r in e.source), sorted(r.code for r in e.target), e.modality)
        for e in doc.facts.events
    ]
