"""A dialogue format's rounds are meetings of its parties (issue 10, on invented texts):
a round held earlier is a historical CONSULT, a round announced is AGREE planned, and a
round the predicate rules already report is not reported twice."""

from __future__ import annotations

HEADER = "Сообщение для СМИ (Москва, 20 мая 2026 года)\n"


def _events(analyzer, text: str) -> list[tuple[str, list[str], list[str], str, str | None]]:
    doc = analyzer.analyze_text(HEADER + text)
    return [
        (
            e.type,
            sorted(r.code for r in e.source),
            sorted(r.code for r in e.target),
            e.modality,
            e.date,
        )
        for e in doc.facts.events
    ]


def test_earlier_and_next_rounds_of_a_commission_are_meetings(analyzer):
    found = _events(
        analyzer,
        "20 мая в Москве прошло третье заседание российско-вьетнамской межправительственной "
        "комиссии. Второе заседание состоялось в Ханое в марте 2025 года. Четвёртое заседание "
        "договорились провести в 2027 году.",
    )
    assert ("CONSULT", ["RUS"], ["VNM"], "historical", "2025-03") in found, found
    assert ("AGREE", ["RUS", "VNM"], ["RUS", "VNM"], "planned", "2027") in found, found
    held_today = [e for e in found if e[0] == "CONSULT" and e[4] == "2026-05-20"]
    assert len(held_today) == 1, found


def test_a_previous_round_of_a_trilateral_format_is_historical(analyzer):
    found = _events(
        analyzer,
        "20 мая в Москве состоялся очередной раунд консультаций заместителей министров "
        "иностранных дел в формате «Россия – Индия – Китай». Предыдущий раунд прошёл в Нью-Дели "
        "в ноябре 2025 года. Следующий раунд запланирован на осень в Пекине.",
    )
    historical = [e for e in found if e[0] == "CONSULT" and e[3] == "historical"]
    assert historical and set(historical[0][1] + historical[0][2]) == {"CHN", "IND", "RUS"}
    assert any(e[0] == "AGREE" and e[3] == "planned" for e in found), found


def test_a_conference_has_participants_not_a_host_and_its_rounds_date(analyzer):
    doc = analyzer.analyze_text(
        "Совместное заявление министров иностранных дел России и Белоруссии (Москва, 20 мая "
        "2026 года)\nРоссийская Федерация и Республика Беларусь (далее – Стороны) высоко "
        "оценивают итоги II Минской международной конференции по евразийской безопасности, "
        "прошедшей 31 октября 2024 года в Минске."
    )
    meetings = [e for e in doc.facts.events if e.type == "CONSULT"]
    assert len(meetings) == 1, doc.facts.events
    assert {r.code for r in meetings[0].source} == {"BLR", "RUS"} and not meetings[0].target
    assert (meetings[0].modality, meetings[0].date) == ("historical", "2024-10-31")
