"""Context rules: ambiguous adjectives, the speaker's «мы», colleagues, dated offices."""

from __future__ import annotations


def _actors(doc, text: str) -> set[str | None]:
    return {
        doc.entities[m.entity_id].actor if m.entity_id else None
        for m in doc.mentions
        if m.text == text
    }


def test_korean_means_the_republic_of_korea_in_a_rok_document(analyzer):
    doc = analyzer.analyze_text(
        "Комментарий официального представителя МИД России М.В.Захаровой "
        "(Москва, 5 марта 2025 года)\n"
        "Власти Республики Корея приняли решение. Сеул заявил, что корейские компании "
        "уходят с рынка. Мы надеемся, что корейская сторона проявит благоразумие."
    )
    assert _actors(doc, "корейские") == {"KOR"}
    assert _actors(doc, "корейская") == {"KOR"}
    assert _actors(doc, "Мы") == {"RUS"}


def test_korean_means_the_dprk_in_a_dprk_document(analyzer):
    doc = analyzer.analyze_text(
        "Делегация КНДР прибыла в Москву. Пхеньян поддержал инициативу. "
        "Корейские друзья высоко оценили итоги."
    )
    assert _actors(doc, "Корейские") == {"PRK"}


def test_ambiguous_adjective_stays_unresolved_without_context(analyzer):
    doc = analyzer.analyze_text("Корейская кухня пользуется популярностью.")
    (mention,) = [m for m in doc.mentions if m.text == "Корейская"]
    assert not mention.resolved


def test_colleague_gets_the_counterparts_office(analyzer):
    doc = analyzer.analyze_text(
        "Выступление Министра иностранных дел Российской Федерации С.В.Лаврова "
        "(Банжул, 3 апреля 2025 года)\n"
        "Сергей Лавров: Провели переговоры с Гамбией. Сегодня с моим коллегой, "
        "Министром иностранных дел Мамаду Тангарой обсудили отношения России и Гамбии."
    )
    (mention,) = [m for m in doc.mentions if m.text.startswith("Мамаду")]
    person = doc.entities[mention.entity_id]
    assert person.kind == "person"
    assert person.office == "Minister of Foreign Affairs"
    assert person.actor == "GMB"


def test_an_unknown_name_after_an_office_and_a_state_holds_that_office(analyzer):
    doc = analyzer.analyze_text(
        "С.В.Лавров провёл переговоры с министром обороны Сербии Миланом Петровичем. "
        "Министр иностранных дел Армении Арсен Тарханов заявил о поддержке."
    )
    offices = {}
    for mention in doc.mentions:
        if mention.text in ("Миланом Петровичем", "Арсен Тарханов"):
            person = doc.entities[mention.entity_id]
            offices[mention.text] = (person.kind, person.actor, person.office)
    assert offices == {
        "Миланом Петровичем": ("person", "SRB", "Minister of Defence"),
        "Арсен Тарханов": ("person", "ARM", "Minister of Foreign Affairs"),
    }


def test_office_follows_the_document_date(analyzer):
    early = analyzer.analyze_text("Москва, 10 марта 2010 года. Д.А.Медведев принял делегацию.")
    late = analyzer.analyze_text("Москва, 10 марта 2015 года. Д.А.Медведев принял делегацию.")
    now = analyzer.analyze_text("Москва, 10 марта 2025 года. Д.А.Медведев принял делегацию.")
    offices = [
        next(d.entities[m.entity_id] for m in d.mentions if m.label == "PER")
        for d in (early, late, now)
    ]
    assert (offices[0].office, offices[0].sector) == ("President", "GOV")
    assert offices[1].office == "Prime Minister"
    assert offices[2].office != "Prime Minister"


def test_state_and_sector_word_make_a_group(analyzer):
    doc = analyzer.analyze_text("Правительство Израиля и японское правительство выступили против.")
    groups = {m.text: doc.entities[m.entity_id] for m in doc.mentions if m.form == "group"}
    assert (groups["Правительство Израиля"].actor, groups["Правительство Израиля"].sector) == (
        "ISR",
        "GOV",
    )
    assert groups["японское правительство"].actor == "JPN"
    inner = [m for m in doc.mentions if m.text == "Израиля"]
    assert inner and inner[0].entity_id == "state:ISR"


def test_bare_surname_of_a_former_leader_needs_his_state_in_the_text(analyzer):
    business = analyzer.analyze_text(
        "Москва, 3 марта 2016 года. Глава «Газпрома» Алексей Миллер провёл переговоры. "
        "Миллер заявил о росте поставок."
    )
    assert _actors(business, "Алексей Миллер") == {None}
    assert _actors(business, "Миллер") == {None}
    poland = analyzer.analyze_text(
        "Москва, 3 марта 2016 года. Бывший премьер-министр Польши Миллер заявил, "
        "что Польша должна развивать отношения с Россией."
    )
    assert _actors(poland, "Миллер") == {"POL"}
    minister = analyzer.analyze_text("Москва, 3 марта 2016 года. Лавров провёл переговоры.")
    assert _actors(minister, "Лавров") == {"RUS"}


def test_a_named_ministry_is_not_also_a_generic_group(analyzer):
    doc = analyzer.analyze_text(
        "МИД России выразил протест. Правительство Израиля и израильская армия не ответили."
    )
    spans = [(m.text, doc.entities[m.entity_id].kind) for m in doc.mentions if m.entity_id]
    assert [s for s in spans if s[0] == "МИД России"] == [("МИД России", "state_body")]
    assert ("Правительство Израиля", "group") in spans
    assert ("израильская армия", "group") in spans
