"""Judgements, demands, refusals and intents stated without a standard verb, as classes, on
invented sentences (issue 10): a copular label judges the act that is its subject; a label
applied by another actor's verb of naming is that actor's judgement; a quotation running
over several sentences is said by whoever its last sentence says speaks."""

from __future__ import annotations

import pytest

from tests.event_tuples import event_tuples

HEADER = "Комментарий официального представителя МИД России (Москва, 10 марта 2026 года)\n"


def _events(analyzer, text: str) -> list[tuple[str, list[str], list[str], str]]:
    return event_tuples(analyzer, HEADER + text)


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Решение Варшавы закрыть границу – это очередной недружественный шаг.", "POL"),
        ("Высылка Эстонией российских дипломатов – это недружественный шаг.", "EST"),
        ("Закрытие Литвой пунктов пропуска является враждебным шагом.", "LTU"),
        # the doer of the judged decision, not whom its infinitive clause is aimed at
        (
            "Решение Евросоюза продлить санкции против Сирии – очередной недружественный шаг.",
            "EU",
        ),
    ],
)
def test_a_copular_label_accuses_the_doer_of_its_subject(analyzer, sentence, target):
    found = _events(analyzer, sentence)
    assert ("ACCUSE", ["RUS"], [target], "done") in found, found


@pytest.mark.parametrize(
    "sentence",
    ["Это важный шаг.", "Визит министра в Анкару – это важный шаг."],
)
def test_a_copular_label_that_is_no_reproach_accuses_no_one(analyzer, sentence):
    found = _events(analyzer, sentence)
    assert not [e for e in found if e[0] == "ACCUSE"], found


@pytest.mark.parametrize(
    ("sentence", "judge"),
    [
        ("Вильнюс назвал российскую ноту недружественным шагом.", "LTU"),
        ("В Варшаве расценили ответ Москвы как недружественный шаг.", "POL"),
        ("Токио считает российские учения провокацией.", "JPN"),
    ],
)
def test_a_label_applied_by_another_actor_is_that_actors_judgement(analyzer, sentence, judge):
    found = _events(analyzer, sentence)
    accusations = [e for e in found if e[0] == "ACCUSE"]
    assert accusations and all(e[1] == [judge] for e in accusations), found
    assert all(e[2] in ([], ["RUS"]) for e in accusations), found


@pytest.mark.parametrize(
    "sentence",
    [
        "Мы считаем решение Вашингтона недружественным шагом.",
        "Россия расценивает решение Вашингтона как недружественный шаг.",
    ],
)
def test_the_voice_applying_a_label_judges_itself(analyzer, sentence):
    found = _events(analyzer, sentence)
    assert ("ACCUSE", ["RUS"], ["USA"], "done") in found, found


def test_a_quotation_over_two_sentences_is_said_by_who_closes_it(analyzer):
    doc = analyzer.analyze_text(
        "Минск ответит Вильнюсу\n"
        "МИНСК, 9 февраля (БелТА) - Об этом заявил журналистам министр иностранных дел "
        "Белоруссии.\n"
        '"Решение Варшавы перекрыть движение грузовиков - это недружественный шаг. Мы его '
        'осуждаем", - подчеркнул глава белорусского МИД.'
    )
    found = [
        (e.type, sorted(r.code for r in e.source), sorted(r.code for r in e.target))
        for e in doc.facts.events
    ]
    assert ("ACCUSE", ["BLR"], ["POL"]) in found, found


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Бельгийской стороне передана нота с требованием отменить принятое решение.", "BEL"),
        ("Временному поверенному Литвы передано письмо с требованием вывести войска.", "LTU"),
        ("Посольству Японии направлено послание с требованием прекратить провокации.", "JPN"),
    ],
)
def test_a_note_or_letter_carries_the_demand_it_is_handed_with(analyzer, sentence, target):
    found = _events(analyzer, sentence)
    assert ("REQUEST", ["RUS"], [target], "done") in found, found
