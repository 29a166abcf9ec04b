"""Russian recall on new text: classes of expressions that reported no event at all —
intents in the short adjective («намерена», «готовы»), an intent to a hostile act, respect
for another's rights, expectations of another actor, alerts and deployments of forces, a
promised answer in the passive and lawsuits. Each class is shown on sentences invented for
these tests, with several actors, words and voices.
"""

from __future__ import annotations

import pytest

from tests.event_tuples import event_tuples


def _of(found, kind):
    return [e for e in found if e[0] == kind]


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Бразилия намерена наращивать закупки российских удобрений.", "BRA", "RUS"),
        (
            "Министр Лавров сообщил, что Россия намерена скоординировать оценки с Китаем.",
            "RUS",
            "CHN",
        ),
        ("Казахстанская сторона намерена провести консультации с Узбекистаном.", "KAZ", "UZB"),
        ("Индонезия и Малайзия намерены подписать соглашение о сотрудничестве.", "IDN", "MYS"),
    ],
)
def test_an_intent_in_the_short_feminine_or_plural_is_a_planned_agree(
    analyzer, sentence, source, target
):
    """The contextual tagger names the lemma of «намерена», «намерены» «намерен», which the
    dictionary lists beside the full adjective «намеренный» of the lexicon."""
    found = event_tuples(analyzer, sentence)
    planned = [e for e in _of(found, "AGREE") if e[3] == "planned"]
    assert planned, found
    assert source in planned[0][1] and target in planned[0][1] + planned[0][2], found


@pytest.mark.parametrize(
    ("sentence", "kind", "source", "target", "modality"),
    [
        ("Россия не намерена вводить санкции против Турции.", "SANCTION", "RUS", "TUR", "negated"),
        (
            "Индия не намерена разрывать дипломатические отношения с Канадой.",
            "SANCTION",
            "IND",
            "CAN",
            "negated",
        ),
        (
            "Венгрия намерена заблокировать санкции против России.",
            "REJECT",
            "HUN",
            "RUS",
            "planned",
        ),
    ],
)
def test_an_intent_to_a_hostile_act_is_that_act_planned_or_negated(
    analyzer, sentence, kind, source, target, modality
):
    found = event_tuples(analyzer, sentence)
    assert (kind, [source], [target], modality) in found, found
    assert not _of(found, "AGREE"), found


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Китай готов и дальше наращивать прямое авиасообщение с Египтом.", "CHN", "EGY"),
        (
            "Турция готова предоставить площадку для переговоров Армении и Азербайджана.",
            "TUR",
            None,
        ),
        ("Президент Бразилии заявил, что Бразилия готова к диалогу с Венесуэлой.", "BRA", "VEN"),
    ],
)
def test_a_predicative_ready_is_a_planned_agree(analyzer, sentence, source, target):
    found = event_tuples(analyzer, sentence)
    planned = [e for e in _of(found, "AGREE") if e[3] == "planned" and source in e[1]]
    assert planned, found
    if target:
        assert target in planned[0][2], found


def test_a_negated_readiness_is_a_refusal(analyzer):
    found = event_tuples(analyzer, "Бразилия не готова к диалогу с Венесуэлой.")
    assert ("REJECT", ["BRA"], ["VEN"], "done") in found, found
    assert not _of(found, "AGREE"), found


def test_an_attributive_ready_is_no_intent(analyzer):
    found = event_tuples(analyzer, "Китай поставил Египту готовые изделия из стали.")
    assert not _of(found, "AGREE"), found


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        (
            "Турция уважает суверенное право Азербайджана определять свою внешнюю политику.",
            "TUR",
            "AZE",
        ),
        ("Китай уважает выбор народа Венесуэлы.", "CHN", "VEN"),
        ("Индия уважает суверенитет и территориальную целостность Сирии.", "IND", "SYR"),
        ("Министр Лавров подчеркнул, что Россия уважает независимость Армении.", "RUS", "ARM"),
    ],
)
def test_respect_for_another_s_right_or_choice_is_support(analyzer, sentence, source, target):
    found = event_tuples(analyzer, sentence)
    assert any(e[0] == "SUPPORT" and source in e[1] and target in e[2] for e in found), found


