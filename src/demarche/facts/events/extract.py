"""PLOVER events from predicates: triggers, frames, modality, attribution and merging put
together."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from demarche.facts.context import FactContext, SentenceView, sides_before
from demarche.facts.events.attribution import (
    _accepted,
    _agreed_impersonally,
    _agreement_parties,
    _antecedent,
    _deal_sides,
    _demonstrated,
    _earlier_doers,
    _headline_target,
    _last_invitation,
    _last_talks,
    _sides_addressed,
)
from demarche.facts.events.circumstances import _at_home_of, _date, _location, _military_object
from demarche.facts.events.common import (
    _FUTURE_TO_AGREE,
    _HOSTILE,
    AGREEMENT_NOTE,
    _conjuncts,
    _copular_predicate,
    _governing_verb,
    _ref_of,
    _reported_clause,
    _unique,
)
from demarche.facts.events.frames import (
    _arguments,
    _noun_agent,
    _participle_agent,
    _same_state_sides,
)
from demarche.facts.events.merge import _mediation, _normalise, _one_meeting_each
from demarche.facts.events.modality import (
    _accomplished,
    _anniversary,
    _future,
    _long_ago,
    _negated,
    _offered,
    _possible,
    _promises_future,
    _recalled_undated,
    _reported_future,
)
from demarche.facts.events.triggers import (
    _attributive,
    _by_way_of,
    _counts_as,
    _excluded_object,
    _expected_act,
    _heading,
    _inside_name,
    _intent_to_hostile,
    _judged_topic,
    _mentioned_again,
    _missing_object,
    _object_of_another,
    _planned_meeting,
    _proposed,
    _question,
    _thanked_for,
    _topic_meeting,
)
from demarche.facts.lexicon import Hit
from demarche.language.morphology import fold
from demarche.model import ActorRef, Event, Evidence

# a sanction is aimed at someone even when its sentence names no one; a judgement or a
# threat may answer no state («выступил против вмешательства внешних сил»)
_AIMED = frozenset({"SANCTION"})
# entries whose AGREE events invite («пригласил посетить»), or accept an invitation
_INVITATIONS = frozenset({"AGREE.invite", "AGREE.plan_meeting"})
# acts another side may go on to judge («Эти меры нелегитимны», «Подобные действия …»)
_DEEDS = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "THREATEN", "REJECT", "ACCUSE"})


def extract_events(context: FactContext, sentences: list[tuple[SentenceView, list[Hit]]]):
    events: list[Event] = []
    title = context.doc.metadata.title
    for view, hits in sentences:
        if title and title[0] <= view.sentence.start < title[1]:
            continue  # the title line names the occasion; the body reports it
        if _heading(context, view) or _question(context, view):
            continue
        view.build_tree()
        hits = [h for h in hits if not _attributive(view, h, h.pattern.payload)]
        # «a flagrant violation», «aggression»: nouns that judge only as a predicate
        hits = [
            h
            for h in hits
            if not h.pattern.payload.get("copular") or _copular_predicate(context, view, h)
        ]
        kinds = context.lexicon.agreement_kinds.find(view.tokens)
        courtesy = bool(context.lexicon.courtesy.find(view.tokens))
        obliged = _obligations(context, view)
        for _verb, demand in obliged:
            demand.id = f"e{len(events) + 1}"
            events.append(demand)
        if obliged:
            # «Russia must agree to a ceasefire»: the demanded act is not done (nor agreed)
            scopes = {i for verb, _ in obliged for i in _clause_of(view, verb)}
            hits = [h for h in hits if h.first not in scopes]
        for hit in hits:
            entry: dict[str, Any] = hit.pattern.payload
            if _missing_object(context, view, hit, entry, kinds):
                continue
            roles = _answered_roles(context, view, hit, hits)
            if roles is not None:  # «в ответ на высылку нашего дипломата»: the other side's
                answered = _event(context, view, hit, entry, len(events), roles)
                events.extend([answered] if answered is not None else [])
                continue
            outcomes = context.lexicon.outcome_nouns
            mediator = _named_mediator(context, view, hit)
            if _inside_name(view, hit, kinds) and not mediator:
                continue
            if (
                _topic_meeting(view, hit, hits, outcomes)
                and not _planned_meeting(context, view, hit)
                and not mediator
            ):
                continue
            if courtesy and entry["type"] == "SUPPORT":
                continue  # «Благодарю за гостеприимство»: courtesy, not support
            if _judged_topic(view, hit, hits) and not _named_doer_of(context, view, hit):
                continue
            if _excluded_object(view, hit, entry):
                continue
            if _object_of_another(view, hit, hits, outcomes) and not _named_doer_of(
                context, view, hit
            ):
                continue
            if _expected_act(context, view, hit, hits):
                continue  # «рассчитываем, что Токио проведёт консультации»: a request says it
            if _intent_to_hostile(view, hit, hits):
                continue  # «не намерена разрывать отношения»: the act, negated, says it
            if _proposed(view, hit, hits) or _mentioned_again(context, view, hit):
                continue
            if _by_way_of(view, hit) or _thanked_for(view, hit, hits):
                continue
            if _counts_as(context, view, hit):
                continue
            found = _event(context, view, hit, entry, len(events))
            accusation = _reported_accusation(context, view, hit, found, len(events) + 1)
            if accusation is not None:
                events.append(accusation)
            for event in _one_per_counterpart(context, view, found, hit):
                events.append(event)
                if _mediation(event):
                    continue  # the mediator is no side of the talks it brokers
                sides = _unique(event.source + event.target)
                if event.type == "CONSULT" and len(sides) >= 3:
                    context.meetings[view.index] = sides
                joint = event.type == "AGREE" and len(event.source) >= 2
                if (event.type == "CONSULT" or joint) and len(sides) >= 2:
                    context.talks[view.index] = sides  # who met, or agreed together
                if event.type in _DEEDS and event.modality in ("done", "historical"):
                    doers = context.deeds.setdefault(view.index, [])
                    doers += [r for r in event.source if all(r.code != d.code for d in doers)]
                invitation = entry.get("class") in _INVITATIONS and event.type == "AGREE"
                if invitation and event.source and event.target and not _accepted(context, entry):
                    context.invitations[view.index] = (event.source, event.target)
                if event.type in ("AGREE", "SUPPORT") and len(_unique(event.source)) >= 2:
                    # agreed or signed together, by sides the sentence names (not «стороны»)
                    everywhere = list(range(len(view.tokens)))
                    named = {r.code for r in context.actors_in(view, everywhere)}
                    if {r.code for r in event.source} <= named:
                        context.deals[view.index] = sides
                quarrel = event.type in _HOSTILE or event.type in ("ASSAULT", "COERCE")
                if quarrel and event.source and event.target and len(sides) == 2:
                    context.disputes[view.index] = sides
                if entry.get("class") == "ACCUSE.protest" and event.source and event.target:
                    context.protests[view.index] = ({r.code for r in event.source}, event.target)
    for event in events:
        _normalise(context, event)
    return _one_meeting_each(events, context)


def _event(
    context: FactContext, view: SentenceView, hit: Hit, entry: dict, number: int, roles=None
):
    tokens = view.tokens
    head = hit.first
    source, target, pro_drop = roles or _arguments(context, view, hit, entry)
    if _named_mediator(context, view, hit):  # «при посредничестве Анголы»
        target = _mediated_sides(context, view, source) or target
    if entry["type"] == "CONSULT" and len(_unique(source + target)) <= 1:
        # one state on every side: its people or companies may be the sides that met
        sides = _same_state_sides(context, view, hit, entry, source + target)
        if sides[0]:
            source, target = sides
    split = len({(r.code, context.participant(r)) for r in source + target}) > len(
        _unique(source + target)
    )  # two sides of one state, each its own person or body
    if not source and entry.get("class") in _INVITATIONS and _accepted(context, entry):
        # «Приглашение было принято с благодарностью»: by whom the invitation just reported
        # invited, towards who invited
        target, source = _last_invitation(context, view)
    agreed = not source and _agreed_impersonally(context, view, hit) is not None
    if agreed:  # «Договорено провести …»: by the sides of the talks just reported
        source = _last_talks(context, view)
        target = list(source) if entry["type"] == "AGREE" else []  # a joint act
    if not source:
        return None
    event_type, mode, context_tag = entry["type"], entry.get("mode", ""), entry.get("context", "")
    retyped = _type_by_object(view, hit, entry)
    if retyped:
        event_type, mode = retyped, ""  # «выступил против проекта резолюции»: a refusal
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
    refused = note.startswith("negated ")  # «не поддержим»: the refusal is made today
    # «Россия ответит на санкции», «если …, то примем меры»: a threat is made as it is said
    performative = bool(entry.get("performative"))
    timed = not performative and not refused and not _accomplished(view, hit)
    if timed and (agreed or _future(context, view, hit)):
        aux.append("future")
        if event_type in _FUTURE_TO_AGREE:
            note = note or f"intent to {event_type.lower()}"
            if event_type != "CONSULT":
                mode = ""  # a planned meeting keeps its mode until _normalise has read it
            event_type = "AGREE"
    elif event_type == "AGREE" and _promises_future(context, view, hit):
        aux.append("future")
    if entry.get("prospective") and not refused and "future" not in aux:
        aux.append("future")  # «передал приглашение посетить Каир»: the visit lies ahead
    if event_type == "AGREE" and _offered(context, view, hit):
        aux.append("proposed")
    reported = _reported_future(context, view, hit)  # «said it would impose»: no condition
    conditional = any(
        fold(t.lemma) in context.lexicon.conditional
        for i, t in enumerate(tokens)
        if i not in reported
        and not _aside_auxiliary(view, hit, i)
        and not _polite(context, view, i)
    )
    if (conditional or _possible(context, view, hit)) and not performative:
        aux.append("hypothetical")
    if note.startswith(AGREEMENT_NOTE) and {"future", "hypothetical", "proposed"} & set(aux):
        event_type, mode = "AGREE", ""  # «могут подписать»: no signing yet, an intent
    elif event_type == "CONSULT" and "hypothetical" in aux and "negation" not in aux:
        # «может посетить Россию летом», «проведёт переговоры, если …»: a possible meeting is
        # an intent, as a planned one is (docs/gold.md)
        note, event_type = note or "intent to consult", "AGREE"
    if _announced_sanction(context, view, event_type, aux, source, target):
        # «российский стоп-лист будет расширен», «мы вышлем»: the voice announcing its own
        # measure against another makes a threat now
        event_type, note = "THREATEN", "announced sanction"
        aux[:] = [a for a in aux if a not in ("future", "hypothetical")]
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
    if not target and event_type in _HOSTILE and _demonstrated(context, view, hit.indexes):
        # «Хельсинки обвинил Москву … В Москве эти обвинения отвергли»: aimed at whoever did
        # the act the demonstrative points back to
        target = _earlier_doers(context, view, {r.code for r in source})
    if event_type in ("SUPPORT", "ACCUSE", "REJECT"):
        deal = [
            r for r in _deal_sides(context, view, hit) if r.code not in {s.code for s in source}
        ]
        if deal and {r.code for r in target} <= {r.code for r in deal}:
            target = deal  # all its sides, not the first one named
    if not target and event_type in ("REQUEST", "SUPPORT", "ACCUSE", "AID"):
        own = {r.code for r in source}
        target = [r for r in _sides_addressed(context, view, hit) if r.code not in own]
    if not target and entry.get("class") == "THREATEN.retaliate":
        # «ЕС ввёл санкции … Пекин примет необходимые меры»: an answer is aimed at whoever
        # did the act just reported
        target = _earlier_doers(context, view, {r.code for r in source})
    if not target and event_type in _AIMED:
        target = _headline_target(context, view, source)
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
    if _speaking_now(view, hit) and context.date:
        date = context.date.isoformat()  # «Стороны осуждают удары …, нанесённые в июне»
    if date and context.date and _long_ago(date, context.date):
        aux.append("historical")
    elif date and context.date is None and "future" not in aux and _past(view, hit):
        # an undated report names today's acts by weekday ("on Wednesday"); an act it dates
        # with a year ("met in December 2023") is one it recalls
        aux.append("historical")
    elif "future" not in aux and _past(view, hit) and _recalled_undated(context, view):
        aux.append("historical")  # «imposed sanctions last year» in an undated report
    elif _anniversary(context, view, hit) and "historical" not in aux:
        # «135 лет со дня установления дипломатических отношений»: long ago, and by whoever
        # the words name; «80-летие подписания Устава ООН» names no one, not the speaker
        named = {r.code for r in context.actors_in(view, list(range(len(tokens))))}
        if not named & {r.code for r in source}:
            return None
        aux.append("historical")
    if event_type == "CONSULT" and not mode and context.place and _at_home_of(context, target):
        mode = "visit"
    if not split:  # named people the gazetteer knows, or the text introduced with an office
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


def _polite(context: FactContext, view: SentenceView, index: int) -> bool:
    """«I would like to thank …», «We would wish to express our gratitude …»: a conditional
    auxiliary on a verb of wishing with a first-person subject is courtesy, and the act it
    introduces is done as it is said."""
    tokens = view.tokens
    head = tokens[index].head
    if tokens[index].rel != "aux" or not 0 <= head < len(tokens):
        return False
    if fold(tokens[head].lemma) not in context.lexicon.polite_verbs:
        return False
    return any(
        tokens[c].rel in ("nsubj", "nsubj:pass") and fold(tokens[c].lemma) in context.lexicon.we
        for c in view.children[head]
    )


def _clause_of(view: SentenceView, verb: int) -> set[int]:
    """The verb and the verbs coordinated with it, without their subjects' phrases."""
    tokens = view.tokens
    verbs = [verb] + [c for c in view.children[verb] if tokens[c].rel == "conj"]
    return {
        i
        for v in verbs
        for c in [v, *view.children[v]]
        if tokens[c].rel not in ("nsubj", "nsubj:pass")
        for i in ([c] if c == v else view.subtree(c))
    }


