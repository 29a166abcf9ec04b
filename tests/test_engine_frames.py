"""Engine v2 frames on invented sentences: news datelines, institutional sources, passives
and the doers of act nouns (issue 10). Each rule is shown on more than one wording."""

from __future__ import annotations

import pytest


def _events(analyzer, text: str) -> list[tuple[str, list[str], list[str]]]:
    doc = analyzer.analyze_text(text)
    return [
        (e.type, sorted(r.code for r in e.source), sorted(r.code for r in e.target))
        for e in doc.facts.events
    ]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("МОСКВА, 14 марта. /ТАСС/. Лавров провёл переговоры с Фиданом.", "Moscow"),
        ("БАКУ /Trend/ – Министры обсудили ситуацию в регионе.", "Baku"),
        ("ЕРЕВАН, 3 апреля – РИА Новости. Стороны провели консультации.", "Yerevan"),
    ],
)
def test_a_dateline_is_marked_and_its_city_is_no_participant(analyzer, text, place):
    doc = analyzer.analyze_text(text)
    (dateline,) = [m for m in doc.markers if m.kind == "dateline"]
    assert dateline.start == 0 and doc.metadata.genre == "news"
    assert doc.entities[doc.metadata.place_entity_id].name_en == place
    for event in doc.facts.events:
        assert event.location != place  # filed there; nothing said it happened there


def test_a_headline_before_the_dateline_is_the_title_and_no_speaker(analyzer):
    doc = analyzer.analyze_text(
        "Лавров и Фидан обсудили Сирию\nМОСКВА, 14 марта. /ТАСС/. Министр иностранных дел "
        "России Сергей Лавров провёл телефонный разговор с турецким коллегой Хаканом Фиданом."
    )
    assert doc.metadata.title == (0, len("Лавров и Фидан обсудили Сирию"))
    assert doc.metadata.speaker is None
    (call,) = [e for e in doc.facts.events if e.type == "CONSULT"]
    assert call.evidence.start > doc.metadata.title[1]
    assert "spoke by phone" in call.summary and "unknown" not in call.summary


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("В МИД Азербайджана осудили удары Израиля по Ливану.", "AZE", "ISR"),
        ("В Министерстве иностранных дел Китая раскритиковали решение Японии.", "CHN", "JPN"),
        ("В Вашингтоне осудили действия Венесуэлы.", "USA", "VEN"),
    ],
)
def test_an_institution_or_capital_speaks_for_a_subjectless_plural_verb(
    analyzer, sentence, source, target
):
    found = _events(analyzer, sentence)
    assert ("ACCUSE", [source], [target]) in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Российские дипломаты были высланы властями Эстонии.",
        "Властями Эстонии были высланы российские дипломаты.",
    ],
)
def test_a_passive_subject_is_the_target_and_the_instrumental_the_source(analyzer, sentence):
    found = _events(analyzer, sentence)
    assert ("SANCTION", ["EST"], ["RUS"]) in found, found


def test_a_passive_without_a_doer_is_not_ours(analyzer):
    text = (
        "Комментарий официального представителя МИД России М.В.Захаровой (Москва, 5 мая 2025 "
        "года)\nБудут высланы российские дипломаты.\n"
    )
    found = _events(analyzer, text)
    assert not [f for f in found if f[0] == "SANCTION" and f[1] == ["RUS"]], found


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Россия ответит на удары Израиля.", "ISR"),
    ],
)
def test_an_act_noun_keeps_its_own_named_doer(analyzer, sentence, source):
    found = _events(analyzer, sentence)
    acts = [f for f in found if f[0] in ("SANCTION", "ASSAULT")]
    assert acts and all(f[1] == [source] for f in acts), found


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        (
            "Совместное заявление министров иностранных дел Российской Федерации и Республики "
            "Куба (Москва, 5 мая 2025 года)\nСледующий раунд консультаций намечено провести в "
            "Москве в 2026 году.\n",
            "planned",
        ),
        ("Россия и Иран планируют провести консультации осенью.", "planned"),
        ("Россия и Иран наметили пути развития сотрудничества.", "done"),
    ],
)
def test_a_plan_is_planned_and_an_outline_is_done(analyzer, sentence, modality):
    doc = analyzer.analyze_text(sentence)
    agree = [e for e in doc.facts.events if e.type == "AGREE"]
    assert agree and agree[0].modality == modality, [(e.type, e.modality) for e in doc.facts.events]


