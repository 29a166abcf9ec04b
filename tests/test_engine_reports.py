"""How a news report is told: datelines in capitals, headlines the body retells, and the
several meetings of one visit."""

from __future__ import annotations

import pytest

from tests.event_tuples import event_directions


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ЕРЕВАН, 14 АПРЕЛЯ, АРМЕНПРЕСС. Министр провел переговоры с коллегой.", "Yerevan"),
        ("МИНСК, 5 МАЯ, БЕЛТА. Президент Белоруссии принял посла Китая.", "Minsk"),
        ("АСТАНА, 2 июня, КАЗИНФОРМ. Президент Казахстана встретился с послом Японии.", "Astana"),
    ],
)
def test_a_dateline_in_capitals_with_the_agency_closing_it(analyzer, text, place):
    doc = analyzer.analyze_text(text)
    (dateline,) = [m for m in doc.markers if m.kind == "dateline"]
    assert dateline.start == 0 and doc.metadata.genre == "news"
    assert doc.entities[doc.metadata.place_entity_id].name_en == place
    assert text[dateline.end :].lstrip().startswith(("Министр", "Президент"))


def test_a_capitalised_organisation_opening_a_sentence_is_no_agency(analyzer):
    doc = analyzer.analyze_text("МОСКВА, 14 марта. МИД России заявил протест послу Японии.")
    (dateline,) = [m for m in doc.markers if m.kind == "dateline"]
    assert doc.text[dateline.start : dateline.end].strip() == "МОСКВА, 14 марта."


@pytest.mark.parametrize(
    ("report", "body_words"),
    [
        (
            "Лавров и Ван И провели переговоры в Пекине\n\n"
            "ПЕКИН, 3 МАРТА, СИНЬХУА. Министр иностранных дел России Сергей Лавров 3 марта "
            "провел в Пекине переговоры с министром иностранных дел Китая Ван И.",
            "провел в Пекине переговоры",
        ),
        (
            "Алиев принял министра иностранных дел Турции\n\n"
            "БАКУ, 9 мая /Тренд/. Президент Азербайджана Ильхам Алиев принял министра "
            "иностранных дел Турции Хакана Фидана.",
            "принял министра",
        ),
        (
            "Sergey Lavrov holds talks with Wang Yi in Beijing\n\n"
            "BEIJING, March 3 (Xinhua) - Russian Foreign Minister Sergey Lavrov held talks "
            "with Chinese Foreign Minister Wang Yi in Beijing on Monday.",
            "held talks",
        ),
    ],
)
def test_a_meeting_the_headline_announces_takes_the_report_s_words(analyzer, report, body_words):
    doc = analyzer.analyze_text(report)
    meetings = [e for e in doc.facts.events if e.type == "CONSULT"]
    assert len(meetings) == 1, meetings
    words = report[meetings[0].evidence.start : meetings[0].evidence.end]
    assert body_words in words and meetings[0].evidence.start > report.index("\n"), words


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Министр иностранных дел Армении Арарат Мирзоян провел переговоры с министром "
            "иностранных дел Ирана Аббасом Аракчи. В тот же день иранского министра принял "
            "премьер-министр Армении Никол Пашинян.",
            {"Ararat Mirzoyan", "Nikol Pashinyan"},
        ),
    ],
)
def test_a_side_met_by_other_people_is_another_meeting(analyzer, text, people):
    doc = analyzer.analyze_text(text)
    meetings = [e for e in doc.facts.events if e.type == "CONSULT"]
    assert len(meetings) == 2, meetings
    hosts = {r.person for e in meetings for r in e.source + e.target if r.code == "ARM"}
    assert hosts == people


def test_the_same_people_told_again_are_one_meeting(analyzer):
    doc = analyzer.analyze_text(
        "Президент Египта Абдель Фаттах ас-Сиси провел переговоры с Президентом Франции "
        "Эммануэлем Макроном. Ас-Сиси и Макрон обсудили положение в Газе."
    )
    assert len([e for e in doc.facts.events if e.type == "CONSULT"]) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Германия выслала двух российских дипломатов.\n\n— Это недружественный шаг. "
            "Зеркальные меры будут приняты в ближайшее время, — заявил источник в МИД России.",
            ("THREATEN", ("RUS",), ("DEU",)),
        ),
        (
            "Литва закрыла консульство Белоруссии.\n\n– Такие действия не останутся без "
            "ответа, – сообщили в МИД Белоруссии.",
            ("THREATEN", ("BLR",), ("LTU",)),
        ),
        (
            "Эстония выслала российского консула.\n\n— Ответ последует незамедлительно, — "
            "сказал официальный представитель МИД России.",
            ("THREATEN", ("RUS",), ("EST",)),
        ),
    ],
)
def test_a_paragraph_opened_by_a_dash_is_said_by_whom_it_ends_by_naming(analyzer, text, expected):
    assert expected in event_directions(analyzer, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "МИД России заявил, что Германия выслала двух российских дипломатов. Это решение "
            "не останется без ответа.",
            ("THREATEN", ("RUS",), ("DEU",)),
        ),
        (
            "В МИД Китая сообщили, что Япония ввела пошлины на китайскую сталь. Ответные меры "
            "будут приняты в ближайшее время.",
            ("THREATEN", ("CHN",), ("JPN",)),
        ),
    ],
)
def test_a_report_s_sentence_that_names_no_speaker_goes_on_with_the_one_before(
    analyzer, text, expected
):
    assert expected in event_directions(analyzer, text)


