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
    opposed = [f for f in events(analyzer, JOINT, body) if f[0] == "ACCUSE"]  # docs/gold.md
    assert opposed and opposed[0][1:] == (["CUB", "RUS"], [])


def test_an_agentless_short_passive_in_a_readout_is_the_voice(analyzer):
    body = "Выражена обеспокоенность ударами израильской авиации по территории Ливана.\n"
    accuse = [f for f in events(analyzer, CALL, body) if f[0] == "ACCUSE"]
    assert accuse and accuse[0][1:] == (["RUS"], ["ISR"])


STATEMENT = (
    "Заявление МИД России в связи с ситуацией на Ближнем Востоке (Москва, 3 марта 2025 года)\n"
)
TALKS = "Выступление Министра иностранных дел Российской Федерации С.В.Лаврова по итогам переговоров с Министром иностранных дел Турции Х.Фиданом (Анкара, 3 марта 2025 года)\n"  # noqa: E501


def test_a_first_person_plural_tagged_as_imperative_is_we(analyzer):
    body = "Приветствуем взвешенную позицию Бразилии и Мексики.\n"
    support = [f for f in events(analyzer, STATEMENT, body) if f[0] == "SUPPORT"]
    assert support and support[0][1:] == (["RUS"], ["BRA", "MEX"])


def test_an_organisation_inside_an_agreement_name_is_no_target(analyzer):
    body = (
        "Израиль вновь нанёс удары по территории Ливана.\n"
        "Решительно осуждаем эти действия, грубо попирающие Устав ООН.\n"
    )
    accuse = [f for f in events(analyzer, STATEMENT, body) if f[0] == "ACCUSE"]
    assert accuse and all("UN" not in f[2] for f in accuse)


def test_a_demonstrative_act_noun_points_to_its_author(analyzer):
    body = "Иранские коллеги предложили провести следующую встречу в Тегеране, мы это предложение поддерживаем.\n"  # noqa: E501
    support = [f for f in events(analyzer, TALKS, body) if f[0] == "SUPPORT"]
    assert support and support[0][1:] == (["RUS"], ["IRN"])


def test_an_act_noun_mentioned_again_is_no_new_act(analyzer):
    body = (
        "Израиль продолжает угрожать соседям, израильская авиация готовится к новым ударам.\n"
        "Вопрос должен быть рассмотрен в Совете Безопасности ООН, куда обратилась иранская "
        "сторона.\nРоссийская делегация поддержит этот запрос.\n"
    )
    found = events(analyzer, STATEMENT, body)
    assert not [f for f in found if f[0] == "REQUEST" and f[1] == ["RUS"]]
    assert [f for f in found if f[0] == "AGREE" and f[2] == ["IRN"]]


READOUT = "Сообщение для СМИ о встрече заместителя Министра иностранных дел Российской Федерации с Послом Малайзии (Москва, 10 июня 2025 года)\n"  # noqa: E501


def test_a_host_receives_an_ambassador_across_a_long_adverbial(analyzer):
    body = "10 июня заместитель Министра иностранных дел Российской Федерации принял по просьбе малайзийской стороны Посла Малайзии в Москве.\n"  # noqa: E501
    found = events(analyzer, READOUT, body)
    assert ("CONSULT", ["MYS"], ["RUS"]) in found
    assert not [f for f in found if f[0] == "REQUEST"]  # «по просьбе»: on whose request


def test_a_far_reaching_pattern_stays_in_one_clause(analyzer):
    body = "Власти Малайзии приняли решение отозвать посла из Мьянмы.\n"
    assert not [f for f in events(analyzer, READOUT, body) if f[0] == "CONSULT"]


def test_recognising_a_named_actor_is_support(analyzer):
    body = "Россия признала независимую Республику Палау в мае.\n"
    support = [f for f in events(analyzer, STATEMENT, body) if f[0] == "SUPPORT"]
    assert support and support[0][1:] == (["RUS"], ["PLW"])


def test_recognising_a_fact_is_no_support(analyzer):
    body = "Как признали сами американцы, санкции против Кубы не достигли цели.\n"
    assert not [f for f in events(analyzer, STATEMENT, body) if f[0] == "SUPPORT"]