def test_sides_of_a_report_are_who_met_last(analyzer):
    doc = analyzer.analyze_text(
        "МОСКВА, 14 марта. /ТАСС/. Министр иностранных дел России Сергей Лавров провёл "
        "телефонный разговор с турецким коллегой Хаканом Фиданом. Стороны осудили удары "
        "израильской авиации по Дамаску."
    )
    accuse = [e for e in doc.facts.events if e.type == "ACCUSE"]
    assert accuse and {r.code for r in accuse[0].source} == {"RUS", "TUR"}


def test_three_states_in_a_joint_title_are_the_sides(analyzer):
    doc = analyzer.analyze_text(
        "Совместное заявление министров иностранных дел Российской Федерации, Китайской "
        "Народной Республики и Исламской Республики Иран (Москва, 20 октября 2025 года)\n"
        "Стороны решительно осуждают удары Израиля по Сирии.\n"
    )
    accuse = [e for e in doc.facts.events if e.type == "ACCUSE"]
    assert accuse and {r.code for r in accuse[0].source} == {"RUS", "CHN", "IRN"}


@pytest.mark.parametrize("sentence", ["Тот передал приглашение.", "Тем временем тот уехал."])
def test_a_pronoun_is_not_togo(analyzer, sentence):
    doc = analyzer.analyze_text(sentence)
    assert not [m for m in doc.mentions if m.entity_id == "state:TGO"]


def test_togo_is_still_togo(analyzer):
    doc = analyzer.analyze_text("Министр посетил Того и Бенин.")
    assert [m for m in doc.mentions if m.entity_id == "state:TGO"]


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Москва ответит на санкции Евросоюза.", "EU"),
        ("Россия даст решительный отпор любым провокациям Киева.", "UKR"),
    ],
)
def test_retaliation_threatens_whom_it_answers(analyzer, sentence, target):
    found = _events(analyzer, sentence)
    assert ("THREATEN", ["RUS"], [target]) in found, found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Китай встревожен решением Японии.", ("ACCUSE", ["CHN"], ["JPN"])),
        ("Пять британских дипломатов будут высланы из России.", ("SANCTION", ["RUS"], ["GBR"])),
    ],
)
def test_class_frames_from_data(analyzer, sentence, expected):
    assert expected in _events(analyzer, sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Правительство Канады объявило о введении новых ограничительных мер против России.",
            ("SANCTION", ["CAN"], ["RUS"]),
        ),
        (
            "Власти Латвии приняли решение о высылке российского дипломата.",
            ("SANCTION", ["LVA"], ["RUS"]),
        ),
    ],
)
def test_a_carrier_noun_passes_the_act_to_its_verb(analyzer, sentence, expected):
    assert expected in _events(analyzer, sentence)


def test_a_summons_in_the_passive_is_the_summoning_state(analyzer):
    found = _events(analyzer, "9 февраля в МИД России был вызван посол Японии.")
    assert ("ACCUSE", ["RUS"], ["JPN"]) in found, found


def test_the_agency_of_a_dateline_is_no_subject(analyzer):
    doc = analyzer.analyze_text(
        "МОСКВА. 22 января. ИНТЕРФАКС - В МИД России решительно осудили нападение боевиков."
    )
    accuse = [e for e in doc.facts.events if e.type == "ACCUSE"]
    assert accuse and [r.code for r in accuse[0].source] == ["RUS"]


