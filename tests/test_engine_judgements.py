"""The speaker's judgements and announced responses as classes, on invented sentences:
a predicative negative judgement of another actor's act is ACCUSE of that actor, the same
adjective qualifying a noun is only a label, and declaring targets or announcing
compensating measures is a threat (issue 10)."""

from __future__ import annotations

import pytest

from tests.event_tuples import event_tuples

HEADER = "Комментарий официального представителя МИД России (Москва, 10 марта 2026 года)\n"


def _events(analyzer, text: str) -> list[tuple[str, list[str], list[str], str]]:
    return event_tuples(analyzer, HEADER + text)


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Введённые Евросоюзом рестрикции против российских банков нелегитимны.", "EU"),
        ("Решения Вашингтона о новых пошлинах юридически ничтожны.", "USA"),
        ("Обвинения Лондона в адрес российских дипломатов голословны.", "GBR"),
        ("Подобная политика Токио контрпродуктивна и безответственна.", "JPN"),
        ("Мы считаем незаконными действия Вильнюса по досмотру судов.", "LTU"),
        ("Действия властей Молдавии противоправны.", "MDA"),
        ("Претензии Варшавы к российским компаниям абсолютно беспочвенны.", "POL"),
    ],
)
def test_a_predicative_negative_judgement_accuses_whose_act_it_judges(analyzer, sentence, target):
    found = _events(analyzer, sentence)
    assert ("ACCUSE", ["RUS"], [target], "done") in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Евросоюз ввёл нелегитимные санкции против российских банков.",
        "Власти Литвы продолжают незаконный досмотр судов.",
    ],
)
def test_the_same_adjective_qualifying_a_noun_is_a_label_not_a_judgement(analyzer, sentence):
    found = _events(analyzer, sentence)
    assert not [e for e in found if e[0] == "ACCUSE"], found


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        (
            "Если США разместят ракеты в Германии, эти объекты станут приоритетными целями "
            "для наших средств поражения.",
            "USA",
        ),
        ("Британские инструкторы на Украине станут легитимной целью.", "GBR"),
    ],
)
def test_declaring_targets_is_a_threat(analyzer, sentence, target):
    found = _events(analyzer, sentence)
    assert any(e[0] == "THREATEN" and e[1] == ["RUS"] and e[3] == "done" for e in found), found
    assert any(e[0] == "THREATEN" and target in e[2] for e in found), found


@pytest.mark.parametrize(
    "sentence",
    [
        "В ответ на размещение ракет Москва будет вынуждена принять компенсирующие меры.",
        "Россия примет меры военно-технического характера.",
        "Мы примем симметричные меры.",
    ],
)
def test_announced_compensating_measures_are_a_threat_made_now(analyzer, sentence):
    found = _events(analyzer, sentence)
    assert any(e[0] == "THREATEN" and e[1] == ["RUS"] and e[3] == "done" for e in found), found


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Евросоюз одобрил двадцатый пакет санкций против России.", "EU"),
        (
            "Совет ЕС утвердил очередной пакет ограничительных мер против России.",
            "EU",
        ),  # the Council acts for the EU
        ("Евросоюз продлил на полгода экономические санкции против России.", "EU"),
        ("Токио ужесточил экспортные ограничительные меры против России.", "JPN"),
        ("Очередной пакет антироссийских санкций был одобрен Европарламентом.", "EU"),
        ("Лондон расширил санкционный список за счёт российских компаний.", "GBR"),
    ],
)
def test_adopting_extending_or_tightening_sanctions_is_imposing_them(analyzer, sentence, source):
    found = _events(analyzer, sentence)
    assert ("SANCTION", [source], ["RUS"], "done") in found, found
    assert not [e for e in found if e[0] == "SUPPORT"], found


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "Послу заявлен решительный протест в связи с введением Токио очередного пакета "
            "антироссийских санкций.",
            "JPN",
        ),
        ("Продление Евросоюзом санкций против России контрпродуктивно.", "EU"),
        ("Мы осуждаем ужесточение Лондоном ограничительных мер против России.", "GBR"),
    ],
)
def test_a_nominalised_sanction_keeps_its_doer_and_the_reason_phrase_never_speaks(
    analyzer, sentence, source
):
    found = _events(analyzer, sentence)
    assert all(e[1] == ["RUS"] for e in found if e[0] == "ACCUSE"), found
    assert [e for e in found if e[0] == "ACCUSE"], found
    sanctions = [e for e in found if e[0] == "SANCTION"]
    assert all(e[1] == [source] for e in sanctions), found


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Такой шантаж Вашингтона контрпродуктивен.", "USA"),
        ("Этот шаг Варшавы абсурден.", "POL"),
    ],
)
def test_an_act_told_before_that_a_predicative_judgement_judges_is_its_topic(
    analyzer, sentence, target
):
    found = _events(analyzer, sentence)
    assert found == [("ACCUSE", ["RUS"], [target], "done")], found


