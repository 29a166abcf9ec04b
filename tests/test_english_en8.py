"""English event classes added in round en8, each shown on sentences invented for these
tests (other actors, voices and word orders than any dev text).

Each case is (text, expected event) where the expected event is (type, sources, targets,
modality) and must be among the events of the text; NEGATIVE texts must report none of the
given type (or, written TYPE-CODE, none of that type involving CODE; TYPE-CODE> none with
CODE as source).
"""

from __future__ import annotations

import pytest

from demarche.pipeline import Analyzer
from tests.event_tuples import event_tuples


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


_NORDIC = (
    "Joint Statement of the Foreign Ministers of the Nordic Council\n\nOslo, 3 May 2027\n\n"
    "1. We, the Foreign Ministers of Norway, Sweden and Finland, met today in Oslo.\n\n"
)

FOUND = [
    # a joint statement whose «we» an opening apposition names: the states it names speak
    (
        _NORDIC + "2. We condemn the attacks by Belarus on shipping in the Baltic Sea.",
        ("ACCUSE", ["FIN", "NOR", "SWE"], ["BLR"], "done"),
    ),
    (
        _NORDIC + "3. We reaffirm our support for Moldova.",
        ("SUPPORT", ["FIN", "NOR", "SWE"], ["MDA"], "done"),
    ),
    (
        _NORDIC + "4. We agreed to hold our next meeting in Helsinki.",
        ("AGREE", ["FIN", "NOR", "SWE"], ["FIN", "NOR", "SWE"], "planned"),
    ),
    # a summons in the passive: the summoned envoy's state is the target, never the source;
    # the ministry it is summoned to (or the agent) names who summons
    (
        "The Chilean ambassador was summoned to the Peruvian foreign ministry.",
        ("ACCUSE", ["PER"], ["CHL"], "done"),
    ),
    (
        "Kenya's envoy was summoned to Uganda's Ministry of Foreign Affairs on Monday.",
        ("ACCUSE", ["UGA"], ["KEN"], "done"),
    ),
    (
        "The Serbian chargé d'affaires was summoned by Croatia over the border incident.",
        ("ACCUSE", ["HRV"], ["SRB"], "done"),
    ),
    # travelling to a state is a visit (guest -> host); one ahead is an intent (AGREE planned)
    (
        "Peruvian Foreign Minister Elmer Schialer will travel to Santiago next week.",
        ("AGREE", ["PER"], ["CHL"], "planned"),
    ),
    (
        "Ecuadorian President Daniel Noboa is expected to travel to Bogota in April.",
        ("AGREE", ["ECU"], ["COL"], "planned"),
    ),
    # «X said he would …»: the pronoun is the person named before it, not one named after
    (
        '"We are ready," Fidan told reporters. He said he would travel to Cairo later this'
        " month to discuss the plan with Egyptian Foreign Minister Badr Abdelatty.",
        ("AGREE", ["TUR"], ["EGY"], "planned"),
    ),
    # an honorific before a name («Shri», «Dr.», «Sheikh») does not hide a known person
    (
        "Yesterday, Prime Minister Shri Narendra Modi spoke with President Prabowo Subianto of"
        " Indonesia.",
        ("CONSULT", ["IDN", "IND"], [], "done"),
    ),
    # relief sent or delivered, by its measure («40 tonnes of», «25 million pounds in»)
    (
        "Bangladesh dispatched 20 tonnes of relief material to Myanmar on Friday.",
        ("AID", ["BGD"], ["MMR"], "done"),
    ),
    ("Japan delivered medicines and food to Laos.", ("AID", ["JPN"], ["LAO"], "done")),
    ("Turkey airlifted emergency aid to Syria.", ("AID", ["TUR"], ["SYR"], "done")),
    (
        "Norway is providing a further 30 million euros in life-saving assistance.",
        ("AID", ["NOR"], [], "done"),
    ),
    # a subject's relative clause names no doer of the main verb
    (
        "The Philippines, which has faced repeated confrontations with Chinese vessels,"
        " expressed solidarity with Vietnam.",
        ("SUPPORT", ["PHL"], ["VNM"], "done"),
    ),
    # «In <capital>, <an official we cannot place> …»: the capital's state acts
    (
        "In Hanoi, a government spokeswoman condemned the detention of the fishermen by China.",
        ("ACCUSE", ["VNM"], ["CHN"], "done"),
    ),
    (
        "In Ankara, foreign ministry spokesman Oncu Keceli rejected the claims by Greece.",
        ("REJECT", ["TUR"], ["GRC"], "done"),
    ),
    # a state's own name for its foreign ministry speaks for it
    (
        "Press release\nFederal Foreign Office\n12.04.2027\n\nToday, the Federal Foreign Office"
        " summoned the Ambassador of Belarus.",
        ("ACCUSE", ["DEU"], ["BLR"], "done"),
    ),
    # «conveyed to him the protest»: the pronoun after «to» is the envoy summoned before; a
    # date inside what the protest is against dates that, not the protest
    (
        "Today, Austria summoned the Ambassador of Serbia. The Secretary General conveyed to him"
        " Austria's strongest protest against the cyberattack on its ministries in January.",
        ("ACCUSE", ["AUT"], ["SRB"], "done"),
    ),
    # «X said:» and paragraphs that each open with a quotation mark: X speaks them all
    (
        'Press release\n\nForeign Minister Penny Wong said:\n\n"We condemn the missile'
        ' launches by North Korea.\n\n"We welcome the efforts of IGAD and the African Union."',
        ("SUPPORT", ["AUS"], ["AU", "IGAD"], "done"),
    ),
    (
        'Foreign Minister Penny Wong said:\n\n"We condemn the missile launches by North Korea."',
        ("ACCUSE", ["AUS"], ["PRK"], "done"),
    ),
    # working with another side (COOPERATE), and ahead of time or readily an intent (AGREE)
    (
        "Vietnam is ready to work with Laos to build a new railway, Foreign Minister Bui Thanh"
        " Son said.",
        ("AGREE", ["VNM"], ["LAO"], "planned"),
    ),
    (
        "We will continue to work with Morocco for a lasting settlement, Spain said.",
        ("AGREE", ["ESP"], ["MAR"], "planned"),
    ),
    (
        "Kenya worked closely with Uganda on the border issue.",
        ("COOPERATE", ["KEN"], ["UGA"], "done"),
    ),
    # strengthening coordination or communication with another side
    (
        "Argentina is willing to strengthen communication and coordination with Uruguay.",
        ("AGREE", ["ARG"], ["URY"], "planned"),
    ),
    # «The two sides agreed …» after a wire report has quoted each side at length
    (
        "Kenyan Foreign Minister Musalia Mudavadi held talks with Ethiopian Foreign Minister"
        " Gedion Timothewos in Nairobi on Monday. Mudavadi said trade had grown. He said the"
        " railway was important. He praised the new port."
        " Gedion said the border was calm. He said the dam was finished. He said grain exports"
        " had doubled. The two sides agreed to hold the next round of talks in Addis Ababa"
        " concerning the crisis in Sudan.",
        ("AGREE", ["ETH", "KEN"], ["ETH", "KEN"], "planned"),
    ),
    # «The Secretary and the Foreign Minister …»: each bare title its own person, jointly
    (
        "Foreign Secretary David Lammy met Japanese Foreign Minister Takeshi Iwaya in London"
        " today. The Secretary and the Foreign Minister welcomed the new trade agreement.",
        ("SUPPORT", ["GBR", "JPN"], ["GBR", "JPN"], "done"),
    ),
    # «Name, apposition, verb» with the name misattached by the parser: still the subject
    (
        "In a televised address, Sergey Lavrov, the veteran Russian diplomat, condemned the"
        " decision by Finland.",
        ("ACCUSE", ["RUS"], ["FIN"], "done"),
    ),
    # an «if» clause conditions the clause it hangs from, not an act beside it
    (
        "In a statement, Kim Yo Jong accused Washington and Seoul of provocations and warned"
        " that the North would take countermeasures if the drills were not halted.",
        ("ACCUSE", ["PRK"], ["KOR", "USA"], "done"),
    ),
    (
        "Peru will impose sanctions on Chile if it closes the border.",
        ("SANCTION", ["PER"], ["CHL"], "hypothetical"),
    ),
    # a short form of a name the text gave in full before is that person
    (
        "Kenyan President William Ruto hosted Somali President Hassan Sheikh Mohamud in Nairobi."
        " Hassan Sheikh thanked Ruto for the support of Kenya.",
        ("SUPPORT", ["SOM"], ["KEN"], "done"),
    ),
    # preparations for a visit: the visit lies ahead (as «подготовка к визиту»)
    (
        "Mexico and Chile discussed preparations for President of Mexico Claudia Sheinbaum's"
        " visit to Chile.",
        ("AGREE", ["MEX"], ["CHL"], "planned"),
    ),
    # a briefing whose spokesperson we cannot place («Name, Official Spokesperson:» as a turn
    # label) speaks for the state whose officials its answers name most
    (
        "Weekly Media Briefing by the Official Spokesperson\n\nTan Wei Ming, Official"
        " Spokesperson: Good afternoon. Prime Minister Lawrence Wong will visit Japan next week."
        " Prime Minister Lawrence Wong spoke with President Prabowo Subianto yesterday.\n\n"
        "Question: What is your response to the remarks by Malaysia?\n\nTan Wei Ming,"
        " Official Spokesperson: We reject the baseless remarks made by Malaysia.",
        ("REJECT", ["SGP"], ["MYS"], "done"),
    ),
    # what the voice says another actor must or should do is its request to that actor
    (
        "Chile issued a statement on Monday. Bolivia should withdraw its troops from the"
        " border, the Chilean Foreign Ministry said.",
        ("REQUEST", ["CHL"], ["BOL"], "done"),
    ),
    (
        "Norway issued a statement. Armed groups must stop attacking civilians, Norway said.",
        ("REQUEST", ["NOR"], [], "done"),
    ),
    (
        _NORDIC + "2. Belarus must agree to an independent investigation.",
        ("REQUEST", ["FIN", "NOR", "SWE"], ["BLR"], "done"),
    ),
    # the Sides' «we» with an act noun whose doer is not named: their own act
    (
        _NORDIC + "5. We reiterate our support for Georgia on its European path.",
        ("SUPPORT", ["FIN", "NOR", "SWE"], ["GEO"], "done"),
    ),
    # «the two countries», «our three countries» name the sides by role, as «the two sides»
    (
        _NORDIC + "6. Our three countries will further increase humanitarian aid to Sudan.",
        ("AGREE", ["FIN", "NOR", "SWE"], ["SDN"], "planned"),
    ),
    (
        "Kenyan President William Ruto held talks with Tanzanian President Samia Suluhu Hassan in"
        " Nairobi. The two countries signed an agreement on energy.",
        ("SUPPORT", ["KEN", "TZA"], ["KEN", "TZA"], "done"),
    ),
    # in a ministry's own release «the Government» naming no state is the speaker's
    (
        "Ministry of Foreign Affairs of the Republic of Latvia\nPress release, 12.03.2027\n\n"
        "On 12 March, the Ministry summoned the ambassador of Belarus. The Government thanks"
        " the Lithuanian authorities for their close cooperation in the investigation.",
        ("SUPPORT", ["LVA"], ["LTU"], "done"),
    ),
    # an -ing clause beside the main verb is done by the main verb's subject
    (
        "Chile issued a statement. Chilean Foreign Minister Alberto van Klaveren was less"
        " conciliatory, accusing Bolivia of sabotaging the talks.",
        ("ACCUSE", ["CHL"], ["BOL"], "done"),
    ),
    (
        "Ghana issued a statement. Ghana welcomed the agreement, calling on Togo to implement it.",
        ("REQUEST", ["GHA"], ["TGO"], "done"),
    ),
]