@pytest.mark.parametrize(
    ("sentence", "kind", "modality"),
    [
        ("Россия и Турция договорились провести консультации в Анкаре.", "AGREE", "planned"),
        ("Лавров пригласил Фидана посетить Москву.", "AGREE", "planned"),
        ("Россия предложила Турции провести встречу экспертов.", "AGREE", "proposed"),
        ("Россия и Турция могут подписать соглашение о сотрудничестве.", "AGREE", "hypothetical"),
        ("Россия и Турция договорились о прекращении огня.", "AGREE", "done"),
    ],
)
def test_modality_of_agreements_and_offers(analyzer, sentence, kind, modality):
    doc = analyzer.analyze_text(sentence)
    found = [(e.type, e.modality) for e in doc.facts.events]
    assert (kind, modality) in found, found
    assert not [e for e in doc.facts.events if e.type == "SUPPORT" and e.note.startswith("agree")]


def test_a_present_act_is_not_dated_by_its_object(analyzer):
    doc = analyzer.analyze_text(
        "Совместное заявление министров иностранных дел Российской Федерации и Республики "
        "Куба (Москва, 5 мая 2025 года)\nСтороны решительно осуждают удары, нанесённые "
        "Израилем по Ирану в июне 2024 года.\n"
    )
    accuse = [e for e in doc.facts.events if e.type == "ACCUSE"]
    assert accuse and accuse[0].modality == "done" and accuse[0].date == "2025-05-05"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "БАКУ /Trend/ – «Мы призываем Ереван не затягивать этот процесс», – сказал "
            "Президент Азербайджана Ильхам Алиев.",
            ("REQUEST", ["AZE"], ["ARM"]),
        ),
        (
            "По словам министра иностранных дел Венгрии Петера Сийярто, мы призываем Брюссель "
            "отказаться от новых ограничений.",
            ("REQUEST", ["HUN"], ["EU"]),
        ),
        (
            "Как сообщили в МИД Ирана, мы осуждаем удары Израиля.",
            ("ACCUSE", ["IRN"], ["ISR"]),
        ),
    ],
)
def test_reported_speech_gives_the_voice_of_we(analyzer, text, expected):
    assert expected in _events(analyzer, text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Венгрия не поддержит новые санкции против России.",
        "Стороны призвали отменить санкции против Ирана.",
    ],
)
def test_an_act_noun_under_another_predicate_is_its_topic(analyzer, sentence):
    found = _events(analyzer, sentence)
    assert not [f for f in found if f[0] == "SANCTION"], found


def test_one_meeting_at_three_precisions_is_reported_once():
    from demarche.facts.events.merge import _one_meeting_each, same_time
    from demarche.model import ActorRef, Event, Evidence

    def meeting(date: str, at: int) -> Event:
        sides = [ActorRef("RUS"), ActorRef("EGY")]
        return Event("e", "CONSULT", "", "", sides, [], Evidence(at, at + 5), date=date)

    kept = _one_meeting_each(
        [meeting("2024", 0), meeting("2024-11", 10), meeting("2024-11-01", 20)]
    )
    assert len(kept) == 1 and kept[0].date == "2024-11-01"
    assert len(_one_meeting_each([meeting("2024-10", 0), meeting("2024-11", 10)])) == 2
    assert same_time("2024", "2024-11-01") and not same_time("2024-10", "2024-11")


