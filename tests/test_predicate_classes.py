"""Predicate synonym classes (issue 10, item 1): the lexicon's shape, and each class on its own
invented sentences, in different voices, word orders and with different actors."""

from __future__ import annotations

import json
from collections import Counter
from importlib.resources import files

import pytest

from demarche.data import load_json
from demarche.facts.lexicon import load_lexicon
from demarche.language.morphology import Morphology

STATEMENT = "Заявление МИД России в связи с ситуацией в регионе (Москва, 3 марта 2025 года)\n"
LEXICON = load_json("lang/ru_predicates.json")


@pytest.fixture(scope="module")
def matcher():
    return load_lexicon(Morphology()).predicates


def analyse(analyzer, matcher, sentence: str):
    doc = analyzer.analyze_text(STATEMENT + sentence + "\n")
    classes = {h.pattern.payload["class"] for h in matcher.find(doc.sentences[-1].tokens)}
    events = [
        (e.type, sorted(r.code for r in e.source), sorted(r.code for r in e.target))
        for e in doc.facts.events
    ]
    return classes, events


# --- the file itself ---------------------------------------------------------------------------


def test_the_lexicon_is_valid_json_with_its_loader_keys():
    text = files("demarche.data").joinpath("lang/ru_predicates.json").read_text(encoding="utf-8")
    assert set(json.loads(text)) == {"about", "classes", "predicates", "negated_types"}


def test_every_lemma_sequence_and_part_of_speech_is_listed_once():
    keys = Counter((tuple(e["lemmas"]), e["pos"]) for e in LEXICON["predicates"])
    assert [k for k, n in keys.items() if n > 1] == []


def test_every_entry_names_a_class_whose_type_and_mode_it_shares():
    classes = LEXICON["classes"]
    for entry in LEXICON["predicates"]:
        name = entry.get("class")
        assert name in classes, entry
        assert (classes[name]["type"], classes[name]["mode"]) == (entry["type"], entry["mode"])


def test_every_class_is_used_and_carries_a_cameo_code_and_a_definition():
    used = {e["class"] for e in LEXICON["predicates"]}
    for name, spec in LEXICON["classes"].items():
        assert name in used, name
        assert name.split(".")[0] == spec["type"]
        assert spec["cameo"].isdigit() and spec["definition"]


# --- each class on invented sentences -----------------------------------------------------------

