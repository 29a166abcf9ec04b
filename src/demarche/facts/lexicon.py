"""The fact lexicons (predicates, cue words, rhetoric), compiled for lemma matching."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from demarche.data import load_json
from demarche.language.morphology import Morphology, fold
from demarche.model import Token

WINDOW = 6  # a multi-word predicate's words may be this many tokens apart


@dataclass(frozen=True, slots=True)
class LemmaPattern:
    lemmas: tuple[str, ...]
    payload: Any


@dataclass(slots=True)
class Hit:
    first: int
    last: int
    indexes: tuple[int, ...]
    pattern: LemmaPattern


class LemmaMatcher:
    """Lemma sequences in order, each next lemma within ``window`` tokens of the previous."""

    def __init__(self, patterns: list[LemmaPattern], window: int = WINDOW) -> None:
        self.window = window
        self.patterns = patterns
        self.by_first: dict[str, list[LemmaPattern]] = {}
        for pattern in sorted(patterns, key=lambda p: -len(p.lemmas)):
            self.by_first.setdefault(pattern.lemmas[0], []).append(pattern)

    def find(self, tokens: list[Token]) -> list[Hit]:
        lemmas = [fold(t.lemma or t.text) for t in tokens]
        by_first = self.by_first
        # only the positions where some pattern starts (most sentences have none or few)
        starts = [index for index, lemma in enumerate(lemmas) if lemma in by_first]
        if not starts:
            return []
        hits: list[Hit] = []
        used: set[int] = set()
        for index in starts:
            if index in used:
                continue
            for pattern in by_first[lemmas[index]]:
                reach = pattern.payload.get("window", 0) if isinstance(pattern.payload, dict) else 0
                indexes = self._rest(lemmas, index, pattern.lemmas, reach)
                if indexes and not _voice_fits(tokens, indexes, pattern.payload):
                    continue  # «санкции были введены», not «санкции решено ввести»
                if indexes and not _first_pos_fits(tokens, indexes, pattern.payload):
                    continue  # «Russia values …», not «shared values»
                if indexes and not _tense_fits(tokens, indexes, pattern.payload):
                    continue  # «не допустим …», not «призываем не допустить …»
                far = indexes and indexes[-1] - indexes[0] > len(pattern.lemmas) + 2
                if indexes and (reach or far) and _clause_between(tokens, indexes):
                    continue  # «провели очень полезные переговоры», not across a clause
                if indexes and not used.intersection(indexes):
                    hits.append(Hit(indexes[0], indexes[-1], indexes, pattern))
                    used.update(indexes)
                    break
        return hits

    def _rest(self, lemmas: list[str], index: int, wanted: tuple[str, ...], reach: int = 0):
        indexes = [index]
        for lemma in wanted[1:]:
            start = indexes[-1] + 1
            window = lemmas[start : start + (reach or self.window)]
            if lemma not in window:
                return None
            indexes.append(start + window.index(lemma))
        return tuple(indexes)


def _voice_fits(tokens: list[Token], indexes: tuple[int, ...], payload: Any) -> bool:
    """A pattern in the passive order needs its verb to be a short passive participle, the
    predicate of a clause («санкции были введены»); a full one qualifies a noun
    («договорённостей, достигнутых президентами») and recalls an earlier act."""
    order = payload.get("order") if isinstance(payload, dict) else None
    if order == "fronted":
        return _fronted(tokens, indexes)
    if order != "passive":
        return True
    verbs = [i for i in indexes if tokens[i].pos in ("VERB", "AUX")] or [indexes[-1]]
    feats = tokens[verbs[0]].feats  # «в МИД был приглашён посол», «был приглашён в МИД»
    if feats.get("Voice") == "Pass" and feats.get("Variant") == "Short":
        return True
    # "the invitation was accepted": English marks the passive by its auxiliary
    predicate = not tokens[verbs[0]].rel.startswith(("acl", "amod"))
    return predicate and any(t.rel == "aux:pass" and t.head == verbs[0] for t in tokens)


def _fronted(tokens: list[Token], indexes: tuple[int, ...]) -> bool:
    """«все пункты пропуска … финская сторона закрыла», «его полномочия не признаём»: a verb
    phrase whose object comes first; its verb is finite and active and, once parsed, the
    object's head («санкции, которые ввёл Евросоюз» has «которые» for the object)."""
    verb = tokens[indexes[-1]]
    if verb.pos != "VERB" or verb.feats.get("VerbForm", "Fin") != "Fin":
        return False  # the fast tags name no verb form: a finite verb has a tense
    if verb.feats.get("Voice") == "Pass" or "Tense" not in verb.feats:
        return False
    noun = tokens[indexes[0]]
    return not noun.rel or (noun.rel == "obj" and noun.head == indexes[-1])


