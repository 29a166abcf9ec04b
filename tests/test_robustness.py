"""The robustness suite: each rewrite on invented sentences, the code mapping, the report."""

from __future__ import annotations

import dataclasses
import json
import random
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from demarche.cli import app
from demarche.evaluation.robustness import expected_after
from demarche.evaluation.variants import (
    KINDS,
    Focus,
    Kit,
    Skip,
    Variant,
    _replace_state,
    actor_variants,
    naming_variants,
    order_variants,
    synonym_variants,
    voice_variants,
)
from demarche.facts.lexicon import LemmaMatcher, LemmaPattern, load_lexicon
from demarche.model import ActorRef, Event, Evidence
from demarche.pipeline import Analyzer
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def kit(analyzer: Analyzer) -> Kit:
    morphology = analyzer.models.morphology
    return Kit(morphology, load_lexicon(morphology))


def focus(
    analyzer: Analyzer,
    text: str,
    trigger: str,
    kind: str,
    source: list[str],
    target: list[str],
    author: frozenset[str] = frozenset(),
) -> Focus:
    """The last sentence of ``text``, with a hand-made event on the word ``trigger``: the
    generators must not depend on what the engine extracts."""
    doc = analyzer.analyze_text(text)
    sentence = doc.sentences[-1]
    start = text.index(trigger, sentence.start)
    event = Event(
        id="e1",
        type=kind,
        mode="",
        context="diplomatic",
        source=[ActorRef(code) for code in source],
        target=[ActorRef(code) for code in target],
        evidence=Evidence(sentence.start, sentence.end, (start, start + len(trigger))),
    )
    return Focus(doc, sentence, event, frozenset(source), frozenset(target), author)


def texts(outcomes: list) -> list[str]:
    return [o.text for o in outcomes if isinstance(o, Variant)]


def test_synonym_takes_the_aspect_partner_in_the_same_form(analyzer, kit):
    f = focus(analyzer, "Россия и Китай подписали соглашение.", "подписали", "SUPPORT", [], [])
    found = texts(synonym_variants(f, kit, random.Random(0), 2))
    # the aspect partner always; other members of the signing class when the lexicon has them
    assert "Россия и Китай подписывали соглашение." in found
    assert all(t.startswith("Россия и Китай ") and t.endswith(" соглашение.") for t in found)


def test_synonym_refuses_a_perfective_for_a_present(analyzer, kit):
    f = focus(analyzer, "Мы поддерживаем усилия Китая.", "поддерживаем", "SUPPORT", [], [])
    outcomes = synonym_variants(f, kit, random.Random(0), 2)
    assert texts(outcomes) == []
    assert any("tense" in o.reason for o in outcomes if isinstance(o, Skip))


def test_synonym_uses_the_class_field_when_the_lexicon_has_one(analyzer, kit):
    def entry(lemma: str, name: str) -> LemmaPattern:
        payload = {"lemmas": [lemma], "type": "ACCUSE", "mode": "disapprove", "pos": "VERB"}
        return LemmaPattern((lemma,), payload | {"class": name})

    patterns = [entry("осудить", "condemn"), entry("раскритиковать", "condemn")]
    patterns.append(entry("порицать", "blame"))  # same (type, mode, pos), another class
    lexicon = dataclasses.replace(kit.lexicon, predicates=LemmaMatcher(patterns))
    classed = Kit(kit.morphology, lexicon)
    f = focus(analyzer, "Китай осудил ракетные удары США.", "осудил", "ACCUSE", [], [])
    assert texts(synonym_variants(f, classed, random.Random(0), 2)) == [
        "Китай раскритиковал ракетные удары США."
    ]


def test_voice_active_to_passive_and_back(analyzer, kit):
    active = focus(analyzer, "Китай осудил ракетные удары США.", "осудил", "ACCUSE", [], [])
    assert texts(voice_variants(active, kit, random.Random(0), 2)) == [
        "Ракетные удары США были осуждены Китаем."
    ]
    text = "Ракетные удары США были осуждены Китаем."
    passive = focus(analyzer, text, "осуждены", "ACCUSE", [], [])
    assert texts(voice_variants(passive, kit, random.Random(0), 2)) == [
        "Китай осудил ракетные удары США."
    ]


