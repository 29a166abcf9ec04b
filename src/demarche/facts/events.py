"""PLOVER events from Russian predicates, with arguments from the dependency parse."""

from __future__ import annotations

import re
from typing import Any

from demarche.facts.context import FactContext, SentenceView, sides_before
from demarche.facts.lexicon import Hit
from demarche.language.morphology import fold
from demarche.model import ActorRef, Event, Evidence

_SUBJECT = ("nsubj", "nsubj:pass")
_OBJECT = ("obj", "iobj", "obl", "obl:agent", "nmod", "xcomp", "ccomp", "acl", "conj")
_TARGET_PREPOSITIONS = {"с", "против", "к", "в адрес", "для", "перед", "за", "со"}
# PLOVER: a promise or intent to consult, support, cooperate or aid is AGREE.
_FUTURE_TO_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
_SPEAKER_PERSONS = {"1"}
_TOPIC_HOLDERS = {"AGREE", "SUPPORT", "COOPERATE", "AID", "REJECT", "REQUEST"}
_PROPOSALS = {"AGREE", "REQUEST"}
_HOSTILE = {"ACCUSE", "REJECT", "THREATEN", "REQUEST", "SANCTION", "PROTEST", "COERCE"}
_STATE_IDS = ("state:", "group:")  # a state, or a group of its own («власти Эстонии»)
_CLAUSE_BREAK = re.compile(r",\s+(?:а|но|однако|тогда как)\s|;\s")
_FIRST_PERSON_GENRES = {"remarks", "opening_remarks", "interview", "article", "press_conference"}
AGREEMENT_NOTE = "agreement: "  # note prefix of events that conclude or change an agreement


def candidate_sentences(context: FactContext) -> list[tuple[SentenceView, list[Hit]]]:
    found = []
    for view in context.views:
        hits = context.lexicon.predicates.find(view.tokens)
        if hits:
            found.append((view, hits))
    return found


def extract_events(context: FactContext, sentences: list[tuple[SentenceView, list[Hit]]]):
    events: list[Event] = []
    title = context.doc.metadata.title
    for view, hits in sentences:
        if title and title[0] <= view.sentence.start < title[1]:
            continue  # the title line names the occasion; the body reports it
        if _heading(context, view) or _question(context, view):
            continue
        view.build_tree()
        kinds = context.lexicon.agreement_kinds.find(view.tokens)
        courtesy = bool(context.lexicon.courtesy.find(view.tokens))
        for hit in hits:
            entry: dict[str, Any] = hit.pattern.payload
            if entry.get("needs_object") == "agreement" and not kinds:
                continue
            outcomes = context.lexicon.outcome_nouns
            if _inside_name(view, hit, kinds) or _topic_meeting(view, hit, hits, outcomes):
                continue
            if courtesy and entry["type"] == "SUPPORT":
                continue  # «Благодарю за гостеприимство»: courtesy, not support
            if _judged_topic(view, hit, hits) or _excluded_object(view, hit, entry):
                continue
            if _proposed(view, hit, hits) or _mentioned_again(context, view, hit):
                continue
            if _by_way_of(view, hit) or _thanked_for(view, hit, hits):
                continue
            event = _event(context, view, hit, entry, len(events))
            if event is not None:
                events.append(event)
                sides = _unique(event.source + event.target)
                if event.type == "CONSULT" and len(sides) >= 3:
                    context.meetings[view.index] = sides
    for event in events:
        _normalise(context, event)
    return _one_meeting_each(events)


def _excluded_object(view: SentenceView, hit: Hit, entry: dict) -> bool:
    """«Высоко оценили итоги встречи»: a predicate whose object the lexicon lists under
    ``not_objects`` appraises an outcome, not an actor."""
    unwanted = entry.get("not_objects")
    if not unwanted:
        return False
    for token in view.tokens[hit.last + 1 : hit.last + 4]:
        if token.pos in ("NOUN", "PROPN"):
            return fold(token.lemma) in unwanted
    return False


def _judged_topic(view: SentenceView, hit: Hit, hits: list[Hit]) -> bool:
    """«выражают озабоченность беспрецедентным наращиванием военной активности НАТО»: a noun
    act right after a judgement is what is judged, reported by the judgement itself; so is a
    label the judgement applies («будут расцениваться как враждебный шаг»)."""
    if view.tokens[hit.first].pos not in ("NOUN", "ADJ"):
        return False
    return any(
        other.pattern.payload["type"] == "ACCUSE" and 0 < hit.first - other.last <= 3
        for other in hits
        if other is not hit
    )


def _proposed(view: SentenceView, hit: Hit, hits: list[Hit]) -> bool:
    """«предлагали … ввести взаимный мораторий», «призываем … отказаться»: an infinitive under
    an offer or a call is what is offered or asked, reported by the offer or call itself."""
    token = view.tokens[hit.first]
    if token.feats.get("VerbForm") != "Inf":
        return False
    return any(
        token.head in other.indexes and other.pattern.payload["type"] in _PROPOSALS
        for other in hits
        if other is not hit
    )


def _actor_object(context: FactContext, view: SentenceView, verb: int) -> bool:
    """The verb's direct object names an actor («признала Исламский Эмират Афганистан»), not
    a clause («как признали А.Меркель и Ф.Олланд, … понадобились …»)."""
    return any(
        view.tokens[c].rel == "obj" and context.actors_in(view, view.subtree(c))
        for c in view.children[verb]
    )


def _by_way_of(view: SentenceView, hit: Hit) -> bool:
    """«принял по просьбе индонезийской стороны», «по приглашению»: a noun act after «по»
    says on whose request another act happened; it is not reported as an act itself."""
    token = view.tokens[hit.first]
    if token.pos != "NOUN" or len(hit.indexes) > 1 or token.feats.get("Case") != "Dat":
        return False
    return any(
        view.tokens[c].rel == "case" and fold(view.tokens[c].text) == "по"
        for c in view.children[hit.first]
    )


def _thanked_for(view: SentenceView, hit: Hit, hits: list[Hit]) -> bool:
    """«поблагодарил российскую сторону за безвозмездные поставки пшеницы»: a noun act after
    «за» under thanks or praise is what is thanked for, reported by the thanks itself."""
    token = view.tokens[hit.first]
    if token.pos != "NOUN" or len(hit.indexes) > 1:
        return False
    if not any(
        view.tokens[c].rel == "case" and fold(view.tokens[c].text) == "за"
        for c in view.children[hit.first]
    ):
        return False
    return any(
        token.head in other.indexes and other.pattern.payload["type"] == "SUPPORT"
        for other in hits
        if other is not hit
    )


def _mentioned_again(context: FactContext, view: SentenceView, hit: Hit) -> bool:
    """«Российская делегация поддержит этот запрос»: an act noun under a demonstrative is one
    the text has already reported, the object of another act, not a new act."""
    token = view.tokens[hit.first]
    if token.pos != "NOUN" or len(hit.indexes) > 1 or token.rel not in ("obj", "nmod", "obl"):
        return False
    return any(
        view.tokens[c].rel == "det" and fold(view.tokens[c].lemma) in context.lexicon.demonstratives
        for c in view.children[hit.first]
    )


