"""English event frames on the shared engine: passives and light verbs of talks, act nouns
with their own doer, reported speech, passive and adjectival sanctions, modality.

Every sentence is invented for these tests; each case is one member of a class (other
synonyms, voices, word orders and actors are its siblings in the same list).
"""

from __future__ import annotations

import pytest

from demarche.facts.events.modality import modality_of
from demarche.pipeline import Analyzer


@pytest.fixture(scope="module")
def english() -> Analyzer:
    return Analyzer(language="en")


def _events(analyzer: Analyzer, text: str) -> list[tuple[str, set[str], set[str], str]]:
    doc = analyzer.analyze_text(text, "frames")
    return [
        (
            e.type,
            {r.code for r in e.source},
            {r.code for r in e.target},
            modality_of(e.aux, e.note.startswith("negated ")),
        )
        for e in doc.facts.events
    ]


def _has(english, text, kind, source, target, modality="done"):
    found = _events(english, text)
    assert (kind, set(source), set(target), modality) in found, found


TALKS = [
    # passive and light verbs, «between» on the verb or on the noun
    ("Talks were held between Russia and China in Geneva.", {"RUS", "CHN"}, set()),
    # in one side's capital: from the guest to the host
    ("Talks were held between Russia and China in Beijing.", {"RUS"}, {"CHN"}),
    ("Talks between Iran and Saudi Arabia took place in Baghdad.", {"IRN", "SAU"}, set()),
    ("Consultations between Japan and India took place in Geneva.", {"JPN", "IND"}, set()),
    ("Negotiations were held between Armenia and Azerbaijan in Geneva.", {"ARM", "AZE"}, set()),
    ("A meeting between Egypt and Qatar was held in Paris.", {"EGY", "QAT"}, set()),
    # the act noun's own doer: a possessive, an «of» genitive, a noun modifier
    ("Lavrov's talks with Wang Yi focused on trade.", {"RUS"}, {"CHN"}),
    ("Sergey Lavrov's meeting with Hakan Fidan lasted two hours.", {"RUS"}, {"TUR"}),
    ("The meeting of the Foreign Minister of Brazil with Sergey Lavrov lasted an hour.",
     {"BRA"}, {"RUS"}),
    # a meeting in one side's capital: from the guest to the host
    ("A meeting of the Russian Foreign Minister with the Foreign Minister of Egypt took place "
     "in Cairo.", {"RUS"}, {"EGY"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "source", "target"), TALKS)
def test_talks_in_every_voice(english, text, source, target):
    _has(english, text, "CONSULT", source, target)


SANCTIONS = [
    # the passive with its agent, the act noun first
    ("Sanctions were imposed on Iran by the EU.", "SANCTION", {"EU"}, {"IRN"}, "done"),
    ("Restrictions were imposed on China by the United States.", "SANCTION", {"USA"},
     {"CHN"}, "done"),
    ("New sanctions against Belarus were adopted by Japan.", "SANCTION", {"JPN"}, {"BLR"},
     "done"),
    # an expulsion in the passive: the state they leave expels them; it is declared as it is
    # announced, so «will be expelled» is done (as «будут высланы» in Russian)
    ("Russian diplomats will be expelled from Estonia.", "SANCTION", {"EST"}, {"RUS"},
     "done"),
    ("Two Iranian diplomats were expelled from Germany.", "SANCTION", {"DEU"}, {"IRN"},
     "done"),
    ("Two Russian diplomats were expelled by Poland.", "SANCTION", {"POL"}, {"RUS"}, "done"),
    # an «anti-» adjective names the target
    ("The EU adopted anti-Russian sanctions.", "SANCTION", {"EU"}, {"RUS"}, "done"),
    ("Canada joined the anti-Iranian sanctions.", "SANCTION", {"CAN"}, {"IRN"}, "done"),
    # the sanctions' own doer
    ("Russia condemned the EU's sanctions against Belarus.", "ACCUSE", {"RUS"}, {"EU"},
     "done"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "source", "target", "modality"), SANCTIONS)
def test_sanctions_in_the_passive_and_by_adjective(english, text, kind, source, target, modality):
    _has(english, text, kind, source, target, modality)


REPORTED = [
    # the speaker of a quotation or a reported clause is the source
    ('"We condemn the strike," Zakharova said.', "ACCUSE", {"RUS"}),
    ('"We condemn these actions," the Chinese Foreign Ministry said.', "ACCUSE", {"CHN"}),
    ("The Russian Foreign Ministry said it condemned the strike on the embassy.", "ACCUSE",
     {"RUS"}),
    ("The Turkish Foreign Ministry stated that it condemned the attack.", "ACCUSE", {"TUR"}),
    ("Hakan Fidan told reporters that he welcomed the agreement.", "SUPPORT", {"TUR"}),
    ("According to the Chinese Foreign Ministry, we condemn these actions.", "ACCUSE",
     {"CHN"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "source"), REPORTED)
def test_reported_speech_gives_the_speakers_state(english, text, kind, source):
    found = _events(english, text)
    assert any(k == kind and s == source for k, s, _, _ in found), found


def test_a_pronoun_outside_reported_speech_is_no_reporter(english):
    assert not any(
        s for _, s, _, _ in _events(english, "Zakharova said they imposed sanctions on Russia.")
    )


MODALITY = [
    ("Lavrov said he would visit Ankara in May.", "AGREE", {"RUS"}, {"TUR"}, "planned"),
    ("Turkey announced that it would impose sanctions on Israel.", "SANCTION", {"TUR"},
     {"ISR"}, "planned"),
    ("Russia and Egypt agreed to hold talks in October.", "AGREE", {"RUS", "EGY"},
     {"RUS", "EGY"}, "planned"),
    ("Russia and Egypt plan to hold talks in October.", "AGREE", {"RUS", "EGY"},
     {"RUS", "EGY"}, "planned"),
    ("Russia and Egypt could sign the agreement this year.", "AGREE", {"RUS", "EGY"},
     {"RUS", "EGY"}, "hypothetical"),
    ("If Japan imposes sanctions, Russia will respond.", "SANCTION", {"JPN"}, {"RUS"},
     "hypothetical"),
    ("Russia did not support the resolution.", "REJECT", {"RUS"}, set(), "done"),
    # «would» of a clause below the act conditions that clause only; on the act, it does
    ("Iran demanded guarantees from the IAEA that the data would not be passed to third "
     "countries.", "REQUEST", {"IRN"}, {"IAEA"}, "done"),
    ("Egypt urged Israel to give assurances that its troops would leave Rafah.", "REQUEST",
     {"EGY"}, {"ISR"}, "done"),
    ("China would support the resolution of Brazil.", "SUPPORT", {"CHN"}, {"BRA"},
     "hypothetical"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "source", "target", "modality"), MODALITY)
def test_modality(english, text, kind, source, target, modality):
    _has(english, text, kind, source, target, modality)


CONDUCT = [
    ("Washington provokes the escalation in the region.", {"USA"}),
    ("The Kyiv regime incites violence in the region.", {"UKR"}),
    ("London undermines the peace process.", {"GBR"}),
    ("The Japanese government falsifies history.", {"JPN"}),
]


@pytest.mark.parametrize(("text", "target"), CONDUCT)
def test_conduct_is_judged_by_the_voice(english, text, target):
    doc = english.analyze_text(
        "Statement by the Russian Foreign Ministry, June 3, 2025\n" + text, "conduct"
    )
    found = [
        (e.type, {r.code for r in e.source}, {r.code for r in e.target}) for e in doc.facts.events
    ]
    assert ("ACCUSE", {"RUS"}, target) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The talks focused on trade.",  # no side named: no event
        "The meeting hall was renovated.",
    ],
)
def test_no_doer_no_event(english, text):
    found = _events(english, text)
    assert not any(k == "SANCTION" or (k == "CONSULT" and not s) for k, s, _, _ in found)


