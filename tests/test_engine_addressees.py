"""Whom an act that names no one is addressed to (issue 10): after a summons, to the state
protested to (and a chargé d'affaires' title names that state); after reported talks, a
side's friendly act to the other side. Invented statements, several states and wordings."""

from __future__ import annotations

import pytest

from tests.event_tuples import event_tuples


@pytest.mark.parametrize(
    ("sentence", "state"),
    [
        ("Временному поверенному в делах Украины вручена нота протеста.", "UKR"),
        ("Временному поверенному в делах Литвы заявлен решительный протест.", "LTU"),
        ("В МИД был вызван временный поверенный в делах Японии.", "JPN"),
        ("Поверенному в делах Нидерландов вручена нота.", "NLD"),
    ],
)
def test_a_charge_d_affaires_names_the_state_whose_affairs_he_handles(analyzer, sentence, state):
    text = f"Заявление МИД Казахстана\n\n{sentence}"
    found = event_tuples(analyzer, text)
    assert ("ACCUSE", ["KAZ"], [state], "done") in found, found


_SUMMONS = (
    "О вызове в МИД России {title}\n\n"
    "{date} в МИД России был вызван {title}. Ему заявлен решительный протест в связи с "
    "{reason}. {follow}"
)


@pytest.mark.parametrize(
    ("title", "state", "reason", "follow", "kind"),
    [
        (
            "посол Латвии",
            "LVA",
            "задержанием российского журналиста в Риге",
            "Потребовали немедленно освободить журналиста.",
            "REQUEST",
        ),
        (
            "временный поверенный в делах Польши",
            "POL",
            "сносом памятника советским воинам",
            "Было заявлено, что российская сторона оставляет за собой право на ответные меры.",
            "THREATEN",
        ),
        (
            "посол Норвегии",
            "NOR",
            "высылкой сотрудника торгпредства России",
            "Настоятельно потребовали прекратить враждебные действия.",
            "REQUEST",
        ),
    ],
)
def test_what_follows_a_protest_is_addressed_to_the_summoned_side(
    analyzer, title, state, reason, follow, kind
):
    text = _SUMMONS.format(title=title, date="12 мая", reason=reason, follow=follow)
    found = event_tuples(analyzer, text)
    assert (kind, ["RUS"], [state], "done") in found, found
    assert not [e for e in found if e[0] == kind and not e[2]], found


def test_another_side_s_act_is_not_addressed_to_whom_we_protested_to(analyzer):
    text = _SUMMONS.format(
        title="посол Эстонии",
        date="3 апреля",
        reason="задержанием российского танкера",
        follow="Ранее Вашингтон потребовал от всех сторон проявлять сдержанность.",
    )
    found = event_tuples(analyzer, text)
    assert not [e for e in found if e[1] == ["USA"] and e[2] == ["EST"]], found


@pytest.mark.parametrize(
    ("talks", "follow", "kind", "source", "target"),
    [
        (
            "Министр иностранных дел Венгрии Петер Сийярто провел в четверг переговоры с главой "
            "МИД Турции Хаканом Фиданом.",
            "Венгерская сторона выразила соболезнования в связи с землетрясением.",
            "SUPPORT",
            "HUN",
            "TUR",
        ),
        (
            "Министр иностранных дел Индонезии провела в Токио переговоры с японским коллегой.",
            "Индонезийская сторона высоко оценила помощь в ликвидации последствий цунами.",
            "SUPPORT",
            "IDN",
            "JPN",
        ),
        (
            "Глава МИД Египта Бадр Абдель Аты встретился в Мадриде с министром иностранных дел "
            "Испании Хосе Мануэлем Альбаресом.",
            "Египетский министр поблагодарил за поддержку мирных усилий.",
            "SUPPORT",
            "EGY",
            "ESP",
        ),
    ],
)
def test_after_reported_talks_a_side_s_friendly_act_is_towards_the_other_side(
    analyzer, talks, follow, kind, source, target
):
    found = event_tuples(analyzer, f"{talks} {follow}")
    assert any(e[0] == kind and e[1] == [source] and e[2] == [target] for e in found), found
    assert not [e for e in found if e[0] == kind and not e[2]], found


def test_a_third_state_s_act_after_talks_is_not_given_a_partner(analyzer):
    text = (
        "Министр иностранных дел Индонезии провела в Токио переговоры с японским коллегой. "
        "Австралия и Новая Зеландия приветствовали решение о снятии ограничений."
    )
    found = event_tuples(analyzer, text)
    assert not [e for e in found if e[0] == "SUPPORT" and "JPN" in e[2]], found


