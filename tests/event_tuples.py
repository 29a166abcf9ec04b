"""The events of an analysed text as comparable tuples, for the engine's rule tests."""

from __future__ import annotations


def event_tuples(analyzer, text: str) -> list[tuple[str, list[str], list[str], str]]:
    """(type, sorted source codes, sorted target codes, modality) of each event of ``text``."""
    doc = analyzer.analyze_text(text)
    return [
        (e.type, sorted(r.code for r in e.source), sorted(r.code for r in e.target), e.modality)
        for e in doc.facts.events
    ]


def event_directions(analyzer, text: str) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """The set of (type, sorted source codes, sorted target codes) of the events of ``text``."""
    return {
        (kind, tuple(source), tuple(target))
        for kind, source, target, _ in event_tuples(analyzer, text)
    }