def _one_meeting_each(events: list[Event]) -> list[Event]:
    """«Провели переговоры… Обменялись мнениями… Обсудили…»: one meeting, reported once."""
    kept: list[Event] = []
    seen: set[tuple] = set()
    planned: dict[frozenset, str | None] = {}
    for event in events:
        sides = frozenset(r.code for r in event.source + event.target)
        if event.type == "CONSULT":
            key = (sides, event.date)  # a topic's place («саммит … в Тегеране») is no venue
            if key in seen:
                continue
            seen.add(key)
        elif event.type == "AGREE" and event.note == "intent to consult":
            # «Лавров проведёт переговоры с … Министры обсудят …»: the same planned meeting
            if sides in planned and event.date in (None, planned[sides]):
                continue
            planned.setdefault(sides, event.date)
        kept.append(event)
    for number, event in enumerate(kept, 1):
        event.id = f"e{number}"
    return kept


def _heading(context: FactContext, view: SentenceView) -> bool:
    """«О саммите БРИКС в Казани»: a section heading names a topic, it reports nothing."""
    text = context.doc.text[view.sentence.start : view.sentence.end].rstrip()
    verbs = any(t.pos in ("VERB", "AUX") for t in view.tokens)
    return not verbs and not text.endswith((".", "!", "?", "…", "»", '"'))


def _question(context: FactContext, view: SentenceView) -> bool:
    return context.doc.text[view.sentence.start : view.sentence.end].rstrip().endswith("?")


def _topic_meeting(view: SentenceView, hit: Hit, hits: list[Hit], outcomes=frozenset()) -> bool:
    """«содействовать проведению саммита», «договорились провести конференцию»: a meeting
    noun under another predicate is that act's topic, unless reported as held
    («итоги встречи, состоявшейся 14 марта»)."""
    token = view.tokens[hit.first]
    payload = hit.pattern.payload
    if token.pos != "NOUN" or payload["type"] != "CONSULT":
        return False
    if any(
        view.tokens[c].feats.get("VerbForm") == "Part" and view.tokens[c].rel == "acl"
        for c in view.children[hit.first]
    ):
        return False
    if any(_held_participle(view, c, token) for c in view.subtree(hit.first)):
        return False  # «итоги пятой встречи в данном формате, состоявшейся …» (misattached)
    head = view.tokens[token.head] if 0 <= token.head < len(view.tokens) else None
    if head is not None and fold(head.lemma) in outcomes:
        return False  # «оценили итоги государственного визита …»: it was held
    for other in hits:
        if other is hit or other.pattern.payload["type"] not in _TOPIC_HOLDERS:
            continue
        if hit.first in view.subtree(other.first) or hit.first in view.subtree(other.last):
            return True
    return False


def _held_participle(view: SentenceView, index: int, noun) -> bool:
    """A participle the parser hung on a noun below the meeting noun, agreeing with the
    meeting noun in gender and number: it is the meeting's («встречи …, состоявшейся»)."""
    token = view.tokens[index]
    if token.feats.get("VerbForm") != "Part" or token.rel != "acl":
        return False
    head = view.tokens[token.head] if 0 <= token.head < len(view.tokens) else None
    if head is None or head is noun:
        return False
    features = ("Gender", "Number") if noun.feats.get("Number") == "Sing" else ("Number",)
    agrees = all(token.feats.get(f) == noun.feats.get(f) for f in features)
    return agrees and any(token.feats.get(f) != head.feats.get(f) for f in features)


def _inside_name(view: SentenceView, hit: Hit, kinds: list[Hit]) -> bool:
    """«Договор о … сотрудничестве»: a noun of an agreement's name is not an event."""
    token = view.tokens[hit.first]
    if token.pos != "NOUN" or len(hit.indexes) > 1:
        return False
    heads = {k.first for k in kinds}
    node, steps = token.head, 0
    while 0 <= node < len(view.tokens) and steps < 4:
        if node in heads:
            return True
        if view.tokens[node].pos not in ("NOUN", "PROPN", "ADJ"):
            return False
        node, steps = view.tokens[node].head, steps + 1
    return False


def _event(context: FactContext, view: SentenceView, hit: Hit, entry: dict, number: int):
    tokens = view.tokens
    head = hit.first
    source, target, pro_drop = _arguments(context, view, hit, entry)
    if not source:
        return None
    event_type, mode, context_tag = entry["type"], entry.get("mode", ""), entry.get("context", "")
    aux: list[str] = []
    note = entry.get("note", "")
    if entry.get("needs_object") == "agreement":
        note = AGREEMENT_NOTE + fold(view.tokens[head].lemma)
    if _negated(context, view, hit):
        aux.append("negation")
        flipped = context.lexicon.negated_types.get(event_type)
        if flipped:
            note = f"negated {event_type}"
            event_type, mode = flipped, ""
    if _future(context, view, hit) and not _accomplished(view, hit):
        aux.append("future")
        if event_type in _FUTURE_TO_AGREE:
            note = note or f"intent to {event_type.lower()}"
            if event_type != "CONSULT":
                mode = ""  # a planned meeting keeps its mode until _normalise has read it
            event_type = "AGREE"
    if any(fold(t.lemma) in context.lexicon.conditional for t in tokens):
        aux.append("hypothetical")
    if any(r.sector == "MIL" for r in source + target) or _military_object(context, view, head):
        context_tag = "military"
    if event_type == "CONSULT" and not target and len(source) == 1:
        # «27 февраля в Стамбуле уже прошёл первый раунд консультаций»: with the one foreign
        # state the sentence before named
        sides = [c for c in sides_before(context, view) if c != source[0].code]
        target = [_ref_of(context, code) for code in sides]
    if not target and mode == "withdraw":
        target = _agreement_parties(context, view, source)  # «вышли из Черноморской инициативы»
    if not target and "negation" in aux:
        target = _antecedent(context, view, source)  # «Мы такие попытки не поддержим»
    hostile = event_type in _HOSTILE or event_type == "MOBILIZE"
    if (
        hostile
        and len(source) >= 2
        and target
        and {r.code for r in target} <= {r.code for r in source}
    ):
        # the same sides against each other: a misread joint subject; the voice judges
        voice = context.voice(view)
        if voice is None or all(r.code != voice.code for r in source):
            return None
        source, target = [voice], [r for r in source if r.code != voice.code]
    date = _date(context, view, hit, pro_drop)
    if date and context.date and date < context.date.isoformat()[: len(date)]:
        aux.append("historical")
    if event_type == "CONSULT" and not mode and context.place and _at_home_of(context, target):
        mode = "visit"
    if view.people:
        source, target = context.with_people(view, source), context.with_people(view, target)
    sentence = view.sentence
    return Event(
        id=f"e{number + 1}",
        type=event_type,
        mode=mode,
        context=context_tag,
        source=source,
        target=target,
        evidence=Evidence(
            sentence.start, sentence.end, (tokens[hit.first].start, tokens[hit.last].end)
        ),
        date=date,
        location=_location(context, view, hit, date),
        aux=aux,
        confidence=_confidence(pro_drop, target),
        note=note,
    )


