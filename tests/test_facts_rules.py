"""Event rules on short invented statements: meeting conventions, metonymy, joint acts."""

from __future__ import annotations

TITLE = "Выступление Министра иностранных дел Российской Федерации С.В.Лаврова по итогам переговоров с Министром иностранных дел Турции Х.Фиданом (Анкара, 3 марта 2025 года)\n"  # noqa: E501


def events(analyzer, body: str, title: str = TITLE):
    doc = analyzer.analyze_text(title + body)
    return doc, [
        (e.type, sorted(r.code for r in e.source), sorted(r.code for r in e.target), e)
        for e in doc.facts.events
    ]


def test_talks_go_from_guest_to_host(analyzer):
    _, found = events(analyzer, "Провели обстоятельные переговоры.\n")
    consult = [f for f in found if f[0] == "CONSULT"]
    assert consult and consult[0][1:3] == (["RUS"], ["TUR"])


def test_the_title_line_is_no_event(analyzer):
    doc, found = events(analyzer, "Благодарю за внимание.\n")
    title_end = doc.metadata.title[1]
    assert all(e.evidence.start >= title_end for *_, e in found)


def test_a_capital_as_subject_or_object_is_its_state(analyzer):
    _, found = events(analyzer, "Призываем Вашингтон и Берлин отказаться от этих планов.\n")
    request = [f for f in found if f[0] == "REQUEST"]
    assert request and request[0][1:3] == (["RUS"], ["DEU", "USA"])


def test_a_capital_after_a_place_preposition_is_a_place(analyzer):
    _, found = events(analyzer, "Договорились провести следующий раунд консультаций в Москве.\n")
    assert all("RUS" not in f[2] or f[1] == ["RUS", "TUR"] for f in found)


def test_agreeing_sides_are_each_others_targets(analyzer):
    body = "Договорились и впредь тесно координировать подходы в ООН и в БРИКС.\n"
    _, found = events(analyzer, body)
    agree = [f for f in found if f[0] == "AGREE"]
    assert agree and all(f[1:3] == (["RUS", "TUR"], ["RUS", "TUR"]) for f in agree)


def test_one_person_invites_alone(analyzer):
    _, found = events(analyzer, "Пригласил коллегу посетить Россию в удобное для него время.\n")
    agree = [f for f in found if f[0] == "AGREE"]
    assert agree and agree[0][1] == ["RUS"]


def test_a_past_plural_verb_is_we(analyzer):
    _, found = events(analyzer, "Подписали План консультаций на 2025-2026 годы.\n")
    signing = [f for f in found if f[0] == "SUPPORT"]
    assert signing and signing[0][1:3] == (["RUS", "TUR"], ["RUS", "TUR"])


def test_a_headline_without_a_verb_reports_nothing(analyzer):
    _, found = events(analyzer, "О саммите БРИКС в Казани\nВсё идёт по плану.\n")
    assert not [f for f in found if f[0] == "CONSULT" and f[1] == ["BRICS"]]


def test_loaded_label_on_a_possessor_is_no_accusation(analyzer):
    body = "Западные страны продлевают агонию киевского режима.\n"
    _, found = events(analyzer, body)
    assert not [f for f in found if f[0] == "ACCUSE" and f[2] == ["UKR"]]
