"""Planned meetings led by a noun, separate meetings in the plural, the doer of an act under a
noun of intent, agentless passives in reported speech and possessive pronouns: classes of
expressions, each shown on invented sentences in several words and voices (issue 10)."""

from __future__ import annotations

import pytest

from tests.event_tuples import event_tuples


@pytest.mark.parametrize(
    ("sentence", "sides"),
    [
        ("Запланирована встреча Сергея Лаврова с Хаканом Фиданом.", ["RUS", "TUR"]),
        (
            "На 20 марта намечены переговоры министров иностранных дел России и Ирана.",
            ["IRN", "RUS"],
        ),
        (
            "Предстоят консультации заместителей министров иностранных дел России и Индии.",
            ["IND", "RUS"],
        ),
        ("Планируется встреча президентов Казахстана и Узбекистана.", ["KAZ", "UZB"]),
        ("В апреле ожидается визит министра иностранных дел Бразилии в Китай.", ["BRA", "CHN"]),
    ],
)
def test_a_meeting_noun_that_is_the_subject_of_a_plan_is_a_planned_meeting(
    analyzer, sentence, sides
):
    found = event_tuples(analyzer, sentence)
    planned = [e for e in found if e[0] == "AGREE" and e[3] == "planned"]
    assert planned, found
    assert sorted(set(planned[0][1]) | set(planned[0][2])) == sides, found
    assert not [e for e in found if e[0] == "CONSULT" and e[3] == "done"], found


def test_a_plan_whose_meeting_names_no_one_is_left_to_the_plan_s_doer(analyzer):
    text = (
        "Министры иностранных дел России и Китая провели переговоры в Пекине. "
        "Очередной раунд консультаций намечено провести в Москве осенью."
    )
    found = event_tuples(analyzer, text)
    assert not [e for e in found if e[0] == "AGREE" and "CHN" not in e[1] + e[2]], found


@pytest.mark.parametrize(
    ("sentence", "counterparts"),
    [
        (
            "На полях форума запланированы встречи Лаврова с министрами иностранных дел "
            "Малайзии и Индонезии.",
            ["IDN", "MYS"],
        ),
        (
            "Лавров провел телефонные разговоры с министрами иностранных дел Турции и Ирана.",
            ["IRN", "TUR"],
        ),
        (
            "Министр иностранных дел Китая провел беседы с послами Египта и Алжира.",
            ["DZA", "EGY"],
        ),
    ],
)
def test_meetings_or_calls_in_the_plural_are_one_per_counterpart(analyzer, sentence, counterparts):
    found = [e for e in event_tuples(analyzer, sentence) if e[0] in ("AGREE", "CONSULT")]
    assert len(found) == len(counterparts), found
    for event, side in zip(sorted(found, key=lambda e: e[1] + e[2]), counterparts, strict=True):
        assert side in event[1] + event[2], found


def test_talks_in_the_plural_are_one_meeting(analyzer):
    """«переговоры» and «консультации» are one event in the plural."""
    found = event_tuples(
        analyzer, "Лавров провел переговоры с министрами иностранных дел Турции и Ирана."
    )
    meetings = [e for e in found if e[0] == "CONSULT"]
    assert len(meetings) == 1, found
    assert set(meetings[0][1]) == {"RUS", "TUR", "IRN"}, found


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Власти Молдавии приняли решение выслать трех российских дипломатов.", "MDA", "RUS"),
        (
            "Правительство Эстонии объявило о решении закрыть генеральное консульство России.",
            "EST",
            "RUS",
        ),
        ("Литва подтвердила решение выслать белорусского дипломата.", "LTU", "BLR"),
        (
            "Осуждаем решение Евросоюза продлить ограничительные меры против Мьянмы.",
            "EU",
            "MMR",
        ),
        (
            "The Estonian government announced its decision to expel two Russian diplomats.",
            "EST",
            "RUS",
        ),
    ],
)
def test_the_doer_of_an_act_under_a_noun_of_intent(analyzer, sentence, source, target):
    found = event_tuples(analyzer, sentence)
    assert ("SANCTION", [source], [target]) in [e[:3] for e in found], found