def _obligations(context: FactContext, view: SentenceView) -> list[tuple[int, Event]]:
    """«Russia must agree to a ceasefire», «Pakistan should vacate the territories»: the
    voice's REQUEST to whoever it says must or should act (obligation_words)."""
    words = context.lexicon.obligation_words
    tokens = view.tokens
    if not words or not any(t.text.lower() in words for t in tokens):
        return []
    voice = context.voice(view)
    sides = context.doc.metadata.genre in context.lexicon.sides_genres
    voices = [voice] if voice else list(context.sides) if sides else []
    if not voices:
        return []  # («Russia must agree …» in a statement the Sides write together: theirs)
    found = []
    for token in tokens:
        if token.text.lower() not in words or token.rel != "aux":
            continue
        verb = token.head
        if not 0 <= verb < len(tokens) or tokens[verb].pos != "VERB":
            continue
        if any(fold(tokens[c].lemma) in context.lexicon.negation for c in view.children[verb]):
            continue  # «must not» forbids; left to the act's own reading
        subjects = [c for c in view.children[verb] if tokens[c].rel == "nsubj"]
        if len(subjects) != 1 or tokens[subjects[0]].pos == "PRON":
            continue  # «we must», «they should»: no one named to be asked
        target = context.actors_in(view, view.subtree(subjects[0]))
        if any(r.code == v.code for r in target for v in voices):
            continue
        sentence = view.sentence
        found.append(
            (
                verb,
                Event(
                    id="",
                    type="REQUEST",
                    mode="change",
                    context="diplomatic",
                    source=voices,
                    target=target,
                    evidence=Evidence(
                        sentence.start, sentence.end, (token.start, tokens[verb].end)
                    ),
                    date=context.date.isoformat() if context.date else None,
                    confidence=_confidence(False, target),
                    note="obligation",
                ),
            )
        )
    return found


