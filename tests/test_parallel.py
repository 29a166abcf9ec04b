"""Parallel statements: a Russian statement and its English version should give the same
events. The measure over tests/parallel holds its floors, and it can fail: two invented
versions whose one event differs are caught."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from demarche.alignment import align
from demarche.cli import app
from demarche.evaluation.parallel import compare, evaluate_parallel, likeness, near, shape
from tests.conftest import ROOT

FOLDER = ROOT / "tests" / "parallel"
FLOORS = json.loads((FOLDER / "floors.json").read_text(encoding="utf-8"))

RU = (
    "Заявление МИД России о положении на Ближнем Востоке (Москва, 2 марта 2026 года)\n\n"
    "Россия решительно осуждает удары Израиля по Ливану.\n\n"
    "Россия поддерживает посреднические усилия Египта.\n"
)
# not a faithful translation: the second paragraph names Qatar where the Russian names Egypt
EN = (
    "Foreign Ministry statement on the situation in the Middle East, Moscow, March 2, 2026\n\n"
    "Russia strongly condemns Israel's strikes on Lebanon.\n\n"
    "Russia supports the mediation efforts of Qatar.\n"
)


def test_parallel_statements_hold_their_floors(analyzer):
    report = evaluate_parallel(FOLDER, analyzer)
    assert report["pairs"] == FLOORS["pairs"]
    fallen = {
        share: (report[share], floor)
        for share, floor in FLOORS["floors"].items()
        if report[share] < floor - 0.02
    }
    assert not fallen, f"parallel shares fell below their floors (now, recorded): {fallen}"


def test_one_differing_event_is_caught(analyzer):
    result = compare(analyzer.analyze_text(RU), analyzer.analyze_text(EN))
    # the condemnation, the strikes it names by their doer, and the support
    assert (result["ru_events"], result["en_events"]) == (3, 3)
    assert result["aligned"] == 3 and result["agreeing"] == 2
    assert not result["unaligned_ru"] and not result["unaligned_en"]
    (differing,) = result["disagreeing"]
    assert differing["differ"] == ["target"]
    assert "EGY" in differing["ru"] and "QAT" in differing["en"]


def _event(type_, source, target, paragraph, modality="done", start=0):
    return {
        "type": type_,
        "modality": modality,
        "source": frozenset(source),
        "target": frozenset(target),
        "date": None,
        "start": start,
        "paragraph": paragraph,
        "paragraphs": 4,
        "in_paragraph": 0.0,
        "in_text": paragraph / 4,
    }


def test_alignment_pairs_one_fact_told_differently_and_nothing_else():
    ru = [
        _event("ACCUSE", {"RUS"}, {"ISR"}, 1, start=10),
        _event("SUPPORT", {"RUS"}, {"EGY"}, 2, start=50),
        _event("CONSULT", {"RUS"}, {"TUR"}, 3, start=90),
    ]
    en = [
        _event("ACCUSE", {"RUS"}, {"ISR"}, 1, start=10),
        _event("SUPPORT", {"RUS"}, {"EGY"}, 2, modality="planned", start=50),
        _event("REQUEST", {"USA"}, {"CHN"}, 3, start=90),  # another act, other actors
        _event("ACCUSE", {"RUS"}, {"ISR"}, 3, start=95),  # equal shape, another paragraph
    ]
    pairs, left, right = align(ru, en, shape, likeness, near)
    assert [(a["type"], b["type"]) for a, b in pairs] == [
        ("ACCUSE", "ACCUSE"),
        ("SUPPORT", "SUPPORT"),
    ]
    assert pairs[0][1] is en[0] and shape(pairs[1][0]) != shape(pairs[1][1])
    assert [e["type"] for e in left] == ["CONSULT"]
    assert sorted(e["type"] for e in right) == ["ACCUSE", "REQUEST"]


def test_cli_prints_the_summary_first(tmp_path):
    (tmp_path / "x.ru.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "x.en.txt").write_text(EN, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "parallel", str(tmp_path)])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first.startswith("parallel: 1 pairs") and "agreement 0.667" in first
    assert "coverage 1.000" in first
    assert "only" not in result.output and "differ (target)" in result.output
    result = runner.invoke(app, ["eval", "parallel", str(tmp_path), "--json"])
    report = json.loads(result.output)
    assert (report["aligned"], report["agreeing"], report["coverage"]) == (3, 2, 1.0)