AGREEMENTS = [
    # the kind noun runs on over its complement: «on», «of», «for», «between … and the …»
    ("Russia and Vietnam signed the Treaty on Comprehensive Strategic Partnership.",
     "treaty", "Treaty on Comprehensive Strategic Partnership"),
    ("Russia and India signed a memorandum of understanding on energy cooperation in New "
     "Delhi on May 5.", "memorandum", "memorandum of understanding on energy cooperation"),
    ("The sides signed a plan of consultations for 2025-2026.", "plan",
     "plan of consultations for 2025-2026"),
    ("Egypt and Brazil concluded an agreement on visa-free travel.", "agreement",
     "agreement on visa-free travel"),
    ("Russia recalled the Treaty of Friendship between the Russian Federation and the "
     "Republic of India.", "treaty",
     "Treaty of Friendship between the Russian Federation and the Republic of India"),
    # capitalised words before the kind noun are the name's own
    ("Iran and the United States discussed the Joint Comprehensive Plan of Action.", "plan",
     "Joint Comprehensive Plan of Action"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "name"), AGREEMENTS)
def test_agreements_are_named_by_their_document(english, text, kind, name):
    doc = english.analyze_text(text, "agreement")
    assert [(a.kind, a.name_en) for a in doc.facts.agreements] == [(kind, name)]


