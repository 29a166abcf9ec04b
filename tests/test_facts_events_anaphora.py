"""Event rules on short invented statements: anaphoric targets, judged topics, appraisals."""

from __future__ import annotations

from tests.test_facts_rules import events


def test_a_negated_support_points_back_to_the_same_noun(analyzer):
    _, found = events(
        analyzer,
        "Безответственными были бы попытки так называемой «евротройки» – Великобритании, "
        "Германии и Франции – запустить механизм восстановления санкций. "
        "Мы такие попытки не поддержим.\n",
    )
    reject = [f for f in found if f[0] == "REJECT"]
    assert reject and reject[-1][1:3] == (["RUS"], ["DEU", "FRA", "GBR"])


def test_a_noun_act_under_a_judgement_is_no_event_of_its_own(analyzer):
    _, found = events(
        analyzer,
        "Стороны выражают серьёзную озабоченность беспрецедентным наращиванием военной "
        "активности НАТО вблизи западных границ.\n",
    )
    assert not [f for f in found if f[0] == "MOBILIZE"]


def test_appraising_the_results_of_a_meeting_is_no_support(analyzer):
    _, found = events(
        analyzer,
        "Высоко оценили итоги трёхсторонней встречи России, Китая и Ирана в Пекине.\n",
    )
    assert not [f for f in found if f[0] == "SUPPORT"]


def test_a_meeting_that_will_take_place_is_planned(analyzer):
    _, found = events(analyzer, "22-24 октября в Казани пройдёт саммит БРИКС.\n")
    assert not [f for f in found if f[0] == "CONSULT"]


def test_withdrawing_from_a_known_agreement_targets_its_other_parties(analyzer):
    _, found = events(analyzer, "Мы вышли из Черноморской инициативы в июле 2023 года.\n")
    withdraw = [f for f in found if f[0] == "SANCTION"]
    assert withdraw and withdraw[0][1:3] == (["RUS"], ["TUR", "UKR", "UN"])