def test_an_answer_meeting_an_act_is_not_given_by_the_act(analyzer):
    """«Any incursion will meet a firm response»: the subject of «meet» is what is answered."""
    found = event_directions(
        analyzer, "Any incursion by Venezuela will meet a firm response, Guyana said."
    )
    assert ("THREATEN", ("GUY",), ("VEN",)) in found, found
    assert not [e for e in found if e[0] == "THREATEN" and e[1] == ("VEN",)], found


def test_a_new_paragraph_does_not_go_on_with_the_speaker_before(analyzer):
    found = event_directions(
        analyzer,
        "МИД России заявил, что Германия выслала двух российских дипломатов.\n\n"
        "Это решение не останется без ответа.",
    )
    assert not [e for e in found if e[0] == "THREATEN"], found


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Беларусь примет зеркальные меры.", "BLR"),
        ("Минск готовит ответные меры.", "BLR"),
        ("Белорусская сторона предпримет асимметричные меры.", "BLR"),
        ("Belarus will take mirror measures.", "BLR"),
        ("Minsk is preparing reciprocal measures.", "BLR"),
    ],
)
def test_an_answer_is_given_by_the_subject_of_its_verb(analyzer, sentence, source):
    russian = not sentence.isascii()
    opening = (
        "Литва закрыла пункты пропуска. " if russian else "Lithuania closed the border crossings. "
    )
    found = event_directions(analyzer, opening + sentence)
    assert ("THREATEN", (source,), ("LTU",)) in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Хельсинки обвинил Россию в гибридных атаках. В Москве эти обвинения отвергли.",
            ("REJECT", ("RUS",), ("FIN",)),
        ),
        (
            "Токио обвинил Пекин в нарушении воздушного пространства. В Пекине такие "
            "обвинения отвергли как безосновательные.",
            ("REJECT", ("CHN",), ("JPN",)),
        ),
    ],
)
def test_a_refusal_of_these_claims_is_aimed_at_who_made_them(analyzer, text, expected):
    assert expected in event_directions(analyzer, text)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("В Кремле приветствовали решение Вашингтона.", ("SUPPORT", ("RUS",), ("USA",))),
        ("В Анкаре призвали Израиль прекратить удары.", ("REQUEST", ("TUR",), ("ISR",))),
        ("В Пекине отвергли обвинения Вашингтона.", ("REJECT", ("CHN",), ("USA",))),
    ],
)
def test_an_impersonal_verb_speaks_for_the_place_it_is_done_in(analyzer, sentence, expected):
    assert expected in event_directions(analyzer, sentence)


@pytest.mark.parametrize(
    "text",
    [
        "Сергей Лавров провел переговоры с министром иностранных дел Египта. Договорено "
        "провести очередной раунд консультаций в Каире.",
        "Лавров провел переговоры с министром иностранных дел Египта. Условлено, что "
        "следующая встреча пройдет в Каире.",
        "Russia and Egypt held talks in Moscow. It was agreed to hold the next round of "
        "consultations in Cairo.",
    ],
)
def test_an_agreement_reported_without_subject_is_the_sides_plan(analyzer, text):
    found = event_directions(analyzer, text)
    assert ("AGREE", ("EGY", "RUS"), ("EGY", "RUS")) in found, found


def test_a_plan_agreed_in_a_participle_is_no_new_agreement(analyzer):
    found = event_directions(
        analyzer,
        "Россия и Египет провели переговоры. Стороны обсудили план действий, согласованный "
        "в 2015 году в Вене.",
    )
    assert not [e for e in found if e[0] == "AGREE"], found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Армения пригласила Иран посетить Ереван. Приглашение было принято с благодарностью.",
            ("AGREE", ("IRN",), ("ARM",)),
        ),
        (
            "Президент Казахстана пригласил Президента Китая посетить Астану. Приглашение принято.",
            ("AGREE", ("CHN",), ("KAZ",)),
        ),
        (
            "India invited Germany to visit New Delhi. The invitation was accepted.",
            ("AGREE", ("DEU",), ("IND",)),
        ),
    ],
)
def test_an_invitation_accepted_in_the_passive_is_the_invitee_s(analyzer, text, expected):
    found = event_directions(analyzer, text)
    assert expected in found, found


@pytest.mark.parametrize(
    ("title", "genre"),
    [
        (
            "Transcript of Weekly Media Briefing by the Official Spokesperson (March 11, 2027)",
            "briefing",
        ),
        (
            "Transcript of Joint Press Interaction by the Foreign Ministers of India and Brazil",
            "press_conference",
        ),
        ("Transcript of Remarks by the Secretary at the Opening Session", "remarks"),
    ],
)
def test_a_transcript_takes_the_genre_of_what_it_transcribes(analyzer, title, genre):
    doc = analyzer.analyze_text(title + "\n\nThe minister welcomed the guests.")
    assert doc.metadata.genre == genre


def test_the_leaders_are_the_sides_of_the_call_just_reported_in_a_briefing(analyzer):
    found = event_directions(
        analyzer,
        "Transcript of Weekly Media Briefing by the Official Spokesperson of India\n\n"
        "Shri Randhir Jaiswal, Official Spokesperson: External Affairs Minister will visit "
        "Japan next week. Yesterday, Prime Minister Narendra Modi spoke with President "
        "Prabowo Subianto of Indonesia. The leaders agreed to hold the next Joint Commission "
        "meeting in New Delhi.",
    )
    plans = [e for e in found if e[0] == "AGREE" and "IDN" in e[1]]
    assert plans and all(e[1] == ("IDN", "IND") for e in plans), found
    assert not [e for e in found if e[0] == "AGREE" and e[1] == ("IND", "JPN")], found
