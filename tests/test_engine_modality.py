"""Modality by class, on invented sentences: what an invitation or a planned meeting is
about lies ahead, whatever the tense of the words that report it (issue 10)."""

from __future__ import annotations

import pytest

from tests.event_tuples import event_tuples


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Египетский министр передал приглашение посетить Каир.", "EGY"),
        ("Президент России принял приглашение индийской стороны принять участие в саммите.", "RUS"),
        ("Глава МИД Чили направил российскому коллеге приглашение посетить Сантьяго.", "CHL"),
        ("Глава МИД Кении принял приглашение приехать в Москву.", "KEN"),
        ("Лавров пригласил Ван И посетить Москву.", "RUS"),
        ("Премьер-министр Индии пригласил президента Бразилии на переговоры в Нью-Дели.", "IND"),
    ],
)
def test_an_invitation_or_its_acceptance_is_planned_whatever_its_tense(analyzer, sentence, source):
    found = event_tuples(analyzer, sentence)
    invitations = [e for e in found if e[0] == "AGREE" and source in e[1]]
    assert invitations, found
    assert all(e[3] == "planned" for e in invitations), found


def test_a_refused_invitation_is_no_plan(analyzer):
    found = event_tuples(analyzer, "Вашингтон заявил, что не пригласит ЮАР на саммит.")
    assert not [e for e in found if e[0] == "AGREE" and e[3] == "planned"], found


BRIEFING = "Брифинг официального представителя МИД России (Москва, 3 июля 2025 года)\n"


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Президент Бразилии посетит Москву с официальным визитом в сентябре.", "2025-09"),
        ("В ноябре министр иностранных дел Индии проведёт переговоры в Москве.", "2025-11"),
        ("Глава МИД Египта посетил Москву в сентябре.", "2024-09"),
        ("Напомню, что в октябре в Казани состоялся саммит БРИКС.", "2024-10"),
    ],
)
def test_a_month_without_a_year_is_the_coming_one_for_a_future_act(analyzer, sentence, date):
    doc = analyzer.analyze_text(BRIEFING + sentence)
    assert [e.date for e in doc.facts.events] == [date], doc.facts.events


STATEMENT = "Заявление МИД России (Москва, 10 марта 2026 года)\n"


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Евросоюз введёт новые санкции против России в апреле.", "planned"),
        ("Новые санкции против России будут введены Евросоюзом в апреле.", "planned"),
        ("Евросоюз ввёл новые санкции против России.", "done"),
        ("Мы приветствуем решение Евросоюза отменить санкции против Сербии.", "done"),
    ],
)
def test_a_perfective_or_auxiliary_future_is_planned(analyzer, sentence, modality):
    doc = analyzer.analyze_text(STATEMENT + sentence)
    assert doc.facts.events and doc.facts.events[0].modality == modality, doc.facts.events


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("В ответ российский стоп-лист будет расширен за счёт канадских депутатов.", "CAN"),
        ("В качестве ответной меры мы закроем генконсульство Эстонии в Нарве.", "EST"),
        ("Если Вильнюс продолжит эту линию, мы закроем генконсульство Литвы.", "LTU"),
    ],
)
def test_the_voice_announcing_its_own_measure_threatens_now(analyzer, sentence, target):
    """(An expulsion is declared as it is announced: «мы вышлем» is the SANCTION itself.)"""
    found = event_tuples(analyzer, STATEMENT + sentence)
    assert ("THREATEN", ["RUS"], [target], "done") in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Мы вышлем двух эстонских дипломатов.",
        "Три сотрудника посольства Эстонии будут высланы из России.",
    ],
)
def test_an_announced_expulsion_is_done_as_it_is_declared(analyzer, sentence):
    found = event_tuples(analyzer, STATEMENT + sentence)
    assert ("SANCTION", ["RUS"], ["EST"], "done") in found, found


def test_a_plain_announced_sanction_is_planned(analyzer):
    found = event_tuples(
        analyzer, STATEMENT + "Мы закроем генконсульство Эстонии в Санкт-Петербурге."
    )
    assert ("SANCTION", ["RUS"], ["EST"], "planned") in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Требуем от Израиля прекратить боевые действия.",
        "Призываем Израиль прекратить боевые действия.",
        "Настоятельно требуем от Вильнюса отменить это решение.",
    ],
)
def test_a_present_tense_call_is_made_now(analyzer, sentence):
    found = event_tuples(analyzer, STATEMENT + sentence)
    requests = [e for e in found if e[0] == "REQUEST"]
    assert requests and all(e[3] == "done" for e in requests), found


# An undated report names today's acts by weekday; an act it dates with a year is one it
# recalls: historical, in both languages; a future one stays planned, a weekday one done.
@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Россия ввела санкции против Японии в 2019 году.", "historical"),
        ("Россия введёт санкции против Японии в 2027 году.", "planned"),
        ("Japan imposed sanctions on Iran in 2019.", "historical"),
        ("In December 2023, Poland expelled two Russian diplomats.", "historical"),
        ("Japan will impose sanctions on Iran in 2027.", "planned"),
        ("Japan imposed sanctions on Iran on Wednesday.", "done"),
    ],
)
def test_an_undated_report_recalls_what_it_dates_with_a_year(analyzer, sentence, modality):
    found = event_tuples(analyzer, sentence)
    assert [e for e in found if e[0] == "SANCTION" and e[3] == modality], found
