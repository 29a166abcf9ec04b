"""Dialogue formats on short invented statements: counted rounds, elided ordinals, names."""

from __future__ import annotations

from tests.test_facts_rules import TITLE


def formats(analyzer, body: str):
    doc = analyzer.analyze_text(TITLE + body)
    return {
        f.key: [(r.number, r.date, r.place, r.status) for r in f.rounds] for f in doc.facts.formats
    }


def test_two_rounds_take_the_dates_in_order(analyzer):
    found = formats(
        analyzer,
        "Собеседники позитивно оценили итоги двух раундов консультаций делегаций России и Китая "
        "в Стамбуле, прошедших 27 января и 10 февраля 2025 года.\n",
    )
    rounds = found["CHN-RUS:консультация"]
    assert [(n, d, p) for n, d, p, _ in rounds] == [
        (1, "2025-01-27", "Istanbul"),
        (2, "2025-02-10", "Istanbul"),
    ]


def test_a_number_after_the_noun_names_the_platform(analyzer):
    found = formats(
        analyzer,
        "23 октября 2024 года в Тегеране состоялось второе заседание консультативной региональной "
        "платформы «3+3» с участием Азербайджана, Армении, Ирана, России и Турции. "
        "Первое прошло в Москве в декабре 2021 года.\n",
    )
    (key,) = found
    assert key.endswith(":3 + 3")
    assert [(n, d, p) for n, d, p, _ in found[key]] == [
        (1, "2021-12", "Moscow"),
        (2, "2024-10-23", "Tehran"),
    ]


def test_a_round_held_there_too_is_where_the_last_one_was(analyzer):
    found = formats(
        analyzer,
        "Предложили провести второй раунд прямых российско-украинских переговоров в Стамбуле "
        "2 июня 2025 года. Первый раунд, возобновивший прерванный в 2022 году переговорный "
        "процесс, состоялся там же 16 мая 2025 года.\n",
    )
    first = found["RUS-UKR:переговоры"][0]
    assert first[:3] == (1, "2025-05-16", "Istanbul")


def test_a_numbered_conference_named_by_its_city_is_a_format(analyzer):
    found = formats(
        analyzer,
        "Высоко оценили итоги II Минской международной конференции по евразийской безопасности, "
        "прошедшей 31 октября – 1 ноября 2024 года.\n",
    )
    (rounds,) = [r for key, r in found.items() if "минский" in key]
    assert rounds[0][:3] == (2, "2024-10-31/2024-11-01", "Minsk")
