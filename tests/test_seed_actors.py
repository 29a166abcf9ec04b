"""Every person, place, state and organisation an analyst lists for the seed is resolved."""

from __future__ import annotations

import pytest

from tests.conftest import entities_within, occurrences


def _covered(doc, mention: str, accept) -> int:
    """How many occurrences of ``mention`` hold a mention resolved to an accepted entity."""
    return sum(
        1
        for start, end in occurrences(doc.text, mention)
        if any(accept(e) for e in entities_within(doc, start, end))
    )


def _check_group(doc, items, accept_for) -> list[str]:
    problems = []
    for item in items:
        accept = accept_for(item)
        for mention in set(item["mentions"]):
            wanted = item["mentions"].count(mention)
            got = _covered(doc, mention, accept)
            if got < wanted:
                problems.append(f"{mention!r}: {got}/{wanted} resolved as {item}")
    return problems


def test_people_resolved_with_dated_office(seed_doc, expected):
    def accept_for(item):
        return lambda e: (
            e.kind == "person"
            and e.name_en == item["name_en"]
            and e.actor == item["actor"]
            and e.sector == item["sector"]
            and e.office == item["office"]
            and not e.former
        )

    assert _check_group(seed_doc, expected["people"], accept_for) == []


def test_places_resolved_to_country_or_region(seed_doc, expected):
    def accept_for(item):
        def accept(e):
            if e.name_en != item["name_en"]:
                return False
            if "country" in item:
                return e.kind == "place" and e.country == item["country"]
            return e.kind == item["kind"]

        return accept

    assert _check_group(seed_doc, expected["places"], accept_for) == []


def test_states_resolved_through_every_form(seed_doc, expected):
    def accept_for(item):
        return lambda e: e.actor == item["actor"] and e.kind in ("state", "group")

    assert _check_group(seed_doc, expected["states"], accept_for) == []


def test_organizations_resolved_with_sector(seed_doc, expected):
    def accept_for(item):
        return lambda e: (
            e.actor == item["actor"]
            and e.name_en == item["name_en"]
            and e.sector == item.get("sector", e.sector)
        )

    assert _check_group(seed_doc, expected["organizations"], accept_for) == []


def test_kim_jong_un_normalised_to_nominative(seed_doc):
    (mention,) = [m for m in seed_doc.mentions if m.text == "Ким Чен Ына"]
    assert mention.normal == "Ким Чен Ын"
    assert mention.entity_id == "person:kim-jong-un"


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("Российской Федерации", "Российская Федерация"),
        ("С.В.Лаврова", "С.В.Лавров"),
        ("Курской области", "Курская область"),
        ("Корейской народной армии", "Корейская народная армия"),
        ("Вонсане", "Вонсан"),
    ],
)
def test_mentions_normalised_to_nominative(seed_doc, written, normal):
    normals = {m.normal for m in seed_doc.mentions if m.text == written}
    assert normals == {normal}


def test_first_person_plural_is_the_speakers_state(seed_doc):
    pronouns = [m for m in seed_doc.mentions if m.form == "pronoun"]
    assert len(pronouns) >= 5
    assert {m.entity_id for m in pronouns} == {"state:RUS"}


def test_unresolved_mentions_are_kept_and_marked(analyzer):
    doc = analyzer.analyze_text(
        "Министр встретился с Иваном Петровичем Сидоренко-Залесским в Урюпинске."
    )
    people = [m for m in doc.mentions if m.label == "PER"]
    assert people, "NER mention must be kept even when no dictionary knows it"
    assert all(not m.resolved for m in people)