COMMUNIQUE = "Совместное коммюнике по итогам встречи министров иностранных дел в формате «Прикаспийская тройка» (Баку, 2 июля 2025 года)\n"  # noqa: E501


def test_a_joint_communique_title_is_a_communique(analyzer):
    doc = analyzer.analyze_text(COMMUNIQUE + "Министры обсудили вопросы судоходства.\n")
    assert doc.metadata.genre == "communique"


def test_sides_defined_in_a_multilateral_document_act_together(analyzer):
    body = (
        "2 июля в Баку состоялась встреча министров иностранных дел Азербайджанской Республики, "
        "Исламской Республики Иран и Российской Федерации (далее – Стороны).\n"
        "Стороны договорились продолжить работу над соглашением о рыболовстве.\n"
        "Министры подписали План консультаций на 2026 год.\n"
    )
    found = events(analyzer, COMMUNIQUE, body)
    three = ["AZE", "IRN", "RUS"]
    assert ("AGREE", three, three) in found
    assert ("SUPPORT", three, three) in found


def test_the_alternative_to_a_call_is_aimed_at_its_addressee(analyzer):
    body = (
        "Призываем Варшаву отказаться от размещения на своей территории иностранных ракет.\n"
        "В противном случае Россия будет вынуждена принять ответные меры.\n"
    )
    threaten = [f for f in events(analyzer, STATEMENT, body) if f[0] == "THREATEN"]
    assert threaten and threaten[0][1:] == (["RUS"], ["POL"])


def test_judging_a_decision_dangerous_is_disapproval_of_its_author(analyzer):
    body = (
        "Власти Эстонии объявили о размещении у границы новых систем ПВО.\n"
        "Считаем этот шаг безответственным и провокационным.\n"
    )
    accuse = [f for f in events(analyzer, STATEMENT, body) if f[0] == "ACCUSE"]
    assert accuse and accuse[0][1:] == (["RUS"], ["EST"])


def test_a_hostile_course_of_a_government_is_disapproval(analyzer):
    body = "Видим в этом продолжение недружественного курса литовского правительства.\n"
    accuse = [f for f in events(analyzer, STATEMENT, body) if f[0] == "ACCUSE"]
    assert accuse and accuse[0][1:] == (["RUS"], ["LTU"])


INTERVIEW = "Интервью Министра иностранных дел Российской Федерации С.В.Лаврова бразильской газете «Глобу» (Москва, 12 мая 2025 года)\n"  # noqa: E501


def test_a_meeting_that_passed_is_a_meeting(analyzer):
    body = "В апреле в Бразилиа прошло совещание экспертов России, Бразилии и ЮАР.\n"
    consult = [f for f in events(analyzer, STATEMENT, body) if f[0] == "CONSULT"]
    assert consult and consult[0][1] == ["BRA", "RUS", "ZAF"]


def test_what_we_agreed_after_a_meeting_of_three_all_three_agreed(analyzer):
    body = (
        "Вопрос: Как идёт работа над маршрутом?\n"
        "С.В.Лавров: В марте в Баку состоялось совещание экспертов России, Азербайджана и Ирана. "
        "Договорились провести следующую встречу летом в Астрахани.\n"
    )
    agree = [f for f in events(analyzer, INTERVIEW, body) if f[0] == "AGREE"]
    three = ["AZE", "IRN", "RUS"]
    assert agree and agree[0][1:] == (three, three)


def test_an_impersonal_plan_to_meet_in_a_joint_statement_is_both_sides(analyzer):
    body = (
        "Очередной раунд консультаций состоялся в мае в Гаване; следующий раунд намечено "
        "провести в Москве в 2026 году.\n"
    )
    agree = [f for f in events(analyzer, JOINT, body) if f[0] == "AGREE"]
    assert agree and agree[0][1:] == (["CUB", "RUS"], ["CUB", "RUS"])