def _arguments(context: FactContext, view: SentenceView, hit: Hit, entry: dict):
    """(sources, targets, pro_drop) for the predicate at ``hit``."""
    tokens = view.tokens
    head = hit.first
    if entry["type"] == "CONSULT":
        sides = _between(context, view, hit)
        if len(sides) >= 2:
            return sides, [], False
    verb = _governing_verb(view, head)
    subjects = [c for c in _subjects(view, verb, hit) if not _in_label(context, view, c)]
    # «Приветствуем успешное председательство Лаоса»: a first-person verb's only subject is
    # «мы»; a noun the parser made its subject is its object
    misread = [c for c in subjects if _first_person_verb(tokens[verb]) and tokens[c].pos != "PRON"]
    subjects = [c for c in subjects if c not in misread]
    subjects = subjects or _stray_subject(context, view, verb)
    subjects = _antecedents(context, view, verb, subjects)
    voice = context.voice(view)
    if entry.get("roles") == "evaluative":
        return _evaluative(context, view, hit, verb, subjects, voice)
    agent: list[int] = []
    if not subjects and tokens[head].pos == "NOUN":
        agent = _noun_agent(context, view, head)  # «удары ВСУ по…», «ударами израильских ВВС»
    source = _unique(
        [r for c in subjects + agent for r in context.actors_in(view, _phrase(view, c, verb))]
    )
    if not source and not subjects and tokens[head].pos == "NOUN":
        # «объявленные Министерством финансов США новые санкции»: the participle's agent
        agent = _participle_agent(view, head)
        source = context.actors_in(view, agent)
    objects = [c for c in view.children[verb] if tokens[c].rel in _OBJECT and c not in subjects]
    objects += misread
    if verb != head:
        objects += [c for c in view.children[head] if c not in subjects]
    for word in hit.indexes[1:]:  # «выражена обеспокоенность ударами …»: the noun's object
        if tokens[word].rel == "nsubj:pass":
            objects += [c for c in view.children[word] if c not in objects]
    objects = [c for c in objects if c not in agent]
    exclude = {r.code for r in source}
    target = _nearest_actors(context, view, objects, exclude, head)
    if entry.get("needs_target") and not _actor_object(context, view, verb):
        return [], [], False  # «признать ошибку»: no actor recognised, no recognition
    if entry.get("roles") == "passive":  # «пользуется поддержкой X»: X is the source
        source, target = target, source
    impersonal = verb in hit.indexes and _impersonal(context, tokens[verb])
    pro_drop = (
        not agent
        and not source
        and (
            (not subjects and (_first_person(context, tokens[verb], entry) or impersonal))
            # «седьмой раунд намечено провести»: an impersonal plan with an infinitive
            or (impersonal and _infinitive_under(view, verb))
        )
    )
    if voice and subjects and _only_we(context, view, subjects):
        source, pro_drop = [], True  # «мы … договорились»: as if the subject were dropped
    agentless_noun = not subjects and tokens[head].pos == "NOUN" and verb == head
    signing = entry.get("needs_object") == "agreement"
    if signing and (agentless_noun or _passive(tokens[verb])) and not source:
        # «с подписанием … договора», «Договор…, подписанный в 2001 году»: the parties
        source = _parties(context, view)
        if len(source) >= 2:
            return source, list(reversed(source)), True
    if (
        not source
        and context.sides
        and (
            (subjects and _joint_subject(context, view, subjects))
            or (pro_drop and _joint(context, view, entry, tokens[verb]))
        )
    ):
        source = list(context.sides)  # «Стороны призвали…» after «(далее – Стороны)»
    other = context.other_side(view, voice) if voice else None
    if not source and subjects and voice and other and _joint_subject(context, view, subjects):
        source = [voice, other]  # «Стороны выражают…», «Министры обсудили…»
    if not source and pro_drop and voice:
        source = [voice]
        # «Мы предлагали Вашингтону …»: an offer to a third side is ours alone (a joint
        # call or reproach to a third side stays joint)
        third = [r for r in target if other and r.code not in (voice.code, other.code)]
        elsewhere = entry["type"] == "AGREE" and bool(third)
        if other and not elsewhere and _joint(context, view, entry, tokens[verb]):
            source = _meeting_sides(context, view, voice) or [voice, other]
    relative = tokens[verb].rel.startswith("acl") and _passive(tokens[verb])
    if not source and relative and len(context.meetings.get(view.index, [])) > 2:
        # «совещание экспертов России, Индии и Ирана, на котором согласованы меры»
        source = list(context.meetings[view.index])
    if not source and entry["type"] == "CONSULT":
        source, target = _visitor_and_host(context, view)
    if not source and entry["type"] == "CONSULT" and len(context.sides) > 2:
        source = list(context.sides)  # «итоги пятой встречи в данном формате»: the Sides met
    target = [r for r in target if all(r.code != s.code for s in source)]
    if entry.get("reciprocal"):
        target = []  # «договорились …», «обсудили …»: the sides act together on a topic
    if not target and source:
        target = _act_author(context, view, hit, source)
    if not target and entry["type"] in _HOSTILE:
        target = (
            _target_adjective(context, view, source)
            or _anaphora(context, view, source)
            or _otherwise(context, view, source)
            or _pronoun_object(context, view, verb, source)
        )
    if not target and not _negated(context, view, hit):
        target = _default_target(context, entry, source)
    hostile_alone = entry["type"] in _HOSTILE and not target
    if (
        len(source) >= 2
        and not hostile_alone
        and {r.code for r in target} <= {r.code for r in source}
    ):
        target = list(reversed(source))  # a joint act: each side is the other's recipient
    return source, target, pro_drop


def _first_person_verb(token) -> bool:
    return token.feats.get("Person") == "1" and token.feats.get("VerbForm") == "Fin"


def _in_label(context: FactContext, view: SentenceView, index: int) -> bool:
    """«С.В.Лавров: Президент В.В.Путин принял …»: the turn's label is no subject, however
    the parser hangs the sentence on it."""
    start = view.tokens[index].start
    return any(t.label_start <= start < t.label_end for t in context.doc.turns)


def _antecedents(context: FactContext, view: SentenceView, verb: int, subjects: list[int]):
    """«Миллер и Озерец, которые сегодня встречаются»: the relative pronoun's noun acts, when
    it names actors itself (not «оружия, которое будет использоваться»: a thing's owner is
    no doer)."""
    tokens = view.tokens
    relative = [c for c in subjects if fold(tokens[c].lemma) in context.lexicon.relative_pronouns]
    if not relative or not tokens[verb].rel.startswith("acl"):
        return subjects
    noun = tokens[verb].head
    if not 0 <= noun < len(tokens):
        return subjects
    nouns = _conjuncts(view, noun)
    names = nouns + [c for n in nouns for c in view.children[n] if tokens[c].rel == "appos"]
    if not any(view.mentions[i] is not None or i in view.people for i in names):
        return subjects
    if not any(_agrees(tokens[c], tokens[noun], len(nouns)) for c in relative):
        return subjects  # «приглашение посетить Каир, которое …»: the clause is not Cairo's
    return [c for c in subjects if c not in relative] + nouns


def _between(context: FactContext, view: SentenceView, hit: Hit) -> list[ActorRef]:
    """«переговоров между Россией и Украиной»: the talks' own sides, whoever hosts them."""
    tokens = view.tokens
    for child in view.children[hit.first]:
        words = {fold(tokens[c].text) for c in view.children[child] if tokens[c].rel == "case"}
        if words & context.lexicon.between:
            nodes = [n for c in _conjuncts(view, child) for n in [c, *view.children[c]]]
            return context.actors_in(view, sorted(set(nodes)))
    return []