def test_a_confirmed_resolve_to_deepen_partnership_is_support(analyzer):
    found = event_tuples(
        analyzer,
        "Министры иностранных дел Индии и Вьетнама подтвердили настрой на углубление "
        "стратегического партнерства.",
    )
    support = _of(found, "SUPPORT")
    assert support and {"IND", "VNM"} <= set(support[0][1]), found


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Казахстан ожидает от Киргизии принятия мер по недопущению инцидентов.", "KAZ", "KGZ"),
        ("Министр иностранных дел Китая заявил: мы ожидаем от Японии разъяснений.", "CHN", "JPN"),
        ("Москва ждёт от Вашингтона конкретных шагов.", "RUS", "USA"),
    ],
)
def test_what_is_expected_of_another_actor_is_asked_of_it(analyzer, sentence, source, target):
    found = event_tuples(analyzer, sentence)
    assert any(e[0] == "REQUEST" and e[1] == [source] and e[2] == [target] for e in found), found


def test_an_expectation_of_an_occasion_asks_no_one(analyzer):
    found = event_tuples(analyzer, "Россия ожидает от визита хороших результатов.")
    assert not _of(found, "REQUEST"), found


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Минобороны Белоруссии объявило о начале внезапной проверки боеготовности войск.", "BLR"),
        ("Китай провел внезапную проверку боеготовности своих войск.", "CHN"),
        ("Япония разместит на Кюсю бомбардировщики и истребители.", "JPN"),
        ("Соединенные Штаты перебросили в Норвегию подразделения морской пехоты.", "USA"),
    ],
)
def test_an_alert_or_a_deployment_of_forces_is_mobilize(analyzer, sentence, source):
    found = event_tuples(analyzer, sentence)
    assert any(e[0] == "MOBILIZE" and source in e[1] for e in found), found


@pytest.mark.parametrize(
    "sentence",
    [
        "Захарова заявила, что ответ Вильнюсу будет дан незамедлительно.",
        "Захарова заявила, что ответ на шаги Варшавы будет дан.",
    ],
)
def test_an_answer_that_will_be_given_is_a_threat(analyzer, sentence):
    found = event_tuples(analyzer, sentence)
    assert any(e[0] == "THREATEN" and e[1] == ["RUS"] for e in found), found


def test_an_answer_given_to_a_question_is_no_threat(analyzer):
    found = event_tuples(analyzer, "Министр Лавров дал ответ на вопрос журналиста из Индии.")
    assert not _of(found, "THREATEN"), found


@pytest.mark.parametrize(
    ("sentence", "source", "modality"),
    [
        ("Сербия намерена отстаивать свои интересы в судебных инстанциях.", "SRB", "planned"),
        ("Венгрия будет оспаривать это решение в суде.", "HUN", "planned"),
        ("Польша обжаловала решение Еврокомиссии в суде.", "POL", "done"),
    ],
)
def test_defending_or_contesting_in_court_is_a_lawsuit(analyzer, sentence, source, modality):
    found = event_tuples(analyzer, sentence)
    assert any(e[0] == "ACCUSE" and e[1] == [source] and e[3] == modality for e in found), found


@pytest.mark.parametrize(
    ("sentence", "kind", "source"),
    [
        (
            "Токио подтвердил намерение до конца года развернуть на Окинаве крылатые ракеты.",
            "MOBILIZE",
            "JPN",
        ),
        (
            "Индия заявила о намерении в течение нескольких месяцев ввести пошлины против Китая.",
            "SANCTION",
            "IND",
        ),
    ],
)
def test_an_act_under_a_noun_of_intent_lies_ahead(analyzer, sentence, kind, source):
    """The infinitive hangs from «намерение» however many words part them."""
    found = event_tuples(analyzer, sentence)
    assert any(e[0] == kind and e[1] == [source] and e[3] == "planned" for e in found), found
    assert not _of(found, "AGREE"), found


def test_an_intent_the_act_only_explains_leaves_it_done(analyzer):
    found = event_tuples(
        analyzer, "Индия ввела пошлины против Китая, заявив о намерении защитить рынок."
    )
    assert ("SANCTION", ["IND"], ["CHN"], "done") in found, found