# (class, sentence, source, target); None: the argument is not asserted (see the report)
CASES = [
    (
        "ACCUSE.condemn",
        "Мы решительно осуждаем очередной обстрел Донецка украинскими формированиями.",
        ["RUS"],
        ["UKR"],
    ),
    (
        "ACCUSE.condemn",
        "Москва крайне возмущена высказываниями министра обороны Германии.",
        ["RUS"],
        ["DEU"],
    ),
    (
        "ACCUSE.condemn",
        "Глава МИД Финляндии подверг резкой критике позицию Венгрии.",
        ["FIN"],
        ["HUN"],
    ),
    (
        "ACCUSE.condemn",
        "Пекин выразил негодование в связи с визитом американских сенаторов на Тайвань.",
        ["CHN"],
        None,
    ),
    ("ACCUSE.condemn", "Действия Варшавы были осуждены Москвой.", None, None),
    ("ACCUSE.protest", "Польша заявила протест Белоруссии.", ["POL"], ["BLR"]),
    (
        "ACCUSE.protest",
        "Посольство России в Вашингтоне направило ноту протеста в Государственный департамент.",
        ["RUS"],
        ["USA"],
    ),
    (
        "ACCUSE.protest",
        "В МИД России была вызвана посол Эстонии, которой был заявлен протест.",
        ["RUS"],
        ["EST"],
    ),
    (
        "ACCUSE.protest",
        "Министр иностранных дел Литвы опротестовал решение Минска.",
        ["LTU"],
        ["BLR"],
    ),
    (
        "ACCUSE.concern",
        "Мы глубоко обеспокоены наращиванием военной активности США в Арктике.",
        ["RUS"],
        ["USA"],
    ),
    ("ACCUSE.concern", "Китай встревожен решением Японии о сбросе воды.", ["CHN"], ["JPN"]),
    ("ACCUSE.concern", "Озабоченность Москвы вызывает милитаризация Молдавии.", ["RUS"], ["MDA"]),
    (
        "ACCUSE.concern",
        "Индия выразила беспокойство ростом напряжённости на Корейском полуострове.",
        ["IND"],
        None,
    ),
    (
        "ACCUSE.label",
        "Москва расценила высылку дипломатов как недружественный шаг Праги.",
        ["RUS"],
        ["CZE"],
    ),
    (
        "ACCUSE.label",
        "Считаем возмутительными заявления министра иностранных дел Эстонии.",
        ["RUS"],
        ["EST"],
    ),
    ("ACCUSE.blame", "Вашингтон возложил вину за срыв переговоров на Москву.", ["USA"], ["RUS"]),
    ("ACCUSE.blame", "Киев вновь обвиняет Минск в подготовке провокаций.", ["UKR"], ["BLR"]),
    (
        "THREATEN.retaliate",
        "Россия даст решительный отпор любым попыткам Запада вмешаться в её внутренние дела.",
        ["RUS"],
        None,
    ),
    ("THREATEN.retaliate", "Россия ответит на новые санкции Евросоюза.", ["RUS"], ["EU"]),
    (
        "THREATEN.retaliate",
        "Москва отреагирует на размещение американских ракет в Германии.",
        ["RUS"],
        None,
    ),
    (
        "THREATEN.retaliate",
        "Мы оставляем за собой право принять меры для защиты наших граждан в Латвии.",
        ["RUS"],
        None,
    ),
    ("THREATEN.retaliate", "Эти шаги Лондона не останутся безнаказанными.", None, ["GBR"]),
    (
        "THREATEN.retaliate",
        "Со стороны Москвы последуют зеркальные шаги в отношении Осло.",
        None,
        ["NOR"],
    ),
    (
        "THREATEN.retaliate",
        "Ответ на недружественные действия Токио не заставит себя ждать.",
        None,
        None,
    ),
    ("THREATEN.warn", "Такая политика Вашингтона чревата серьёзными последствиями.", None, ["USA"]),
    (
        "THREATEN.warn",
        "Пекин предостерёг Манилу от новых провокаций в Южно-Китайском море.",
        ["CHN"],
        ["PHL"],
    ),
    ("THREATEN.threaten", "Киев продолжает шантажировать Европу газовым транзитом.", ["UKR"], None),
    ("THREATEN.threaten", "Анкара пригрозила Афинам.", ["TUR"], ["GRC"]),
    ("THREATEN.warn", "Москва предупредила Киев.", ["RUS"], ["UKR"]),
    ("THREATEN.force", "Вашингтон пригрозил применить силу против Каракаса.", ["USA"], ["VEN"]),
    ("THREATEN.relations", "Вильнюс угрожает разорвать отношения с Пекином.", ["LTU"], ["CHN"]),
    ("THREATEN.sanctions", "Вашингтон грозит Пекину новыми санкциями.", ["USA"], ["CHN"]),
    ("THREATEN.sanctions", "Брюссель угрожает Будапешту санкциями.", ["EU"], ["HUN"]),
    (
        "SANCTION.expel",
        "Германия объявила персонами нон грата двух российских дипломатов.",
        ["DEU"],
        ["RUS"],
    ),
    ("SANCTION.expel", "Правительство Молдавии выслало российского дипломата.", ["MDA"], ["RUS"]),
    (
        "SANCTION.expel",
        "Литва выдворила из страны трёх сотрудников российского посольства.",
        ["LTU"],
        ["RUS"],
    ),
    (
        "SANCTION.expel",
        "Трём сотрудникам посольства Норвегии предписано покинуть Россию.",
        ["RUS"],
        ["NOR"],
    ),
    ("SANCTION.expel", "Пять британских дипломатов будут высланы из России.", None, None),
    ("SANCTION.break_relations", "Россия отзывает посла из Кишинёва.", ["RUS"], ["MDA"]),
    (
        "SANCTION.break_relations",
        "Россия сокращает численность британского посольства в Москве.",
        ["RUS"],
        None,
    ),
    ("SANCTION.impose", "Евросоюз продлил санкции против России.", ["EU"], ["RUS"]),
    ("SANCTION.impose", "Япония ужесточила санкции против Москвы.", ["JPN"], ["RUS"]),
    ("SANCTION.impose", "Москва ввела контрсанкции против Австралии.", ["RUS"], ["AUS"]),
    ("SANCTION.impose", "Евросоюз наложил санкции на российские банки.", ["EU"], ["RUS"]),
    (
        "SANCTION.close",
        "Власти Финляндии внесли российских журналистов в стоп-лист.",
        ["FIN"],
        ["RUS"],
    ),
    (
        "SANCTION.suspend",
        "Норвегия приостановила сотрудничество с Россией в Арктике.",
        ["NOR"],
        ["RUS"],
    ),
    (
        "SANCTION.suspend",
        "Рига объявила о прекращении сотрудничества с Минском в сфере образования.",
        ["LVA"],
        ["BLR"],
    ),
    (
        "SANCTION.halt_talks",
        "Токио объявил о приостановке переговоров с Москвой о мирном договоре.",
        ["JPN"],
        ["RUS"],
    ),
    ("AGREE.plan_meeting", "Лавров пригласил коллегу из Лаоса посетить Москву.", ["RUS"], None),
    (
        "AGREE.invite",
        "Лавров направил приглашение министру иностранных дел Кении.",
        ["RUS"],
        ["KEN"],
    ),
    ("AGREE.agree_to", "Москва и Пекин согласовывают график контактов.", ["CHN", "RUS"], None),
    ("AGREE.propose", "Анкара выдвинула предложение о прекращении огня.", ["TUR"], None),
    ("REJECT.deny", "Москва отметает эти обвинения Лондона.", ["RUS"], ["GBR"]),
    ("REJECT.veto", "США применили вето при голосовании по проекту резолюции.", ["USA"], None),
    ("REJECT.meet", "Киев сорвал встречу в Стамбуле.", ["UKR"], None),
    ("REJECT.meet", "Отказ Киева от переговоров с Москвой очевиден.", ["UKR"], ["RUS"]),
    (
        "CONCEDE.ease_sanctions",
        "США объявили о смягчении санкций против Венесуэлы.",
        ["USA"],
        ["VEN"],
    ),
    ("RETREAT.return", "Евросоюз снимает санкции с Белоруссии.", ["EU"], ["BLR"]),
    ("REJECT.refuse", "Вашингтон исключает возможность переговоров с Тегераном.", ["USA"], ["IRN"]),
    ("REJECT.oppose", "Франция возразила против этого предложения Германии.", ["FRA"], ["DEU"]),
    ("REQUEST.ask", "Минск запрашивает у Вильнюса разъяснения.", ["BLR"], None),
    ("SUPPORT.back", "Мы солидарны с народом Кубы.", ["RUS"], ["CUB"]),
    ("SUPPORT.praise", "Москва похвалила Будапешт за взвешенную позицию.", ["RUS"], ["HUN"]),
    ("CONCEDE.yield", "Баку идёт на уступки Еревану.", ["AZE"], ["ARM"]),
    ("CONCEDE.apologize", "Варшава приносит извинения Киеву.", ["POL"], ["UKR"]),
    ("AID.aid", "Россия продолжит оказание помощи Сирии.", ["RUS"], ["SYR"]),
    ("CONSULT.visit", "Лавров совершил рабочую поездку в Минск.", ["RUS"], None),
    ("CONSULT.hold_talks", "В Москве проходят консультации России и Ирана по Каспию.", None, None),
]


