"""Which predicate hits of a sentence report an act of their own, and which only name the
topic of another."""

from __future__ import annotations

from collections.abc import Callable

from demarche.facts.context import FactContext, SentenceView
from demarche.facts.events.common import (
    _FUTURE_TO_AGREE,
    _PROPOSALS,
    _TOPIC_HOLDERS,
    _prepositional,
)
from demarche.facts.lexicon import Hit
from demarche.language.morphology import fold

_GOVERNING = _PROPOSALS | {"REJECT"}  # their infinitive is their content, not an act


def candidate_sentences(
    context: FactContext, verb_lemma: Callable[[str], str | None] | None = None
) -> list[tuple[SentenceView, list[Hit]]]:
    """Sentences with a predicate on their first, fast lemmas; ``verb_lemma`` gives a word's
    verb reading where the fast tagger took another («закроем» read as the noun «закрой»), so
    that such a sentence still gets the contextual tagger, which decides."""
    found = []
    for view in context.views:
        hits = context.lexicon.predicates.find(view.tokens)
        if not hits and verb_lemma is not None:
            hits = _with_verb_readings(context, view, verb_lemma)
        if hits or obliging(context, view):
            found.append((view, hits))
    return found


def obliging(context: FactContext, view: SentenceView) -> bool:
    """Whether the sentence says someone must or should act (obligation_words): such a
    sentence may hold the voice's request though no predicate of the lexicon is in it."""
    words = context.lexicon.obligation_words
    return bool(words) and any(t.text.lower() in words for t in view.tokens)


def _with_verb_readings(context: FactContext, view: SentenceView, verb_lemma) -> list[Hit]:
    readings = [verb_lemma(t.text.lower()) if t.text[:1].isalpha() else None for t in view.tokens]
    if not any(readings):
        return []
    kept = [t.lemma for t in view.tokens]
    for token, reading in zip(view.tokens, readings, strict=True):
        token.lemma = reading or token.lemma
    try:
        return context.lexicon.predicates.find(view.tokens)
    finally:
        for token, lemma in zip(view.tokens, kept, strict=True):
            token.lemma = lemma


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


def _missing_object(
    context: FactContext, view: SentenceView, hit: Hit, entry: dict, kinds: list[Hit]
) -> bool:
    """A predicate whose entry names the object it needs (``needs_object``) and whose
    sentence has none: no agreement kind, no person («принял решение», «принял участие»),
    no organisation («вышел из здания», «выход из кризиса»)."""
    wanted = entry.get("needs_object")
    if wanted == "agreement":
        return not kinds
    if wanted == "person":
        return not _person_object(context, view, hit)
    if wanted == "organisation":
        return not _organisation_after(context, view, hit)
    return False


def _person_object(context: FactContext, view: SentenceView, hit: Hit) -> bool:
    """«принял министра», «принимает делегацию»: a person, an office or a delegation."""
    people = context.lexicon.office_anaphora | context.lexicon.visitor_nouns
    for child in view.children[hit.first]:
        if view.tokens[child].rel != "obj":
            continue
        if fold(view.tokens[child].lemma) in people:
            return True
        # «принял мэра Казани Ильсура Метшина»: an office with the person's name after it
        if any(_a_person(context, view, i) for i in view.subtree(child)):
            return True
    return misread_guest(context, view, hit.first) is not None


def _a_person(context: FactContext, view: SentenceView, index: int) -> bool:
    if index in view.people:
        return True
    mention = view.mentions[index]
    return (
        mention is not None
        and bool(mention.entity_id)
        and context.entity(mention).kind == ("person")
    )


def misread_guest(context: FactContext, view: SentenceView, verb: int) -> int | None:
    """«принял в своей резиденции премьер-министра Канады»: the parser may hang the guest
    (an animate accusative that looks like a genitive) on the place phrase before it; the
    guest's position, if so."""
    tokens = view.tokens
    people = context.lexicon.office_anaphora | context.lexicon.visitor_nouns
    for place in view.children[verb]:
        words = view.case_words(place)
        if tokens[place].rel != "obl" or not words & context.lexicon.place_prepositions:
            continue
        for child in view.children[place]:
            token = tokens[child]
            if token.rel != "nmod" or token.feats.get("Animacy") != "Anim" or child != place + 1:
                continue
            if fold(token.lemma) in people or any(
                _a_person(context, view, i) for i in view.subtree(child)
            ):
                return child
    return None


def _organisation_after(context: FactContext, view: SentenceView, hit: Hit) -> bool:
    """«вышла из ЮНЕСКО»: the pattern's phrase names an international organisation."""
    phrase = view.subtree(hit.last + 1) if hit.last + 1 < len(view.tokens) else []
    scope = sorted({hit.last + 1, *phrase, *view.children[hit.last]} - set(hit.indexes))
    return any(r.sector == "IGO" for r in context.actors_in(view, scope))