def _aside_auxiliary(view: SentenceView, hit: Hit, index: int) -> bool:
    """«Tehran demanded guarantees that the information would not be handed over»: a
    conditional auxiliary of a clause below the act («would», «бы») qualifies that clause,
    not the act; one on the act's verb or on a verb above it does («would support»)."""
    tokens = view.tokens
    mark = tokens[index].rel == "mark"
    if tokens[index].rel not in ("aux", "aux:pass") and not mark:
        return False
    above, node, steps = set(), hit.first, 0
    while 0 <= node < len(tokens) and steps < 12:
        above.add(node)
        node, steps = tokens[node].head, steps + 1
    if mark:
        # «accused Washington … and warned that the North would act if the drills went on»:
        # an «if» clause conditions the clause it hangs from, not an act beside that clause
        clause = tokens[index].head
        conditioned = tokens[clause].head if 0 <= clause < len(tokens) else -1
        if not 0 <= conditioned < len(tokens):
            return False
        return conditioned not in above and hit.first not in view.subtree(conditioned)
    return tokens[index].head not in above


def _announced_sanction(context, view, event_type, aux, source, target) -> bool:
    if event_type != "SANCTION" or "future" not in aux or not target:
        return False
    if {"negation", "proposed"} & set(aux):
        return False
    voice = context.voice(view)
    if voice is None or [r.code for r in source] != [voice.code]:
        return False
    # a response («В ответ стоп-лист будет расширен») or a condition («если …, закроем»)
    # makes it a threat; a plain announcement («введёт санкции в апреле») is a plan
    text = context.doc.text[view.sentence.start : view.sentence.end].lower()
    return "hypothetical" in aux or any(cue in text for cue in context.lexicon.response_cues)