def _agrees(pronoun, noun, conjuncts: int) -> bool:
    number = pronoun.feats.get("Number")
    if number == "Plur":
        return conjuncts > 1 or noun.feats.get("Number") == "Plur"
    gender, other = pronoun.feats.get("Gender"), noun.feats.get("Gender")
    return noun.feats.get("Number") != "Plur" and (not gender or not other or gender == other)


def _unique(refs: list[ActorRef]) -> list[ActorRef]:
    out: list[ActorRef] = []
    for ref in refs:
        if all(ref.code != r.code for r in out):
            out.append(ref)
    return out


def _phrase(view: SentenceView, node: int, verb: int) -> list[int]:
    """The node's phrase, without the clause of ``verb`` when that hangs inside it."""
    scope = view.subtree(node)
    if verb in scope and verb != node:
        clause = set(view.subtree(verb))
        scope = [i for i in scope if i not in clause]
    return scope


def _stray_subject(context: FactContext, view: SentenceView, verb: int) -> list[int]:
    """A nominative phrase naming actors just before a finite verb that the parser left
    without a subject («…, правительства США и ФРГ объявили»)."""
    tokens = view.tokens
    token = tokens[verb]
    form = token.feats.get("VerbForm")
    if token.pos != "VERB" or form not in ("Fin", "Inf"):
        return []
    plural = token.feats.get("Number") == "Plur" or token.text.lower().endswith("ли")
    for index in range(verb - 1, max(-1, verb - 8), -1):
        other = tokens[index]
        if form == "Inf" and fold(other.lemma) == "быть":
            continue  # «Россия будет … содействовать»
        if other.pos in ("VERB", "AUX") or other.text in (":", ";", "–", "—", ","):
            break
        if other.pos not in ("NOUN", "PROPN") or other.feats.get("Case") != "Nom":
            continue
        if form == "Fin" and plural != (other.feats.get("Number") == "Plur"):
            continue
        if context.actors_in(view, view.subtree(index)):
            return [index]
    return []


def _only_we(context: FactContext, view: SentenceView, subjects: list[int]) -> bool:
    mentions = [view.mentions[c] for c in subjects]
    return all(m is not None and m.form == "pronoun" for m in mentions) and all(
        fold(view.tokens[c].lemma) in context.lexicon.we for c in subjects
    )


def _subjects(view: SentenceView, verb: int, hit: Hit) -> list[int]:
    """The verb's subjects; a verb without one borrows the subject of the verb it depends on
    («Россия намерена … укреплять», «М.Рубио подтвердил … и приветствовал»). A noun trigger
    that is itself the subject («удары … не прекращаются») is no subject of its own."""
    tokens = view.tokens
    found = [c for c in view.children[verb] if tokens[c].rel in _SUBJECT]
    node, steps = verb, 0
    while not found and tokens[node].rel in ("xcomp", "conj") and steps < 3:
        parent = tokens[node].head
        if not 0 <= parent < len(tokens) or tokens[parent].pos not in ("VERB", "ADJ", "AUX"):
            break
        found = [c for c in view.children[parent] if tokens[c].rel in _SUBJECT]
        node, steps = parent, steps + 1
    # «Выражена обеспокоенность»: the predicate's own noun as passive subject is none either
    passive_own = {c for c in hit.indexes[1:] if tokens[c].rel == "nsubj:pass"}
    return [c for c in found if c != hit.first and c not in passive_own]


def _noun_agent(context: FactContext, view: SentenceView, head: int) -> list[int]:
    """The doer of a deverbal noun: a bare genitive or an adjective naming an actor."""
    tokens = view.tokens
    for child in view.children[head]:
        token = tokens[child]
        bare_genitive = token.rel == "nmod" and token.feats.get("Case") == "Gen"
        doer = (bare_genitive and not _prepositional(view, child)) or token.rel == "amod"
        if doer and context.actors_in(view, [child]):
            return [child]
    return []


def _participle_agent(view: SentenceView, head: int) -> list[int]:
    """«объявленные Министерством финансов США новые санкции», «введённые Евросоюзом
    ограничения»: the instrumental phrase right after a participle before the noun act,
    read off the words, since the parser often hangs it elsewhere."""
    tokens = view.tokens
    for part in range(head - 1, max(-1, head - 8), -1):
        token = tokens[part]
        if token.pos in ("VERB", "AUX") and token.feats.get("VerbForm") != "Part":
            return []
        if token.feats.get("VerbForm") != "Part" or part + 1 >= head:
            continue
        if tokens[part + 1].feats.get("Case") != "Ins":
            return []
        phrase = []
        for index in range(part + 1, head):
            if tokens[index].feats.get("Case") not in ("Ins", "Gen", None):
                break  # «… США новые санкции»: the noun act's own adjectives
            phrase.append(index)
        return phrase
    return []


def _evaluative(context: FactContext, view: SentenceView, hit: Hit, verb: int, subjects, voice):
    """«…неприемлемы», «вызывает озабоченность», «не останется без ответа»: the speaker
    judges or answers what the sentence is about."""
    if voice is None:
        return [], [], False
    exclude = {voice.code}
    roots = subjects + [c for c in view.children[verb] if c not in hit.indexes]
    roots += [c for c in view.children[hit.first] if c not in hit.indexes and c not in roots]
    target = _nearest_actors(context, view, roots, exclude, hit.first)
    if not target:
        target = _target_adjective(context, view, [voice]) or _anaphora(
            context, view, [voice], demonstrative=False
        )
    return [voice], target, True


def _target_adjective(context: FactContext, view: SentenceView, source: list[ActorRef]):
    """«антироссийские санкции»: the adjective names whom the act is against."""
    codes = {r.code for r in source}
    for token in view.tokens:
        code = context.lexicon.target_adjectives.get(fold(token.lemma))
        if code and code not in codes:
            return [ActorRef(code, None, f"state:{code}", None)]
    return []


def _anaphora(
    context: FactContext, view: SentenceView, source: list[ActorRef], demonstrative: bool = True
):
    """«Расцениваем это решение как…», «Ответ последует»: the act points back to the actors
    the previous sentences are about (their subjects first, else any state they name)."""
    tokens = view.tokens
    if demonstrative and not any(fold(t.lemma) in context.lexicon.demonstratives for t in tokens):
        return []
    codes = {r.code for r in source}
    for back in range(view.index - 1, max(-1, view.index - 4), -1):
        previous = context.views[back]
        subjects = [i for i, t in enumerate(previous.tokens) if t.rel in _SUBJECT]
        refs = _subject_refs(context, previous, subjects, codes)
        if not refs:  # a state, or its government («Власти Эстонии объявили …»)
            refs = [
                r
                for r in context.actors_in(previous, list(range(len(previous.tokens))))
                if r.code not in codes and r.entity_id and r.entity_id.startswith(_STATE_IDS)
            ]
        if refs:
            return refs
    return []


def _subject_refs(
    context: FactContext, view: SentenceView, subjects: list[int], exclude: set[str]
) -> list[ActorRef]:
    """Actors named inside the given subjects' phrases, other than ``exclude``."""
    scope = sorted({i for c in subjects for i in view.subtree(c)})
    return [r for r in context.actors_in(view, scope) if r.code not in exclude]