def test_who_judges_a_decision_is_not_its_doer(analyzer):
    found = event_tuples(
        analyzer, "Президент Мьянмы осудил решение продлить санкции против Мьянмы."
    )
    assert not [e for e in found if e[0] == "SANCTION" and e[1] == ["MMR"]], found


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        (
            "МИД Молдавии сообщил, что три сотрудника посольства России будут высланы из страны.",
            "MDA",
            "RUS",
        ),
        (
            "В МИД Латвии заявили, что российскому послу будет выражен протест.",
            "LVA",
            "RUS",
        ),
        (
            "Министерство иностранных дел Польши объявило, что два белорусских дипломата "
            "объявлены персонами нон грата.",
            "POL",
            "BLR",
        ),
    ],
)
def test_an_agentless_passive_in_reported_speech_is_the_reporter_s_act(
    analyzer, sentence, source, target
):
    found = event_tuples(analyzer, sentence)
    assert [e for e in found if e[1] == [source] and e[2] == [target]], found


def test_a_passive_done_to_the_reporter_s_own_side_is_not_its_act(analyzer):
    found = event_tuples(
        analyzer, "МИД России сообщил, что три российских дипломата будут высланы из страны."
    )
    assert not [e for e in found if e[1] == ["RUS"] and e[0] == "SANCTION"], found


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Министр иностранных дел России Сергей Лавров прибудет в Ханой. На полях форума "
            "запланированы его встречи с министрами иностранных дел Вьетнама и Лаоса.",
            {"VNM", "LAO"},
        ),
        (
            "Министр иностранных дел Австрии Беате Майнль-Райзингер посетила Белград. "
            "Запланирована её встреча с президентом Сербии.",
            {"SRB"},
        ),
    ],
)
def test_a_possessive_pronoun_on_a_meeting_noun_is_the_person_before(analyzer, text, sides):
    found = event_tuples(analyzer, text)
    planned = [e for e in found if e[0] == "AGREE" and e[3] == "planned"]
    assert planned, found
    for side in sides:
        assert [e for e in planned if side in e[1] + e[2] and len(set(e[1]) | set(e[2])) == 2], (
            found
        )


@pytest.mark.parametrize(
    ("sentence", "sides"),
    [
        ("Глава МИД Бразилии Мауро Виейра может посетить Россию летом.", {"BRA", "RUS"}),
        (
            "Если Вашингтон проявит готовность, Москва проведет переговоры "
            "с американской стороной.",
            {"RUS", "USA"},
        ),
        ("Президенты Казахстана и Киргизии могут встретиться на полях саммита.", {"KAZ", "KGZ"}),
    ],
)
def test_a_possible_meeting_is_an_intent(analyzer, sentence, sides):
    found = event_tuples(analyzer, sentence)
    intents = [e for e in found if e[0] == "AGREE" and e[3] == "hypothetical"]
    assert intents and set(intents[0][1]) | set(intents[0][2]) == sides, found
    assert not [e for e in found if e[0] == "CONSULT"], found


@pytest.mark.parametrize(
    "sentence",
    [
        "Министры иностранных дел России и Индии договорились о встрече в Москве в апреле.",
        "Президенты России и Вьетнама договорились о визите президента Вьетнама в Россию.",
        "Главы МИД Египта и Иордании условились о новом раунде консультаций.",
        "Россия и Китай договорились о проведении переговоров на следующей неделе.",
    ],
)
def test_agreeing_on_a_meeting_is_a_plan(analyzer, sentence):
    found = event_tuples(analyzer, sentence)
    assert [e for e in found if e[0] == "AGREE" and e[3] == "planned"], found
    assert not [e for e in found if e[3] == "done"], found


def test_agreeing_on_a_settled_matter_is_done(analyzer):
    found = event_tuples(analyzer, "Россия и Китай договорились о расширении торговли.")
    assert not [e for e in found if e[3] == "planned"], found


@pytest.mark.parametrize(
    ("sentence", "sides"),
    [
        (
            "Замминистра иностранных дел России Сергей Рябков заявил журналистам по итогам "
            "переговоров с генеральным секретарем МИД Бразилии, что контакты продолжатся.",
            {"RUS", "BRA"},
        ),
        ("На встрече с Сергеем Лавровым Хакан Фидан отметил важность диалога.", {"TUR", "RUS"}),
        (
            "После переговоров с министром иностранных дел Китая глава МИД Египта заявил "
            "о поддержке инициативы.",
            {"EGY", "CHN"},
        ),
    ],
)
def test_a_meeting_in_a_circumstance_was_held_by_the_clause_s_subject(analyzer, sentence, sides):
    found = event_tuples(analyzer, sentence)
    meetings = [e for e in found if e[0] == "CONSULT" and e[3] == "done"]
    assert meetings and set(meetings[0][1]) | set(meetings[0][2]) == sides, found
