"""FactRuEval-2016 Meeting facts: gold loading and CONSULT participant-pair scores."""

from __future__ import annotations

import pytest

from demarche.evaluation.meetings import evaluate_meetings, load_meetings
from tests.conftest import FACTRUEVAL


def test_meeting_participants_resolve_to_mention_spans():
    (meeting,) = load_meetings(FACTRUEVAL / "book_117")
    names = {p["name"] for p in meeting["participants"]}
    assert names == {"Саркози Николя", "Обама Барак"}
    text = (FACTRUEVAL / "book_117.txt").read_text(encoding="utf-8")
    obama = next(p for p in meeting["participants"] if p["name"] == "Обама Барак")
    assert any(text[start:end] == "Обама" for start, end in obama["spans"])


@pytest.fixture(scope="module")
def scores():
    return evaluate_meetings(FACTRUEVAL)


def test_meeting_scores_have_a_sane_shape(scores):
    keys = {"documents", "gold_pairs", "predicted_pairs", "matched_gold_pairs"}
    assert keys <= set(scores)
    assert scores["documents"] == len(scores["per_document"]) > 0
    assert 0 <= scores["matched_gold_pairs"] <= scores["gold_pairs"]
    assert 0 <= scores["correct_predicted_pairs"] <= scores["predicted_pairs"]
    assert 0 <= scores["matched_meetings"] <= scores["gold_meetings"] <= scores["gold_pairs"]
    for key in ("precision", "recall", "f1"):
        assert 0.0 <= scores[key] <= 1.0
    for report in scores["per_document"].values():
        assert set(report) == {"gold", "predicted", "matched"}
        assert set(report["matched"]) <= set(report["gold"])


def test_consult_events_recover_some_meetings(scores):
    assert scores["recall"] > 0
    assert "Саркози Николя + Обама Барак (117-0)" in scores["per_document"]["book_117"]["matched"]