def _meeting_sides(context: FactContext, view: SentenceView, voice: ActorRef):
    """«состоялось трёхстороннее совещание экспертов России, Индии и Ирана, на котором
    согласованы меры … Договорились провести следующую встречу»: what «we» agreed at or
    right after a meeting of three or more sides, all of them agreed."""
    for index in (view.index, view.index - 1):
        sides = context.meetings.get(index, [])
        if any(r.code == voice.code for r in sides):
            return list(sides)
    return []


def _pronoun_object(context: FactContext, view: SentenceView, verb: int, source):
    """«Российская делегация внесла проект … Однако его заблокировали США»: an act on «его»,
    «её», «их» is aimed at whom the sentences before are about."""
    pronouns = context.lexicon.object_pronouns
    if not any(
        view.tokens[c].rel == "obj" and fold(view.tokens[c].lemma) in pronouns
        for c in view.children[verb]
    ):
        return []
    codes = {r.code for r in source}
    if view.index > 0:
        previous = context.views[view.index - 1]
        if not previous.children:
            previous.build_tree()
        roots = [i for i, t in enumerate(previous.tokens) if t.rel == "root"]
        subjects = [
            c for r in roots for c in previous.children[r] if previous.tokens[c].rel in _SUBJECT
        ]
        refs = _subject_refs(context, previous, subjects, codes)
        if refs:
            return refs  # the main clause's subject, not a relative clause's
    return _anaphora(context, view, source, demonstrative=False)


def _otherwise(context: FactContext, view: SentenceView, source: list[ActorRef]):
    """«Призываем Хельсинки одуматься. В противном случае Россия будет вынуждена принять
    ответные меры»: the alternative to a call is aimed at whom the call addressed."""
    text = context.doc.text[view.sentence.start : view.sentence.end].lstrip().lower()
    if not any(text.startswith(cue) for cue in context.lexicon.otherwise_cues):
        return []
    return _anaphora(context, view, source, demonstrative=False)


def _agreement_parties(context: FactContext, view: SentenceView, source: list[ActorRef]):
    """The other parties of a well-known agreement the sentence names."""
    codes = {r.code for r in source}
    for hit in context.lexicon.known_agreements.find(view.tokens):
        parties = [c for c in hit.pattern.payload.get("parties", []) if c not in codes]
        if parties:
            return [_ref_of(context, code) for code in parties]
    return []


def _ref_of(context: FactContext, code: str) -> ActorRef:
    entity = context.doc.entities.get(f"state:{code}") or next(
        (e for e in context.doc.entities.values() if e.actor == code and e.kind != "person"), None
    )
    return ActorRef(code, entity.sector if entity else None, entity.id if entity else None, None)


def _antecedent(context: FactContext, view: SentenceView, source: list[ActorRef]):
    """«Мы такие попытки не поддержим» after «попытки так называемой «евротройки» –
    Великобритании, Германии и Франции – запустить …»: the actors named with the same noun
    in the sentences before, up to its clause's verb."""
    tokens = view.tokens
    codes = {r.code for r in source}
    for index, token in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        if fold(token.lemma) not in context.lexicon.demonstratives or following.pos != "NOUN":
            continue
        noun = fold(following.lemma)
        for back in range(view.index - 1, max(-1, view.index - 3), -1):
            previous = context.views[back]
            words = previous.tokens
            for start, word in enumerate(words):
                if fold(word.lemma) != noun:
                    continue
                scope = []
                for position in range(start, len(words)):
                    word = words[position]
                    finite = word.pos in ("VERB", "AUX") and word.feats.get("VerbForm") != "Part"
                    if position > start and finite:
                        break  # «попытки так называемой …» runs on past the participle
                    scope.append(position)
                refs = [
                    r
                    for r in context.actors_in(previous, scope)
                    if r.code not in codes and r.entity_id and r.entity_id.startswith("state:")
                ]
                if refs:
                    return refs
    return []


def _act_author(context: FactContext, view: SentenceView, hit: Hit, source: list[ActorRef]):
    """«Иранские коллеги предложили принять его в Тегеране, мы это предложение
    поддерживаем», «… куда обратилась венесуэльская сторона. Российская делегация поддержит
    этот запрос»: a demonstrative act noun points back to whoever did the act."""
    tokens = view.tokens
    codes = {r.code for r in source}
    near = set(view.subtree(hit.first)) | {c for i in hit.indexes for c in view.children[i]}
    for index in sorted(near):
        verbs = context.lexicon.act_nouns.get(fold(tokens[index].lemma))
        if not verbs or not any(
            fold(tokens[c].lemma) in context.lexicon.demonstratives for c in view.children[index]
        ):
            continue
        for back in range(view.index, max(-1, view.index - 3), -1):
            previous = context.views[back]
            words = previous.tokens
            if not previous.children:
                previous.build_tree()
            end = index if back == view.index else len(words)
            for position in range(end - 1, -1, -1):
                if fold(words[position].lemma) not in verbs:
                    continue
                subjects = [c for c in previous.children[position] if words[c].rel in _SUBJECT]
                scope = sorted({i for c in subjects for i in previous.subtree(c)})
                if not words[position].rel:  # an unparsed sentence: the clause's nominatives
                    scope = [
                        i for i in _clause(words, position) if words[i].feats.get("Case") == "Nom"
                    ]
                refs = [r for r in context.actors_in(previous, scope) if r.code not in codes]
                if refs:
                    return refs
        return []
    return []


def _clause(words, position: int) -> list[int]:
    """Token positions of the clause around ``position``, between punctuation marks."""
    stops = {",", ";", ":", ".", "–", "—", "(", ")"}
    start = position
    while start > 0 and words[start - 1].text not in stops:
        start -= 1
    end = position
    while end + 1 < len(words) and words[end + 1].text not in stops:
        end += 1
    return list(range(start, end + 1))


def _passive(token) -> bool:
    return token.feats.get("Voice") == "Pass" or token.feats.get("VerbForm") == "Part"


def _parties(context: FactContext, view: SentenceView) -> list[ActorRef]:
    """The sides of an agreement: the states the sentence names, else the occasion's two."""
    named = [
        r
        for r in context.actors_in(view, list(range(len(view.tokens))))
        if r.entity_id and r.entity_id.startswith(("state:", "person:"))
    ]
    if len(named) >= 2:
        return named[:2]
    return [s for s in (context.speaker, context.counterpart) if s]


def _joint_subject(context: FactContext, view: SentenceView, subjects: list[int]) -> bool:
    if context.doc.metadata.genre in context.lexicon.sides_genres and all(
        fold(view.tokens[c].lemma) in context.lexicon.sides_pronouns for c in subjects
    ):
        return True  # «Стороны отмечают … Они подтверждают намерение …»
    for index in subjects:
        token = view.tokens[index]
        if fold(token.lemma) in context.lexicon.joint_subjects and (
            token.feats.get("Number") == "Plur" or token.text.lower().endswith(("ы", "и"))
        ):
            return True
    return False


def _accomplished(view: SentenceView, hit: Hit) -> bool:
    """«договорились провести»: the agreement is past even though a meeting lies ahead."""
    token = view.tokens[hit.first]
    return token.feats.get("Tense") == "Past" and token.feats.get("VerbForm") == "Fin"