def test_voice_skips_a_verb_without_subject(analyzer, kit):
    f = focus(analyzer, "Осудили ракетные удары США.", "Осудили", "ACCUSE", [], [])
    outcomes = voice_variants(f, kit, random.Random(0), 2)
    assert texts(outcomes) == [] and outcomes


def test_order_moves_adverbials_and_swaps_clauses(analyzer, kit):
    text = "Россия и Китай подписали соглашение в марте."
    f = focus(analyzer, text, "подписали", "SUPPORT", [], [])
    assert sorted(texts(order_variants(f, kit, random.Random(0), 2))) == [
        "В марте Россия и Китай подписали соглашение.",
        "Китай и Россия подписали соглашение в марте.",
    ]
    text = "В марте Россия и Китай подписали соглашение."
    f = focus(analyzer, text, "подписали", "SUPPORT", [], [])
    assert "Россия и Китай подписали соглашение в марте." in texts(
        order_variants(f, kit, random.Random(0), 2)
    )
    text = "Россия осудила удары, и Китай поддержал Иран."
    f = focus(analyzer, text, "поддержал", "SUPPORT", [], [])
    assert texts(order_variants(f, kit, random.Random(0), 2)) == [
        "Китай поддержал Иран, и Россия осудила удары."
    ]


def test_actor_replaces_names_adjectives_capitals_and_people(analyzer, kit):
    cases = [
        (
            "Россия поддерживает позицию Китая.",
            "поддерживает",
            "Россия поддерживает позицию Ирана.",
        ),
        (
            "Китайская сторона поддержала Россию.",
            "поддержала",
            "Иранская сторона поддержала Россию.",
        ),
        ("Пекин поддержал инициативу России.", "поддержал", "Тегеран поддержал инициативу России."),
        ("С.В.Лавров встретился с Ван И.", "встретился", "С.В.Лавров встретился с Аббасом Аракчи."),
    ]
    for text, trigger, wanted in cases:
        f = focus(analyzer, text, trigger, "SUPPORT", ["RUS"], ["CHN"], frozenset({"RUS"}))
        variant = _replace(f, kit, "CHN", "IRN")
        assert (variant.text, variant.mapping) == (wanted, {"CHN": "IRN"}), text


def _replace(f: Focus, kit: Kit, code: str, other: str) -> Variant:
    outcome = _replace_state(f, kit, code, other)
    assert isinstance(outcome, Variant), outcome
    return outcome


def test_actor_keeps_the_verb_agreement_and_spares_the_author(analyzer, kit):
    text = "Китай поддержал позицию России."
    f = focus(analyzer, text, "поддержал", "SUPPORT", ["CHN"], ["RUS"], frozenset({"RUS"}))
    variants = [o for o in actor_variants(f, kit, random.Random(0), 2) if isinstance(o, Variant)]
    assert len(variants) == 2
    for variant in variants:
        assert set(variant.mapping) == {"CHN"}  # RUS speaks for the document: never replaced
        name, rest = variant.text.split(" ", 1)
        assert rest == "поддержал позицию России."
        assert kit.state_gender(variant.mapping["CHN"]) == "masc"
        assert name == kit.states[variant.mapping["CHN"]]["names_ru"][0]
    again = actor_variants(f, kit, random.Random(0), 2)
    assert texts(again) == [v.text for v in variants]  # seeded: the same choice every run