@pytest.mark.parametrize(
    ("sentence", "act"),
    [
        ("Высылка Эстонией российского дипломата абсурдна.", ("SANCTION", ["EST"], ["RUS"])),
        (
            "Удары Израиля по Ливану абсолютно недопустимы.",
            ("ASSAULT", ["ISR"], ["LBN"]),
        ),
    ],
)
def test_a_judged_act_naming_its_doer_is_judged_and_reported(analyzer, sentence, act):
    found = _events(analyzer, sentence)
    assert ("ACCUSE", ["RUS"], act[1], "done") in found, found
    assert (*act, "done") in found, found


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Подчёркнуто, что недружественные действия Токио не останутся без ответа.", "JPN"),
        ("Очередной недружественный шаг Канады не останется без ответа.", "CAN"),
        ("Любые новые враждебные шаги молдавских властей не останутся без ответа.", "MDA"),
    ],
)
def test_a_labelled_act_that_will_be_answered_is_the_threats_topic(analyzer, sentence, target):
    found = _events(analyzer, sentence)
    assert found == [("THREATEN", ["RUS"], [target], "done")], found


@pytest.mark.parametrize(
    "sentence",
    [
        "В качестве ответной меры три сотрудника Посольства Молдавии в Москве объявлены "
        "персонами нон грата.",
        "В знак протеста посол Литвы отозван из Москвы.",
    ],
)
def test_an_act_noun_after_a_manner_phrase_is_no_act_of_its_own(analyzer, sentence):
    found = _events(analyzer, sentence)
    assert found and all(e[0] == "SANCTION" for e in found), found


@pytest.mark.parametrize(
    ("sentence", "doer", "victim"),
    [
        ("Выражаем серьёзную обеспокоенность израильскими ударами по югу Ливана.", "ISR", "LBN"),
        ("Решительно осуждаем удары ВВС Пакистана по территории Афганистана.", "PAK", "AFG"),
    ],
)
def test_a_judged_act_that_names_its_doer_is_reported_too(analyzer, sentence, doer, victim):
    found = _events(analyzer, sentence)
    assert ("ACCUSE", ["RUS"], [doer], "done") in found, found
    assert ("ASSAULT", [doer], [victim], "done") in found, found


def test_a_judged_act_with_no_doer_is_only_the_judgements_topic(analyzer):
    found = _events(analyzer, "Решительно осуждаем удары по мирным кварталам Газы.")
    assert [e[0] for e in found] == ["ACCUSE"], found


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Россия направила в Мьянму спасателей и 30 тонн гуманитарных грузов.", "RUS", "MMR"),
        ("МЧС России доставило в Сирию две партии гуманитарной помощи.", "RUS", "SYR"),
        ("Китай передал Лаосу миллион доз гуманитарной помощи.", "CHN", "LAO"),
    ],
)
def test_an_act_noun_under_a_quantity_or_a_conjunct_keeps_its_verbs_doer(
    analyzer, sentence, source, target
):
    found = _events(analyzer, sentence)
    assert any(e[:3] == ("AID", [source], [target]) for e in found), found


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Вильнюс закрывал границу с Белоруссией уже дважды.", "SANCTION"),
        ("Япония в одностороннем порядке прервала консультации с Россией.", "SANCTION"),
        ("Канберра сворачивает научное сотрудничество с Россией.", "SANCTION"),
        ("Варшава закрыла генеральное консульство России в Познани.", "SANCTION"),
    ],
)
def test_both_aspects_of_a_sanction_verb_with_each_object(analyzer, sentence, kind):
    found = _events(analyzer, sentence)
    assert any(e[0] == kind and e[2] for e in found), found


def test_however_is_no_joint_act(analyzer):
    found = _events(
        analyzer,
        "Вместе с тем мы не намерены сворачивать научные контакты с Австралией.",
    )
    assert ("SANCTION", ["RUS"], ["AUS"], "negated") in found, found


def test_a_sanction_naming_no_one_is_aimed_at_the_other_state_of_the_headline(analyzer):
    doc = analyzer.analyze_text(
        "Рыженков: Минск примет меры в ответ на закрытие Литвой пунктов пропуска\n"
        "МИНСК, 8 февраля (БелТА) - Рыженков напомнил, что Вильнюс уже закрывал границу в "
        "октябре 2025 года."
    )
    assert doc.metadata.date.isoformat() == "2026-02-08"  # after the October it recalls
    found = [
        (e.type, [r.code for r in e.source], [r.code for r in e.target], e.modality)
        for e in doc.facts.events
    ]
    assert ("SANCTION", ["LTU"], ["BLR"], "historical") in found, found
