"""How a news report is told: datelines in capitals, headlines the body retells, and the
several meetings of one visit."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ЕРЕВАН, 14 АПРЕЛЯ, АРМЕНПРЕСС. Министр провел переговоры с коллегой.", "Yerevan"),
        ("МИНСК, 5 МАЯ, БЕЛТА. Президент Белоруссии принял посла Китая.", "Minsk"),
        ("АСТАНА, 2 июня, КАЗИНФОРМ. Президент Казахстана встретился с послом Японии.", "Astana"),
    ],
)
def test_a_dateline_in_capitals_with_the_agency_closing_it(analyzer, text, place):
    doc = analyzer.analyze_text(text)
    (dateline,) = [m for m in doc.markers if m.kind == "dateline"]
    assert dateline.start == 0 and doc.metadata.genre == "news"
    assert doc.entities[doc.metadata.place_entity_id].name_en == place
    assert text[dateline.end :].lstrip().startswith(("Министр", "Президент"))


def test_a_capitalised_organisation_opening_a_sentence_is_no_agency(analyzer):
    doc = analyzer.analyze_text("МОСКВА, 14 марта. МИД России заявил протест послу Японии.")
    (dateline,) = [m for m in doc.markers if m.kind == "dateline"]
    assert doc.text[dateline.start : dateline.end].strip() == "МОСКВА, 14 марта."


@pytest.mark.parametrize(
    ("report", "body_words"),
    [
        (
            "Лавров и Ван И провели переговоры в Пекине\n\n"
            "ПЕКИН, 3 МАРТА, СИНЬХУА. Министр иностранных дел России Сергей Лавров 3 марта "
            "провел в Пекине переговоры с министром иностранных дел Китая Ван И.",
            "провел в Пекине переговоры",
        ),
        (
            "Алиев принял министра иностранных дел Турции\n\n"
            "БАКУ, 9 мая /Тренд/. Президент Азербайджана Ильхам Алиев принял министра "
            "иностранных дел Турции Хакана Фидана.",
            "принял министра",
        ),
        (
            "Sergey Lavrov holds talks with Wang Yi in Beijing\n\n"
            "BEIJING, March 3 (Xinhua) - Russian Foreign Minister Sergey Lavrov held talks "
            "with Chinese Foreign Minister Wang Yi in Beijing on Monday.",
            "held talks",
        ),
    ],
)
def test_a_meeting_the_headline_announces_takes_the_report_s_words(analyzer, report, body_words):
    doc = analyzer.analyze_text(report)
    meetings = [e for e in doc.facts.events if e.type == "CONSULT"]
    assert len(meetings) == 1, meetings
    words = report[meetings[0].evidence.start : meetings[0].evidence.end]
    assert body_words in words and meetings[0].evidence.start > report.index("\n"), words


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Министр иностранных дел Армении Арарат Мирзоян провел переговоры с министром "
            "иностранных дел Ирана Аббасом Аракчи. В тот же день иранского министра принял "
            "премьер-министр Армении Никол Пашинян.",
            {"Ararat Mirzoyan", "Nikol Pashinyan"},
        ),
    ],
)
def test_a_side_met_by_other_people_is_another_meeting(analyzer, text, people):
    doc = analyzer.analyze_text(text)
    meetings = [e for e in doc.facts.events if e.type == "CONSULT"]
    assert len(meetings) == 2, meetings
    hosts = {r.person for e in meetings for r in e.source + e.target if r.code == "ARM"}
    assert hosts == people


def test_the_same_people_told_again_are_one_meeting(analyzer):
    doc = analyzer.analyze_text(
        "Президент Египта Абдель Фаттах ас-Сиси провел переговоры с Президентом Франции "
        "Эммануэлем Макроном. Ас-Сиси и Макрон обсудили положение в Газе."
    )
    assert len([e for e in doc.facts.events if e.type == "CONSULT"]) == 1