def test_closing_border_crossings_to_a_state_is_a_sanction(analyzer):
    body = "В прошлом году Таллин закрыл ещё два пункта пропуска на границе с Россией.\n"
    sanction = [f for f in events(analyzer, STATEMENT, body) if f[0] == "SANCTION"]
    assert sanction and sanction[0][1:] == (["EST"], ["RUS"])


def test_whose_internal_affairs_is_no_target_of_a_stand_against_interference(analyzer):
    body = "Россия решительно выступает против вмешательства извне во внутренние дела Боливии.\n"
    opposed = [f for f in events(analyzer, STATEMENT, body) if f[0] == "ACCUSE"]
    assert opposed and opposed[0][1:] == (["RUS"], []), opposed


def formats(analyzer, title: str, body: str):
    doc = analyzer.analyze_text(title + body)
    return [
        (sorted(f.parties), [(r.number, r.date, r.place) for r in f.rounds])
        for f in doc.facts.formats
    ]


def test_a_round_is_held_at_the_place_nearest_it(analyzer):
    body = (
        "В марте Президент Вьетнама посетил Москву, а в ноябре в Ханое прошло очередное "
        "заседание Российско-вьетнамской межправительственной комиссии по торгово-экономическому "
        "сотрудничеству.\n"
    )
    found = formats(analyzer, STATEMENT, body)
    assert (["RUS", "VNM"], [(None, "2024-11", "Hanoi")]) in found


def test_a_trilateral_meeting_of_named_states_is_a_format(analyzer):
    body = "В феврале в Баку состоялось трёхстороннее совещание экспертов России, Азербайджана и Ирана.\n"  # noqa: E501
    found = formats(analyzer, STATEMENT, body)
    assert (["AZE", "IRN", "RUS"], [(None, "2025-02", "Baku")]) in found


def test_a_format_named_in_quotes_after_a_list_of_sides_has_those_sides(analyzer):
    body = (
        "2 июля в Баку состоялась третья встреча министров иностранных дел Азербайджанской "
        "Республики, Исламской Республики Иран и Российской Федерации в формате «Прикаспийская "
        "тройка» (далее – Стороны).\n"
        "Стороны договорились провести четвёртую встречу в формате «Прикаспийская тройка» в "
        "2026 году в Тегеране.\n"
    )
    found = formats(analyzer, COMMUNIQUE, body)
    three = [f for f in found if f[0] == ["AZE", "IRN", "RUS"]]
    assert len(three) == 1 and (3, "2025-07-02", "Baku") in three[0][1]


def test_an_earlier_meeting_of_the_format_in_a_sides_document_is_the_sides(analyzer):
    body = (
        "2 июля в Баку состоялась третья встреча министров иностранных дел Азербайджанской "
        "Республики, Исламской Республики Иран и Российской Федерации (далее – Стороны).\n"
        "Министры высоко оценили итоги второй встречи в данном формате, состоявшейся 5 мая "
        "2024 года в Тегеране.\n"
    )
    consult = [f for f in events(analyzer, COMMUNIQUE, body) if f[0] == "CONSULT"]
    assert len(consult) == 2 and consult[1][1:] == (["AZE", "IRN", "RUS"], [])


def test_two_meetings_contrasted_in_one_sentence_keep_their_own_dates(analyzer):
    doc = analyzer.analyze_text(
        STATEMENT + "В январе Президент Ирана посетил Москву с официальным визитом, а в феврале "
        "в Тегеране прошло заседание Российско-иранской межправительственной комиссии.\n"
    )
    dates = sorted(e.date for e in doc.facts.events if e.type == "CONSULT")
    assert dates == ["2025-01", "2025-02"]


def test_the_ethiopian_foreign_minister_is_known(analyzer):
    doc = analyzer.analyze_text(
        STATEMENT + "Министр иностранных дел Эфиопии Г.Тимотеос посетил Москву в ноябре.\n"
    )
    people = [doc.entities[m.entity_id] for m in doc.mentions if "Тимотеос" in m.text]
    assert people and people[0].actor == "ETH"


