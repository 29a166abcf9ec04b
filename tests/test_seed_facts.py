"""Facts on the seed: evidence, registry records, summaries and export rows (its strict
score against the analyst's gold is in test_scores.py)."""

from __future__ import annotations

import csv
import io
import json

from demarche.output.gdelt import COLUMNS, gdelt_rows
from demarche.output.plover import plover_records


def test_every_fact_points_at_its_words(seed_doc):
    facts = seed_doc.facts
    text = seed_doc.text
    spans = [e.evidence for e in facts.events] + [r.evidence for r in facts.relations]
    spans += [ev for a in facts.agreements for ev in a.evidence]
    for evidence in spans:
        assert 0 <= evidence.start < evidence.end <= len(text)
        if evidence.trigger:
            start, end = evidence.trigger
            assert evidence.start <= start < end <= evidence.end
    for marker in facts.rhetoric:
        assert text[marker.start : marker.end] == marker.text


def test_plan_registry_record(seed_doc):
    (plan,) = [a for a in seed_doc.facts.agreements if a.kind == "plan"]
    assert plan.name_normal == "План межмидовских обменов на 2026-2027 годы"
    assert plan.name_en.startswith("Plan of")
    assert (plan.signed, plan.signed_at, plan.status) == ("2025-07-12", "Wonsan", "signed")
    assert plan.valid == ["2026", "2027"]
    assert {"trade", "economy", "investment", "tourism"} <= set(plan.scope)


def test_dialogue_format_rounds_and_key(seed_doc):
    (dialogue,) = seed_doc.facts.formats
    assert dialogue.key == "PRK-RUS:стратегический диалог"
    assert dialogue.level == "foreign ministers"
    assert [(r.number, r.date, r.place) for r in dialogue.rounds] == [
        (1, "2024", "Moscow"),
        (2, "2025-07-12", "Wonsan"),
    ]
    assert set(dialogue.launched_by) == {"Vladimir Putin", "Kim Jong Un"}


def test_english_summary_of_the_signing(seed_doc):
    summaries = [e.summary for e in seed_doc.facts.events]
    signing = [s for s in summaries if "Plan of" in s]
    assert signing and signing[0].startswith("2025-07-12 Wonsan — RUS (Sergey Lavrov) and PRK")
    assert signing[0].endswith("[SUPPORT]")


def test_plover_jsonl_records(seed_doc):
    records = plover_records(seed_doc)
    assert len(records) == len(seed_doc.facts.events)
    for record in records:
        json.dumps(record)
        assert record["id"] and record["date"] and record["actor"] and record["event"]
        assert record["quad_code"] in (1, 2, 3, 4)


def test_gdelt_tsv_rows(seed_doc):
    rows = gdelt_rows(seed_doc)
    table = "\t".join(COLUMNS) + "\n" + "\n".join("\t".join(r) for r in rows)
    parsed = list(csv.DictReader(io.StringIO(table), delimiter="\t"))
    assert len(parsed) >= len(seed_doc.facts.events)
    consult = [r for r in parsed if r["PloverType"] == "CONSULT" and r["SQLDATE"] == "20250712"]
    assert consult and consult[0]["EventRootCode"] == "04"
    assert all(float(r["GoldsteinScale"]) != 0 for r in parsed if r["EventCode"])


def test_statement_without_events_gives_empty_lists(analyzer):
    doc = analyzer.analyze_text("Погода в Москве сегодня солнечная. Температура плюс двадцать.")
    facts = doc.facts
    assert facts.events == [] and facts.agreements == [] and facts.formats == []
    assert facts.relations == [] and facts.stances == []