def test_naming_name_to_title_and_title_to_either(analyzer, kit):
    f = focus(analyzer, "Ван И прибыл в Москву.", "прибыл", "CONSULT", ["CHN"], [])
    assert texts(naming_variants(f, kit, random.Random(0), 2)) == [
        "Министр иностранных дел Китая прибыл в Москву."
    ]
    f = focus(analyzer, "С.В.Лавров встретился с Ван И.", "встретился", "CONSULT", ["RUS"], ["CHN"])
    assert "С.В.Лавров встретился с Министром иностранных дел Китая." in texts(
        naming_variants(f, kit, random.Random(0), 2)
    )
    text = "Министр иностранных дел Китая Ван И прибыл в Москву."
    f = focus(analyzer, text, "прибыл", "CONSULT", ["CHN"], [])
    assert sorted(texts(naming_variants(f, kit, random.Random(0), 2))) == [
        "Ван И прибыл в Москву.",
        "Министр иностранных дел Китая прибыл в Москву.",
    ]


def test_expected_codes_follow_the_substitution():
    event = Event(
        id="e1",
        type="SUPPORT",
        mode="",
        context="diplomatic",
        source=[ActorRef("RUS"), ActorRef("CHN")],
        target=[ActorRef("CHN"), ActorRef("RUS")],
        evidence=Evidence(0, 10),
        modality="historical",
    )
    gold = {"type": "SUPPORT", "source": ["RUS", "CHN"], "target": ["CHN", "RUS"]}
    assert expected_after(gold, event, {"CHN": "IRN"}) == {
        "type": "SUPPORT",
        "modality": "historical",
        "source": ["IRN", "RUS"],
        "target": ["IRN", "RUS"],
    }
    assert expected_after(gold, event, {})["source"] == ["CHN", "RUS"]


def test_suite_report_on_a_small_subset(tmp_path: Path):
    folder = tmp_path / "subset"
    folder.mkdir()
    for name in ("h8_press_release_lavrov_ethiopia_call", "h9_message_lavrov_laos_anniversary"):
        for suffix in (".txt", ".expected.json"):
            shutil.copy(ROOT / "tests" / "corpus_holdout" / (name + suffix), folder)
    log = tmp_path / "variants.jsonl"
    result = CliRunner().invoke(
        app, ["eval", "robustness", str(folder), "--json", "--cap", "1", "--log", str(log)]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) == {"documents", "events", "overall", "kinds", "breaks"}
    assert report["documents"] == 2
    assert 0 < report["events"]["tested"] <= report["events"]["required"]
    assert set(report["kinds"]) == set(KINDS)
    for values in [*report["kinds"].values(), report["overall"]]:
        assert values["rate"] is None or 0.0 <= values["rate"] <= 1.0
        assert 0 <= values["invariant"] <= values["variants"]
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == report["overall"]["variants"] > 0
    assert len(report["breaks"]) == sum(not line["invariant"] for line in lines)
    for item in report["breaks"]:
        assert {"file", "kind", "original", "variant", "expected", "found"} <= set(item)


def test_actor_skips_rather_than_garbles_a_plural_name(analyzer, kit):
    f = focus(analyzer, "США осудили удары.", "осудили", "ACCUSE", ["USA"], [], frozenset())
    outcomes = actor_variants(f, kit, random.Random(0), 2)
    assert texts(outcomes) == []
    assert [o.applicable for o in outcomes] == [True]  # it applies, and was refused


def test_invariance_on_the_whole_development_corpus_holds_its_floor(analyzer):
    """The suite over every development statement (tests/corpus, tests/corpus_holdout,
    tests/gold/r13) in test time; the rate may not fall more than 0.02 below the recorded
    one (tests/gold/rounds.json, 'robustness')."""
    from demarche.evaluation.gold import gold_pairs
    from demarche.evaluation.robustness import run_robustness

    root = Path(__file__).resolve().parent
    rounds = json.loads((root / "gold" / "rounds.json").read_text(encoding="utf-8"))
    floor = rounds["robustness"]["rate"]
    folders = [root / "corpus", root / "corpus_holdout", root / "gold" / "r13"]
    pairs = [(p.gold, p.statement) for folder in folders for p in gold_pairs(folder)]
    report = run_robustness(pairs, analyzer)
    assert report["overall"]["variants"] > 300
    assert report["overall"]["rate"] >= floor - 0.02, {
        k: v["rate"] for k, v in report["kinds"].items()
    }