def test_an_envoy_named_with_his_post_speaks_for_his_own_state(analyzer):
    """«Посла Индии в Российской Федерации В.Кумара»: the state after «в» is where the envoy
    serves; his «мы» is India's."""
    doc = analyzer.analyze_text(
        "Интервью Посла Индии в Российской Федерации В.Кумара газете «Известия» "
        "(12 мая 2027 года)\n\nВопрос: Как развивается сотрудничество?\n\n"
        "В.Кумар: Мы высоко ценим усилия России по созданию коридора Север — Юг.\n"
    )
    assert doc.metadata.speaker.actor == "IND"
    found = [
        (e.type, [r.code for r in e.source], [r.code for r in e.target]) for e in doc.facts.events
    ]
    assert ("SUPPORT", ["IND"], ["RUS"]) in found, found


def test_a_summoned_envoy_in_the_title_is_not_its_speaker(analyzer):
    doc = analyzer.analyze_text(
        "О вызове в МИД Китая Посла Литвы в Китайской Народной Республике Д.Юцюса "
        "(Пекин, 3 марта 2027 года)\n\n3 марта в МИД Китая был вызван Посол Литвы в КНР "
        "Д.Юцюс, которому заявлен решительный протест.\n"
    )
    assert doc.metadata.speaker.actor == "CHN"
    found = [
        (e.type, [r.code for r in e.source], [r.code for r in e.target]) for e in doc.facts.events
    ]
    assert ("ACCUSE", ["CHN"], ["LTU"]) in found, found


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        (
            "Подобные действия прямо противоречат провозглашаемому официальным Токио курсу на "
            "мирное развитие, заявила Захарова.",
            "RUS",
            "JPN",
        ),
        (
            "Захарова заявила, что решение Вильнюса противоречит нормам международного права.",
            "RUS",
            "LTU",
        ),
        (
            "Министр иностранных дел Китая заявил, что размещение ракет США в Японии "
            "противоречит интересам региона.",
            "CHN",
            "USA",
        ),
    ],
)
def test_saying_an_act_contradicts_a_norm_or_course_accuses_its_doer(
    analyzer, sentence, source, target
):
    found = event_tuples(analyzer, sentence)
    assert ("ACCUSE", [source], [target], "done") in found, found


def test_a_denied_contradiction_accuses_no_one(analyzer):
    found = event_tuples(
        analyzer, "Лавров отметил, что позиции России и Китая не противоречат друг другу."
    )
    assert not _of(found, "ACCUSE"), found


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        (
            "Рассчитываем, что японская сторона проведет консультации с соседними "
            "государствами, заявила Захарова.",
            "RUS",
            "JPN",
        ),
        (
            "Захарова заявила: рассчитываем, что киевский режим не будет вновь срывать "
            "договорённости.",
            "RUS",
            "UKR",
        ),
        ("Россия рассчитывает, что Бразилия поддержит инициативу.", "RUS", "BRA"),
        ("Пекин ожидает, что Вашингтон отменит пошлины.", "CHN", "USA"),
    ],
)
def test_an_act_expected_of_another_actor_is_a_request_to_it(analyzer, sentence, source, target):
    """The act of the «что» clause is what is asked, not an event of its own (a judgement of
    its doer, «срывать договорённости», is the voice's own and stays)."""
    found = event_tuples(analyzer, sentence)
    assert ("REQUEST", [source], [target], "done") in found, found
    assert not [e for e in found if e[0] not in ("REQUEST", "ACCUSE")], found


def test_an_expectation_that_names_no_one_else_stays_a_plan(analyzer):
    found = event_tuples(
        analyzer,
        "Рассчитываем, что в ходе визита Лаврова в Мьянму будет подписано соглашение о "
        "сотрудничестве.",
    )
    assert not _of(found, "REQUEST"), found
    assert [e for e in _of(found, "AGREE") if e[3] == "planned"], found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Все пункты пропуска на эстонской границе российская сторона закрыла еще в ноябре.",
            ("SANCTION", ["RUS"], ["EST"], "done"),
        ),
        (
            "Новые пошлины против Китая Вашингтон ввёл в понедельник.",
            ("SANCTION", ["USA"], ["CHN"], "done"),
        ),
    ],
)
def test_a_verb_phrase_with_its_object_put_first_is_the_same_act(analyzer, sentence, expected):
    """«границу … закрыла»: the object before an active finite verb whose object it is."""
    found = event_tuples(analyzer, sentence)
    assert expected in found, found


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Генсек МАГАТЭ назвал Казахстан надёжным партнёром агентства.", "IAEA", "KAZ"),
        ("Президент Египта назвал Китай стратегическим партнёром.", "EGY", "CHN"),
        ("Министр иностранных дел Индии называет Россию другом.", "IND", "RUS"),
    ],
)
def test_naming_an_actor_a_reliable_partner_or_friend_is_praise(analyzer, sentence, source, target):
    found = event_tuples(analyzer, sentence)
    assert ("SUPPORT", [source], [target], "done") in found, found


