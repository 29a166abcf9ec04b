"""Meetings in news, second round: sides of one state (people, companies, parties, regions),
guests the parser hangs elsewhere, «между» phrases, and people named again by surname.
Own invented sentences and people; FactRuEval only measures these rules."""

from __future__ import annotations

from demarche.evaluation.meetings import _event_pairs


def meetings(analyzer, text: str):
    doc = analyzer.analyze_text(text)
    found = [e for e in doc.facts.events if e.type == "CONSULT"]
    return doc, found


def sides(event) -> set[tuple[str, str | None]]:
    return {(r.code, r.person) for r in event.source + event.target}


def test_a_president_meets_a_governor_of_his_own_state(analyzer):
    text = (
        "Встреча в Кремле\n\n"
        "Президент России Владимир Путин встретился с губернатором Пермского края Олегом "
        "Сидоровым.\n"
    )
    doc, (meeting,) = meetings(analyzer, text)
    assert sides(meeting) == {("RUS", "Vladimir Putin"), ("RUS", "Oleg Sidorov")}
    (pair,) = _event_pairs(doc)
    # the pair is realised by the two men's own names, not by every mention of Russia
    putin, sidorov = text.index("Владимир"), text.index("Олегом")
    spans = pair[2] + pair[3]
    assert any(s <= putin < e for s, e in spans) and any(s <= sidorov < e for s, e in spans)
    russia = text.index("России")
    assert not any(s <= russia < e for s, e in spans)


def test_the_head_of_a_company_is_a_side_of_his_own(analyzer):
    text = (
        "Совещание\n\n"
        "Председатель правительства Дмитрий Медведев провёл встречу с главой «Роснефти» "
        "Иваном Котовым.\n"
    )
    _, (meeting,) = meetings(analyzer, text)
    assert sides(meeting) == {("RUS", "Dmitry Medvedev"), ("RUS", "Ivan Kotov")}


def test_two_named_people_of_one_state_in_one_subject(analyzer):
    text = (
        "Энергетика\n\n"
        "Генеральный директор компании «Роснефть» Игорь Котов и министр энергетики России "
        "Сергей Лосев провели переговоры.\n"
    )
    _, (meeting,) = meetings(analyzer, text)
    assert sides(meeting) == {("RUS", "Igor Kotov"), ("RUS", "Sergey Losev")}


def test_a_meeting_noun_with_two_people_in_the_genitive(analyzer):
    text = (
        "Газ\n\n"
        "Встреча президента Татарстана Рината Галиева и председателя правления «Газпрома» "
        "Павла Лосева прошла в Казани.\n"
    )
    _, (meeting,) = meetings(analyzer, text)
    assert {person for _, person in sides(meeting)} == {"Rinat Galiev", "Pavel Losev"}


def test_a_regional_head_receives_a_mayor_the_guest_is_the_source(analyzer):
    text = "Прием\n\nПрезидент Татарстана Ринат Галиев принял мэра Казани Ильдара Сафина.\n"
    _, (meeting,) = meetings(analyzer, text)
    assert [r.person for r in meeting.source] == ["Ildar Safin"]
    assert [r.person for r in meeting.target] == ["Rinat Galiev"]


def test_a_party_receives_a_mayor(analyzer):
    text = "Прием\n\nПредседатель партии «Единая Россия» принял мэра Казани Ильдара Сафина.\n"
    doc, (meeting,) = meetings(analyzer, text)
    assert [r.person for r in meeting.source] == ["Ildar Safin"]
    assert [r.sector for r in meeting.target] == ["PTY"]
    assert len(_event_pairs(doc)) == 1


def test_a_guest_after_the_place_of_the_reception(analyzer):
    text = (
        "Визит\n\n"
        "Президент Чили принял в своей резиденции премьер-министра Канады Джастина Трюдо.\n"
    )
    _, (meeting,) = meetings(analyzer, text)
    assert [r.code for r in meeting.source] == ["CAN"]
    assert [r.code for r in meeting.target] == ["CHL"]


def test_a_talk_between_the_ministers_of_two_states(analyzer):
    text = "Оборона\n\nМежду министрами обороны Греции и Турции состоялась беседа.\n"
    _, (meeting,) = meetings(analyzer, text)
    assert {code for code, _ in sides(meeting)} == {"GRC", "TUR"}


def test_a_person_named_again_by_surname_keeps_his_office(analyzer):
    text = (
        "Бюджет\n\n"
        "Министр финансов России Алексей Котов выступил в Государственной думе.\n\n"
        "Вечером премьер-министр Дмитрий Медведев обсудил с Котовым проект бюджета.\n"
    )
    _, found = meetings(analyzer, text)
    assert [sides(e) for e in found] == [{("RUS", "Dmitry Medvedev"), ("RUS", "Aleksey Kotov")}]


def test_one_man_with_two_offices_is_one_side(analyzer):
    text = (
        "Переговоры\n\n"
        "Член Политбюро ЦК КПК, министр иностранных дел КНР Ли Вэй провёл переговоры в Пекине.\n"
    )
    doc, _ = meetings(analyzer, text)
    assert not [p for p in _event_pairs(doc) if p[0].startswith("CHN:")]


def test_a_state_and_its_people_unnamed_are_no_two_sides(analyzer):
    text = "Встреча\n\nПрезидент России встретился с российскими предпринимателями в Кремле.\n"
    doc, _ = meetings(analyzer, text)
    assert _event_pairs(doc) == []


def test_sides_of_two_states_are_still_read_as_states(analyzer):
    text = "Переговоры\n\nМинистр иностранных дел Перу провёл консультации с послом Эквадора.\n"
    doc, (meeting,) = meetings(analyzer, text)
    assert {code for code, _ in sides(meeting)} == {"PER", "ECU"}
    assert [(p[0], p[1]) for p in _event_pairs(doc)] == [("ECU", "PER")]


def test_he_after_an_arrival_meets_someone_of_his_own_state(analyzer):
    text = (
        "Поездка\n\n"
        "Министр экономики России Андрей Белов прибыл в Екатеринбург.\n\n"
        "Там он встретился с губернатором Свердловской области Павлом Ершовым.\n"
    )
    doc, found = meetings(analyzer, text)
    met = [e for e in found if len(sides(e)) == 2]
    assert met and ("RUS", "Andrey Belov") in sides(met[0])
    assert len(_event_pairs(doc)) == 1