def test_bilateral_meetings_listed_together_stay_separate(analyzer):
    doc = analyzer.analyze_text(
        "Брифинг официального представителя МИД России М.В.Захаровой (Москва, 3 июля 2025 "
        "года)\n10 июля С.В.Лавров проведёт двусторонние встречи с министрами иностранных дел "
        "Малайзии, Индонезии и Таиланда.\n"
    )
    planned = [e for e in doc.facts.events if e.type == "AGREE"]
    others = [{r.code for r in e.source + e.target} - {"RUS"} for e in planned]
    assert sorted(map(sorted, others)) == [["IDN"], ["MYS"], ["THA"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Статья Министра иностранных дел Российской Федерации С.В.Лаврова для газеты "
            "«Ла Хорнада» (Москва, 5 мая 2025 года)\nМы со своей стороны неизменно поддерживаем "
            "право мексиканского народа самостоятельно определять свой путь.\n",
            ("SUPPORT", ["RUS"], ["MEX"]),
        ),
        (
            "Статья Министра иностранных дел Российской Федерации С.В.Лаврова для газеты "
            "«Ла Хорнада» (Москва, 5 мая 2025 года)\nВысоко ценим то, что Мехико не поддался "
            "давлению.\n",
            ("SUPPORT", ["RUS"], ["MEX"]),
        ),
    ],
)
def test_first_person_acts_belong_to_the_voice_alone(analyzer, text, expected):
    assert expected in _events(analyzer, text)


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("МОСКВА, 14 марта. /ТАСС/. Лавров готовится к визиту в Анкару в конце апреля.", "TUR"),
        ("МОСКВА, 3 июля. /ТАСС/. 10 июля С.В.Лавров посетит Куала-Лумпур.", "MYS"),
    ],
)
def test_a_visit_goes_to_the_state_of_its_destination(analyzer, text, host):
    doc = analyzer.analyze_text(text)
    visits = [e for e in doc.facts.events if e.type in ("AGREE", "CONSULT")]
    assert visits and [r.code for r in visits[0].target] == [host], [e.summary for e in visits]
    assert visits[0].modality == "planned"


def test_a_headline_gives_a_report_no_sides(analyzer):
    doc = analyzer.analyze_text(
        "Лавров и Фидан обсудили Сирию\nМОСКВА, 14 марта. /ТАСС/. В Анкаре пройдёт заседание "
        "совместной группы стратегического планирования."
    )
    assert not [e for e in doc.facts.events if "SYR" in {r.code for r in e.target}]


def test_a_title_after_a_quote_is_the_last_person_named(analyzer):
    text = (
        "БАКУ /Trend/ – Министр иностранных дел Азербайджана Джейхун Байрамов провёл переговоры "
        "с узбекским коллегой. «Мы призываем Ереван не затягивать этот процесс», – подчеркнул "
        "министр."
    )
    assert ("REQUEST", ["AZE"], ["ARM"]) in _events(analyzer, text)


def test_my_colleague_is_the_counterpart(analyzer):
    text = (
        "Выступление Министра иностранных дел Российской Федерации С.В.Лаврова в ходе "
        "пресс-конференции по итогам переговоров с Министром иностранных дел Турции Х.Фиданом "
        "(Анкара, 9 ноября 2025 года)\nМой коллега передал приглашение посетить Стамбул.\n"
    )
    found = [f for f in _events(analyzer, text) if f[0] == "AGREE"]
    assert found and found[0][1] == ["TUR"], found


def test_a_light_verb_reaches_its_noun_across_adjectives_not_across_a_clause(analyzer):
    near = _events(analyzer, "Россия и ЮАР провели очень насыщенные и полезные переговоры.")
    assert [f for f in near if f[0] == "CONSULT"], near


def test_an_offer_is_the_offering_side_s_alone(analyzer):
    text = (
        "Интервью заместителя Министра иностранных дел Российской Федерации С.А.Рябкова газете "
        "«Известия» (Москва, 26 января 2026 года)\nВ декабре мы предложили американцам провести "
        "в Женеве экспертные консультации.\n"
    )
    offers = [f for f in _events(analyzer, text) if f[0] == "AGREE"]
    assert offers and offers[0][1] == ["RUS"] and offers[0][2] == ["USA"], offers


def test_a_dateline_without_a_year_takes_the_year_after_what_it_recalls(analyzer):
    doc = analyzer.analyze_text(
        "МОСКВА. 22 января. ИНТЕРФАКС - Первая встреча прошла в Москве 3 апреля 2025 года. "
        "В августе 2024 года стороны разорвали отношения."
    )
    assert doc.metadata.date.isoformat() == "2026-01-22"
    broke = [e for e in doc.facts.events if e.date == "2024-08"]
    assert all(e.modality == "historical" for e in broke)


