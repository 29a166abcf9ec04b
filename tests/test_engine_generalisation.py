"""General rules of the event engine on invented sentences, each over several wordings,
actors and voices: threats made as they are said, subjects borrowed from a governing verb,
«the country» standing for a state, hosts receiving visitors, and the speaker's
characterisation of another actor's conduct (issue 10)."""

from __future__ import annotations

import pytest

from tests.event_tuples import event_tuples


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Китай примет ответные меры, заявили в МИД КНР.", "CHN"),
        ("Иран ответит на новые санкции Евросоюза.", "IRN"),
        ("Если Вашингтон разместит ракеты, Москва примет ответные меры.", "RUS"),
        ("Турция будет вынуждена принять зеркальные меры.", "TUR"),
    ],
)
def test_a_threat_of_a_future_or_conditional_response_is_made_now(analyzer, sentence, source):
    found = event_tuples(analyzer, sentence)
    threats = [e for e in found if e[0] == "THREATEN"]
    assert threats, found
    assert all(e[3] == "done" for e in threats), found
    assert any(e[1] == [source] for e in threats), found


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Россия будет вынуждена принять ответные меры.", "RUS"),
        ("Япония была вынуждена ввести ограничительные меры против КНДР.", "JPN"),
        ("Индия будет вынуждена отозвать своего посла из Канады.", "IND"),
    ],
)
def test_a_subject_borrowed_from_a_governing_passive_is_the_doer(analyzer, sentence, source):
    found = event_tuples(analyzer, sentence)
    assert found and all(source in e[1] and source not in e[2] for e in found), found


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Министерство обороны Мали заявило, что армия страны даст решительный отпор.", "MLI"),
        ("Представитель МИД Ирана заявил, что страна ответит на санкции Евросоюза.", "IRN"),
        ("Власти Венгрии сообщили, что государство не поддержит новые санкции.", "HUN"),
        ("Премьер-министр Индии заявил, что страна осуждает теракт в Пахалгаме.", "IND"),
    ],
)
def test_the_country_stands_for_the_state_of_who_reports_it(analyzer, sentence, source):
    found = event_tuples(analyzer, sentence)
    assert found and all(e[1] == [source] for e in found), found


def test_the_country_without_a_reporter_is_the_state_the_text_is_about(analyzer):
    found = event_tuples(
        analyzer,
        "Парламент Грузии принял закон об иностранных агентах. Страна осуждает давление Евросоюза.",
    )
    assert ("ACCUSE", ["GEO"], ["EU"], "done") in found, found


def test_countries_in_the_plural_are_no_one_state(analyzer):
    found = event_tuples(analyzer, "МИД Китая заявил, что страны осуждают удары по Сирии.")
    assert all(e[1] != ["CHN"] for e in found), found


@pytest.mark.parametrize(
    ("sentence", "guest", "host"),
    [
        (
            "Президент Казахстана Касым-Жомарт Токаев принял министра иностранных дел Египта.",
            "EGY",
            "KAZ",
        ),
        ("Ван И принял посла Бразилии.", "BRA", "CHN"),
        ("В Кремле Владимир Путин принял делегацию Вьетнама.", "VNM", "RUS"),
        ("Лавров принял главу МИД Лаоса.", "LAO", "RUS"),
        ("Эрдоган принял Лаврова в Анкаре.", "RUS", "TUR"),
    ],
)
def test_a_host_receiving_a_person_is_visited_by_the_guest(analyzer, sentence, guest, host):
    assert ("CONSULT", [guest], [host], "done") in event_tuples(analyzer, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Парламент Грузии принял закон об иностранных агентах.",
        "Министр иностранных дел Индии принял участие в саммите.",
        "Правительство Сербии приняло к сведению позицию Евросоюза.",
    ],
)
def test_receiving_a_law_or_taking_part_is_no_visit(analyzer, sentence):
    assert not [e for e in event_tuples(analyzer, sentence) if e[0] == "CONSULT"]


def test_guests_received_separately_are_separate_visits(analyzer):
    found = event_tuples(
        analyzer,
        "Премьер-министр Индии принял по отдельности министров обороны Вьетнама и Лаоса.",
    )
    assert ("CONSULT", ["VNM"], ["IND"], "done") in found, found
    assert ("CONSULT", ["LAO"], ["IND"], "done") in found, found


