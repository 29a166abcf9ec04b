"""Second round of general rules, each on its own invented sentences."""

from __future__ import annotations

JOINT = "Совместное заявление министров иностранных дел Российской Федерации и Республики Куба по случаю годовщины установления дипломатических отношений (Москва, 5 мая 2025 года)\n"  # noqa: E501
CALL = "Сообщение для СМИ о телефонном разговоре Министра иностранных дел Российской Федерации С.В.Лаврова с Министром иностранных дел Турции Х.Фиданом (Москва, 3 марта 2025 года)\n"  # noqa: E501


def events(analyzer, title: str, body: str):
    doc = analyzer.analyze_text(title + body)
    return [
        (e.type, sorted(r.code for r in e.source), sorted(r.code for r in e.target))
        for e in doc.facts.events
    ]


def test_a_joint_statement_without_a_speaker_is_made_by_its_title_states(analyzer):
    body = "Стороны договорились расширять сотрудничество в области образования.\n"
    agree = [f for f in events(analyzer, JOINT, body) if f[0] == "AGREE"]
    assert agree and agree[0][1:] == (["CUB", "RUS"], ["CUB", "RUS"])


def test_a_joint_stand_against_no_one_named_has_no_target(analyzer):
    body = "Россия и Куба выступают против политизации международного спорта.\n"
    reject = [f for f in events(analyzer, JOINT, body) if f[0] == "REJECT"]
    assert reject and reject[0][1:] == (["CUB", "RUS"], [])


def test_an_agentless_short_passive_in_a_readout_is_the_voice(analyzer):
    body = "Выражена обеспокоенность ударами израильской авиации по территории Ливана.\n"
    accuse = [f for f in events(analyzer, CALL, body) if f[0] == "ACCUSE"]
    assert accuse and accuse[0][1:] == (["RUS"], ["ISR"])