def _reported_accusation(context: FactContext, view: SentenceView, hit: Hit, event, number: int):
    """«Foreign Minister Todd said Venezuelan soldiers had detained two miners»: a hostile
    act (``reported_hostile_types``) that a voice reports of another actor is also that
    voice's allegation against the doer (ACCUSE allege), as «accused X of detaining» is; not
    the voice's own act, nor one it denies or merely plans."""
    if event is None or event.type not in context.lexicon.reported_hostile_types:
        return None
    if {"negation", "future", "hypothetical", "proposed"} & set(event.aux):
        return None
    verb = _governing_verb(view, hit.first)
    if not _reported_clause(context, view, verb):
        return None
    voice = context.reporter(view)
    if voice is None or any(r.code == voice.code for r in event.source):
        return None
    return replace(
        event,
        id=f"e{number + 1}",
        type="ACCUSE",
        mode="allege",
        context="",
        source=[voice],
        target=list(event.source),
        aux=[a for a in event.aux if a != "historical"],
        note="reported hostile act",
    )


def _named_doer_of(context: FactContext, view: SentenceView, hit: Hit) -> bool:
    """«обеспокоенность израильскими ударами по Ливану», «осудили удары ВВС Пакистана»: an
    act judged by another that names its own doer is reported as well, by its doer."""
    # «ракетные удары Израиля»: a deed led by its adjective names its doer by its noun; a
    # judging label so led («недружественные действия Канберры») stays the judgement's own
    noun = next((i for i in hit.indexes if view.tokens[i].pos == "NOUN"), hit.first)
    if hit.pattern.payload["type"] == "ACCUSE":
        noun = hit.first
    if view.tokens[noun].pos != "NOUN" or _mentioned_again(context, view, hit):
        return False  # «Такой шантаж Вашингтона»: told before
    demonstrative = context.lexicon.demonstratives
    if any(fold(view.tokens[c].lemma) in demonstrative for c in view.children[noun]):
        return False
    agent = _noun_agent(context, view, noun)
    # a name or an actor's adjective («ударами США», «израильскими ударами», «удар
    # израильской авиации»); «высылки нашего дипломата» names whose diplomat was expelled,
    # not who expelled him
    if any(view.tokens[i].pos in ("PROPN", "ADJ") and context.actors_in(view, [i]) for i in agent):
        return True
    # «объявленные Европейским союзом санкции … противоречат нормам»: the participle's agent
    # («выдвинутые Кишинёвом обвинения голословны»: judged words are no act of their own)
    if hit.pattern.payload["type"] == "ACCUSE":
        return False
    return bool(context.actors_in(view, _participle_agent(view, noun)))