def _first_pos_fits(tokens: list[Token], indexes: tuple[int, ...], payload: Any) -> bool:
    """An entry may name the parts of speech its first word must have (``first_pos``): a
    word that is a verb and a noun alike (English «value», «back») reports an act only as
    the one."""
    wanted = payload.get("first_pos") if isinstance(payload, dict) else None
    return not wanted or tokens[indexes[0]].pos in wanted


def _tense_fits(tokens: list[Token], indexes: tuple[int, ...], payload: Any) -> bool:
    """An entry may name the tenses its last word, a verb, must have (``tense``): «Россия не
    допустит …» vows, «не допустил» reports and «призвали не допустить» asks."""
    wanted = payload.get("tense") if isinstance(payload, dict) else None
    return not wanted or tokens[indexes[-1]].feats.get("Tense") in wanted


def _clause_between(tokens: list[Token], indexes: tuple[int, ...]) -> bool:
    """A far-reaching pattern («принял по просьбе … стороны Посла») holds within one clause:
    no verb or clause break between its words («приняли решение отозвать посла»)."""
    return any(
        (
            tokens[i].pos in ("VERB", "AUX")
            and fold(tokens[i].lemma) != "быть"
            and tokens[i].rel not in ("aux", "aux:pass")
        )
        or tokens[i].text in (",", ";", ":", "–", "—")
        for i in range(indexes[0] + 1, indexes[-1])
    )  # «были восстановлены», «was summoned»: the passive's auxiliary starts no clause


class _Compiler:
    """Lexicon entries are written in the nominative; matching runs on lemmas."""

    def __init__(self, morphology: Morphology) -> None:
        self.morphology = morphology

    def lemmas(self, words: list[str]) -> tuple[str, ...]:
        return tuple(fold(self.morphology.lemma(w)) if w[:1].isalpha() else w for w in words)

    def entries(self, items: list[dict[str, Any]]) -> list[LemmaPattern]:
        """Each entry's lemmas, and the same with each full adjective replaced by another
        lemma its short forms have («намеренный»: «намерена» may be tagged «намерен»)."""
        patterns = []
        for item in items:
            lemmas = self.lemmas(item["lemmas"])
            patterns.append(LemmaPattern(lemmas, item))
            for i, lemma in enumerate(lemmas):
                for other in self.short_lemmas(lemma):
                    patterns.append(LemmaPattern((*lemmas[:i], other, *lemmas[i + 1 :]), item))
        return patterns

    def short_lemmas(self, lemma: str) -> frozenset[str]:
        short = getattr(self.morphology, "short_lemmas", None)  # a language without them
        return short(lemma) if short is not None and lemma[:1].isalpha() else frozenset()

    def phrases(self, mapping: dict[str, Any]) -> list[LemmaPattern]:
        return [LemmaPattern(self.lemmas(key.split()), value) for key, value in mapping.items()]

    def raw_phrases(self, words: list[str]) -> list[LemmaPattern]:
        """The words as written too: the tagger's lemma of a short form («намерен») may not
        be the dictionary's («намеренный»)."""
        return [LemmaPattern(tuple(fold(w) for w in key.split()), key) for key in words]

    def nominal(self, word: str) -> bool:
        """A noun or an adjective: a verb's object phrase, which its passive puts first."""
        tag = getattr(self.morphology, "tag", None)  # a language without a dictionary
        return tag is not None and tag(word)[0] in ("NOUN", "ADJ", "PROPN")  # tagger: none

    def words(self, words: list[str]) -> set[str]:
        return {self.lemmas([w])[0] for w in words if " " not in w}