@pytest.mark.parametrize(("text", "event"), FOUND)
def test_event_found(analyzer, text, event):
    kind, source, target, modality = event
    found = event_tuples(analyzer, text)
    assert (kind, sorted(source), sorted(target), modality) in found, found


NEGATIVE = [
    # «we» in a joint statement does not take over an act another actor is named doing
    (_NORDIC + "2. We condemn Russia's strikes on Ukraine.", "ASSAULT-NOR>"),
    ("The Chilean ambassador was summoned to the Peruvian foreign ministry.", "ACCUSE-CHL>"),
    ("The Kenyan envoy was summoned in Kampala on Friday.", "ACCUSE-KEN>"),
    (
        "The Philippines, which has faced Chinese vessels, expressed solidarity with Vietnam.",
        "SUPPORT-CHN",
    ),
    # a capital only named where the act is reported is no doer
    ("The spokesman condemned the move by Thailand in Phnom Penh.", "ACCUSE-KHM"),
    # a paragraph of the report's own words ends the quoted statement
    (
        'Foreign Minister Penny Wong said:\n\n"We are concerned."\n\nBackground\n\n'
        "We welcome the efforts of Fiji.",
        "SUPPORT-AUS",
    ),
    # «work with» no named actor is no cooperation
    ("We work with partners around the world, Kenya said.", "COOPERATE"),
    ("We work with partners around the world, Kenya said.", "AGREE"),
    # the demanded act is not done, nor agreed; «we must» asks no one
    (_NORDIC + "2. Belarus must agree to an independent investigation.", "AGREE"),
    ("Poland issued a statement. We must strengthen our defences, Poland said.", "REQUEST"),
    # an -ing clause a preposition introduces is no act of the main subject
    (_NORDIC + "2. We also condemn the role of Belarus in facilitating these attacks.", "SUPPORT"),
    # help with an inquiry is no aid
    ("Peru provided assistance to the investigation.", "AID"),
    # a journey to no named state is no visit
    ("The Peruvian delegation will travel to the region next week.", "AGREE"),
]


@pytest.mark.parametrize(("text", "kind"), NEGATIVE)
def test_no_event_of_kind(analyzer, text, kind):
    kind, _, code = kind.partition("-")
    as_source = code.endswith(">")
    code = code.rstrip(">")
    for found, source, target, _ in event_tuples(analyzer, text):
        if found != kind:
            continue
        assert code, (found, source, target)
        assert code not in (source if as_source else source + target), (found, source, target)