@pytest.mark.parametrize(("name", "sentence", "source", "target"), CASES)
def test_a_class_member_yields_an_event_of_the_class_type(
    analyzer, matcher, name, sentence, source, target
):
    classes, events = analyse(analyzer, matcher, sentence)
    assert name in classes, classes
    wanted = LEXICON["classes"][name]["type"]
    assert any(
        kind == wanted
        and (source is None or sources == sorted(source))
        and (target is None or targets == sorted(target))
        for kind, sources, targets in events
    ), events


@pytest.mark.parametrize(
    "sentence",
    [
        "Идёт подготовка визита Президента Египта в Россию.",
        "Россия и Египет готовят визит президента Египта в Москву.",
    ],
)
def test_a_meeting_being_prepared_is_an_intent_to_meet(analyzer, matcher, sentence):
    _, events = analyse(analyzer, matcher, sentence)
    assert [kind for kind, _, _ in events] == ["AGREE"]


# --- class words where they mean something else ------------------------------------------------

NEGATIVE = [
    ("THREATEN", "Министр ответил на вопрос журналиста о санкциях."),
    ("THREATEN", "Лавров ответил на вопросы депутатов Государственной Думы."),
    ("THREATEN", "Мы ответим на все письма граждан."),
    ("THREATEN", "Ответ на этот вопрос очевиден."),
    ("THREATEN", "Министр положительно ответил на приглашение посетить Каир."),
    ("CONSULT", "Президент принял решение о назначении главы администрации."),
    ("SANCTION", "Власти Латвии начали выдворение нелегальных мигрантов."),
    ("THREATEN", "Посольство предупреждает граждан России о рисках поездок в Таиланд."),
]


@pytest.mark.parametrize(("kind", "sentence"), NEGATIVE)
def test_a_class_word_in_another_sense_is_no_event_of_the_class(analyzer, matcher, kind, sentence):
    _, events = analyse(analyzer, matcher, sentence)
    assert kind not in [k for k, _, _ in events]


def test_an_answer_is_a_threat_only_with_the_measure_it_answers():
    """«ответить» alone answers a question; a retaliation names what it answers, next to «на»."""
    answers = [e for e in LEXICON["predicates"] if e["lemmas"][0] in ("ответить", "отвечать")]
    assert answers and all(len(e["lemmas"]) > 1 for e in answers)
    assert all(e.get("window", 4) <= 3 for e in answers if e["lemmas"][1] == "на")