@dataclass(slots=True)
class FactLexicon:
    predicates: LemmaMatcher
    negated_types: dict[str, str]
    agreement_kinds: LemmaMatcher
    agreement_status: dict[str, str]
    scope_areas: LemmaMatcher
    format_nouns: LemmaMatcher
    round_nouns: set[str]
    ordinals: dict[str, int | None]
    format_levels: LemmaMatcher
    relation_words: LemmaMatcher
    positive: set[str]
    negative: set[str]
    intent: LemmaMatcher
    conditional: set[str]
    negation: set[str]
    joint: LemmaMatcher
    joint_exceptions: LemmaMatcher
    relative_dates: dict[str, int | str]
    loaded_labels: LemmaMatcher
    euphemisms: LemmaMatcher
    scare_quote_words: int
    glossary: dict[str, str]
    glossary_phrases: dict[tuple[str, ...], str]
    metonyms: dict[str, str]
    place_prepositions: set[str]
    joint_subjects: set[str]
    target_adjectives: dict[str, str]
    demonstratives: set[str]
    we: set[str]
    circumstances: LemmaMatcher
    phrase_titles: set[str]
    deed_nouns: dict[str, set[str]]
    agent_prepositions: set[str]
    against_prepositions: set[str]
    answer_phrases: list[str]
    future_cues: list[str]
    stance_weights: dict[str, float]
    bilateral_genres: set[str]
    courtesy: LemmaMatcher
    held_verbs: set[str]
    sides_genres: set[str]
    sides_definitions: list[str]
    otherwise_cues: list[str]
    outcome_nouns: set[str]
    sides_pronouns: set[str]
    topic_nouns: set[str]
    object_pronouns: set[str]
    round_counts: dict[str, int]
    same_place: list[str]
    series_nouns: dict[str, str]
    sideless_genres: set[str]
    participant_sectors: frozenset[str]
    known_agreements: LemmaMatcher
    occasion_anaphora: list[str]
    then_words: set[str]
    term_prepositions: set[str]
    translit: dict[str, str]
    relative_pronouns: set[str]
    between: set[str]
    comitative: set[str]
    comitative_case: str | None
    own_act_genres: set[str]
    own_act_types: set[str]
    anniversary: LemmaMatcher
    anniversary_suffixes: tuple[str, ...]
    act_nouns: dict[str, set[str]]
    past_plural_endings: tuple[str, ...]
    institution_nouns: set[str]
    own_institution_nouns: set[str]
    plan_words: set[str]
    countable_meetings: set[str]
    control_nouns: set[str]
    control_verbs: set[str]
    judging_verbs: set[str]
    answer_verbs: set[str]
    readiness_words: set[str]
    deal_nouns: set[str]
    agreed_without_subject: set[str]
    agreed_without_subject_endings: tuple[str, ...]
    agreed_without_subject_empty: set[str]
    acceptance_verbs: set[str]
    carrier_nouns: frozenset[str]
    proposal_words: set[str]
    modal_words: set[str]
    reporting_verbs: set[str]
    according_words: set[str]
    according_phrases: LemmaMatcher
    genitive_prepositions: set[str]
    agreement_names: dict[str, list[str]]
    doer_relations: set[str]
    reported_pronouns: set[str]
    reported_future: set[str]
    copular_verbs: set[str]
    reported_hostile_types: set[str]
    separate_meetings: LemmaMatcher
    own_part: LemmaMatcher
    office_anaphora: set[str]
    country_anaphora: set[str]
    person_anaphora: set[str]
    latter_anaphora: set[str]
    title_anaphora: set[str]
    manner: LemmaMatcher
    response_cues: tuple[str, ...]
    anaphora_subjects_only: bool
    subject_without_relative: bool
    capital_frame: bool
    addressee_prepositions: set[str]
    reason_prepositions: set[str]
    colon_quotes: bool
    talks_reach: int
    briefing_voice: bool
    obligation_words: set[str]
    polite_verbs: set[str]
    visitor_nouns: set[str]
    colleagues: set[str]