@pytest.mark.parametrize(
    ("sentence", "doer"),
    [
        ("Решительно осуждаем удар израильской авиации по иранскому посольству в Дамаске.", "ISR"),
        (
            "Российская сторона выражает решительный протест в связи с задержанием российского "
            "судна военно-морскими силами Эстонии.",
            "EST",
        ),
        (
            "Министерство выражает протест в связи с ударом украинских беспилотников по "
            "нефтяному терминалу.",
            "UKR",
        ),
        ("Осуждаем решение Евросоюза продлить ограничительные меры против Мьянмы.", "EU"),
        ("Решительно осуждаем американские удары по территории Сирии.", "USA"),
        # the subject of the deed's relative clause
        (
            "Решительно осуждаем давление, которое Евросоюз оказывает на Казахстан и Армению.",
            "EU",
        ),
        ("Осуждаем удары, которые Израиль наносит по территории Ливана.", "ISR"),
        ("Осуждаем санкции, которые Вашингтон ввёл против Кубы.", "USA"),
    ],
)
def test_a_condemned_deed_that_names_its_doer_is_aimed_at_the_doer(analyzer, sentence, doer):
    found = event_tuples(analyzer, f"Заявление МИД России\n\n{sentence}")
    accusations = [e for e in found if e[0] == "ACCUSE"]
    assert accusations and all(e[2] == [doer] for e in accusations), found


def test_whom_a_deed_hit_is_not_its_doer(analyzer):
    text = "Заявление МИД России\n\nОсуждаем задержание граждан Армении в аэропорту."
    found = event_tuples(analyzer, text)
    assert not [e for e in found if e[0] == "ACCUSE" and e[2] and e[2] != ["ARM"]], found


def test_a_protest_to_an_ambassador_is_aimed_at_his_state_not_at_the_deed_s_doers(analyzer):
    text = (
        "О вызове в МИД России посла Японии\n\n"
        "9 февраля в МИД России был вызван посол Японии, которому заявлен решительный протест "
        "в связи с проведением совместных учений вооружённых сил Японии и США."
    )
    found = event_tuples(analyzer, text)
    assert not [e for e in found if e[0] == "ACCUSE" and "USA" in e[2]], found
    assert ("ACCUSE", ["RUS"], ["JPN"], "done") in found, found


@pytest.mark.parametrize(
    "threat",
    [
        "Подчёркнуто, что недружественные действия Токио не останутся без ответа, а Москва "
        "оставляет за собой право на ответные меры.",
        "Было заявлено, что российская сторона оставляет за собой право на ответные меры.",
    ],
)
def test_one_act_found_by_two_triggers_is_one_event_with_its_addressee(analyzer, threat):
    text = _SUMMONS.format(
        title="посол Японии", date="9 февраля", reason="введением новых санкций", follow=threat
    )
    threats = [e for e in event_tuples(analyzer, text) if e[0] == "THREATEN"]
    assert threats == [("THREATEN", ["RUS"], ["JPN"], "done")], threats


@pytest.mark.parametrize(
    "sentence",
    [
        "31 марта в МИД России был приглашён посол Бельгии.",
        "Посол Бельгии был приглашён в МИД России, где ему заявлен протест.",
        "В Министерство иностранных дел России был приглашён посол Бельгии.",
    ],
)
def test_an_ambassador_invited_to_the_ministry_is_summoned_not_invited_to_visit(analyzer, sentence):
    found = event_tuples(analyzer, f"О вызове в МИД России посла Бельгии\n\n{sentence}")
    assert ("ACCUSE", ["RUS"], ["BEL"], "done") in found, found
    assert not [e for e in found if e[0] == "AGREE"], found


def test_a_ministry_inviting_a_minister_to_visit_still_invites(analyzer):
    found = event_tuples(analyzer, "МИД Китая пригласил Сергея Лаврова посетить Пекин.")
    assert ("AGREE", ["CHN"], ["RUS"], "planned") in found, found


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Санкции были введены Евросоюзом против Ирана.", ["EU"], ["IRN"]),
        ("Ограничительные меры введены Канадой против Никарагуа.", ["CAN"], ["NIC"]),
        ("Британия ввела санкции против российских банков.", ["GBR"], ["RUS"]),
    ],
)
def test_an_against_phrase_hung_on_the_doer_names_the_target(analyzer, sentence, source, target):
    found = event_tuples(analyzer, sentence)
    assert ("SANCTION", source, target, "done") in found, found
