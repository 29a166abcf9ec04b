"""Generalisation: actor resolution on our own statements in the ministry's other genres."""

from __future__ import annotations

import json

import pytest

from demarche.evaluation.actors import KINDS, actor_recall
from tests.conftest import CORPUS

GOLD = sorted(CORPUS.glob("*.expected.json"))


@pytest.fixture(scope="module")
def reports(analyzer):
    out = {}
    for gold_path in GOLD:
        text_path = gold_path.with_name(gold_path.name.replace(".expected.json", ".txt"))
        doc = analyzer.analyze_text(text_path.read_text(encoding="utf-8"), text_path.stem)
        out[text_path.stem] = (doc, json.loads(gold_path.read_text(encoding="utf-8")))
    return out


def test_corpus_is_large_enough():
    assert len(GOLD) >= 10


@pytest.mark.parametrize("kind", KINDS)
def test_actor_recall_on_corpus(reports, kind):
    found = listed = 0
    missed = {}
    for name, (doc, gold) in reports.items():
        report = actor_recall(doc, gold)[kind]
        found += report["found"]
        listed += report["listed"]
        if report["missed"]:
            missed[name] = report["missed"]
    assert listed > 0
    assert found / listed >= 0.85, f"{kind}: {found}/{listed}; missed {missed}"


def test_metadata_on_corpus(reports):
    wrong = []
    for name, (doc, gold) in reports.items():
        want = gold["metadata"]
        meta = doc.metadata
        got = {
            "genre": meta.genre,
            "date": meta.date.isoformat() if meta.date else None,
            "hashtags": [m.text for m in doc.markers if m.kind == "hashtag"],
            "elisions": sum(1 for m in doc.markers if m.kind == "elision"),
            "text_repairs": [{"found": r.found, "repaired": r.repaired} for r in doc.repairs],
        }
        for key, value in got.items():
            if key in want and want[key] != value:
                wrong.append((name, key, want[key], value))
    assert wrong == []