_COMMENT = "Комментарий официального представителя МИД России М.В.Захаровой\n\n"


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Вашингтон навязывает странам региона свою архитектуру безопасности.", "USA"),
        ("Киев продолжает провоцировать эскалацию на Запорожской АЭС.", "UKR"),
        ("Лондон разжигает истерию вокруг так называемой угрозы.", "GBR"),
        ("Ереван всё активнее втягивается в военное взаимодействие с НАТО.", "ARM"),
        ("Польские власти переписывают историю Второй мировой войны.", "POL"),
        ("Эти действия Вашингтона подрывают стабильность в регионе.", "USA"),
    ],
)
def test_the_speaker_characterising_anothers_conduct_accuses_it(analyzer, sentence, target):
    found = event_tuples(analyzer, _COMMENT + sentence)
    assert ("ACCUSE", ["RUS"], [target], "done") in found, found


def test_a_reported_speaker_characterises_conduct_in_their_own_name(analyzer):
    found = event_tuples(analyzer, "По словам Ван И, Токио фальсифицирует историю войны.")
    assert ("ACCUSE", ["CHN"], ["JPN"], "done") in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Мы никому ничего не навязываем.",  # the voice's own conduct
        "Китай не провоцирует никого.",  # a denial
        "Некоторые провоцируют эскалацию.",  # no named doer
    ],
)
def test_no_accusation_of_the_voice_a_denial_or_nobody(analyzer, sentence):
    found = event_tuples(analyzer, _COMMENT + sentence)
    assert not [e for e in found if e[0] == "ACCUSE"], found


def test_conduct_needs_a_voice(analyzer):
    """A wire report with no speaker or reporter does not accuse in its own name."""
    found = event_tuples(analyzer, "МОСКВА, 3 мая. /ТАСС/. Киев провоцирует эскалацию.")
    assert not [e for e in found if e[0] == "ACCUSE"], found


@pytest.mark.parametrize(
    ("sentence", "source", "partner"),
    [
        (
            "Министр обороны Белоруссии обсудил с китайским коллегой военное сотрудничество.",
            "BLR",
            "CHN",
        ),
        (
            "Глава МИД Ирана договорился с саудовским коллегой о возобновлении авиасообщения.",
            "IRN",
            "SAU",
        ),
        ("Президент Кении обсудил с премьер-министром Индии торговлю.", "KEN", "IND"),
    ],
)
def test_one_side_of_a_reciprocal_act_acts_with_its_partner(analyzer, sentence, source, partner):
    found = event_tuples(analyzer, sentence)
    assert any(e[1] == [source] and e[2] == [partner] for e in found), found


@pytest.mark.parametrize(
    ("sentence", "refuser", "refused"),
    [
        ("Сербия отказалась присоединиться к санкциям Евросоюза против России.", "SRB", "SANCTION"),
        ("Индия отказалась осудить действия России.", "IND", "ACCUSE"),
        ("Венгрия отказалась поддержать решение о поставках оружия Украине.", "HUN", "AID"),
    ],
)
def test_what_is_refused_is_no_act_of_its_own(analyzer, sentence, refuser, refused):
    found = event_tuples(analyzer, sentence)
    assert any(e[0] == "REJECT" and e[1] == [refuser] for e in found), found
    assert not [e for e in found if e[0] == refused], found


@pytest.mark.parametrize(
    ("sentence", "source", "body"),
    [
        ("Армения заморозила участие в ОДКБ.", "ARM", "CSTO"),
        ("Мали прекратило участие в работе ЭКОВАС.", "MLI", "ECOWAS"),
        ("Венгрия вышла из Международного уголовного суда.", "HUN", "ICC"),
        ("Никарагуа объявила о выходе из ЮНЕСКО.", "NIC", "UNESCO"),
    ],
)
def test_leaving_or_freezing_membership_withdraws_from_the_body(analyzer, sentence, source, body):
    assert ("SANCTION", [source], [body], "done") in event_tuples(analyzer, sentence)


@pytest.mark.parametrize(
    "sentence",
    ["Министр вышел из здания посольства Франции.", "Стороны ищут выход из кризиса на Украине."],
)
def test_leaving_a_building_or_a_crisis_is_no_withdrawal(analyzer, sentence):
    assert not [e for e in event_tuples(analyzer, sentence) if e[0] == "SANCTION"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Президент Бразилии примет участие в саммите БРИКС в Казани.",
        "Лидеры двух стран встретятся на полях саммита ШОС.",
        "Министр выступит на заседании Совета Безопасности ООН.",
    ],
)
def test_a_meeting_in_the_object_of_a_future_verb_is_planned(analyzer, sentence):
    found = event_tuples(analyzer, sentence)
    assert found and all(e[0] == "AGREE" and e[3] == "planned" for e in found), found


