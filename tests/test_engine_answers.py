"""Answers and protests in the words ministries use for them, in Russian and English."""

from __future__ import annotations

import pytest

from tests.event_tuples import event_directions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Евросоюз ввёл санкции против китайских компаний. Пекин примет необходимые меры "
            "для защиты законных прав и интересов своих предприятий.",
            ("THREATEN", ("CHN",), ("EU",)),
        ),
        (
            "Вашингтон ввёл пошлины на индийские товары. Нью-Дели предпримет необходимые меры "
            "по защите интересов индийских экспортёров.",
            ("THREATEN", ("IND",), ("USA",)),
        ),
        (
            "The European Union imposed sanctions on Chinese firms. Beijing will take necessary "
            "measures to protect the rights of Chinese companies.",
            ("THREATEN", ("CHN",), ("EU",)),
        ),
        (
            "Japan imposed export controls on South Korean chipmakers. Seoul will take necessary "
            "measures to firmly safeguard the interests of its industry.",
            ("THREATEN", ("KOR",), ("JPN",)),
        ),
    ],
)
def test_necessary_measures_to_protect_one_s_interests_answer_the_act_before(
    analyzer, text, expected
):
    found = event_directions(analyzer, text)
    assert expected in found, found


def test_necessary_measures_for_one_s_own_security_are_no_answer(analyzer):
    found = event_directions(
        analyzer,
        "Россия и Беларусь будут принимать все необходимые меры для обеспечения безопасности "
        "Союзного государства.",
    )
    assert not [e for e in found if e[0] == "THREATEN"], found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Официальный представитель МИД КНР заявил, что Китай заявил решительное "
            "представление американской стороне.",
            ("ACCUSE", ("CHN",), ("USA",)),
        ),
        (
            "China's foreign ministry said it had lodged stern representations with the US side.",
            ("ACCUSE", ("CHN",), ("USA",)),
        ),
        (
            "India's foreign ministry said it had made strong representations to Pakistan.",
            ("ACCUSE", ("IND",), ("PAK",)),
        ),
        (
            "Vietnam's foreign ministry said it had lodged a complaint with China.",
            ("ACCUSE", ("VNM",), ("CHN",)),
        ),
    ],
)
def test_representations_and_complaints_are_protests(analyzer, text, expected):
    found = event_directions(analyzer, text)
    assert expected in found, found


def test_outlets_asking_are_questions_not_speakers(analyzer):
    doc = analyzer.analyze_text(
        "Foreign Ministry Spokesperson's Regular Press Conference on May 7, 2027\n\n"
        "AFP: The US yesterday sanctioned a refinery in Shandong. What is China's response?\n\n"
        "Lin Jian: China firmly opposes illegal unilateral sanctions.\n\n"
        "Kyodo News: Japan will deploy missiles on Yonaguni. What is your comment?\n\n"
        "Lin Jian: We are gravely concerned about this.\n"
    )
    roles = {doc.text[t.label_start : t.label_end]: t.role for t in doc.turns}
    assert roles == {"AFP": "question", "Lin Jian": "speaker", "Kyodo News": "question"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Заявление МИД Таджикистана\n\nПосол Афганистана был вызван в МИД.",
            ("ACCUSE", ("TJK",), ("AFG",)),
        ),
        (
            "Заявление МИД Таджикистана\n\nВременный поверенный в делах Афганистана в "
            "Республике Таджикистан был вызван в МИД.",
            ("ACCUSE", ("TJK",), ("AFG",)),
        ),
        (
            "Заявление МИД России\n\nПосол Японии в России был вызван в МИД.",
            ("ACCUSE", ("RUS",), ("JPN",)),
        ),
        (
            "Statement by the Ministry of Foreign Affairs of Tajikistan\n\nThe Ambassador of "
            "Afghanistan was summoned to the Ministry.",
            ("ACCUSE", ("TJK",), ("AFG",)),
        ),
    ],
)
def test_the_summoned_envoy_s_state_is_never_the_source(analyzer, text, expected):
    found = event_directions(analyzer, text)
    assert expected in found, found
    assert not [e for e in found if e[0] == "ACCUSE" and e[1] == expected[2]], found


@pytest.mark.parametrize(
    ("title", "actor"),
    [
        ("Заявление МИД Таджикистана", "TJK"),
        ("Заявление Министерства иностранных дел Республики Таджикистан", "TJK"),
        ("Заявление Посольства Китая в России", "CHN"),
        ("Statement by the Ministry of Foreign Affairs of the Republic of Tajikistan", "TJK"),
    ],
)
def test_a_title_naming_a_state_s_institution_gives_the_speaker(analyzer, title, actor):
    body = "We condemn the attack." if title.isascii() else "Мы осуждаем нападение."
    doc = analyzer.analyze_text(title + "\n\n" + body)
    assert doc.metadata.speaker is not None and doc.metadata.speaker.actor == actor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ethiopia accused Eritrea of massing troops on the border. The United States urged "
            "both sides to show restraint.",
            ("REQUEST", ("USA",), ("ERI", "ETH")),
        ),
        (
            "Пакистан и Афганистан договорились продлить перемирие. Китай призвал обе стороны "
            "проявлять сдержанность.",
            ("REQUEST", ("CHN",), ("AFG", "PAK")),
        ),
        (
            "Эфиопия обвинила Эритрею в переброске войск к границе. Россия призвала стороны к "
            "сдержанности.",
            ("REQUEST", ("RUS",), ("ERI", "ETH")),
        ),
    ],
)
def test_a_call_on_both_sides_is_aimed_at_the_sides_just_reported(analyzer, text, expected):
    found = event_directions(analyzer, text)
    assert expected in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pakistan and Afghanistan agreed to extend the ceasefire. China welcomed the deal.",
            ("SUPPORT", ("CHN",), ("AFG", "PAK")),
        ),
        (
            "Пакистан и Афганистан договорились продлить перемирие. Китай приветствовал эту "
            "договоренность.",
            ("SUPPORT", ("CHN",), ("AFG", "PAK")),
        ),
        (
            "Армения и Азербайджан подписали мирный договор. Россия приветствовала подписание "
            "договора.",
            ("SUPPORT", ("RUS",), ("ARM", "AZE")),
        ),
        (
            "Armenia and Azerbaijan signed a peace treaty. Iran welcomed the agreement.",
            ("SUPPORT", ("IRN",), ("ARM", "AZE")),
        ),
    ],
)
def test_welcoming_a_deal_just_reported_is_aimed_at_all_its_sides(analyzer, text, expected):
    found = event_directions(analyzer, text)
    assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Пресс-конференция Министра иностранных дел России С.В.Лаврова по итогам переговоров с "
        "Министром иностранных дел Ирана А.Аракчи, Москва, 5 марта 2027 года\n\nПровели "
        "переговоры. Мы готовы оказать любое содействие иранским друзьям.",
        "Press conference by Russian Foreign Minister Sergey Lavrov following talks with Iranian "
        "Foreign Minister Abbas Araghchi, Moscow, March 5, 2027\n\nWe held talks. We are ready "
        "to provide any assistance to our Iranian friends.",
    ],
)
def test_readiness_after_talks_is_the_voice_s_alone(analyzer, text):
    found = event_directions(analyzer, text)
    ready = [e for e in found if e[0] == "AGREE"]
    assert ready and all(e[1] == ("RUS",) for e in ready), found
