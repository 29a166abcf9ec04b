"""English event classes added in round en6: whole families of expressions, each shown on
sentences invented for these tests (other actors, voices and word orders than any dev text).

Each case is (text, expected event) where the expected event is (type, sources, targets,
modality) and must be among the events of the text; NEGATIVE texts must report none of the
given type.
"""

from __future__ import annotations

import pytest

from demarche.pipeline import Analyzer
from tests.event_tuples import event_tuples


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


FOUND = [
    # AID: sending aid, selling or delivering arms, training troops, lending money
    ("Japan sent humanitarian aid to Mozambique.", ("AID", ["JPN"], ["MOZ"], "done")),
    ("Norway delivered medical supplies to Yemen.", ("AID", ["NOR"], ["YEM"], "done")),
    ("France will sell fighter jets to Indonesia.", ("AGREE", ["FRA"], ["IDN"], "planned")),
    ("Germany supplied weapons to Ukraine.", ("AID", ["DEU"], ["UKR"], "done")),
    (
        "The United States approved the sale of missiles to Poland.",
        ("AID", ["USA"], ["POL"], "done"),
    ),
    ("Egypt has trained Sudanese troops.", ("AID", ["EGY"], ["SDN"], "done")),
    ("China provided a loan to Pakistan.", ("AID", ["CHN"], ["PAK"], "done")),
    # SANCTION.impose: any verb of imposing, raising or announcing with any measure noun
    ("Canada raised tariffs on Chinese steel.", ("SANCTION", ["CAN"], ["CHN"], "done")),
    (
        "The United Kingdom announced sanctions against Belarus.",
        ("SANCTION", ["GBR"], ["BLR"], "done"),
    ),
    ("Australia hiked duties on Chinese goods.", ("SANCTION", ["AUS"], ["CHN"], "done")),
    # RETREAT.return and CONCEDE.ease_sanctions: lifting or easing measures
    ("The European Union repealed its sanctions on Syria.", ("RETREAT", ["EU"], ["SYR"], "done")),
    ("Washington eased restrictions on Cuba.", ("CONCEDE", ["USA"], ["CUB"], "done")),
    # REQUEST.ask: asking someone to act, asking for, requesting
    ("Lebanon asked the Security Council to convene.", ("REQUEST", ["LBN"], ["UNSC"], "done")),
    ("Lithuania requested consultations with NATO.", ("REQUEST", ["LTU"], ["NATO"], "done")),
    # AGREE.propose: an offer; AGREE.open_to: openness to talks is a readiness, planned
    (
        "Qatar offered to host talks between Iran and Egypt.",
        ("AGREE", ["QAT"], ["EGY", "IRN"], "proposed"),
    ),
    ("Iran is open to dialogue with the European Union.", ("AGREE", ["IRN"], ["EU"], "planned")),
    ("Serbia remains open to negotiations with Kosovo.", ("AGREE", ["SRB"], ["XKX"], "planned")),
    # RETREAT.access: granting access
    ("Russia granted consular access to the Dutch embassy.", ("RETREAT", ["RUS"], ["NLD"], "done")),
    # CONSULT.mediate: the mediator acts on the sides it brings together, in both voices
    (
        "Turkey brokered a ceasefire between Armenia and Azerbaijan.",
        ("CONSULT", ["TUR"], ["ARM", "AZE"], "done"),
    ),
    (
        "The truce between Ethiopia and Eritrea was mediated by Kenya.",
        ("CONSULT", ["KEN"], ["ERI", "ETH"], "done"),
    ),
    # CONSULT: concluding talks reports that they were held
    (
        "Italy and Egypt concluded a round of consultations in Cairo.",
        ("CONSULT", ["ITA"], ["EGY"], "done"),
    ),
    # an undated report: «last year», «last month» still date an act before the statement
    (
        "Washington imposed sanctions on Nicaragua last year.",
        ("SANCTION", ["USA"], ["NIC"], "historical"),
    ),
    ("Tokyo sent humanitarian aid to Nepal last month.", ("AID", ["JPN"], ["NPL"], "historical")),
    # ACCUSE.violation: saying another actor violates, breaches or interferes
    ("Japan said China violates international law.", ("ACCUSE", ["JPN"], ["CHN"], "done")),
    (
        "Moscow grossly interferes in Moldova's internal affairs, the Moldovan Foreign Ministry"
        " said.",
        ("ACCUSE", ["MDA"], ["RUS"], "done"),
    ),
    ("Armenia says Azerbaijan breached the ceasefire.", ("ACCUSE", ["ARM"], ["AZE"], "done")),
    # THREATEN.retaliate: resolute measures and a firm response are announced retaliation
    (
        "India will take resolute measures against Pakistan.",
        ("THREATEN", ["IND"], ["PAK"], "done"),
    ),
    (
        "Any incursion by Venezuela will meet a firm response, Guyana said.",
        ("THREATEN", ["GUY"], ["VEN"], "done"),
    ),
    # «both sides», «the two sides», «the parties» as object: the sides the report is about
    (
        "Eritrea accused Ethiopia of shelling its positions. Ethiopia denied that and blamed"
        " Eritrea. Kenya urged both sides to show restraint.",
        ("REQUEST", ["KEN"], ["ERI", "ETH"], "done"),
    ),
    (
        "Lavrov held talks with Fidan in Ankara. Later, China called on the two sides to keep"
        " contacts.",
        ("REQUEST", ["CHN"], ["RUS", "TUR"], "done"),
    ),
    # reported future through a noun: «said the next round of talks would be held» is a plan
    (
        "The minister of Peru said the next round of consultations between Peru and Chile"
        " would be held in Lima in May.",
        ("AGREE", ["CHL", "PER"], ["CHL", "PER"], "planned"),
    ),
    # a participle's agent signs, not the subject of the clause its noun stands in
    (
        "Poland and Lithuania discussed the treaty signed in 2019 by Latvia and Estonia.",
        ("SUPPORT", ["EST", "LVA"], ["EST", "LVA"], "historical"),
    ),
    (
        "The treaty was signed by Latvia and Estonia in 2019.",
        ("SUPPORT", ["EST", "LVA"], ["EST", "LVA"], "historical"),
    ),
    # calling a person is a phone call, one per person called; «called on» stays a request
    (
        "Lula called the presidents of Guyana and Venezuela on Thursday.",
        ("CONSULT", ["BRA", "GUY"], [], "done"),
    ),
    (
        "Lula called the presidents of Guyana and Venezuela on Thursday.",
        ("CONSULT", ["BRA", "VEN"], [], "done"),
    ),
    (
        "The President of Brazil phoned Narendra Modi.",
        ("CONSULT", ["BRA", "IND"], [], "done"),
    ),
    ("France called on Iran to release the prisoners.", ("REQUEST", ["FRA"], ["IRN"], "done")),
    # a decision to act is a plan: «decided to hold joint exercises» is AGREE, planned
    (
        "Japan and India decided to hold joint naval exercises next year.",
        ("AGREE", ["IND", "JPN"], ["IND", "JPN"], "planned"),
    ),
    (
        "Egypt and Saudi Arabia conducted joint drills in the Red Sea.",
        ("COOPERATE", ["EGY", "SAU"], ["EGY", "SAU"], "done"),
    ),
    # «The sides» after reported talks are the sides of those talks, not a state the
    # sentence names (the voice took part in the talks)
    (
        "The President of Chile and the President of Peru held talks in Lima on Monday, the"
        " Chilean Foreign Ministry said. The sides condemned the latest missile launch by"
        " North Korea.",
        ("ACCUSE", ["CHL", "PER"], ["PRK"], "done"),
    ),
    (
        "Spain and Morocco held talks in Madrid. The parties condemned the attack by Iran on"
        " Israel.",
        ("ACCUSE", ["ESP", "MAR"], ["IRN"], "done"),
    ),
    # a meeting agreed on in a coordinated infinitive is planned, not held; an offer
    # coordinated with the agreement is an act of its own
    (
        "Chile and Peru have agreed to coordinate their positions and propose convening a"
        " regional conference.",
        ("AGREE", ["CHL", "PER"], ["CHL", "PER"], "proposed"),
    ),
    # «They» after reported talks, as the subject of an act done together, is their sides
    (
        "Lavrov had a phone call with Fidan. They agreed to continue contacts and to hold the"
        " next meeting in Moscow in February.",
        ("AGREE", ["RUS", "TUR"], ["RUS", "TUR"], "planned"),
    ),
    # a name addressed before the comma («Minister X, the US has …») is not the subject
    (
        "Minister Sharma, the United States has raised tariffs on Brazilian and Indian goods.",
        ("SANCTION", ["USA"], ["BRA", "IND"], "done"),
    ),
    (
        "Mr Minister, China has imposed sanctions on Lithuania.",
        ("SANCTION", ["CHN"], ["LTU"], "done"),
    ),
    (
        "Sergey Lavrov, the Foreign Minister of Russia, condemned the strikes on Syria.",
        ("ACCUSE", ["RUS"], ["SYR"], "done"),
    ),
]