def _counts_as(context: FactContext, view: SentenceView, hit: Hit) -> bool:
    """«в качестве ответной меры высланы …», «в знак протеста»: an act noun right after a
    manner phrase says what another act counts as; it is not an act of its own."""
    if view.tokens[hit.last].pos not in ("NOUN", "PROPN"):
        return False
    return any(0 < hit.first - m.last <= 2 for m in context.lexicon.manner.find(view.tokens))


def _attributive(view: SentenceView, hit: Hit, entry: dict) -> bool:
    """«незаконной оккупации», «нелегитимные санкции»: an adjective the entry marks
    ``predicative`` judges only as a predicate («… нелегитимны», «считаем … незаконными»);
    qualifying a noun, it is a label of the noun's act, not a judgement of its own."""
    return bool(entry.get("predicative")) and view.tokens[hit.first].rel == "amod"


def _judged_topic(view: SentenceView, hit: Hit, hits: list[Hit]) -> bool:
    """«выражают озабоченность беспрецедентным наращиванием военной активности НАТО»: a noun
    act right after a judgement is what is judged, reported by the judgement itself; so is a
    label the judgement applies («будут расцениваться как враждебный шаг»), and a noun act
    that is the subject of a predicative judgement («Такой шантаж контрпродуктивен»)."""
    token = view.tokens[hit.first]
    if token.pos not in ("NOUN", "ADJ"):
        return False
    # «недружественные действия …»: the phrase hangs by its noun
    noun = next((view.tokens[i] for i in hit.indexes if view.tokens[i].pos == "NOUN"), token)
    return any(
        (
            other.pattern.payload["type"] == "ACCUSE"
            and 0 < hit.first - other.last <= 3
            # «Такой шантаж контрпродуктивен»: the judgement whose subject the other is stays
            and not _subject_of(view, other, hit)
        )
        # «Такой шантаж контрпродуктивен», «недружественные шаги не останутся без ответа»:
        # the subject of a predicative judgement or answer
        or (
            noun.rel.startswith("nsubj")
            and noun.head in other.indexes
            and (
                other.pattern.payload["type"] == "ACCUSE"
                or other.pattern.payload.get("roles") == "evaluative"
            )
        )
        for other in hits
        if other is not hit
    )


def _subject_of(view: SentenceView, other: Hit, hit: Hit) -> bool:
    """The other hit's noun is the subject of this hit's predicate."""
    return any(
        view.tokens[i].rel.startswith("nsubj") and view.tokens[i].head in hit.indexes
        for i in other.indexes
    )


def _object_of_another(view: SentenceView, hit: Hit, hits: list[Hit], outcomes=frozenset()):
    """«Венгрия не поддержит новые санкции», «призвали отменить санкции»: an act noun that is
    the object of another predicate is what that predicate is about; with no doer of its
    own it is reported by that predicate alone."""
    token = view.tokens[hit.first]
    if token.pos != "NOUN" or token.rel not in ("obj", "obl", "nmod"):
        return False
    owner = _owner(view, hit, hits, outcomes)
    if owner is None:
        return False
    if owner.pattern.payload["type"] == "CONSULT" and not _discussed(view, hit, owner):
        return False
    return not _named_doer(view, hit.first)  # «санкции Евросоюза»: the act's own doer


def _discussed(view: SentenceView, hit: Hit, owner: Hit) -> bool:
    """«Russia discussed the sanctions with China», «обсудили санкции»: the direct object of a
    verb of talking together (a reciprocal CONSULT entry: discuss, negotiate) is what was
    talked about, a topic and no act; other phrases under talks keep theirs."""
    if not owner.pattern.payload.get("reciprocal") or view.tokens[owner.first].pos != "VERB":
        return False  # «приняли решение о высылке»: receiving is no talking about
    if hit.pattern.payload["type"] == "CONSULT":
        return False  # «обсудили подготовку саммита»: a meeting to come is planned
    node, steps = hit.first, 0
    while 0 <= node < len(view.tokens) and steps < 4:
        if view.tokens[node].head in owner.indexes:
            return view.tokens[node].rel == "obj"
        node, steps = view.tokens[node].head, steps + 1
    return False