def _with_frames(predicates: dict[str, Any], nominal=lambda lemma: False) -> list[dict[str, Any]]:
    """Each entry with its class's valency frame (how its roles are found); an entry's own
    keys win. A verb phrase of verb and object («ввести санкции») also matches in the order
    of its passive («санкции были введены»), as a noun-led entry whose verb must turn out
    passive (``order: passive``), and with its object put first («границу Финляндия
    закрыла»), whose verb must turn out active with that object (``order: fronted``)."""
    classes = predicates.get("classes", {})
    entries = [
        {**classes.get(entry.get("class", ""), {}).get("frame", {}), **entry}
        for entry in predicates["predicates"] + _composed(predicates)
    ]
    known = {tuple(e["lemmas"]): e for e in entries}
    passives = []
    for entry in entries:
        verb, *rest = entry["lemmas"]
        if entry.get("pos") != "VERB" or not rest or not all(nominal(w) for w in rest):
            continue  # «ответить на санкции», «договориться провести»: no passive of that
        if entry.get("roles") or entry.get("needs_object") or verb in rest:
            continue
        reversed_lemmas = [*rest, verb]
        if tuple(reversed_lemmas) in known or known.get(tuple(rest), {}).get("roles"):
            continue  # «ответные меры будут приняты»: the noun phrase's own frame holds
        passives.append({**entry, "lemmas": reversed_lemmas, "pos": "NOUN", "order": "passive"})
        passives.append({**entry, "lemmas": reversed_lemmas, "pos": "NOUN", "order": "fronted"})
    return entries + passives


def _composed(predicates: dict[str, Any]) -> list[dict[str, Any]]:
    """A class's ``compose`` lists the verbs, their nominalisations and the objects of its
    light-verb phrases; each verb or noun with each object is an entry («утвердить пакет
    санкций», «введение Токио санкций»), unless the lexicon lists that phrase itself."""
    listed = {tuple(e["lemmas"]) for e in predicates["predicates"]}
    found = []
    for name, spec in predicates.get("classes", {}).items():
        compose = spec.get("compose")
        if not compose:
            continue
        heads = [(w, "VERB") for w in compose["verbs"]]
        heads += [(w, "NOUN") for w in compose.get("nouns", [])]
        for head, pos in heads:
            for phrase in compose["objects"]:
                lemmas = [head, *phrase.split()]
                if tuple(lemmas) in listed:
                    continue
                listed.add(tuple(lemmas))
                found.append(
                    {
                        "lemmas": lemmas,
                        "pos": pos,
                        "type": spec["type"],
                        "mode": spec.get("mode", ""),
                        "context": spec.get("context", ""),
                        "class": name,
                    }
                )
    return found