@pytest.mark.parametrize(("text", "event"), FOUND)
def test_event_found(analyzer, text, event):
    kind, source, target, modality = event
    found = event_tuples(analyzer, text)
    assert (kind, sorted(source), sorted(target), modality) in found, found


NEGATIVE = [
    ("Asked about the report, the minister of Chile declined to comment.", "REQUEST"),
    ("The border is open to trucks.", "AGREE"),
    ("The minister of Egypt spoke about Cairo's mediation efforts.", "CONSULT"),
    ("The weather in Oslo was warm this week.", "SANCTION"),
    ("The President of Chile called Argentina on Monday to express sympathy.", "REQUEST"),
    ("Iran called the report a fabrication.", "CONSULT"),
    (
        "Japan and India agreed to continue contacts and to hold the next round of"
        " consultations in Delhi.",
        "CONSULT",
    ),
    # exchanging views is done together on a topic: the country talked about takes no part
    ("Lavrov had a phone call with Fidan. They exchanged views on Syria.", "CONSULT-SYR"),
    (
        "Lavrov had a phone call with Abdelatty. The ministers exchanged views on the"
        " situation in Sudan and Libya.",
        "CONSULT-SDN",
    ),
    # the situation in Syria is the topic of a phone call, not a meeting with Syria
    (
        "Lavrov held a phone call with Fidan. The ministers discussed the situation in Syria.",
        "CONSULT-SYR",
    ),
    ("The new law of Chile does not violate the constitution.", "ACCUSE"),
    ("The minister of Peru gave a firm answer to the question.", "THREATEN"),
    (
        "The minister of Peru said talks with Chile would be useful if Chile changed course.",
        "AGREE",
    ),
]


@pytest.mark.parametrize(("text", "kind"), NEGATIVE)
def test_no_event_of_kind(analyzer, text, kind):
    """``kind`` is a type, or a type and an actor code none of its events may include."""
    kind, _, code = kind.partition("-")
    for found, source, target, _ in event_tuples(analyzer, text):
        assert found != kind or (code and code not in source + target)