def _answered_roles(context: FactContext, view: SentenceView, hit: Hit, hits: list[Hit]):
    """«в ответ на необоснованную высылку сотрудника посольства … объявлен персоной нон грата
    дипломат Эстонии», "expelled two diplomats in response to the closure of its consulate":
    an act noun after an answer phrase is the act of whom the answer is aimed at, against
    whoever answers, unless it names a doer of its own; (source, target, pro_drop), or None
    when the noun is not so answered or the answer names no sides."""
    tokens = view.tokens
    noun = next((i for i in hit.indexes if tokens[i].pos == "NOUN"), None)
    if noun is None or not context.lexicon.answer_phrases:
        return None
    inner = [i for i in view.subtree(noun) if tokens[i].rel != "case" or tokens[i].head != noun]
    start = min(inner)  # the phrase after its preposition («на необоснованную высылку»)
    before = context.doc.text[view.sentence.start : tokens[start].start].lower().rstrip()
    if not any(before.endswith(p) for p in context.lexicon.answer_phrases):
        return None
    answers = [h for h in hits if h is not hit and h.first not in view.subtree(noun)]
    for answer in answers:
        source, target, _ = _arguments(context, view, answer, answer.pattern.payload)
        voice = [] if source else [r for r in [context.voice(view)] if r is not None]
        source = source or voice  # «объявлен персоной нон грата»: the voice's own measure
        if not source or not target:
            continue
        own, own_target, pro_drop = _arguments(context, view, hit, hit.pattern.payload)
        answering = {r.code for r in source}
        if own and not answering & {r.code for r in own}:
            return own, own_target or source, pro_drop  # «в ответ на закрытие Литвой …»
        return target, source, False
    return None


