"""Agreements on short invented statements: names by adjective or quotes, known agreements."""

from __future__ import annotations

from tests.test_facts_rules import TITLE


def agreements(analyzer, body: str):
    return analyzer.analyze_text(TITLE + body).facts.agreements


def test_a_proper_adjective_names_the_agreement(analyzer):
    (found,) = agreements(analyzer, "Принятая там Казанская декларация задаёт ориентиры.\n")
    assert found.kind == "declaration"
    assert found.name_ru == "Казанская декларация"
    assert found.parties == ["BRICS"] and found.signed.startswith("2024-10")


def test_a_quoted_name_runs_on_past_its_quotes(analyzer):
    (found,) = agreements(
        analyzer,
        "Подписана «дорожная карта» по развитию транспортно-логистического сотрудничества.\n",
    )
    assert found.kind == "roadmap"
    assert found.name_ru.startswith("«дорожная карта» по развитию")


def test_a_month_after_the_name_is_no_part_of_it(analyzer):
    (found,) = agreements(analyzer, "Мы вышли из Черноморской инициативы в июле.\n")
    assert found.name_ru == "Черноморской инициативы"
    assert found.kind == "agreement" and "UN" in found.parties
