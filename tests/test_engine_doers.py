"""Who did an act named by a noun (issue 10): an office of a state under the act noun is its
doer, ahead of the subject of a verb that only comments on the act; a group of a state's
people is not. Invented sentences, several states and wordings."""

from __future__ import annotations

import pytest

from tests.event_tuples import event_tuples


@pytest.mark.parametrize(
    ("sentence", "guest", "host"),
    [
        (
            "Россия рассчитывает на визит президента Мьянмы в Москву в первой половине года.",
            "MMR",
            "RUS",
        ),
        ("Казахстан рассчитывает на приезд премьер-министра Индии в Астану.", "IND", "KAZ"),
        ("Китай надеется на визит министра иностранных дел Бразилии в Пекин.", "BRA", "CHN"),
    ],
)
def test_a_hoped_for_visit_is_the_visitor_s_planned_trip_to_the_host(
    analyzer, sentence, guest, host
):
    found = event_tuples(analyzer, sentence)
    assert ("AGREE", [guest], [host], "planned") in found, found


def test_a_group_of_a_state_s_people_under_an_act_noun_is_not_its_doer(analyzer):
    found = event_tuples(analyzer, "Министерство Египта осудило убийства российских граждан.")
    assert not [e for e in found if e[1] == ["RUS"]], found


@pytest.mark.parametrize(
    ("deed", "judgement", "doer"),
    [
        (
            "Австралия ввела санкции против российских компаний.",
            "Эти меры, принятые в угоду Вашингтону, нелегитимны.",
            "AUS",
        ),
        (
            "Правительство Эстонии задержало российский танкер в Финском заливе.",
            "Расцениваем такие действия как проявление морского пиратства.",
            "EST",
        ),
        (
            "Литва выслала двух российских дипломатов.",
            "Мы решительно осуждаем это решение.",
            "LTU",
        ),
        (
            "Канада ввела ограничения против российских банков. Об этом сообщил Лондон.",
            "Мы осуждаем подобные действия.",
            "CAN",
        ),
    ],
)
def test_a_demonstrative_judgement_is_aimed_at_who_did_the_act_just_reported(
    analyzer, deed, judgement, doer
):
    found = event_tuples(analyzer, f"Заявление МИД России\n\n{deed} {judgement}")
    accusations = [e for e in found if e[0] == "ACCUSE"]
    assert accusations and all(e[2] == [doer] for e in accusations), found
