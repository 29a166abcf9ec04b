"""Subjects that point back, on invented texts: a personal pronoun or a bare office title
stands for the person named before it (issue 10, attribution)."""

from __future__ import annotations

import pytest

from tests.event_tuples import event_tuples


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "БАКУ, 5 марта. /Тренд/. Глава МИД Азербайджана Джейхун Байрамов провёл переговоры "
            "с узбекским коллегой. Тот передал Байрамову приглашение посетить Ташкент.",
            "UZB",
        ),
        (
            "АСТАНА, 2 апреля. /Казинформ/. Президент Казахстана принял министра иностранных дел "
            "Катара. Тот передал приглашение посетить Доху.",
            "QAT",
        ),
    ],
)
def test_the_latter_is_the_person_named_last(analyzer, text, source):
    found = event_tuples(analyzer, text)
    assert any(e[0] == "AGREE" and e[1] == [source] and e[3] == "planned" for e in found), found


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "АНКАРА, 5 марта. /ТАСС/. Министр иностранных дел Турции Хакан Фидан провёл "
            "телефонный разговор с госсекретарём США. Министр осудил удары по Газе.",
            "TUR",
        ),
        (
            "КАИР, 5 марта. /ТАСС/. Министр иностранных дел Египта Бадр Абдель Ати посетил "
            "Мадрид. Он осудил удары по Газе.",
            "EGY",
        ),
    ],
)
def test_a_pronoun_or_a_bare_title_is_the_person_named_before(analyzer, text, source):
    found = event_tuples(analyzer, text)
    assert ("ACCUSE", [source], ["PSE"], "done") in found, found


def test_a_title_keeps_its_referent_through_a_readout(analyzer):
    text = (
        "О встрече заместителя Министра иностранных дел России с Послом Чили (Москва, 3 марта "
        "2026 года)\n"
        "3 марта заместитель Министра иностранных дел России С.А.Рябков принял Посла "
        "Республики Чили в Москве. Обсуждены вопросы двустороннего сотрудничества. Стороны "
        "подчеркнули заинтересованность в контактах. Посол передал приглашение посетить Сантьяго."
    )
    found = event_tuples(analyzer, text)
    assert ("AGREE", ["CHL"], ["RUS"], "planned") in found, found


def test_a_plural_title_is_no_antecedent_of_a_singular_one(analyzer):
    text = (
        "Брифинг официального представителя МИД России (Москва, 3 июля 2025 года)\n"
        "10 июля С.В.Лавров посетит Ханой. На полях форума запланированы встречи с министрами "
        "иностранных дел Лаоса и Камбоджи. Министр также проведёт переговоры с президентом "
        "Вьетнама."
    )
    found = event_tuples(analyzer, text)
    talks = [e for e in found if "VNM" in e[1] + e[2]]
    assert talks and all("RUS" in e[1] + e[2] for e in talks), found
    assert not [e for e in talks if {"LAO", "KHM"} & set(e[1] + e[2])], found


def test_a_ministrys_bare_minister_is_its_own(analyzer):
    text = (
        "Брифинг официального представителя МИД России (Москва, 3 июля 2025 года)\n"
        "10 июля министр посетит Джакарту."
    )
    found = event_tuples(analyzer, text)
    assert ("AGREE", ["RUS"], ["IDN"], "planned") in found, found


TALKS = (
    "Выступление Министра иностранных дел России С.В.Лаврова в ходе совместной "
    "пресс-конференции с Министром иностранных дел ЮАР Р.Ламолой (Москва, 20 января 2026 года)\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Высоко ценим мирную инициативу, которую лидеры африканских государств представили "
        "в июне 2023 года.",
        "Приветствуем решение, которое министры стран Африки приняли на саммите в Аддис-Абебе.",
    ],
)
def test_sides_named_in_a_clause_of_their_own_do_not_make_we_joint(analyzer, sentence):
    found = event_tuples(analyzer, TALKS + sentence)
    support = [e for e in found if e[0] == "SUPPORT"]
    assert support and all(e[1] == ["RUS"] for e in support), found


def test_the_sides_as_the_subject_still_act_together(analyzer):
    found = event_tuples(
        analyzer,
        TALKS + "Министры обсудили двусторонние отношения и подтвердили "
        "приверженность сотрудничеству.",
    )
    assert any(e[1] == ["RUS", "ZAF"] for e in found), found


@pytest.mark.parametrize(
    ("title", "envoy", "code"),
    [
        ("О вызове в МИД России Посла Королевства Бельгии", "Посол Бельгии", "BEL"),
        (
            "О вызове в МИД России временного поверенного в делах Литвы",
            "временный поверенный в делах Литвы",
            "LTU",
        ),
    ],
)
def test_a_protest_to_him_is_aimed_at_the_summoned_envoys_state(analyzer, title, envoy, code):
    text = (
        f"{title}\n24 февраля 2027 года\n24 февраля в МИД России был вызван {envoy}. Ему заявлен "
        "решительный протест в связи с решением, разрешающим Европейской комиссии распоряжаться "
        "российскими активами."
    )
    found = event_tuples(analyzer, text)
    assert found and found[-1][:3] == ("ACCUSE", ["RUS"], [code]), found
    assert all(e[2] in ([], [code]) for e in found), found


def test_a_pronoun_after_a_title_subject_is_the_title_s_person(analyzer):
    """«Министр передал Арагчи приглашение. Он призвал …»: the sentence before is about the
    minister its subject points back to, not about the guest it names as an object."""
    text = (
        "КАИР, 5 марта. /ТАСС/. Министр иностранных дел Египта Бадр Абдель Ати провёл "
        "переговоры с министром иностранных дел Ирана Аббасом Арагчи. Министр передал Аббасу "
        "Арагчи приглашение посетить Каир. Он также призвал Израиль прекратить огонь."
    )
    found = event_tuples(analyzer, text)
    assert ("REQUEST", ["EGY"], ["ISR"], "done") in found, found
