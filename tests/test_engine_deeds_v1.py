"""Deeds reported inside other acts or recalled from the past: a mediation that names its
mediator, a judged or welcomed deed that names its own doer (also led by its adjective), the
nominalised sanctions that close, suspend, terminate or exclude, the joint work of two named
sides, and dates at the start of a sentence («В 2019 году», «С 2014 года») that make a past act
historical. Classes of expressions, each shown on invented sentences with other actors."""

from __future__ import annotations

import pytest

from demarche.structure.dates import find_dates
from tests.event_tuples import event_tuples


def _of(found, kind):
    return [e for e in found if e[0] == kind]


@pytest.mark.parametrize(
    ("sentence", "mediator", "sides"),
    [
        (
            "Приветствуем подписанное при посредничестве Катара соглашение о прекращении огня "
            "между Эфиопией и Сомали.",
            "QAT",
            ["ETH", "SOM"],
        ),
        (
            "Переговоры между Арменией и Азербайджаном прошли при посредничестве Швейцарии.",
            "CHE",
            ["ARM", "AZE"],
        ),
        (
            "Мы приветствуем состоявшийся при посредничестве Омана переговорный процесс между "
            "Ираном и США.",
            "OMN",
            ["IRN", "USA"],
        ),
    ],
)
def test_a_mediation_that_names_its_mediator_is_the_mediator_s_act_on_the_sides(
    analyzer, sentence, mediator, sides
):
    found = event_tuples(analyzer, sentence)
    mediation = [e for e in _of(found, "CONSULT") if e[1] == [mediator]]
    assert mediation, found
    assert mediation[0][2] == sides, found


@pytest.mark.parametrize(
    ("sentence", "doer", "hit"),
    [
        ("Россия осуждает ракетные удары Израиля по Ливану.", "ISR", "LBN"),
        ("Москва осудила ракетный удар израильской авиации по Дамаску.", "ISR", "SYR"),
        ("Китай осуждает авиаудары Пакистана по Афганистану.", "PAK", "AFG"),
    ],
)
def test_a_judged_deed_led_by_its_adjective_is_reported_by_its_named_doer(
    analyzer, sentence, doer, hit
):
    found = event_tuples(analyzer, sentence)
    assert ("ASSAULT", [doer], [hit]) in [e[:3] for e in found], found
    accusations = _of(found, "ACCUSE")
    assert accusations and accusations[0][2] == [doer], found


def test_a_judging_label_led_by_its_adjective_stays_the_judgement_s_own(analyzer):
    found = event_tuples(
        analyzer, "Недружественные действия канадской стороны не останутся без ответа."
    )
    assert not _of(found, "ACCUSE"), found


@pytest.mark.parametrize(
    ("sentence", "doer", "hit"),
    [
        (
            "Правительство Латвии прекратило действие соглашения о культурном сотрудничестве "
            "с Россией.",
            "LVA",
            "RUS",
        ),
        ("Грузия расторгла договор аренды с Арменией.", "GEO", "ARM"),
        ("Власти Литвы решили закрыть Белорусский культурный центр в Вильнюсе.", "LTU", "BLR"),
        ("Еврокомиссия приостановила безвизовый режим для граждан Сербии.", "EU", "SRB"),
        ("Брюссель отменил безвизовый режим для граждан Молдавии.", "EU", "MDA"),
        (
            "Несколько казахстанских банков отказались обслуживать платежи российских компаний.",
            "KAZ",
            "RUS",
        ),
        ("Норвегия запретила заход в свои порты российских рыболовецких судов.", "NOR", "RUS"),
        ("Канада отстранила Россию от участия в работе форума.", "CAN", "RUS"),
        ("Токио отказался от продолжения переговоров с Пекином.", "JPN", "CHN"),
    ],
)
def test_closing_suspending_terminating_and_excluding_are_sanctions(analyzer, sentence, doer, hit):
    found = event_tuples(analyzer, sentence)
    sanctions = _of(found, "SANCTION")
    assert sanctions, found
    assert sanctions[0][1] == [doer] and sanctions[0][2] == [hit], found


def test_a_sanction_noun_names_its_doer_in_the_instrumental(analyzer):
    found = event_tuples(analyzer, "Закрытие Литвой пунктов пропуска ударило по перевозчикам.")
    assert [e for e in _of(found, "SANCTION") if e[1] == ["LTU"]], found


@pytest.mark.parametrize(
    ("sentence", "sides"),
    [
        (
            "Пуск электростанции стал возможен благодаря слаженной работе Индии и России.",
            ["IND", "RUS"],
        ),
        (
            "Запуск спутника стал возможен благодаря слаженной работе «Роскосмоса» и "
            "египетских партнеров.",
            ["EGY", "RUS"],
        ),
    ],
)
def test_the_joint_work_of_two_named_sides_is_cooperation(analyzer, sentence, sides):
    found = event_tuples(analyzer, sentence)
    cooperation = _of(found, "COOPERATE")
    assert cooperation, found
    assert sorted(cooperation[0][1]) == sides, found


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("С 2014 года власти ввели ограничения.", "2014"),
        ("В 2019 году стороны встретились в Сочи.", "2019"),
        ("в 2023 году в Санкт-Петербурге", "2023"),
    ],
)
def test_a_year_at_the_start_of_a_sentence_is_a_date(text, year):
    assert [d[2] for d in find_dates(text)] == [year]