def _normalise(context: FactContext, event: Event) -> None:
    """Meetings follow one convention, whoever the sentence puts first.

    A phone call, or talks in a third country, has both sides as source and no target; a
    multilateral meeting has its organisation (else all participants) as source; talks in
    one side's country go from the guest to the host.
    """
    if "historical" in event.aux:
        _only_named_people(context, event)
    planned = event.type == "AGREE" and event.note == "intent to consult"
    if planned:
        _consult_convention(context, event)
        if len(event.source) == 1 and len(event.target) == 1:
            event.source = event.source + event.target  # a meeting agreed on by both sides
            event.target = list(reversed(event.source))
        event.mode = ""
    elif event.type == "CONSULT":
        _consult_convention(context, event)


def _only_named_people(context: FactContext, event: Event) -> None:
    """«с подписанием в июне 2024 года … договора»: a past act keeps the people its sentence
    names; the one speaking today did not necessarily do it."""
    start, end = event.evidence.start, event.evidence.end
    named = {
        context.doc.entities[m.entity_id].name_en
        for m in context.doc.mentions
        if m.entity_id and start <= m.start < end and m.entity_id in context.doc.entities
    }
    named |= {
        r.person
        for view in context.views
        if view.sentence.start == start
        for person in view.people.values()
        if (r := context.person_ref(view, person)) is not None and r.person
    }
    for side in ("source", "target"):
        setattr(
            event,
            side,
            [
                r if r.person is None or r.person in named else ActorRef(r.code, r.sector)
                for r in getattr(event, side)
            ],
        )


def _consult_convention(context: FactContext, event: Event) -> None:
    sides: list[ActorRef] = []
    for ref in event.source + event.target:
        if all(ref.code != s.code for s in sides):
            sides.append(ref)
    if event.mode == "multilateral" or len(sides) > 2:
        bodies = [r for r in sides if r.sector == "IGO"]
        event.source, event.target = (bodies[:1] or sides), []
        event.mode = "multilateral"
        return
    if len(sides) != 2:
        return
    if event.mode == "phone":
        event.source, event.target = sides, []
        return
    country = _country_of(context, event.location)
    if country is None:
        return
    hosts = [r for r in sides if r.code == country]
    guests = [r for r in sides if r.code != country]
    if hosts and guests:
        event.source, event.target = guests, hosts
    elif not hosts:
        event.source, event.target = sides, []
        event.mode = event.mode or "third-party"


def _country_of(context: FactContext, place_name: str | None) -> str | None:
    if not place_name:
        return None
    for entity in context.doc.entities.values():
        if entity.kind == "place" and entity.name_en == place_name:
            return entity.country
    return None


def _nearest_actors(
    context: FactContext, view: SentenceView, roots: list[int], exclude: set[str], head: int
) -> list[ActorRef]:
    """Actors closest to the predicate in the tree (breadth first); else the first after it.

    The nearest object names the target; deeper ones are circumstances («признательность за
    вклад военнослужащих КНА в освобождение … от украинских нацистов» targets the DPRK). Of
    the actors at that depth, one named without a preposition beats one after it («Вашингтон
    заблокировал в Совете Безопасности»), and it brings its coordinated actors along
    («призываем Вашингтон и Берлин»), but not actors of other phrases.
    """
    seen: set[int] = {head} | _named_bodies(context, view)
    frontier = [r for r in roots if r not in seen]
    aside: set[int] = set(seen)  # «в органах ООН»: what a circumstance names is no target either
    while frontier:
        seen.update(frontier)
        usable = [n for n in frontier if not _circumstance(context, view, n)]
        aside.update(i for n in frontier if n not in usable for i in view.subtree(n))
        allowed = {r.code for r in _refs(context, view, usable, exclude)}
        found = [n for n in sorted(usable) if allowed & _codes(context, view, [n])]
        if found:
            plain = [n for n in found if not _prepositional(view, n)]
            chosen = (plain or found)[0]
            group = [chosen] + [n for n in _conjuncts(view, chosen) if n != chosen]
            refs: list[ActorRef] = []
            for node in group:
                for ref in _refs(context, view, [node, *view.children[node]], exclude):
                    if (node != chosen or ref.code in allowed) and all(
                        ref.code != r.code for r in refs
                    ):
                        refs.append(ref)
            return refs
        frontier = [c for n in usable for c in view.children[n] if c not in seen]
    for index in range(head + 1, len(view.tokens)):
        if index in aside or _under_circumstance(context, view, index):
            continue  # «во внутренние дела Эфиопии», «в фарватере американской политики»
        refs = [r for r in context.actors_in(view, [index]) if r.code not in exclude]
        if refs:
            return refs
    return []


def _named_bodies(context: FactContext, view: SentenceView) -> set[int]:
    """«попирающие … Устав ООН», «включая Конвенцию ООН по морскому праву»: an organisation
    inside an agreement's name names the document, not whom the act is aimed at."""
    inside: set[int] = set()
    for kind in context.lexicon.agreement_kinds.find(view.tokens):
        for index in view.subtree(kind.first):
            if index != kind.first and any(
                r.sector == "IGO" for r in context.actors_in(view, [index])
            ):
                inside.add(index)
    return inside


def _refs(context: FactContext, view: SentenceView, nodes: list[int], exclude: set[str]):
    return [r for r in context.actors_in(view, sorted(nodes)) if r.code not in exclude]


def _codes(context: FactContext, view: SentenceView, nodes: list[int]) -> set[str]:
    return {r.code for r in context.actors_in(view, nodes)}


def _circumstance(context: FactContext, view: SentenceView, node: int) -> bool:
    """«в ООН», «на площадке АТЭС», «в обход Совета Безопасности»: where or how, not whom."""
    key = (view.sentence.start, node)
    known = context.circumstances.get(key)
    if known is None:
        known = context.circumstances[key] = _find_circumstance(context, view, node)
    return known


def _find_circumstance(context: FactContext, view: SentenceView, node: int) -> bool:
    tokens = view.tokens
    case = [c for c in view.children[node] if tokens[c].rel in ("case", "fixed")]
    case += [g for c in case for g in view.children[c] if tokens[g].rel == "fixed"]
    parent = tokens[node].head
    if not case and 0 <= parent < len(tokens) and tokens[parent].pos == "NOUN":
        # «в обход Совета Безопасности»: the preposition hangs on the noun above
        above = [c for c in view.children[parent] if tokens[c].rel == "case"]
        if above:
            words = [tokens[c] for c in sorted([*above, parent])]
            return bool(context.lexicon.circumstances.find(words))
    if not case:
        return False
    words = [tokens[c] for c in sorted(case)]
    first = fold(words[0].text)
    parent_lemma = fold(tokens[parent].lemma) if 0 <= parent < len(tokens) else ""
    if first == "по" and parent_lemma in context.lexicon.topic_nouns:
        return True  # «проекта резолюции по Ливии»: what the draft is about
    if first in context.lexicon.place_prepositions and tokens[node].feats.get("Case") == "Loc":
        return True
    return bool(context.lexicon.circumstances.find(words))


def _under_circumstance(context: FactContext, view: SentenceView, index: int) -> bool:
    """The token is a circumstance or inside one («в фарватере американской политики»)."""
    node, steps = index, 0
    while 0 <= node < len(view.tokens) and steps < 8:
        if _circumstance(context, view, node):
            return True
        node, steps = view.tokens[node].head, steps + 1
    return False