def test_thanks_for_deliveries_are_support_and_the_deliveries_no_act_of_the_thanker(analyzer):
    title = "Сообщение для СМИ о телефонном разговоре Министра иностранных дел Российской Федерации С.В.Лаврова с Министром иностранных дел Эфиопии Г.Тимотеосом (Москва, 3 ноября 2025 года)\n"  # noqa: E501
    body = (
        "3 ноября состоялся телефонный разговор С.В.Лаврова с Г.Тимотеосом.\n"
        "Г.Тимотеос поблагодарил Россию за поставки удобрений и зерна.\n"
    )
    found = events(analyzer, title, body)
    assert ("SUPPORT", ["ETH"], ["RUS"]) in found
    assert not [f for f in found if f[0] != "SUPPORT" and f[1] == ["ETH"]]


def test_a_turn_label_is_no_subject(analyzer):
    body = (
        "Вопрос: Когда состоится визит?\n"
        "С.В.Лавров: Президент В.В.Путин принял приглашение Президента Л.И.Лулы да Силвы "
        "посетить Бразилию.\n"
    )
    agree = [f for f in events(analyzer, INTERVIEW, body) if f[0] == "AGREE"]
    assert agree and agree[0][1:] == (["RUS"], ["BRA"])


def test_commitment_to_principles_is_no_support_of_anyone(analyzer):
    body = "Стороны подтвердили приверженность принципам мирного урегулирования споров.\n"
    assert not [f for f in events(analyzer, JOINT, body) if f[0] == "SUPPORT"]


def test_commitment_to_a_partnership_with_a_state_is_support(analyzer):
    body = "Куба подтвердила приверженность стратегическому партнёрству с Россией.\n"
    support = [f for f in events(analyzer, STATEMENT, body) if f[0] == "SUPPORT"]
    assert support and support[0][1:] == (["CUB"], ["RUS"])


def test_what_was_agreed_at_a_meeting_of_three_is_agreed_by_all_three(analyzer):
    body = (
        "В феврале в Баку прошло совещание экспертов России, Азербайджана и Ирана, на котором "
        "согласован график строительства железной дороги.\n"
    )
    agree = [f for f in events(analyzer, STATEMENT, body) if f[0] == "AGREE"]
    three = ["AZE", "IRN", "RUS"]
    assert agree and agree[0][1:] == (three, three)


def test_a_noun_the_parser_made_subject_of_a_first_person_verb_is_its_object(analyzer):
    body = "Приветствуем успешное председательство Казахстана в ШОС в прошлом году.\n"
    support = [f for f in events(analyzer, STATEMENT, body) if f[0] == "SUPPORT"]
    assert support and support[0][1:] == (["RUS"], ["KAZ"])


def test_freezing_a_dialogue_with_a_state_is_a_sanction_not_a_meeting(analyzer):
    body = "В 2022 году Канада в одностороннем порядке заморозила диалог с Россией по Арктике.\n"
    found = events(analyzer, STATEMENT, body)
    assert ("SANCTION", ["CAN"], ["RUS"]) in found
    assert not [f for f in found if f[0] == "CONSULT"]


def test_an_announced_asset_freeze_is_a_sanction(analyzer):
    body = "Вчера правительство Австралии объявило о замораживании активов ряда компаний России.\n"
    assert ("SANCTION", ["AUS"], ["RUS"]) in events(analyzer, STATEMENT, body)


def test_laying_the_blame_on_a_state_is_an_accusation(analyzer):
    found = events(
        analyzer,
        STATEMENT,
        "Ответственность за срыв переговоров полностью лежит на Лондоне.\n"
        "Всю ответственность за гуманитарную катастрофу несут Соединённые Штаты.\n",
    )
    assert ("ACCUSE", ["RUS"], ["GBR"]) in found
    assert ("ACCUSE", ["RUS"], ["USA"]) in found


def test_following_in_anothers_wake_blames_the_follower(analyzer):
    found = events(
        analyzer,
        STATEMENT,
        "Канберра и на этот раз покорно следует в фарватере британской политики.\n",
    )
    accuse = [f for f in found if f[0] == "ACCUSE"]
    assert accuse and accuse[0][1:] == (["RUS"], ["AUS"])


