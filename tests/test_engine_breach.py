"""ACCUSE.breach and ACCUSE.conduct: a voice saying that another actor breaks, flouts or
ignores an agreement, a ceasefire or a norm, or interferes in another's affairs, accuses that
actor; invented sentences over several verbs, objects, aspects and actors (issue 10)."""

from __future__ import annotations

import pytest

from tests.event_tuples import event_tuples

STATEMENT = "Заявление МИД России\n"


@pytest.mark.parametrize(
    ("sentence", "accused"),
    [
        ("Киев продолжает нарушать договоренности о прекращении огня.", "UKR"),
        ("Израиль грубо нарушает международное право.", "ISR"),
        ("Токио попирает нормы международного права.", "JPN"),
        ("Вашингтон проигнорировал резолюцию Совета Безопасности ООН.", "USA"),
        ("Украинские вооружённые силы нарушили режим прекращения огня.", "UKR"),
        ("Баку сорвал договорённости о перемирии.", "AZE"),
        ("Вашингтон грубо вмешивается во внутренние дела Венесуэлы.", "USA"),
        ("Варшава тиражирует ложь о советских воинах-освободителях.", "POL"),
        ("Лондон вновь нарушил суверенитет Ирака.", "GBR"),
    ],
)
def test_a_breach_named_by_the_voice_accuses_its_doer(analyzer, sentence, accused):
    found = event_tuples(analyzer, STATEMENT + sentence)
    assert ("ACCUSE", ["RUS"], [accused]) in [e[:3] for e in found], found
    assert not [e for e in found if e[0] == "AGREE"], found  # «договорённости» is no deal


def test_a_breach_the_voice_denies_of_itself_is_no_accusation(analyzer):
    found = event_tuples(analyzer, STATEMENT + "Мы никогда не нарушали международное право.")
    assert not [e for e in found if e[0] == "ACCUSE"], found


def test_a_call_not_to_breach_is_a_request(analyzer):
    found = event_tuples(
        analyzer, STATEMENT + "Призываем Израиль не нарушать договоренности о перемирии."
    )
    assert [e[:3] for e in found] == [("REQUEST", ["RUS"], ["ISR"])], found


def test_a_breach_reported_in_news_is_the_speaker_s_accusation(analyzer):
    text = (
        "МОСКВА, 3 марта. /ТАСС/. Официальный представитель МИД России Мария Захарова "
        "заявила, что Киев нарушил договорённости о прекращении огня."
    )
    found = event_tuples(analyzer, text)
    assert ("ACCUSE", ["RUS"], ["UKR"]) in [e[:3] for e in found], found


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia has again violated the ceasefire agreement.",
        "Moscow continues to flout international law.",
        "The Russian Federation ignored the resolution of the UN General Assembly.",
        "Russia is meddling in the internal affairs of Moldova.",
    ],
)
def test_an_english_breach_accuses_its_doer_through_the_same_class(analyzer, sentence):
    text = "Statement by the Ministry of Foreign Affairs of Ukraine\n" + sentence
    found = event_tuples(analyzer, text)
    assert ("ACCUSE", ["UKR"], ["RUS"]) in [e[:3] for e in found], found


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            STATEMENT + "Россия выступает против размещения американских ракет в Японии.",
            "RUS",
            "USA",
        ),
        (
            "Statement by the Ministry of Foreign Affairs of China\n"
            "China firmly opposes the US arms sales to Taiwan.",
            "CHN",
            "USA",
        ),
        # whose plans they are is not yet read through «планов»: the type and doer are
        (STATEMENT + "Москва выступила против планов НАТО по расширению на восток.", "RUS", None),
    ],
)
def test_opposing_another_s_acts_is_disapproval_not_a_refusal(analyzer, text, source, target):
    found = event_tuples(analyzer, text)
    accusations = [e[:3] for e in found if e[0] == "ACCUSE" and e[1] == [source]]
    assert accusations, found
    assert target is None or ("ACCUSE", [source], [target]) in accusations, found
    assert not [e for e in found if e[0] == "REJECT"], found


@pytest.mark.parametrize(
    "text",
    [
        STATEMENT + "Россия выступила против проекта резолюции, внесенного Великобританией.",
        STATEMENT + "Москва выступает против инициативы Евросоюза.",
        "Statement by the MFA of Hungary\nHungary opposed the new sanctions package.",
        "Statement by the MFA of India\nIndia opposed the draft resolution tabled by France.",
    ],
)
def test_opposing_a_proposal_is_refusing_it(analyzer, text):
    found = event_tuples(analyzer, text)
    assert [e for e in found if e[0] == "REJECT"], found
    assert not [e for e in found if e[0] == "ACCUSE"], found


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Россия выступает против попыток навязать Нейпьидо решения извне.", []),
        ("Москва осуждает решение Вильнюса выслать российских дипломатов.", ["LTU"]),
        ("Россия осуждает попытки Киева сорвать переговоры с Минском.", ["UKR"]),
        ("Москва выступает против попыток заставить Белград ввести санкции.", []),
    ],
)
def test_whom_an_opposed_attempt_is_aimed_at_is_no_target_of_the_judgement(
    analyzer, sentence, target
):
    found = event_tuples(analyzer, STATEMENT + sentence)
    judgements = [e for e in found if e[0] == "ACCUSE" and e[1] == ["RUS"]]
    assert judgements and judgements[0][2] == target, found
