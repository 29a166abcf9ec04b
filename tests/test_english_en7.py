"""English event classes added in round en7, each shown on sentences invented for these
tests (other actors, voices and word orders than any dev text).

Each case is (text, expected event) where the expected event is (type, sources, targets,
modality) and must be among the events of the text; NEGATIVE texts must report none of the
given type (or, written TYPE-CODE, none of that type involving CODE).
"""

from __future__ import annotations

import pytest

from demarche.pipeline import Analyzer
from tests.event_tuples import event_tuples


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


FOUND = [
    # ACCUSE.label, copular: a judgement noun as the predicate of a copula is the voice's
    # judgement of what the subject names; its doer is the target, not the source
    (
        "Chile's move is a deliberate provocation, Peru said.",
        ("ACCUSE", ["PER"], ["CHL"], "done"),
    ),
    (
        "The Russian overflight was a blatant violation of Estonian airspace, Estonia said.",
        ("ACCUSE", ["EST"], ["RUS"], "done"),
    ),
    (
        "The raid by Israel constitutes aggression against Syria, Iran said.",
        ("ACCUSE", ["IRN"], ["ISR"], "done"),
    ),
    (
        "The draft prepared by Chile and Bolivia is a politically motivated move, Peru said.",
        ("ACCUSE", ["PER"], ["BOL", "CHL"], "done"),
    ),
    (
        "Kenya said the Somali incursion was an unprecedented incident and a gross infringement of"
        " the truce.",
        ("ACCUSE", ["KEN"], ["SOM"], "done"),
    ),
    # a ministry's own release: «the Ministry of Foreign Affairs» naming no state is its own
    (
        "Ministry of Foreign Affairs of the Republic of Latvia\nPress release, 12.03.2027\n\n"
        "On 12 March, the Ministry of Foreign Affairs summoned the ambassador of Belarus and"
        " handed him a note of protest.",
        ("ACCUSE", ["LVA"], ["BLR"], "done"),
    ),
    (
        "Ministry of Foreign Affairs of Peru\nStatement, 12.03.2027\n\nThe Ministry strongly"
        " condemns the shelling of the border post by Bolivia.",
        ("ACCUSE", ["PER"], ["BOL"], "done"),
    ),
    # detaining, arresting, kidnapping (COERCE.arrest, ASSAULT.abduct); such an act a voice
    # reports of another actor is also the voice's allegation against the doer
    (
        "Foreign Minister Hugh Todd of Guyana said Venezuelan soldiers had detained two"
        " Guyanese miners.",
        ("ACCUSE", ["GUY"], ["VEN"], "done"),
    ),
    (
        "Chilean police arrested two Bolivian nationals, the ministry of Bolivia said.",
        ("ACCUSE", ["BOL"], ["CHL"], "done"),
    ),
    (
        "Kenya said Somali militants had kidnapped three Kenyan aid workers.",
        ("ACCUSE", ["KEN"], ["SOM"], "done"),
    ),
    (
        "Kenya said Somali militants had kidnapped three Kenyan aid workers.",
        ("ASSAULT", ["SOM"], ["KEN"], "done"),
    ),
    ("Chile arrested two Bolivian smugglers on Monday.", ("COERCE", ["CHL"], ["BOL"], "done")),
]


@pytest.mark.parametrize(("text", "event"), FOUND)
def test_event_found(analyzer, text, event):
    kind, source, target, modality = event
    found = event_tuples(analyzer, text)
    assert (kind, sorted(source), sorted(target), modality) in found, found


NEGATIVE = [
    # the same nouns outside a copula are a topic, not a judgement
    ("Peru said the violation of the truce was discussed at the meeting.", "ACCUSE"),
    ("The ministers of Chile and Peru discussed aggression in cyberspace.", "ACCUSE"),
    # a judged act's doer is never the judge
    ("Chile's move is a deliberate provocation, Peru said.", "ACCUSE-CHL>"),
    # in news the reporter has no ministry of its own: «the ministry» is nobody's voice
    (
        "Chile and Peru held talks in Lima on Monday. The Ministry of Foreign Affairs later"
        " summoned the ambassador of Bolivia, a source said.",
        "ACCUSE",
    ),
    # no allegation: an act nobody reports, the voice's own act, or one it denies
    ("Chile arrested two Bolivian smugglers on Monday.", "ACCUSE"),
    ("Chile said it had arrested two Bolivian smugglers.", "ACCUSE"),
    ("Bolivia denied that its troops had detained Chilean miners.", "ACCUSE"),
    # a weekday is no surname: «on Friday» names no person (Godwin Friday of St Vincent)
    (
        "Thailand summoned the ambassador of Cambodia on Friday and lodged a protest.",
        "ACCUSE-VCT",
    ),
]


@pytest.mark.parametrize(("text", "kind"), NEGATIVE)
def test_no_event_of_kind(analyzer, text, kind):
    """``kind`` is a type, a type and an actor code none of its events may include, or
    TYPE-CODE> for a code none of its events may have as source."""
    kind, _, code = kind.partition("-")
    as_source = code.endswith(">")
    code = code.rstrip(">")
    for found, source, target, _ in event_tuples(analyzer, text):
        if found != kind:
            continue
        assert code, (found, source, target)
        assert code not in (source if as_source else source + target), (found, source, target)