def test_a_visit_named_by_its_visitor_s_office(analyzer):
    doc = analyzer.analyze_text(
        "МОСКВА, 3 июля. /ТАСС/. Готовится визит в Россию Секретаря иностранных дел Мексики."
    )
    visits = [e for e in doc.facts.events if e.type == "AGREE"]
    assert visits and [r.code for r in visits[0].source] == ["MEX"], [e.summary for e in visits]
    assert [r.code for r in visits[0].target] == ["RUS"] and visits[0].modality == "planned"


@pytest.mark.parametrize(
    "sentence",
    [
        "Заявление МИД России (Москва, 5 мая 2025 года)\nМы такие попытки Вашингтона не "
        "поддержим.\n",
        "Россия не поддержит эту инициативу Вашингтона.",
    ],
)
def test_a_refusal_of_a_future_act_is_made_today(analyzer, sentence):
    doc = analyzer.analyze_text(sentence)
    reject = [e for e in doc.facts.events if e.type == "REJECT"]
    assert reject and reject[0].modality == "done"


def test_continuing_support_is_a_promise(analyzer):
    doc = analyzer.analyze_text("Москва продолжит оказывать Мали всестороннее содействие.")
    assert [e.modality for e in doc.facts.events] and all(
        e.modality == "planned" for e in doc.facts.events
    )


def test_a_summons_and_its_protest_are_one_act_against_the_ambassador_s_state(analyzer):
    found = _events(analyzer, "В МИД России был вызван посол Японии, которому заявлен протест.")
    assert found.count(("ACCUSE", ["RUS"], ["JPN"])) == 1, found


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("Россия обсудила с Китаем санкции.", "SANCTION"),
        ("Лавров и Ван И обсудили односторонние санкции против Ирана.", "SANCTION"),
        ("Russia discussed the sanctions with China.", "SANCTION"),
        ("Iran and Iraq discussed the expulsion of diplomats.", "SANCTION"),
        ("France discussed the sanctions against Iran with Germany.", "SANCTION"),
    ],
)
def test_the_object_of_talks_is_a_topic_not_an_act(analyzer, sentence, topic):
    found = _events(analyzer, sentence)
    assert any(kind == "CONSULT" for kind, _, _ in found), found
    assert not any(kind == topic for kind, _, _ in found), found


def test_an_act_noun_outside_talks_is_still_an_act(analyzer):
    found = _events(analyzer, "Вчера Евросоюз ввёл санкции против Ирана.")
    assert ("SANCTION", ["EU"], ["IRN"]) in found, found


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Sergey Lavrov discussed the situation in Syria with Hakan Fidan.", "RUS", "TUR"),
        ("Wang Yi discussed trade with the Foreign Minister of Brazil.", "CHN", "BRA"),
        ("France discussed the sanctions against Iran with Germany.", "FRA", "DEU"),
        ("Россия обсудила с Китаем санкции.", "RUS", "CHN"),
    ],
)
def test_the_partner_of_talks_is_who_the_side_talked_with(analyzer, sentence, source, target):
    found = _events(analyzer, sentence)
    assert ("CONSULT", [source], [target]) in found, found


@pytest.mark.parametrize(
    ("sentence", "kind", "target"),
    [
        ("Two Latvian diplomats have been declared persona non grata.", "SANCTION", "LVA"),
        ("A protest was lodged with the Ambassador of Latvia.", "ACCUSE", "LVA"),
        ("A resolute protest was delivered to the Ambassador of Estonia.", "ACCUSE", "EST"),
    ],
)
def test_an_agentless_english_passive_in_a_statement_is_the_ministrys_own_act(
    analyzer, sentence, kind, target
):
    text = "Statement by the Russian Foreign Ministry, Moscow, May 3, 2026\n\n" + sentence
    found = _events(analyzer, text)
    assert (kind, ["RUS"], [target]) in found, found