@cache
def load_lexicon(morphology: Morphology, language: str = "ru") -> FactLexicon:
    predicates = load_json(f"lang/{language}_predicates.json")
    facts = load_json(f"lang/{language}_facts.json")
    rhetoric = load_json(f"lang/{language}_rhetoric.json")
    glossary = load_json(f"lang/{language}_glossary.json")
    c = _Compiler(morphology)
    phrases = lambda key, window=1: LemmaMatcher(c.phrases(facts[key]), window)  # noqa: E731
    phrase_list = lambda key: LemmaMatcher(  # noqa: E731
        c.phrases({w: w for w in facts.get(key, [])}), 1
    )  # a list of words or phrases, each matching itself
    listed = lambda key: LemmaMatcher(  # noqa: E731
        c.phrases({w: w for w in facts[key]}) + c.raw_phrases(facts[key]), 1
    )
    return FactLexicon(
        predicates=LemmaMatcher(c.entries(_with_frames(predicates, c.nominal))),
        negated_types=predicates.get("negated_types", {}),
        agreement_kinds=phrases("agreement_kinds"),
        agreement_status={c.lemmas(k.split())[0]: v for k, v in facts["agreement_status"].items()},
        scope_areas=phrases("scope_areas", 2),
        format_nouns=phrases("format_nouns"),
        round_nouns=c.words(facts["round_nouns"]),
        ordinals={c.lemmas([k])[0]: v for k, v in facts["ordinals"].items()},
        format_levels=phrases("format_levels"),
        relation_words=phrases("relation_words"),
        positive=c.words(facts["positive_words"]),
        negative=c.words(facts["negative_words"]),
        intent=listed("intent_words"),
        conditional=c.words(facts["conditional_words"]),
        negation=c.words(facts["negation_words"]),
        joint=listed("joint_markers"),
        joint_exceptions=phrase_list("joint_exceptions"),
        relative_dates={
            " ".join(c.lemmas(k.split())): v for k, v in facts["relative_dates"].items()
        },
        loaded_labels=LemmaMatcher(c.entries(rhetoric["loaded_labels"]), 1),
        euphemisms=LemmaMatcher(c.entries(rhetoric["euphemisms"]), 1),
        scare_quote_words=rhetoric.get("scare_quotes", {}).get("max_words", 3),
        glossary={c.lemmas([k])[0]: v for k, v in glossary["words"].items()},
        glossary_phrases={
            tuple(c.lemmas(k.split())): v for k, v in glossary.get("phrases", {}).items()
        },
        metonyms=facts.get("metonyms", {}),
        place_prepositions=set(facts.get("place_prepositions", [])),
        joint_subjects=c.words(facts.get("joint_subjects", [])),
        target_adjectives={
            c.lemmas([k])[0]: v for k, v in facts.get("target_adjectives", {}).items()
        },
        demonstratives=c.words(facts.get("demonstratives", [])),
        we=c.words(facts.get("we", ["мы"])),
        circumstances=listed("circumstance_prepositions"),
        phrase_titles=c.words(facts.get("phrase_titles", [])),
        deed_nouns={k: c.words(v) for k, v in facts.get("deed_nouns", {}).items()},
        agent_prepositions=set(facts.get("agent_prepositions", [])),
        against_prepositions=set(facts.get("against_prepositions", [])),
        answer_phrases=[w.lower() for w in facts.get("answer_phrases", [])],
        future_cues=[w.lower() for w in facts.get("future_cues", [])],
        stance_weights=facts.get("stance_weights", {}),
        bilateral_genres=set(facts.get("bilateral_genres", [])),
        held_verbs=c.words(facts.get("held_verbs", [])),
        sides_genres=set(facts.get("sides_genres", [])),
        sides_definitions=[w.lower() for w in facts.get("sides_definitions", [])],
        otherwise_cues=[w.lower() for w in facts.get("otherwise_cues", [])],
        outcome_nouns=c.words(facts.get("outcome_nouns", [])),
        sides_pronouns=c.words(facts.get("sides_pronouns", [])),
        topic_nouns=c.words(facts.get("topic_nouns", [])),
        object_pronouns=c.words(facts.get("object_pronouns", [])),
        round_counts={c.lemmas([k])[0]: v for k, v in facts.get("round_counts", {}).items()},
        same_place=[w.lower() for w in facts.get("same_place", [])],
        known_agreements=LemmaMatcher(c.phrases(facts.get("known_agreements", {})), 2),
        occasion_anaphora=[w.lower() for w in facts.get("occasion_anaphora", [])],
        then_words=c.words(facts.get("then_words", [])),
        term_prepositions=set(facts.get("term_prepositions", [])),
        translit=load_json(f"lang/{language}.json")["translit"],
        relative_pronouns=c.words(facts.get("relative_pronouns", [])),
        between=set(facts.get("between_prepositions", [])),
        comitative=set(facts.get("comitative_prepositions", [])),
        # the case the partner's noun takes after the comitative preposition (Russian «с» +
        # instrumental); a language without noun cases sets it to null
        comitative_case=facts.get("comitative_case", "Ins"),
        own_act_genres=set(facts.get("own_act_genres", [])),
        own_act_types=set(facts.get("own_act_types", [])),
        anniversary=phrase_list("anniversary_cues"),
        anniversary_suffixes=tuple(facts.get("anniversary_suffixes", [])),
        act_nouns={c.lemmas([k])[0]: c.words(v) for k, v in facts.get("act_nouns", {}).items()},
        past_plural_endings=tuple(facts.get("past_plural_endings", [])),
        institution_nouns=c.words(facts.get("institution_nouns", [])),
        own_institution_nouns=c.words(facts.get("own_institution_nouns", [])),
        plan_words=c.words(facts.get("plan_words", [])),
        countable_meetings=c.words(facts.get("countable_meetings", [])),
        control_nouns=c.words(facts.get("control_nouns", [])),
        control_verbs=c.words(facts.get("control_verbs", [])),
        judging_verbs=c.words(facts.get("judging_verbs", [])),
        answer_verbs=c.words(facts.get("answer_verbs", [])),
        readiness_words=c.words(facts.get("readiness_words", [])),
        deal_nouns=c.words(facts.get("deal_nouns", [])),
        agreed_without_subject=c.words(facts.get("agreed_without_subject", [])),
        agreed_without_subject_endings=tuple(facts.get("agreed_without_subject_endings", [])),
        agreed_without_subject_empty=c.words(facts.get("agreed_without_subject_empty", [])),
        acceptance_verbs=c.words(facts.get("acceptance_verbs", [])),
        carrier_nouns=frozenset(
            c.words(facts.get("carrier_nouns", []) + facts.get("measure_nouns", []))
        ),
        proposal_words=c.words(facts.get("proposal_words", [])),
        modal_words=c.words(facts.get("modal_words", [])),
        reporting_verbs=c.words(facts.get("reporting_verbs", [])),
        according_words=c.words(facts.get("according_words", [])),
        according_phrases=phrase_list("according_phrases"),
        genitive_prepositions=set(facts.get("genitive_prepositions", [])),
        agreement_names={
            key: [c.lemmas([w])[0] for w in words]
            for key, words in facts.get("agreement_names", {}).items()
        },
        doer_relations=set(facts.get("doer_relations", [])),
        reported_pronouns=c.words(facts.get("reported_pronouns", [])),
        reported_future=c.words(facts.get("reported_future", [])),
        copular_verbs=c.words(facts.get("copular_verbs", [])),
        reported_hostile_types=set(facts.get("reported_hostile_types", [])),
        separate_meetings=phrase_list("separate_meetings"),
        own_part=phrase_list("own_part"),
        office_anaphora=c.words(facts.get("office_anaphora", [])),
        country_anaphora=c.words(facts.get("country_anaphora", [])),
        person_anaphora=c.words(facts.get("person_anaphora", [])),
        latter_anaphora=c.words(facts.get("latter_anaphora", [])),
        title_anaphora=c.words(facts.get("title_anaphora", [])),
        manner=phrase_list("manner_phrases"),
        response_cues=tuple(facts.get("response_cues", [])),
        anaphora_subjects_only=bool(facts.get("anaphora_subjects_only", False)),
        subject_without_relative=bool(facts.get("subject_without_relative", False)),
        capital_frame=bool(facts.get("capital_frame", False)),
        addressee_prepositions=set(facts.get("addressee_prepositions", [])),
        reason_prepositions=set(facts.get("reason_prepositions", [])),
        colon_quotes=bool(facts.get("colon_quotes", False)),
        talks_reach=int(facts.get("talks_reach", 6)),
        briefing_voice=bool(facts.get("briefing_voice", False)),
        obligation_words=set(facts.get("obligation_words", [])),
        polite_verbs=c.words(facts.get("polite_verbs", [])),
        visitor_nouns=c.words(facts.get("visitor_nouns", [])),
        colleagues=c.words(load_json(f"lang/{language}.json").get("colleague_words", [])),
        sideless_genres=set(facts.get("sideless_genres", [])),
        participant_sectors=frozenset(
            load_json("actors/organizations.json").get("participant_sectors", [])
        ),
        series_nouns={c.lemmas([k])[0]: v for k, v in facts.get("series_nouns", {}).items()},
        courtesy=phrase_list("courtesy_objects"),
    )
