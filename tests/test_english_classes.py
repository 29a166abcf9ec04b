"""English predicate classes: en_predicates.json shares the Russian class inventory.

The sentences below are invented for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from demarche.pipeline import Analyzer

DATA = Path(__file__).resolve().parents[1] / "src" / "demarche" / "data" / "lang"

POSITIVE = [
    ("CONSULT", "Sergey Lavrov held talks with Wang Yi in Beijing."),
    ("CONSULT", "Russian-Indian talks were held in Moscow."),
    ("CONSULT", "The President of France spoke by phone with the Chancellor of Germany."),
    ("CONSULT", "Vladimir Putin and Xi Jinping had a phone call on Tuesday."),
    ("CONSULT", "The Minister of Foreign Affairs of Italy paid a visit to Egypt."),
    ("AGREE", "Japan invited the Prime Minister of India to visit Tokyo."),
    ("SUPPORT", "Russia and China signed an agreement on trade cooperation."),
    ("SUPPORT", "Brazil welcomed the ceasefire agreement."),
    ("SUPPORT", "Russia thanked Egypt for its mediation."),
    ("SUPPORT", "The United States backed Ukraine."),
    ("SUPPORT", "Russia praised India for its position."),
    ("SUPPORT", "Russia congratulated India on the election."),
    ("REJECT", "Russia declined the invitation of the United States."),
    ("AGREE", "Russia proposed a new initiative to India."),
    ("ACCUSE", "France condemned the attack on the embassy."),
    ("ACCUSE", "China denounced the decision of Lithuania."),
    ("ACCUSE", "Germany expressed concern over the escalation in the region."),
    ("ACCUSE", "The Foreign Ministry of Poland summoned the Russian ambassador."),
    ("ACCUSE", "Moscow lodged a protest with Warsaw."),
    ("REJECT", "Russia rejected the proposal of the United States."),
    ("REJECT", "Iran refused to negotiate with the United States."),
    ("THREATEN", "Russia will respond to the sanctions imposed by the European Union."),
    ("THREATEN", "Moscow retaliated against the new restrictions."),
    ("THREATEN", "China warned Japan of serious consequences."),
    ("SANCTION", "The European Union imposed sanctions on Iran."),
    ("SANCTION", "Poland declared two Russian diplomats persona non grata."),
    ("SANCTION", "Russia expelled three British diplomats."),
    ("SANCTION", "The United States withdrew from the treaty."),
    ("SANCTION", "Russia suspended its participation in the agreement."),
    ("ASSAULT", "Israel launched strikes on targets in Syria."),
    ("MOBILIZE", "NATO deployed troops to Estonia."),
    ("MOBILIZE", "NATO deployed additional forces to Estonia."),
    # SANCTION.impose: verbs of adopting, extending and tightening a sanctions act
    ("SANCTION", "The Council of the EU approved a new package of sanctions against Iran."),
    ("SANCTION", "Japan adopted new restrictive measures against Belarus."),
    ("SANCTION", "The European Union tightened its sanctions against Belarus."),
    ("SANCTION", "Canada renewed restrictive measures against Iran."),
    ("SANCTION", "The United States blacklisted five Chinese companies."),
    ("SANCTION", "Australia added ten Iranian companies to its sanctions list."),
    ("SANCTION", "Poland declared a member of the Embassy of Belarus in Lodz persona non grata."),
    # ACCUSE.label: judging an act hostile, provocative, unacceptable
    ("ACCUSE", "Germany considers the actions of Iran unacceptable."),
    ("ACCUSE", "The Chinese Foreign Ministry regards the visit of the minister as a provocation."),
    ("ACCUSE", "Moscow views the decision of Vilnius as hostile."),
    # ACCUSE.concern and ACCUSE.responsibility
    ("ACCUSE", "Iran is concerned about the deployment of American troops in Iraq."),
    ("ACCUSE", "Egypt remains deeply concerned about the escalation in Sudan."),
    ("ACCUSE", "Japan holds North Korea responsible for the tensions."),
    # REJECT.oppose, REJECT.refuse
    ("REJECT", "Hungary opposed the new sanctions package against Russia."),
    ("REJECT", "Turkey objected to the admission of Sweden."),
    ("REJECT", "Egypt abandoned the plan to build the pipeline with Israel."),
    ("REJECT", "Slovakia voted against the resolution of the European Parliament."),
    # REQUEST.recommend: advocating a course
    ("REQUEST", "Kazakhstan advocates a peaceful settlement between Armenia and Azerbaijan."),
    # SUPPORT.praise, SUPPORT.facilitate
    ("SUPPORT", "Brazil values the contribution of India to the peace process."),
    ("SUPPORT", "China appreciates the efforts of Qatar."),
    ("SUPPORT", "Egypt facilitated the exchange of prisoners between Russia and Ukraine."),
    # COOPERATE.strengthen_ties, AGREE.invite, AGREE.intend
    ("COOPERATE", "India and Japan deepened their partnership last year."),
    ("AGREE", "Turkey will continue to develop trade ties with Russia."),
    ("AGREE", "The Indian side confirmed the invitation to the Russian President."),
    ("AGREE", "Qatar stands ready to facilitate talks between Israel and Egypt."),
]

NEGATIVE = [
    "He responded to a question from a journalist.",
    "The minister answered questions from journalists.",
    "She went back to the hotel after dinner.",
    "The weather was warm in Geneva.",
    "Russia deployed a new payment system in India.",
    "Russia declined to comment.",
    # a word that is a verb of a class and a noun alike reports nothing as the noun
    "Russia and China share common values.",
    "The sanctions list includes ten companies.",
    "Norway will develop the Arctic region.",
    "The minister answered a question about the retaliatory measures.",
]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize(("kind", "text"), POSITIVE)
def test_class_event_found(analyzer, kind, text):
    doc = analyzer.analyze_text(text)
    assert doc.language == "en"
    assert kind in {e.type for e in doc.facts.events}


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_event(analyzer, text):
    assert not analyzer.analyze_text(text).facts.events


def test_every_entry_has_a_known_class():
    english = json.loads((DATA / "en_predicates.json").read_text(encoding="utf-8"))
    russian = json.loads((DATA / "ru_predicates.json").read_text(encoding="utf-8"))
    classes = english["classes"]
    assert set(classes) == set(russian["classes"])
    for name, cls in classes.items():
        for field in ("type", "mode", "cameo", "definition"):
            assert cls[field] == russian["classes"][name][field]
    seen = set()
    for entry in english["predicates"]:
        assert entry["class"] in classes, entry
        cls = classes[entry["class"]]
        assert (entry["type"], entry["mode"]) == (cls["type"], cls["mode"]), entry
        assert tuple(entry["lemmas"]) not in seen, entry
        seen.add(tuple(entry["lemmas"]))


# Classes widened in en5 (sentences invented): strong disapproval verbs; a decided
# countermeasure is a sanction taken, an announced one a threat; scrambling jets, active
# and passive.
WIDENED = [
    ("ACCUSE", "China strongly deplores the decision of Lithuania."),
    ("ACCUSE", "Iran decried the new sanctions of the European Union."),
    ("ACCUSE", "The Foreign Ministry of Brazil censured the remarks of Argentina."),
    ("SANCTION", "China has decided to take countermeasures against three US defense companies."),
    ("SANCTION", "Moscow decided to impose countermeasures on Japanese officials."),
    ("SANCTION", "Beijing decided to sanction two Lithuanian officials."),
    ("THREATEN", "China will take countermeasures against the United States."),
    ("MOBILIZE", "Poland scrambled jets after Russian drones entered its airspace."),
    ("MOBILIZE", "Finland scrambled fighter jets to escort the Russian aircraft."),
    ("MOBILIZE", "Finnish fighter jets were scrambled to escort the Russian aircraft."),
    ("MOBILIZE", "Romanian aircraft were scrambled after the drone attack of Russia."),
]


@pytest.mark.parametrize(("kind", "text"), WIDENED)
def test_widened_classes(analyzer, kind, text):
    doc = analyzer.analyze_text(text, "classes")
    assert kind in {e.type for e in doc.facts.events}, [
        (e.type, [r.code for r in e.source]) for e in doc.facts.events
    ]


# Closing and reopening borders, crossings and missions; lifting measures.
BORDERS = [
    ("SANCTION", "Nigeria shut its border with Niger."),
    ("SANCTION", "Hungary closed its border with Serbia."),
    ("SANCTION", "Poland sealed the border crossings with Belarus."),
    ("SANCTION", "The border with Belarus was closed by Poland."),
    ("SANCTION", "Russia closed the consulate of Estonia in Pskov."),
    ("RETREAT", "Turkey reopened its border with Armenia."),
    ("RETREAT", "ECOWAS lifted most of the measures against Niger."),
    ("RETREAT", "The EU lifted the embargo on Iran."),
]


@pytest.mark.parametrize(("kind", "text"), BORDERS)
def test_borders_and_missions(analyzer, kind, text):
    doc = analyzer.analyze_text(text, "classes")
    assert kind in {e.type for e in doc.facts.events}, [
        (e.type, [r.code for r in e.source]) for e in doc.facts.events
    ]