@pytest.mark.parametrize(
    ("title", "place"),
    [
        ("Выступление Министра иностранных дел России С.В.Лаврова по итогам переговоров с "
         "Министром иностранных дел Египта Б.Абдельатти, Москва, 3 марта 2026 года", "Moscow"),
        ("Вступительное слово Министра иностранных дел России С.В.Лаврова в ходе "
         "пресс-конференции по итогам переговоров с Министром иностранных дел Индии "
         "С.Джайшанкаром, Нью-Дели, 14 ноября 2026 года", "New Delhi"),
        ("Выступление Министра иностранных дел России С.В.Лаврова на встрече с Министром "
         "иностранных дел Бразилии (Москва, 18 июня 2026 года)", "Moscow"),
    ],
)  # fmt: skip
def test_a_title_gives_its_place_after_a_comma_as_in_parentheses(analyzer, title, place):
    """A title ending «…, Москва, 3 марта 2026 года» (as English ones end «…, Moscow, March
    3, 2026») has its place too, so talks held there go from the guest to the host in both
    languages."""
    doc = analyzer.analyze_text(title + "\n\nПровели переговоры с моим коллегой.")
    assert doc.entities[doc.metadata.place_entity_id].name_en == place


def test_talks_in_the_speaker_s_capital_go_from_the_guest_in_both_languages(analyzer):
    from demarche.pipeline import Analyzer

    ru = analyzer.analyze_text(
        "Выступление Министра иностранных дел России С.В.Лаврова по итогам переговоров с "
        "Министром иностранных дел Египта Б.Абдельатти, Москва, 3 марта 2026 года\n\n"
        "Провели содержательные переговоры с моим другом и коллегой Б.Абдельатти."
    )
    en = Analyzer(language="en").analyze_text(
        "Foreign Minister Sergey Lavrov's remarks following talks with Minister of Foreign "
        "Affairs of Egypt Badr Abdelatty, Moscow, March 3, 2026\n\n"
        "We held productive talks with my friend and colleague Badr Abdelatty."
    )
    for doc in (ru, en):
        consult = [
            ([r.code for r in e.source], [r.code for r in e.target])
            for e in doc.facts.events
            if e.type == "CONSULT"
        ]
        assert consult == [(["EGY"], ["RUS"])], consult


# A report of a dispute between two states: a denial, demand or protest that names no one
# answers the other of the two, in both languages (a condemnation may be of a third side).
DISPUTES = [
    ("ru", "Таиланд обвинил Камбоджу в установке новых мин у границы. Камбоджа отвергла "
     "обвинения. По данным Таиланда, мины новые, Камбоджа это отрицает.", "REJECT", "KHM", "THA"),
    ("en", "Thailand accused Cambodia of laying new mines near the border. Cambodia denied "
     "laying new mines. Thailand says the mines are new; Cambodia says they are old.",
     "REJECT", "KHM", "THA"),
    ("en", "Thailand accused Cambodia of laying new mines near the border. Thailand lodged a "
     "formal protest. Cambodia says the mines are old.", "ACCUSE", "THA", "KHM"),
    ("en", "Guyana accused Venezuela of moving troops toward the border. \"We demand their "
     "immediate release,\" the Guyanese foreign minister said. Venezuela says the troops are "
     "on its own territory.", "REQUEST", "GUY", "VEN"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "kind", "source", "target"), DISPUTES)
def test_a_dispute_answers_the_other_side(language, text, kind, source, target):
    from demarche.pipeline import Analyzer

    doc = Analyzer(language=language).analyze_text(text, "dispute")
    found = [
        (e.type, [r.code for r in e.source], [r.code for r in e.target]) for e in doc.facts.events
    ]
    assert (kind, [source], [target]) in found, found