VOICED = [
    # the statement's voice judges: labels, promised responses, responsibility, concern
    ("We regard this decision of Warsaw as hostile.", "ACCUSE", {"POL"}),
    ("We regard the deployment of American missiles in Germany as a provocation.", "ACCUSE",
     {"USA"}),
    ("Retaliatory measures against Lithuania will follow.", "THREATEN", {"LTU"}),
    ("Any hostile actions by Warsaw will not go unanswered.", "THREATEN", {"POL"}),
    ("Responsibility for the consequences lies entirely with the Polish leadership.", "ACCUSE",
     {"POL"}),
    ("We are concerned about attempts by the United States to impose its schemes.", "ACCUSE",
     {"USA"}),
    ("The decision of the Estonian authorities is a cause for serious concern.", "ACCUSE",
     {"EST"}),
    ("We hold Kyiv fully responsible for the consequences.", "ACCUSE", {"UKR"}),
    # a summons and a protest in the passive are the ministry's own
    ("The Ambassador of Poland was summoned to the Russian Foreign Ministry on May 2.",
     "ACCUSE", {"POL"}),
    ("The chargé d'affaires of Latvia was summoned to the Foreign Ministry.", "ACCUSE",
     {"LVA"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "target"), VOICED)
def test_the_voice_judges_answers_and_protests(english, text, kind, target):
    doc = english.analyze_text(
        "Statement by the Russian Foreign Ministry, Moscow, May 3, 2026\n\n" + text, "voiced"
    )
    found = [
        (e.type, {r.code for r in e.source}, {r.code for r in e.target}) for e in doc.facts.events
    ]
    assert (kind, {"RUS"}, target) in found, found


ANAPHORA = [
    # a subject pronoun: the person the sentence before names first
    ("Foreign Minister of Egypt Badr Abdelatty visited Madrid on Monday. He condemned the "
     "missile launch by North Korea.", "ACCUSE", {"EGY"}, {"PRK"}),
    ("Foreign Minister of Japan Takeshi Iwaya said he would visit Seoul. He urged Pakistan to "
     "show restraint.", "REQUEST", {"JPN"}, {"PAK"}),
    # a bare title with «the»: the last phrase with that title that names its person
    ("Secretary of State Marco Rubio spoke by phone with Foreign Minister of India "
     "Subrahmanyam Jaishankar. The Secretary welcomed the decision of Pakistan.", "SUPPORT",
     {"USA"}, {"PAK"}),
    # a chain: a title subject passes its person on to the pronoun after it, past the people
    # its sentence names as objects
    ("Secretary of State Marco Rubio spoke by phone with Foreign Minister of India "
     "Subrahmanyam Jaishankar. The Secretary also invited the Minister to Washington. He urged "
     "Pakistan to show restraint.", "REQUEST", {"USA"}, {"PAK"}),
    ("Chancellor of Germany Friedrich Merz received the President of Kenya in Berlin. The "
     "Chancellor thanked Kenya for its mediation. He condemned the attacks by Russia.",
     "ACCUSE", {"DEU"}, {"RUS"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "source", "target"), ANAPHORA)
def test_a_subject_pronoun_or_bare_title_is_the_person_named_before(
    english, text, kind, source, target
):
    _has(english, text, kind, source, target)


NO_ANAPHORA = [
    # another pronoun is another person: «she» does not take up the «he» before it
    "President of France Emmanuel Macron received the Prime Minister of India in Paris. He "
    "said the talks were useful. She condemned the attack.",
    # a pronoun with no person named before it
    "The talks were useful. He condemned the attack on the embassy.",
]


@pytest.mark.parametrize("text", NO_ANAPHORA)
def test_no_person_before_no_anaphora(english, text):
    assert not [e for e in _events(english, text) if e[0] == "ACCUSE"], _events(english, text)


HOSTING = [
    # hosting or receiving a guest: the guest is the source, the host the target
    ("The Foreign Minister of Egypt received the Foreign Minister of Iran.", {"IRN"}, {"EGY"}),
    ("President of France Emmanuel Macron received the Prime Minister of India in Paris.",
     {"IND"}, {"FRA"}),
    ("Turkish Foreign Minister Hakan Fidan hosted his Somali counterpart in Ankara.", {"SOM"},
     {"TUR"}),
    ("The Foreign Minister of Egypt welcomed his Sudanese counterpart in Cairo.", {"SDN"},
     {"EGY"}),
    ("Chinese President Xi Jinping hosted a delegation of Vietnam in Beijing.", {"VNM"},
     {"CHN"}),
    ("The Foreign Minister of Kenya received the Ambassador of Japan.", {"JPN"}, {"KEN"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "source", "target"), HOSTING)
def test_a_host_receives_its_guest(english, text, source, target):
    _has(english, text, "CONSULT", source, target)


CALLS = [
    # a readout's «spoke with»: a call, both sides the source
    ("Secretary of State Marco Rubio spoke today with Armenian Foreign Minister Ararat "
     "Mirzoyan.", {"USA", "ARM"}),
    ("Wang Yi talked with the Foreign Minister of Brazil about trade.", {"CHN", "BRA"}),
    ("The President of Kenya spoke with the President of Tanzania on Monday.",
     {"KEN", "TZA"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "source"), CALLS)
def test_speaking_with_another_side_is_talks(english, text, source):
    _has(english, text, "CONSULT", source, set())


@pytest.mark.parametrize(
    "text",
    [
        "The Minister of Foreign Affairs of India spoke with reporters in Delhi.",
        "The President of Kenya talked with students about the future.",
        "Brazil spoke with one voice on the matter.",
    ],
)
def test_speaking_with_no_actor_is_no_talks(english, text):
    assert not [e for e in _events(english, text) if e[0] == "CONSULT"], _events(english, text)


INVITATIONS = [
    # an invitation, or accepting one, looks ahead: planned whatever its tense
    ("The Secretary of State of the United States invited the Foreign Minister of Armenia to "
     "Washington.", {"USA"}, {"ARM"}),
    ("Japan extended an invitation to the President of Kenya.", {"JPN"}, {"KEN"}),
    ("The President of Brazil accepted the invitation of India.", {"BRA"}, {"IND"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "source", "target"), INVITATIONS)
def test_an_invitation_is_planned(english, text, source, target):
    _has(english, text, "AGREE", source, target, "planned")


REMARKS = (
    "Foreign Minister Sergey Lavrov's remarks following talks with Minister of Foreign Affairs "
    "of Egypt Badr Abdelatty, Moscow, March 3, 2026\n\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "I would like to thank my colleague for our cooperation.",
        "We would like to thank Egypt for its support.",
        "I would like to congratulate our Egyptian friends on the anniversary.",
        "I thank my colleague for the cooperation.",
    ],
)
def test_courtesy_of_the_speaker_is_done(english, sentence):
    """«I would like to thank …»: courtesy in the first person (singular too), not a
    condition; the speaker thanks as he speaks."""
    _has(english, REMARKS + sentence, "SUPPORT", {"RUS"}, {"EGY"})


def test_a_wish_of_another_side_stays_conditional(english):
    _has(
        english,
        "If Japan would like to join, Russia would support the bid of Japan.",
        "SUPPORT",
        {"RUS"},
        {"JPN"},
        "hypothetical",
    )


# Dates in English: an act dated a month or a year before the statement (its date from the
# title line: a written date, a numeric one, or an ISO one) is historical; one dated days
# before, or this month, is today's news.
DATED = [
    ("Statement of the Ministry\nLondon, March 3, 2026\n\nPoland expelled two Russian "
     "diplomats in August 2023.", "SANCTION", {"POL"}, {"RUS"}, "historical"),
    ("Statement of the Ministry\nLondon, March 3, 2026\n\nIn 2019, Japan imposed sanctions "
     "on Iran.", "SANCTION", {"JPN"}, {"IRN"}, "historical"),
    ("Statement of the Ministry\nLondon, March 3, 2026\n\nThe United States imposed "
     "sanctions on Venezuela last year.", "SANCTION", {"USA"}, {"VEN"}, "historical"),
    ("Statement of the Ministry\nLondon, March 3, 2026\n\nJapan imposed sanctions on Iran "
     "in January.", "SANCTION", {"JPN"}, {"IRN"}, "historical"),
    ("Press release, 03.03.2026\n\nFrance condemned the strikes of Israel on Lebanon in "
     "December 2025.", "ACCUSE", {"FRA"}, {"ISR"}, "historical"),
    ("Remarks of the Spokesperson\n\n2026-03-03 10:00\n\nChina expelled a diplomat of "
     "Lithuania on February 2.", "SANCTION", {"CHN"}, {"LTU"}, "historical"),
    ("READOUT\nMARCH 3, 2026\n\nIndia and Brazil signed an agreement on trade in 2024.",
     "SUPPORT", {"IND", "BRA"}, {"IND", "BRA"}, "historical"),
    # days ago, or this month: done
    ("Statement of the Ministry\nLondon, March 3, 2026\n\nPoland expelled two Russian "
     "diplomats last week.", "SANCTION", {"POL"}, {"RUS"}, "done"),
    ("Statement of the Ministry\nLondon, March 3, 2026\n\nJapan imposed sanctions on Iran "
     "on March 1.", "SANCTION", {"JPN"}, {"IRN"}, "done"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "source", "target", "modality"), DATED)
def test_dated_acts(english, text, kind, source, target, modality):
    _has(english, text, kind, source, target, modality)


# Briefings: a title with its genre after a lead ("Excerpts from the weekly press briefing
# of …"), the place and date on a line of their own, a speaker whose office names no state
# (the place's state speaks), one-word turn labels ("Baghaei:"), Q/A labels.
BRIEFINGS = [
    ("Excerpts from the weekly press briefing of Foreign Ministry Spokesman Esmaeil Baghaei\n"
     "Tehran, February 1, 2027\n\nQuestion: What about Syria?\n\nBaghaei: We strongly "
     "condemn the strikes of Israel on Syria.", "ACCUSE", {"IRN"}, {"ISR"}),
    ("Transcript of the regular briefing by Spokesperson Lin Jian\nBeijing, March 4, 2026\n\n"
     "Question: Any comment?\n\nLin: We firmly oppose the sanctions of the United States.\n\n"
     "Question: And Japan?\n\nLin: We urge Japan to stop its provocations.", "REQUEST",
     {"CHN"}, {"JPN"}),
    ("Statement of the Foreign Ministry\nTehran, February 1, 2027\n\nWe strongly condemn the "
     "strike of Israel on Syria.", "ACCUSE", {"IRN"}, {"ISR"}),
    ("Remarks by Spokesperson Mao Ning\nBeijing, January 21, 2027\n\nQ: What is your "
     "comment?\n\nA: We strongly condemn the arms sale of the United States to Taiwan.",
     "ACCUSE", {"CHN"}, {"USA"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "source", "target"), BRIEFINGS)
def test_briefings_speak_for_their_place(english, text, kind, source, target):
    _has(english, text, kind, source, target)


def test_one_word_labels_and_the_title_place(english):
    doc = english.analyze_text(BRIEFINGS[0][0], "briefing")
    assert doc.metadata.genre == "briefing"
    assert doc.metadata.date.isoformat() == "2027-02-01"
    assert [t.label for t in doc.turns] == ["Question", "Baghaei"]
    assert doc.turns[1].actor == "IRN"
    # a one-word line label the title does not name, said once, is no turn
    doc = english.analyze_text("Statement of the Ministry\n\nNote: Russia expelled a diplomat.")
    assert doc.turns == []


def test_spokesperson_of_the_state_the_answers_make_subject(english):
    # no place, an office of no state: the state the answers make their subject speaks
    text = (
        "Spokesperson Lin Jian's Remarks on the Sanctions of Japan\n\nQ: What is your comment?"
        "\n\nA: China firmly opposes the move of Japan. China has lodged protests. We urge "
        "Japan to correct its mistake.\n\nQ: What next?\n\nA: China will respond firmly."
    )
    doc = english.analyze_text(text, "spokesperson")
    assert doc.metadata.speaker.actor == "CHN"
    _has(english, text, "REQUEST", {"CHN"}, {"JPN"})


# Joint statements: "The Ministers", "The Leaders", "The Parties" (a capitalised plural the
# tagger took for a name) are all the sides that met, three as well as two.
_TRILATERAL = (
    "Joint Statement of the Trilateral Foreign Ministers' Meeting\n\nTokyo, January 25, 2027"
    "\n\nThe Minister for Foreign Affairs of Japan, the Secretary of State of the United States "
    "and the Minister of Foreign Affairs of the Republic of Korea met today in Tokyo.\n\n"
)
JOINT = [
    (_TRILATERAL + "The Ministers strongly condemned the missile launch by the DPRK.",
     "ACCUSE", {"JPN", "USA", "KOR"}, {"PRK"}),
    (_TRILATERAL + "The Ministers expressed grave concern over the actions of Russia.",
     "ACCUSE", {"JPN", "USA", "KOR"}, {"RUS"}),
    (_TRILATERAL + "The Ministers urged the DPRK to return to dialogue.",
     "REQUEST", {"JPN", "USA", "KOR"}, {"PRK"}),
    ("Joint Statement\n\nAnkara, March 3, 2026\n\nThe Foreign Minister of Turkey held talks "
     "with the Foreign Minister of Egypt in Ankara.\n\nThe Parties condemned the strikes of "
     "Israel on Gaza.", "ACCUSE", {"TUR", "EGY"}, {"ISR"}),
    ("Joint Statement\n\nAnkara, March 3, 2026\n\nThe Foreign Minister of Turkey held talks "
     "with the Foreign Minister of Egypt in Ankara.\n\nThe Leaders called on Israel to stop "
     "the strikes.", "REQUEST", {"TUR", "EGY"}, {"ISR"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "source", "target"), JOINT)
def test_joint_subjects_are_all_the_sides(english, text, kind, source, target):
    _has(english, text, kind, source, target)


# A wire dateline is parsed apart from the report it opens (its words are no subject).
DATELINED = [
    ("Nigeria, Niger agree\n\nABUJA, Jan 12 (Reuters) - Nigeria and Niger agreed on Tuesday to "
     "reopen their main border crossings.", "AGREE", {"NGA", "NER"}, {"NGA", "NER"}, "planned"),
    ("Poland expels diplomat\n\nWARSAW, March 3 (Reuters) - Poland expelled a Russian diplomat "
     "on Monday.", "SANCTION", {"POL"}, {"RUS"}, "done"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "source", "target", "modality"), DATELINED)
def test_a_dateline_is_no_part_of_the_report(english, text, kind, source, target, modality):
    _has(english, text, kind, source, target, modality)


# A press release whose headline comes first: the issuer and the genre line below it
# ("Ministry of Foreign Affairs of the Republic of Estonia / Press release, 20.01.2027") give
# the voice and the date; a title body naming its own state is that state's.
_RELEASE = (
    "Estonia declares Russian diplomat persona non grata\n\nMinistry of Foreign Affairs of the "
    "Republic of Estonia\nPress release, 20.01.2027\n\n"
)


def test_a_genre_line_below_the_headline(english):
    doc = english.analyze_text(_RELEASE + "We condemn the violation of our airspace.", "release")
    assert doc.metadata.genre == "press_release"
    assert doc.metadata.date.isoformat() == "2027-01-20"
    assert doc.metadata.speaker.actor == "EST"
    text = _RELEASE + "A diplomat of the Russian embassy has been declared persona non grata."
    _has(english, text, "SANCTION", {"EST"}, {"RUS"})
    # a headline with no genre line below it is no title
    doc = english.analyze_text(
        "Estonia expels Russian diplomat\n\nTallinn said on Monday that "
        "it had expelled a Russian diplomat.",
        "news",
    )
    assert doc.metadata.genre is None