def test_the_outcome_of_a_meeting_discussed_later_was_held(analyzer):
    found = event_tuples(analyzer, "Министры обсудят итоги саммита БРИКС в Казани.")
    assert ("CONSULT", ["BRICS"], [], "done") in found, found


@pytest.mark.parametrize(
    ("sentence", "kind", "target"),
    [
        ("Три сотрудника посольства Молдавии объявлены персонами нон грата.", "SANCTION", "MDA"),
        ("Японской стороне выражен решительный протест.", "ACCUSE", "JPN"),
        (
            "Эстонской стороне настоятельно рекомендовано отказаться от провокаций.",
            "REQUEST",
            "EST",
        ),
    ],
)
def test_a_ministrys_agentless_short_passive_is_its_own_act(analyzer, sentence, kind, target):
    found = event_tuples(analyzer, _COMMENT + sentence)
    assert (kind, ["RUS"], [target], "done") in found, found


def test_an_agentless_passive_done_to_the_voices_side_is_not_its_own(analyzer):
    found = event_tuples(
        analyzer, _COMMENT + "Два российских дипломата объявлены персонами нон грата."
    )
    assert all(e[1] != ["RUS"] for e in found if e[0] == "SANCTION"), found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Москва. 2 июля. INTERFAX.RU – Россия осудила удары по Газе.", "Moscow"),
        ("Минск, 5 марта (БелТА) – Президент Белоруссии встретился с послом Китая.", "Minsk"),
        ("Бишкек, 3 апреля /Кабар/. Президент Киргизии провёл переговоры.", "Bishkek"),
        ("Пекин, 12 мая /Синьхуа/ -- Ван И встретился с коллегой из Камбоджи.", "Beijing"),
        ("MOSCOW, March 3 (Reuters) - Russia expelled two Polish diplomats.", "Moscow"),
        ("WARSAW, Nov 12 (Reuters) - Poland expelled a Belarusian diplomat.", "Warsaw"),
        ("LA PAZ, Bolivia (AFP) - Bolivia recalled its ambassador from Chile.", "La Paz"),
    ],
)
def test_agency_datelines_in_their_house_styles(analyzer, text, place):
    doc = analyzer.analyze_text(text)
    (dateline,) = [m for m in doc.markers if m.kind == "dateline"]
    assert dateline.start == 0 and doc.metadata.genre == "news"
    assert doc.entities[doc.metadata.place_entity_id].name_en == place


def test_an_english_dateline_dates_the_report_in_the_year_it_mentions(analyzer):
    doc = analyzer.analyze_text(
        "WARSAW, Nov 12 (Reuters) - Poland expelled a Belarusian diplomat, the foreign "
        "ministry said. Relations have worsened since the 2020 election and the sanctions "
        "imposed in 2025."
    )
    assert doc.metadata.date is not None and doc.metadata.date.isoformat() == "2025-11-12"


@pytest.mark.parametrize(
    "text",
    [
        "Москва, 5 марта – Россия осудила удары.",  # a capitalised place needs an agency too
        "НАТО расширяется на восток.",
        "Вашингтон, по всей видимости, не изменит позицию.",
    ],
)
def test_a_sentence_opening_with_a_place_is_no_dateline(analyzer, text):
    doc = analyzer.analyze_text(text)
    assert not [m for m in doc.markers if m.kind == "dateline"]


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        (
            "Новые санкции против Ирана были введены Евросоюзом в понедельник.",
            ("SANCTION", ["EU"], ["IRN"], "done"),
        ),
        (
            "Санкции Евросоюза против Ирана введены в понедельник.",
            ("SANCTION", ["EU"], ["IRN"], "done"),
        ),
        ("Помощь Украине была предоставлена Японией.", ("AID", ["JPN"], ["UKR"], "done")),
        (
            "Три российских дипломата были высланы властями Эстонии.",
            ("SANCTION", ["EST"], ["RUS"], "done"),
        ),
    ],
)
def test_a_verb_phrase_in_its_passive_order_keeps_its_roles(analyzer, sentence, event):
    found = event_tuples(analyzer, sentence)
    assert event in found, found


def test_agreements_reached_earlier_are_recalled_not_reached_again(analyzer):
    found = event_tuples(
        analyzer,
        "Министр обсудил с коллегой ход выполнения договорённостей, достигнутых "
        "президентами Египта и Судана.",
    )
    assert not [e for e in found if e[0] == "AGREE"], found


