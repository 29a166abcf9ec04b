"""Meetings in news reports: third-person sentences, no speaker, people the gazetteer does not
know, relative clauses. Own invented sentences; FactRuEval only measures these rules."""

from __future__ import annotations

from demarche.evaluation.meetings import _event_pairs


def consults(analyzer, text: str):
    doc = analyzer.analyze_text(text)
    return doc, [e for e in doc.facts.events if e.type == "CONSULT"]


def test_an_unknown_person_acts_for_the_state_of_his_office(analyzer):
    text = (
        "Переговоры в Вене\n\n"
        "Посол Норвегии в Австрии Ларс Хольмстад встретился с заместителем министра "
        "иностранных дел Австрии Петером Гругером.\n"
    )
    _, found = consults(analyzer, text)
    (meeting,) = found
    sides = {r.code: r.person for r in meeting.source + meeting.target}
    assert set(sides) == {"NOR", "AUT"}
    assert sides["NOR"] and sides["NOR"].startswith("Lars")
    assert sides["AUT"] and sides["AUT"].startswith("Peter")


def test_a_place_after_the_office_is_not_the_persons_side(analyzer):
    text = "Визит\n\nПосол Норвегии в Австрии Ларс Хольмстад посетил Зальцбург.\n"
    _, found = consults(analyzer, text)
    people = [r for e in found for r in e.source + e.target if r.person]
    assert people and all(r.code == "NOR" for r in people)


def test_people_named_before_a_relative_clause_meet(analyzer):
    text = (
        "Газовый спор\n\n"
        "Спор решат министр энергетики Норвегии Ларс Хольмстад и министр энергетики Австрии "
        "Петер Гругер, которые сегодня встречаются в Осло.\n"
    )
    _, found = consults(analyzer, text)
    assert found and {r.code for r in found[0].source + found[0].target} == {"NOR", "AUT"}


def test_a_thing_before_a_relative_clause_does_not_act(analyzer):
    text = (
        "Заявление\n\n"
        "Поставки норвежского оружия, которое будет использоваться для ударов, недопустимы.\n"
    )
    doc = analyzer.analyze_text(text)
    assert not [e for e in doc.facts.events if [r.code for r in e.source] == ["NOR"]]


def test_two_named_sides_meet_without_a_third(analyzer):
    text = (
        "Глава МИД Франции Жан-Ноэль Барро провёл переговоры в Париже.\n\n"
        "Президенты Казахстана и Узбекистана встретились в Ташкенте.\n"
    )
    _, found = consults(analyzer, text)
    tashkent = [e for e in found if e.location == "Tashkent"]
    assert tashkent and {r.code for e in tashkent for r in e.source + e.target} == {"KAZ", "UZB"}


def test_meeting_pairs_count_a_planned_meeting_and_name_its_people(analyzer):
    text = (
        "Переговоры\n\n"
        "Министр энергетики Норвегии Ларс Хольмстад завтра проведёт переговоры с министром "
        "энергетики Австрии Петером Гругером.\n"
    )
    doc = analyzer.analyze_text(text)
    pairs = _event_pairs(doc)
    assert [(p[0], p[1]) for p in pairs] == [("AUT", "NOR")]
    lars = text.index("Ларс")
    assert any(start <= lars < end for start, end in pairs[0][2] + pairs[0][3])
