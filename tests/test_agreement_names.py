"""English names of agreements, generated from lemmas and resolved actors, on invented text."""

from __future__ import annotations

from tests.test_facts_rules import TITLE


def named(analyzer, body: str):
    found = analyzer.analyze_text(TITLE + body).facts.agreements
    assert found, body
    return found[0]


def test_parties_after_between_are_named_in_english(analyzer):
    found = named(
        analyzer,
        "Стороны отметили значение Договора о всеобъемлющем стратегическом партнёрстве "
        "между Россией и КНДР.\n",
    )
    assert found.name_ru.endswith("между Россией и КНДР")
    assert found.name_en == (
        "Treaty on Comprehensive Strategic Partnership between Russia and North Korea"
    )


def test_a_two_word_kind_is_glossed_once_and_plurals_stay_plural(analyzer):
    found = named(
        analyzer,
        "Министры подписали Совместное заявление министров иностранных дел России и Ирана.\n",
    )
    assert found.name_en == "Joint Statement of Ministers of Foreign Affairs of Russia and Iran"


def test_a_person_after_the_name_is_no_part_of_it(analyzer):
    found = named(
        analyzer,
        "Принято Совместное заявление министров иностранных дел Российской Федерации "
        "С.В.Лаврова и Республики Беларусь М.В.Рыженкова.\n",
    )
    assert found.name_ru == "Совместное заявление министров иностранных дел Российской Федерации"
    assert found.name_en.endswith("of Russia")


def test_an_organisation_listed_after_a_comma_does_not_join_the_name(analyzer):
    found = named(
        analyzer,
        "Казахстан — участник Договора о коллективной безопасности, Содружества Независимых "
        "Государств и ЕАЭС.\n",
    )
    assert found.name_ru == "Договора о коллективной безопасности"
    assert "CSTO" not in found.name_en and found.name_en.startswith("Treaty on")


def test_roman_numerals_and_year_ranges_are_kept(analyzer):
    found = named(
        analyzer,
        "Стороны подписали Договор о добрососедстве и сотрудничестве в XXI веке и План "
        "консультаций на 2027-2028 годы.\n",
    )
    assert "XXI" in found.name_en and "Xxi" not in found.name_en
    plan = analyzer.analyze_text(TITLE + "Подписан План консультаций на 2027-2028 годы.\n")
    assert plan.facts.agreements[0].name_en == "Plan of Consultations for 2027-2028"


def test_glossary_phrases_and_words_make_plain_english(analyzer):
    found = named(
        analyzer,
        "Подписан Меморандум о взаимопонимании между дипломатическими академиями двух "
        "министерств.\n",
    )
    assert (
        found.name_en
        == "Memorandum of Understanding between Diplomatic Academies of Two Ministries"
    )
    found = named(analyzer, "Мы обсудили Договор о коллективной безопасности.\n")
    assert found.name_en == "Treaty on Collective Security"


def test_a_bare_kind_word_opening_a_sentence_refers_back(analyzer):
    doc = analyzer.analyze_text(
        TITLE + "Обсудили выполнение Договора о всеобъемлющем стратегическом партнёрстве. "
        "Договор вступил в силу в декабре 2024 года.\n"
    )
    (treaty,) = doc.facts.agreements
    assert treaty.name_en == "Treaty on Comprehensive Strategic Partnership"
    assert treaty.status == "in_force" and len(treaty.evidence) == 2