@pytest.mark.parametrize(
    ("text", "name", "parties"),
    [
        (
            "The sides discussed the implementation of the Istanbul agreements.",
            "Istanbul agreements",
            [],
        ),
        ("The United States withdrew from the Paris Agreement.", "Paris Agreement", ["USA"]),
    ],
)
def test_a_city_in_an_agreements_name_is_no_party(analyzer, text, name, parties):
    doc = analyzer.analyze_text(text)
    (agreement,) = [a for a in doc.facts.agreements if a.name_en == name]
    assert agreement.parties == parties


def test_an_english_list_of_agreements_gives_one_name_each(analyzer):
    doc = analyzer.analyze_text(
        "The two ministers signed a memorandum of understanding on energy cooperation and an "
        "agreement on visa-free travel."
    )
    names = sorted(a.name_en for a in doc.facts.agreements)
    assert names == [
        "agreement on visa-free travel",
        "memorandum of understanding on energy cooperation",
    ]


_ARTICLE = "Статья Министра иностранных дел России С.В.Лаврова\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "1 декабря исполняется 135 лет со дня установления дипломатических отношений "
        "между Россией и Мексикой.",
        "Отмечаем годовщину установления дипломатических отношений между Индией и Бангладеш.",
    ],
)
def test_an_act_whose_anniversary_is_marked_is_historical(analyzer, sentence):
    found = event_tuples(analyzer, _ARTICLE + sentence)
    assert found and all(e[3] == "historical" for e in found), found


def test_an_anniversary_naming_no_one_is_not_the_speakers_act(analyzer):
    found = event_tuples(
        analyzer, _ARTICLE + "В этом году отмечается 80-летие подписания Устава ООН."
    )
    assert not [e for e in found if e[1] == ["RUS"]], found


@pytest.mark.parametrize(
    "follow_up",
    [
        "Об этом сообщила пресс-служба по итогам телефонного разговора министров.",
        "Следующая встреча сторон пройдёт в Каире.",
    ],
)
def test_a_meeting_of_the_sides_by_role_is_the_sides_last_named(analyzer, follow_up):
    found = event_tuples(
        analyzer,
        "КАИР, 16 сентября. /ТАСС/. Министры иностранных дел Египта и Эфиопии договорились "
        "возобновить переговоры по плотине. " + follow_up,
    )
    meetings = [e for e in found if e[0] in ("CONSULT", "AGREE") and e[1] == ["EGY", "ETH"]]
    assert len(meetings) == 2, found


@pytest.mark.parametrize(
    ("text", "name", "parties"),
    [
        (
            "The United States withdrew from the INF Treaty in 2019.",
            "Intermediate-Range Nuclear Forces Treaty",
            ["RUS", "USA"],
        ),
        (
            "США вышли из Договора о ракетах средней и меньшей дальности.",
            "Intermediate-Range Nuclear Forces Treaty",
            ["RUS", "USA"],
        ),
    ],
)
def test_a_well_known_agreement_is_one_record_in_either_language(analyzer, text, name, parties):
    doc = analyzer.analyze_text(text)
    assert [(a.name_en, a.parties) for a in doc.facts.agreements] == [(name, parties)]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        (
            "ПЕКИН, 3 марта /Синьхуа/ -- Стороны отметили 75-летие установления "
            "дипломатических отношений в 1951 году. Министры провели переговоры.",
            "2026",
        ),
        (
            "HANOI, March 3 (Xinhua) -- The ministers marked the 30th anniversary of the "
            "relations established in 1995. They held talks.",
            "2025",
        ),
        (
            "МИНСК, 3 марта. /БелТА/. В этом году исполняется 35 лет со дня установления "
            "дипломатических отношений. Они были установлены в январе 1992 года.",
            "2027",
        ),
    ],
)
def test_a_datelines_year_can_come_from_the_anniversary_it_marks(analyzer, text, year):
    assert analyzer.analyze_text(text).metadata.date.isoformat().startswith(year)


@pytest.mark.parametrize(
    "title",
    [
        "О телефонном разговоре Министра иностранных дел России С.В.Лаврова с Министром "
        "иностранных дел Омана (Москва, 20 февраля 2027 года)",
        "О встрече заместителя Министра иностранных дел России С.А.Рябкова с Послом Бразилии "
        "(Москва, 20 февраля 2027 года)",
    ],
)
def test_a_ministrys_readout_title_is_its_press_release(analyzer, title):
    doc = analyzer.analyze_text(title + "\nВыражена обеспокоенность ударами Израиля по Ливану.")
    assert doc.metadata.genre == "press_release"
    assert [(e.type, [r.code for r in e.target]) for e in doc.facts.events] == [
        ("ACCUSE", ["ISR"]),
        ("ASSAULT", ["LBN"]),  # the strikes, named by their doer, are reported too
    ], doc.facts.events