def test_pointing_to_the_provocative_nature_of_a_states_acts_is_disapproval(analyzer):
    body = "Министр указал на провокационный характер учений Японии у российских границ.\n"
    accuse = [f for f in events(analyzer, CALL, body) if f[0] == "ACCUSE"]
    assert accuse and accuse[0][2] == ["JPN"]


def test_the_agent_of_a_participle_before_a_noun_act_is_its_source(analyzer):
    body = (
        "Объявленные Европейским союзом новые санкции против белорусских предприятий "
        "противоречат нормам международного права.\n"
    )
    sanction = [f for f in events(analyzer, STATEMENT, body) if f[0] == "SANCTION"]
    assert sanction and sanction[0][1] == ["EU"]


def test_brandishing_threats_is_blamed(analyzer):
    body = "Брюссель вновь размахивает санкционной дубинкой, пытаясь запугать Грузию.\n"
    accuse = [f for f in events(analyzer, STATEMENT, body) if f[0] == "ACCUSE"]
    assert accuse and accuse[0][1:] == (["RUS"], ["EU"])


def test_one_sides_offer_in_a_sides_document_goes_to_the_other_sides(analyzer):
    body = (
        "2 июля в Баку состоялась встреча министров иностранных дел Азербайджанской "
        "Республики, Исламской Республики Иран и Российской Федерации (далее – Стороны).\n"
        "Иранская сторона предложила провести следующую встречу в Тегеране.\n"
    )
    agree = [f for f in events(analyzer, COMMUNIQUE, body) if f[0] == "AGREE"]
    assert agree and agree[0][1:] == (["IRN"], ["AZE", "RUS"])


def test_a_visit_whose_outcome_is_judged_was_held(analyzer):
    body = (
        "Стороны высоко оценивают итоги официального визита Министра иностранных дел Кубы "
        "в Москву 10-12 февраля 2025 года.\n"
    )
    consult = [f for f in events(analyzer, JOINT, body) if f[0] == "CONSULT"]
    assert consult and consult[0][1:] == (["CUB"], ["RUS"])


def test_they_in_a_joint_statement_are_the_sides(analyzer):
    body = (
        "Стороны отмечают высокий уровень политического диалога. Они подтверждают намерение "
        "расширять контакты между парламентами.\n"
    )
    agree = [f for f in events(analyzer, JOINT, body) if f[0] == "AGREE"]
    assert agree and agree[0][1:] == (["CUB", "RUS"], ["CUB", "RUS"])


def test_a_vote_against_a_draft_rejects_its_sponsors_not_its_topic(analyzer):
    body = (
        "Российская делегация проголосовала против проекта резолюции по Сирии, который "
        "внесли Германия и Бельгия.\n"
    )
    reject = [f for f in events(analyzer, STATEMENT, body) if f[0] == "REJECT"]
    assert reject and reject[0][1:] == (["RUS"], ["BEL", "DEU"])


def test_blocking_it_is_aimed_at_whoever_the_sentence_before_is_about(analyzer):
    body = (
        "Китай внёс в Совет Безопасности проект заявления, который поддержали Бразилия и ЮАР. "
        "Однако его заблокировали США.\n"
    )
    reject = [f for f in events(analyzer, STATEMENT, body) if f[1] == ["USA"]]
    assert reject and reject[0][0] == "REJECT" and reject[0][2] == ["CHN"]


def test_a_round_of_talks_agreed_on_is_no_meeting_yet(analyzer):
    body = "Министры условились провести четвёртый раунд консультаций осенью в Гаване.\n"
    found = events(analyzer, JOINT, body)
    assert ("AGREE", ["CUB", "RUS"], ["CUB", "RUS"]) in found
    assert not [f for f in found if f[0] == "CONSULT"]


def test_a_relation_names_its_sides_right_after_it(analyzer):
    doc = analyzer.analyze_text(
        STATEMENT + "Председательство Малайзии в прошлом году способствовало укреплению "
        "стратегического партнёрства России и АСЕАН.\n"
    )
    pairs = {(frozenset((r.a, r.b)), r.kind) for r in doc.facts.relations}
    assert (frozenset(("RUS", "ASEAN")), "strategic_partner") in pairs