def _owner(view: SentenceView, hit: Hit, hits: list[Hit], outcomes=frozenset()) -> Hit | None:
    """The predicate whose object holds the act noun, directly or through topic nouns
    («поддержать решение о поставках оружия»: the deliveries are what is supported). A
    named doer on the way («введением Токио … санкций») or an outcome («оценили итоги
    встречи»: it was held) makes the act one of its own."""
    node, steps = view.tokens[hit.first].head, 0
    while 0 <= node < len(view.tokens) and steps < 3:
        owner = next((o for o in hits if o is not hit and node in o.indexes), None)
        if owner is not None or view.tokens[node].pos != "NOUN" or _named_doer(view, node):
            return owner
        if fold(view.tokens[node].lemma) in outcomes:
            return None
        node, steps = view.tokens[node].head, steps + 1
    return None


def _named_doer(view: SentenceView, node: int) -> bool:
    """A bare genitive name under the noun («санкции Евросоюза», «введение Токио»)."""
    return any(
        view.tokens[c].rel == "nmod"
        and view.tokens[c].pos == "PROPN"
        and not _prepositional(view, c)
        for c in view.children[node]
    )


def _proposed(view: SentenceView, hit: Hit, hits: list[Hit]) -> bool:
    """«предлагали … ввести взаимный мораторий», «призываем … отказаться», «отказалась
    присоединиться к санкциям»: an infinitive under an offer, a call or a refusal is what is
    offered, asked or refused, reported by the offer, call or refusal itself."""
    token = view.tokens[hit.first]
    if token.feats.get("VerbForm") != "Inf":
        return False
    head = token.head
    # «agreed to continue contacts and to hold the next meeting»: a coordinated infinitive
    # hangs from the first one, and is governed by what governs that; an offer or call
    # coordinated so («agreed to coordinate … and propose a conference») is one of its own
    own = hit.pattern.payload["type"] in _GOVERNING
    if token.rel == "conj" and not own and 0 <= token.head < len(view.tokens):
        first = view.tokens[token.head]
        if first.feats.get("VerbForm") == "Inf" and first.rel in ("xcomp", "ccomp"):
            head = first.head
    return any(
        head in other.indexes
        and other.pattern.payload["type"] in _GOVERNING
        and not _intended_hostile(hit, other)
        for other in hits
        if other is not hit
    )


def _intended_hostile(act: Hit, intent: Hit) -> bool:
    """«не намерена разрывать отношения», «намерены обжаловать решение в суде»: an intent
    (``AGREE.intend``) to do a hostile act is that act, planned or negated; only an intent
    to meet, back, cooperate or help is an AGREE of its own (docs/gold.md)."""
    kind = act.pattern.payload["type"]
    return (
        intent.pattern.payload.get("class") == "AGREE.intend"
        and kind not in _FUTURE_TO_AGREE
        and kind not in _PROPOSALS
    )


def _intent_to_hostile(view: SentenceView, hit: Hit, hits: list[Hit]) -> bool:
    """The intent whose infinitive is a hostile act reported by itself (``_intended_hostile``)."""
    return any(
        _intended_hostile(other, hit)
        and view.tokens[other.first].feats.get("VerbForm") == "Inf"
        and view.tokens[other.first].head in hit.indexes
        for other in hits
        if other is not hit
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


def _planned_meeting(context: FactContext, view: SentenceView, hit: Hit) -> bool:
    """«Запланирована встреча Лаврова с Фиданом», «предстоят консультации заместителей
    министров России и Индии»: a meeting noun that is the subject of a plan and names its
    participants is the planned meeting itself, not the plan's topic («очередной раунд
    намечено провести» names none: the plan's doer tells who meets)."""
    token = view.tokens[hit.first]
    head = view.tokens[token.head] if 0 <= token.head < len(view.tokens) else None
    if head is None or token.rel not in ("nsubj", "nsubj:pass"):
        return False
    if fold(head.lemma) not in context.lexicon.plan_words:
        return False
    own = [i for i in view.subtree(hit.first) if i not in hit.indexes]
    return bool(context.actors_in(view, own))


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


def _expected_act(context: FactContext, view: SentenceView, hit: Hit, hits: list[Hit]) -> bool:
    """«Рассчитываем, что японская сторона проведёт консультации»: the act of a «что» clause
    under an expectation (``roles: clause``) whose subject names an actor is what that actor
    is asked to do, reported by the request itself; a judgement of its doer («рассчитываем,
    что Киев не будет вновь срывать договорённости») is the voice's own and stays."""
    if hit.pattern.payload.get("roles") in ("conduct", "evaluative"):
        return False
    tokens = view.tokens
    for other in hits:
        if other is hit or other.pattern.payload.get("roles") != "clause":
            continue
        for clause in view.children[other.first]:
            if tokens[clause].rel != "ccomp" or hit.first not in view.subtree(clause):
                continue
            subjects = [
                c for c in view.children[clause] if tokens[c].rel in ("nsubj", "nsubj:pass")
            ]
            if any(context.actors_in(view, view.subtree(c)) for c in subjects):
                return True
    return False