def _prepositional(view: SentenceView, node: int) -> bool:
    return any(view.tokens[c].rel == "case" for c in view.children[node])


def _conjuncts(view: SentenceView, node: int) -> list[int]:
    """The node and the nodes coordinated with it («США и Евросоюз», «Бразилии и Индии»)."""
    top = node
    while view.tokens[top].rel == "conj" and 0 <= view.tokens[top].head < len(view.tokens):
        top = view.tokens[top].head
    group, stack = [], [top]
    while stack:
        current = stack.pop()
        group.append(current)
        stack.extend(c for c in view.children[current] if view.tokens[c].rel == "conj")
    return sorted(group)


def _visitor_and_host(context: FactContext, view: SentenceView):
    """«Первый раунд состоялся в Москве»: the host is the place's country, the guest the other."""
    sides = [s for s in (context.speaker, context.counterpart) if s]
    if len(sides) < 2:
        return [], []
    for mention in view.mentions:
        if mention is not None and context.entity(mention).kind == "place":
            host = context.entity(mention).country
            guests = [s for s in sides if s.code != host]
            hosts = [s for s in sides if s.code == host]
            if guests and hosts:
                return guests, hosts
    return [], []


def _governing_verb(view: SentenceView, head: int) -> int:
    """The verb a noun trigger hangs from (``подтвердили поддержку``), else the trigger."""
    token = view.tokens[head]
    if token.pos == "VERB":
        return head
    parent = token.head
    if 0 <= parent < len(view.tokens) and view.tokens[parent].pos in ("VERB", "AUX"):
        return parent
    return head


def _first_person(context: FactContext, token, entry: dict) -> bool:
    feats = token.feats
    if feats.get("Person") in _SPEAKER_PERSONS:
        return True
    word = token.text.lower()
    past_plural = word.endswith(("ли", "лись"))  # the tagger may call «Договорились» a participle
    if not past_plural and (
        feats.get("VerbForm") in ("Inf", "Part", "Conv") or feats.get("Voice") == "Pass"
    ):
        return False
    # Russian past tense has no person: a plural past verb without a subject is «we» here.
    # The tagger sometimes calls a plural singular, or a capitalised verb a name; the «-ли»
    # ending does not lie.
    verb = token.pos == "VERB" or (entry.get("pos") == "VERB" and token.pos in ("PROPN", "NOUN"))
    if verb and feats.get("Mood") == "Imp" and word.endswith(("ем", "ём", "им")):
        return True  # «Приветствуем …» tagged as an imperative: the imperative ends in «-те»
    past = feats.get("Tense") == "Past" or word.endswith(("ли", "лись"))
    plural = feats.get("Number") == "Plur" or word.endswith(("ли", "лись"))
    if verb and past and plural:
        return True
    # A joint statement goes on in the third person: «[Стороны] призывают…».
    sides_speak = context.doc.metadata.genre in context.lexicon.sides_genres
    if verb and sides_speak and (plural or feats.get("Number") == "Plur"):
        return feats.get("Person") in ("3", None) and feats.get("VerbForm") == "Fin"
    # «Пригласил Ван И…»: a singular past verb without a subject in the speaker's own words.
    return verb and past and word.endswith(("л", "ла", "лся", "лась")) and _own_words(context)


def _impersonal(context: FactContext, token) -> bool:
    """«Выражена серьёзная обеспокоенность …», «Подчёркнута заинтересованность …»: a short
    passive without an agent in a readout reports what the sides (or «we») said."""
    feats = token.feats
    return (
        token.rel in ("root", "conj")
        and feats.get("Variant") == "Short"
        and feats.get("Voice") == "Pass"
        and context.doc.metadata.genre in context.lexicon.bilateral_genres
    )


def _infinitive_under(view: SentenceView, verb: int) -> bool:
    """«намечено провести», «решено продолжить»: the short passive governs an infinitive."""
    return any(
        view.tokens[c].feats.get("VerbForm") == "Inf" and view.tokens[c].rel in ("csubj", "xcomp")
        for c in view.children[verb]
    )


def _own_words(context: FactContext) -> bool:
    return context.doc.metadata.genre in _FIRST_PERSON_GENRES


def _joint(context: FactContext, view: SentenceView, entry: dict, verb) -> bool:
    word = verb.text.lower()
    if word.endswith(("л", "ла", "лся", "лась")):
        return False  # «Пригласил Ван И…»: one person acted
    if context.doc.metadata.genre in context.lexicon.sides_genres:
        return True
    if entry.get("needs_object") == "agreement" or entry["type"] == "AGREE":
        return True
    if context.lexicon.joint.find(view.tokens) or _plural_sides(context, view):
        return True
    # What «we» did at the talks (past) was done together; what «we» call for now is our own.
    past = verb.feats.get("Tense") == "Past" or verb.text.lower().endswith("ли")
    return entry["type"] in ("ACCUSE", "REQUEST", "REJECT", "THREATEN") and past and _talks(context)


def _plural_sides(context: FactContext, view: SentenceView) -> bool:
    """«Стороны», «министры», «собеседники» in the nominative plural."""
    return any(
        fold(t.lemma) in context.lexicon.joint_subjects
        and t.feats.get("Number") == "Plur"
        and t.feats.get("Case") == "Nom"
        for t in view.tokens
    )


def _talks(context: FactContext) -> bool:
    """A bilateral occasion: both sides speak through the speaker («we agreed», «we stressed»)."""
    return context.counterpart is not None and context.doc.metadata.genre in (
        "remarks",
        "press_conference",
        "joint_statement",
        "opening_remarks",
    )


def _default_target(context: FactContext, entry: dict, source: list[ActorRef]) -> list[ActorRef]:
    codes = {r.code for r in source}
    sides = {r.code for r in context.sides}
    if len(sides) > 2 and codes < sides and entry["type"] in ("SUPPORT", "AGREE", "COOPERATE"):
        # «Узбекская сторона предложила …» after «(далее – Стороны)»: towards the other Sides
        return [r for r in context.sides if r.code not in codes]
    if len(codes) >= 2 and entry["type"] in ("CONSULT", "AGREE", "COOPERATE"):
        return []  # «Президенты Казахстана и Узбекистана встретились»: the sides are named
    speaker, counterpart = context.speaker, context.counterpart
    if entry["type"] in ("CONSULT", "AGREE", "COOPERATE") and speaker and speaker.code not in codes:
        return [speaker]  # another side met, agreed or worked with: with the speaker's side
    if entry["type"] in ("CONSULT", "SUPPORT", "AGREE", "COOPERATE"):
        if counterpart and counterpart.code not in codes:
            return [counterpart]
        if speaker and speaker.code not in codes:
            return [speaker]
    return []


def _negated(context: FactContext, view: SentenceView, hit: Hit) -> bool:
    tokens = view.tokens
    negation = context.lexicon.negation
    for token in reversed(tokens[max(0, hit.first - 2) : hit.first]):
        if token.pos in ("VERB", "AUX") and token.feats.get("VerbForm") != "Inf":
            break  # «не прекращаются удары»: the «не» is the other verb's
        if fold(token.lemma or token.text) in negation:
            return True
    return any(
        fold(tokens[c].lemma or tokens[c].text) in negation and tokens[c].rel == "advmod"
        for c in view.children[hit.first]
    )


