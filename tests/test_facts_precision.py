"""Rules that keep events from taking the wrong sides: own invented sentences."""

from __future__ import annotations

TALKS = "Выступление Министра иностранных дел Российской Федерации С.В.Лаврова по итогам переговоров с Министром иностранных дел Турции Х.Фиданом (Анкара, 3 марта 2025 года)\n"  # noqa: E501
STATEMENT = "Заявление МИД России в связи с планами Германии (Москва, 3 марта 2025 года)\n"


def events(analyzer, title: str, body: str):
    doc = analyzer.analyze_text(title + body)
    return [
        (e.type, sorted(r.code for r in e.source), sorted(r.code for r in e.target))
        for e in doc.facts.events
    ]


def test_talks_between_two_sides_are_theirs_not_the_hosts(analyzer):
    body = (
        "Турция готова и впредь предоставлять свою площадку для переговоров между Ираном и "
        "Израилем, как это было в Стамбуле весной прошлого года.\n"
    )
    found = events(analyzer, TALKS, body)
    consult = [f for f in found if f[0] == "CONSULT"]
    assert all(f[1] == ["IRN", "ISR"] for f in consult)
    # the readiness to host is Turkey's own (AGREE), the talks it hosts are the topic
    assert consult or any(f[0] == "AGREE" and f[1] == ["TUR"] for f in found), found


def test_a_label_under_a_judgement_is_one_accusation(analyzer):
    body = "Поставки японского оружия Украине будут расцениваться как враждебный шаг.\n"
    accuse = [f for f in events(analyzer, STATEMENT, body) if f[0] == "ACCUSE"]
    assert len(accuse) <= 1


def test_an_organisation_behind_a_locative_is_no_target(analyzer):
    body = "Призываем западных коллег отказаться от сверхпредставленности в органах ООН.\n"
    request = [f for f in events(analyzer, TALKS, body) if f[0] == "REQUEST"]
    assert request and all("UN" not in f[2] for f in request)


def test_an_offer_to_a_third_side_is_ours_alone(analyzer):
    body = (
        "Германия готовится разместить у себя американские ракеты.\n"
        "Мы неоднократно предлагали Вашингтону ввести взаимный мораторий.\n"
    )
    agree = [f for f in events(analyzer, STATEMENT, body) if f[0] == "AGREE"]
    assert agree and all(f[1] == ["RUS"] for f in agree)


PHONE = "Сообщение для СМИ о телефонном разговоре Министра иностранных дел Российской Федерации С.В.Лаврова с Министром иностранных дел Турции Х.Фиданом (Москва, 28 мая 2025 года)\n"  # noqa: E501
BRIEFING = (
    "Брифинг официального представителя МИД России М.В.Захаровой (Москва, 16 октября 2024 года)\n"
)


def test_a_date_in_a_participle_clause_dates_that_clause(analyzer):
    body = (
        "28 мая состоялся телефонный разговор министров.\n"
        "Министры обсудили ход реализации договорённостей, достигнутых президентами двух "
        "стран в ходе их встречи 19 мая.\n"
    )
    doc = analyzer.analyze_text(PHONE + body)
    assert all(e.date != "2025-05-19" for e in doc.facts.events if e.type == "CONSULT")


def test_what_is_offered_is_no_event_of_its_own(analyzer):
    body = "Мы неоднократно предлагали Вашингтону ввести взаимный мораторий.\n"
    found = events(analyzer, STATEMENT, body)
    assert [f[0] for f in found] == ["AGREE"]


def test_a_planned_meeting_is_reported_once(analyzer):
    body = (
        "18 октября в Москве С.В.Лавров проведёт переговоры с Министром иностранных дел "
        "Турции Х.Фиданом.\n"
        "Министры обсудят положение дел на Ближнем Востоке.\n"
    )
    doc = analyzer.analyze_text(BRIEFING + body)
    planned = [e for e in doc.facts.events if e.note == "intent to consult"]
    assert len(planned) == 1