def _named_mediator(context: FactContext, view: SentenceView, hit: Hit) -> bool:
    """«подписали соглашение при посредничестве Анголы», «обмен пленными, состоявшийся при
    посредничестве ОАЭ»: a mediation noun that names its mediator reports the mediator's
    own act (on the sides it brought together), whatever act or topic it hangs on."""
    entry = hit.pattern.payload
    if entry.get("mode") != "third-party" or view.tokens[hit.first].pos != "NOUN":
        return False
    return bool(_noun_agent(context, view, hit.first))


def _mediated_sides(context: FactContext, view: SentenceView, mediator: list[ActorRef]):
    """The sides a mediator brought together: the actors of the sentence's «между» phrase
    («соглашение о прекращении огня между правительством ЦАР и группировками»)."""
    own = {r.code for r in mediator}
    for index, _token in enumerate(view.tokens):
        if not view.case_words(index) & context.lexicon.between:
            continue
        nodes = sorted({n for c in _conjuncts(view, index) for n in view.subtree(c)})
        sides = [r for r in context.actors_in(view, nodes) if r.code not in own]
        if sides:
            return sides
    return []


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
            e.evidence.start == view.sentence.start
            and codes & {r.code for r in e.target}
            and e.type != "REQUEST"  # a call or an expectation asks, it does not judge
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


def _past(view: SentenceView, hit: Hit) -> bool:
    """The act's verb (or the verb its noun hangs from) is in a past tense or a participle."""
    tokens = view.tokens
    node = hit.first
    for _ in range(3):
        token = tokens[node]
        if token.pos in ("VERB", "AUX"):
            return token.feats.get("Tense") == "Past" or token.feats.get("VerbForm") == "Part"
        if not 0 <= token.head < len(tokens):
            return False
        node = token.head
    return False


def _speaking_now(view: SentenceView, hit: Hit) -> bool:
    """A present-tense finite verb acts as the statement speaks; a date in the sentence
    belongs to what it talks about."""
    token = view.tokens[hit.first]
    return token.feats.get("VerbForm") == "Fin" and token.feats.get("Tense") == "Pres"


def _one_per_counterpart(
    context: FactContext, view: SentenceView, event: Event | None, hit: Hit
) -> list[Event]:
    """«провёл двусторонние встречи с министрами Малайзии, Индонезии и Таиланда», «принял по
    отдельности министров Пакистана и Узбекистана», «запланированы встречи министра с
    коллегами из …»: separate meetings, one per counterpart, not one meeting of all of
    them."""
    if event is None:
        return []
    separate = context.lexicon.separate_meetings.find(view.tokens) or _countable_plural(
        context, view, hit
    )
    calls = event.type == "CONSULT" and event.mode == "phone" and len(event.source) == 1
    if calls and len(event.target) >= 2:
        # «Lula called Ali and Maduro»: one caller, one call per person called
        return [replace(event, target=[side]) for side in event.target]
    if event.type not in ("CONSULT", "AGREE") or not separate:
        return [event]
    if event.type == "AGREE" and not event.note.startswith("intent to consult"):
        return [event]
    if {r.code for r in event.target} & {r.code for r in event.source}:
        return [event]
    if len(event.target) >= 2:
        return [replace(event, target=[side]) for side in event.target]
    if len(event.source) >= 2 and len(event.target) == 1:  # the guests of one host
        return [replace(event, source=[side]) for side in event.source]
    return [event]


def _countable_plural(context: FactContext, view: SentenceView, hit: Hit) -> bool:
    """«встречи», «беседы» in the plural are several meetings («переговоры», «консультации»
    are one event in the plural)."""
    return any(
        view.tokens[i].feats.get("Number") == "Plur"
        and fold(view.tokens[i].lemma) in context.lexicon.countable_meetings
        for i in hit.indexes
    )


def _type_by_object(view: SentenceView, hit: Hit, entry: dict) -> str | None:
    """A class whose frame types its act by the object (``object_types``): opposing a
    proposal, a draft or a package is refusing it (REJECT), opposing acts is disapproval."""
    types = entry.get("object_types")
    if not types:
        return None
    tokens = view.tokens
    for index in hit.indexes:
        for child in view.children[index]:
            if child in hit.indexes or tokens[child].rel not in ("obj", "obl"):
                continue
            if tokens[child].pos != "NOUN":
                continue
            lemma = fold(tokens[child].lemma)
            return next((kind for kind, nouns in types.items() if lemma in nouns), None)
    return None