def test_a_term_year_at_the_start_of_a_sentence_is_still_a_term(analyzer):
    found = event_tuples(
        analyzer,
        "Москва, 10 марта 2026 года. До 2030 года Норвегия ввела запрет на заход российских "
        "судов в свои порты.",
    )
    assert not [e for e in found if e[3] == "historical"], found


@pytest.mark.parametrize(
    "sentence",
    [
        "С 2019 года австралийские власти ввели ограничения против российских компаний.",
        "В 2022 году Япония отказалась от продолжения переговоров с Россией.",
    ],
)
def test_an_act_dated_years_before_the_statement_is_historical(analyzer, sentence):
    found = event_tuples(analyzer, "Москва, 10 марта 2026 года. " + sentence)
    sanctions = _of(found, "SANCTION")
    assert sanctions and sanctions[0][3] == "historical", found


@pytest.mark.parametrize(
    ("sentence", "answered"),
    [
        (
            "В ответ на высылку российских дипломатов Москва объявила персонами нон грата двух "
            "сотрудников посольства Польши.",
            ("SANCTION", ["POL"], ["RUS"]),
        ),
        (
            "Иран вызвал посла Великобритании в ответ на задержание иранского танкера.",
            ("COERCE", ["GBR"], ["IRN"]),
        ),
        (
            "Минск закрыл пункт пропуска в ответ на закрытие Литвой границы.",
            ("SANCTION", ["LTU"], ["BLR"]),
        ),
    ],
)
def test_an_answered_act_is_the_act_of_whom_the_answer_is_aimed_at(analyzer, sentence, answered):
    found = event_tuples(analyzer, sentence)
    assert answered in [e[:3] for e in found], found


@pytest.mark.parametrize(
    ("sentence", "doer", "hit"),
    [
        (
            "Китай осуждает экономическую блокаду, которую Соединённые Штаты продолжают "
            "против Ирана.",
            "USA",
            "IRN",
        ),
        ("Москва осуждает санкции, которые ввёл Евросоюз против Белоруссии.", "EU", "BLR"),
    ],
)
def test_a_judged_deed_is_done_by_the_subject_of_its_relative_clause(analyzer, sentence, doer, hit):
    found = event_tuples(analyzer, sentence)
    assert ("SANCTION", [doer], [hit]) in [e[:3] for e in found], found


@pytest.mark.parametrize(
    "sentence",
    [
        "Мы осуждаем повторное включение Венесуэлы в список государств – спонсоров терроризма.",
        "Россия осуждает отстранение Бразилии от участия в работе форума.",
    ],
)
def test_the_actor_a_listing_or_exclusion_names_in_the_genitive_is_hit_not_the_doer(
    analyzer, sentence
):
    found = event_tuples(analyzer, sentence)
    assert not [e for e in found if e[0] == "SANCTION" and set(e[1]) & {"VEN", "BRA"}], found


def test_being_put_on_a_black_list_is_a_sanction(analyzer):
    found = event_tuples(analyzer, "Вашингтон внёс Кубу в чёрный список.")
    assert ("SANCTION", ["USA"], ["CUB"]) in [e[:3] for e in found], found


@pytest.mark.parametrize(
    "text",
    [
        "Москва, 10 марта 2026 года. Эстония уже закрывала границу в мае 2024 года. Тогда мы "
        "предлагали провести консультации, но эстонская сторона от диалога отказалась.",
        "Москва, 10 марта 2026 года. Курс Токио определился в 2022 году. Напомню, что тогда "
        "японская сторона заморозила диалог по мирному договору.",
    ],
)
def test_a_past_act_then_happened_when_the_sentence_before_says(analyzer, text):
    found = event_tuples(analyzer, text)
    refusals = [e for e in found if e[0] in ("REJECT", "SANCTION")]
    assert refusals and refusals[-1][3] == "historical", found


def test_then_does_not_date_an_act_still_to_come(analyzer):
    found = event_tuples(
        analyzer,
        "Москва, 10 марта 2026 года. Польша закрыла границу в мае 2024 года. Тогда Белоруссия "
        "закроет пункты пропуска.",
    )
    assert [e for e in found if e[1] == ["BLR"] and e[3] != "historical"], found


@pytest.mark.parametrize(
    ("sentence", "doer"),
    [
        ("Вашингтон разрушил договор об открытом небе.", "USA"),
        ("Токио фактически развалил соглашение о рыболовстве.", "JPN"),
    ],
)
def test_destroying_a_treaty_is_withdrawing_from_it(analyzer, sentence, doer):
    found = event_tuples(analyzer, sentence)
    assert [e for e in _of(found, "SANCTION") if e[1] == [doer]], found