def test_exercises_are_mobilisation_of_their_owner(analyzer):
    found = event_tuples(analyzer, "Учения НАТО стартовали в Лапландии.")
    assert any(e[0] == "MOBILIZE" and e[1] == ["NATO"] for e in found), found


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        (
            "Российская сторона не допустит превращения Балтики во внутреннее море НАТО.",
            "RUS",
            "NATO",
        ),
        ("Китай не позволит Вашингтону вмешиваться в дела Тайваня.", "CHN", "USA"),
        (
            "Мы не допустим размещения американских ракет у наших границ, заявил Лавров.",
            "RUS",
            "USA",
        ),
    ],
)
def test_a_vow_not_to_allow_another_s_course_is_a_threat(analyzer, sentence, source, target):
    found = event_tuples(analyzer, sentence)
    assert ("THREATEN", [source], [target], "done") in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Лавров призвал не допустить эскалации в регионе.",
        "Это не позволит решить проблему, считает Лавров.",
    ],
)
def test_not_allowing_asked_for_or_said_of_a_thing_is_no_threat(analyzer, sentence):
    found = event_tuples(analyzer, sentence)
    assert not _of(found, "THREATEN"), found


def test_a_loaded_label_of_an_actor_asked_to_act_still_accuses(analyzer):
    """A request asks; the label («киевский режим») still judges the actor it names."""
    doc = analyzer.analyze_text(
        "Брифинг официального представителя МИД России М.В.Захаровой (Москва, 12 мая 2027 "
        "года)\n\nРассчитываем, что киевский режим не будет вновь срывать договорённости об "
        "обмене пленными.\n"
    )
    found = [
        (e.type, [r.code for r in e.source], [r.code for r in e.target]) for e in doc.facts.events
    ]
    assert ("REQUEST", ["RUS"], ["UKR"]) in found, found
    assert ("ACCUSE", ["RUS"], ["UKR"]) in found, found


def test_an_act_a_participle_ascribes_to_its_doer_survives_a_judgement(analyzer):
    found = event_tuples(
        analyzer,
        "Захарова заявила, что введённые Австралией ограничения противоречат нормам "
        "международного права.",
    )
    assert any(e[0] == "SANCTION" and e[1] == ["AUS"] for e in found), found
    assert ("ACCUSE", ["RUS"], ["AUS"], "done") in found, found


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        (
            "Пуск стал возможен, несмотря на попытки Вашингтона сорвать поставки "
            "оборудования, заявил Лавров.",
            "USA",
        ),
        ("Лавров заявил, что попытки Киева подорвать договорённости провалились.", "UKR"),
        ("Захарова заявила, что попытки Брюсселя помешать диалогу обречены.", "EU"),
    ],
)
def test_attempts_to_derail_charge_whoever_makes_them(analyzer, sentence, target):
    found = event_tuples(analyzer, sentence)
    assert ("ACCUSE", ["RUS"], [target], "done") in found, found


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Вучич заявил: Это откровенный шантаж Брюсселя.", "SRB", "EU"),
        ("Лавров заявил, что это откровенный шантаж Вашингтона.", "RUS", "USA"),
    ],
)
def test_calling_pressure_blackmail_is_a_reproach(analyzer, sentence, source, target):
    found = event_tuples(analyzer, sentence)
    assert ("ACCUSE", [source], [target], "done") in found, found
    assert not _of(found, "THREATEN"), found


def test_a_judgement_of_blackmail_keeps_its_predicate(analyzer):
    found = event_tuples(analyzer, "Рябков заявил, что такой шантаж контрпродуктивен.")
    assert len([e for e in found if e[0] == "ACCUSE" and e[1] == ["RUS"]]) == 1, found
