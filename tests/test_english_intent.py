"""Stated readiness in English, as «готов» in Russian (issues 10 and 12): «is ready for»,
«remains ready to», «is willing to» are planned intents; an attributive «ready» is none."""

from __future__ import annotations

import pytest

from tests.event_tuples import event_tuples


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Russia is ready for such a conversation with Finland.", "RUS", "FIN"),
        ("The Russian side remains ready for dialogue with Moldova.", "RUS", "MDA"),
        ("China is willing to work with Brazil on climate issues.", "CHN", "BRA"),
        ("India stands ready to help Sri Lanka.", "IND", "LKA"),
    ],
)
def test_stated_readiness_is_a_planned_intent(analyzer, sentence, source, target):
    found = event_tuples(analyzer, sentence)
    assert ("AGREE", [source], [target], "planned") in found, found


def test_an_attributive_ready_is_no_intent(analyzer):
    found = event_tuples(analyzer, "Japan gave a ready answer to Germany.")
    assert not [e for e in found if e[0] == "AGREE"], found
