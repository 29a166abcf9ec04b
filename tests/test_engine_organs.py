"""An organ of an organisation acts for it in events, as a ministry acts for its state: the
European Parliament and the Commission for the EU, PACE for the Council of Europe; the
mention keeps the organ's own code (issue 10)."""

from __future__ import annotations

import pytest

from tests.event_tuples import event_tuples


@pytest.mark.parametrize(
    ("sentence", "organ", "parent"),
    [
        ("МИД Азербайджана осудил резолюцию Европарламента.", "EP", "EU"),
        (
            "Министр иностранных дел Белоруссии призвал Европейскую комиссию отменить решение.",
            "EC",
            "EU",
        ),
        ("Грузия раскритиковала доклад Парламентской ассамблеи Совета Европы.", "PACE", "COE"),
        ("Azerbaijan condemned the resolution of the European Parliament.", "EP", "EU"),
    ],
)
def test_an_organ_acts_for_its_organisation_in_events(analyzer, sentence, organ, parent):
    doc = analyzer.analyze_text(sentence)
    codes = {r.code for e in doc.facts.events for r in e.source + e.target}
    assert parent in codes and organ not in codes, event_tuples(analyzer, sentence)
    assert organ in {entity.actor for entity in doc.entities.values()}


@pytest.mark.parametrize(
    "text",
    [
        "Москва продолжит оказывать государствам Альянса государств Сахеля содействие.",
        "The Alliance of Sahel States condemned the attack.",
    ],
)
def test_an_alliance_with_its_own_name_is_not_the_alliance_nato(analyzer, text):
    doc = analyzer.analyze_text(text)
    codes = {entity.actor for entity in doc.entities.values()}
    assert "AES" in codes and "NATO" not in codes, codes