def _future(context: FactContext, view: SentenceView, hit: Hit) -> bool:
    token = view.tokens[hit.first]
    if token.feats.get("Tense") == "Fut":
        return True
    governor = view.tokens[token.head] if 0 <= token.head < len(view.tokens) else None
    subject = token.pos == "NOUN" and token.rel in ("nsubj", "nsubj:pass")
    if subject and governor is not None and governor.feats.get("Tense") == "Fut":
        return True  # «22-24 октября в Казани пройдёт саммит БРИКС»
    for index in range(max(0, hit.first - 3), hit.first):
        other = view.tokens[index]
        if fold(other.lemma) == "быть" and other.feats.get("Tense") == "Fut":
            return True  # «будем продолжать контакты»
    for intent in context.lexicon.intent.find(view.tokens):
        if intent.last < hit.first and hit.first - intent.last <= 4:
            return True
    return False


def _military_object(context: FactContext, view: SentenceView, head: int) -> bool:
    military = {"военный", "армия", "военнослужащий", "вооружённый", "войско"}
    scope = view.subtree(head)
    return any(fold(view.tokens[i].lemma) in military for i in scope)


def _date(context: FactContext, view: SentenceView, hit: Hit, pro_drop: bool) -> str | None:
    dates = [d for d in context.dates_in(view) if not _term(context, d)]
    dates = [d for d in dates if not _in_other_clause(view, d, hit)]
    trigger = view.tokens[hit.first].start
    # «В июле … совершил визит в Москву, а в декабре в Нью-Дели прошло заседание»: a date of
    # the act's own clause beats a nearer one across «, а» of the next
    clause = _text_clause(context, view, trigger)
    dates = [d for d in dates if _text_clause(context, view, d[0]) == clause] or dates
    if dates:
        return min(dates, key=lambda d: abs(d[0] - trigger))[2]
    sentence = context.doc.text[view.sentence.start : view.sentence.end].lower()
    if view.index > 0 and any(cue in sentence for cue in context.lexicon.occasion_anaphora):
        # «По его итогам подписан …»: the occasion of the sentence before, and its date
        earlier = context.dates_in(context.views[view.index - 1])
        earlier = [d for d in earlier if not _term(context, d)]
        if earlier:
            return max(earlier, key=lambda d: len(d[2]))[2]  # the most precise
    token = view.tokens[hit.first]
    if context.date and (pro_drop or token.feats.get("Tense") in ("Past", "Pres")):
        return context.date.isoformat()
    return None


def _text_clause(context: FactContext, view: SentenceView, offset: int) -> int:
    """Which of the sentence's contrasted clauses («…, а …», «…; …») holds ``offset``."""
    text = context.doc.text[view.sentence.start : offset]
    return len(_CLAUSE_BREAK.findall(text))


def _in_other_clause(view: SentenceView, date: tuple[int, int, str], hit: Hit) -> bool:
    """«обсудили ход реализации договорённостей, достигнутых … 19 мая»: a date inside a
    participle or relative clause dates that clause, not the act the clause describes."""
    tokens = view.tokens
    inside = [i for i, t in enumerate(tokens) if date[0] <= t.start < date[1]]
    if not inside or not view.children:
        return False
    node, steps = inside[0], 0
    while 0 <= node < len(tokens) and steps < 12:
        if node == hit.first:
            return False
        if tokens[node].rel.startswith("acl"):
            return hit.first not in view.subtree(node)
        node, steps = tokens[node].head, steps + 1
    return False


def _term(context: FactContext, date: tuple[int, int, str]) -> bool:
    """«до 2030 года», «на 2024-2026 годы»: a year that bounds a term, not when it happened."""
    before = context.doc.text[max(0, date[0] - 4) : date[0]].lower().split()
    prepositions = context.lexicon.term_prepositions
    return len(date[2]) == 4 and bool(before) and before[-1] in prepositions


def _location(context: FactContext, view: SentenceView, hit: Hit, date: str | None) -> str | None:
    places = []
    for index, mention in enumerate(view.mentions):
        if mention is None:
            continue
        entity = context.entity(mention)
        if (
            entity.kind == "place"
            and index > 0
            and fold(view.tokens[index - 1].text) in ("в", "во")
        ):
            places.append((abs(index - hit.first), entity.name_en))
    if places:
        return min(places)[1]
    if context.place and context.date and date == context.date.isoformat():
        return context.place.name_en
    return None


def _labels_an_actor(view: SentenceView, inside: list[int]) -> bool:
    tokens = view.tokens
    if not any(t.pos in ("VERB", "AUX") for t in tokens):
        return False  # a heading: «О преступлениях киевского режима»
    noun = next((i for i in reversed(inside) if tokens[i].pos in ("NOUN", "PROPN")), inside[-1])
    case = tokens[noun].feats.get("Case")
    before = inside[0] - 1
    governed = before >= 0 and tokens[before].pos == "ADP"
    if case in ("Gen", "Dat") and not governed:
        parent = tokens[noun].head
        by_noun = 0 <= parent < len(tokens) and tokens[parent].pos in ("NOUN", "PROPN")
        return case == "Gen" and not by_noun and tokens[noun].rel not in ("nmod", "")
    return True


def _at_home_of(context: FactContext, target: list[ActorRef]) -> bool:
    place = context.place
    return place is not None and any(r.code == place.country for r in target)


def _confidence(pro_drop: bool, target: list[ActorRef]) -> float:
    score = 0.8 if not pro_drop else 0.65
    return round(score if target else score - 0.2, 2)


def label_events(context: FactContext, markers, found: list[Event]) -> list[Event]:
    """Calling an actor a loaded name («украинских нацистов») is disapproval: ACCUSE.

    Only where the named actor does something or is acted against («прерванный киевским
    режимом», «от украинских нацистов»): a possessor («агонию киевского режима»), a
    recipient («поставки … киевскому режиму»), a heading without a verb, or an actor the
    sentence already has an event about, carries no accusation of its own.
    """
    events: list[Event] = []
    speaker = context.speaker
    if speaker is None:
        return events
    first_number = len(found)
    for marker in markers:
        if marker.kind != "loaded_label":
            continue
        view = next(v for v in context.views if v.sentence.start <= marker.start < v.sentence.end)
        inside = [
            i for i, t in enumerate(view.tokens) if marker.start <= t.start and t.end <= marker.end
        ]
        targets = [r for r in context.actors_in(view, inside) if r.code != speaker.code]
        if not targets or not inside or not _labels_an_actor(view, inside):
            continue
        codes = {r.code for r in targets}
        if any(
            e.evidence.start == view.sentence.start and codes & {r.code for r in e.target}
            for e in found + events
        ):
            continue
        events.append(
            Event(
                id=f"e{first_number + len(events) + 1}",
                type="ACCUSE",
                mode="disapprove",
                context="",
                source=[speaker],
                target=targets,
                evidence=Evidence(
                    view.sentence.start, view.sentence.end, (marker.start, marker.end)
                ),
                date=context.date.isoformat() if context.date else None,
                location=None,
                confidence=0.6,
                note=f"loaded label: {marker.gloss or marker.text}",
            )
        )
    return events
