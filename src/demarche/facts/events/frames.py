"""The roles of a predicate (source and target) read off the dependency parse."""

from __future__ import annotations

from demarche.facts.context import FactContext, SentenceView
from demarche.facts.events.attribution import (
    _act_author,
    _anaphora,
    _antecedents,
    _capital_frame,
    _default_target,
    _demonstrated,
    _earlier_doers,
    _first_person,
    _impersonal,
    _institution_source,
    _joint,
    _joint_subject,
    _last_talks,
    _meeting_sides,
    _only_we,
    _otherwise,
    _own_country,
    _parties,
    _person_anaphor,
    _pronoun_object,
    _stray_subject,
    _visitor_and_host,
)
from demarche.facts.events.common import (
    _HOSTILE,
    _OBJECT,
    _SUBJECT,
    _codes,
    _conjuncts,
    _copular_predicate,
    _first_person_verb,
    _governing_verb,
    _in_label,
    _passive,
    _phrase,
    _prepositional,
    _ref_of,
    _refs,
    _reported_clause,
    _unique,
)
from demarche.facts.events.modality import _negated
from demarche.facts.events.triggers import misread_guest
from demarche.facts.lexicon import Hit
from demarche.language.morphology import fold
from demarche.model import ActorRef

_THAT = frozenset({"что", "чтобы"})  # the conjunctions of a clause of expected acts


def _arguments(context: FactContext, view: SentenceView, hit: Hit, entry: dict):
    """(sources, targets, pro_drop) for the predicate at ``hit``."""
    tokens = view.tokens
    head = hit.first
    if entry["type"] == "CONSULT":
        sides = _between(context, view, hit)
        if len(sides) >= 2:
            return sides, [], False
    # «ограничительных мер»: a noun phrase hangs from its verb by the noun, not the adjective
    # («a politically motivated move»: by the noun its modifiers lead up to)
    anchor = head
    # («life-saving assistance»: «life» hangs from «saving», inside the phrase)
    up = tokens[head].head
    # "mirror measures": an answer's noun compound hangs by its last noun
    answer = tokens[head].rel == "compound" and entry.get("roles") == "evaluative"
    inner = up in hit.indexes and (tokens[up].pos in ("ADJ", "VERB") or answer)
    if entry.get("pos") == "NOUN" and (tokens[head].pos in ("ADJ", "ADV", "VERB") or inner):
        roots = [i for i in hit.indexes if tokens[i].head not in hit.indexes]
        if len(roots) == 1 and tokens[roots[0]].pos == "NOUN":
            anchor = roots[0]
    verb = _governing_verb(view, anchor, context.lexicon.carrier_nouns)
    if verb == anchor:
        verb = head
    controllers = (context.lexicon.control_nouns, context.lexicon.control_verbs)
    subjects = [
        c for c in _subjects(view, verb, hit, controllers) if not _in_label(context, view, c)
    ]
    # «Приветствуем успешное председательство Лаоса»: a first-person verb's only subject is
    # «мы»; a noun the parser made its subject is its object
    misread = [
        c
        for c in subjects
        if _first_person_verb(tokens[verb])
        and (tokens[c].pos != "PRON" or fold(tokens[c].lemma) not in context.lexicon.we)
    ]  # «Высоко ценим то, что Мехико …»: «то» and its clause are what we value
    subjects = [c for c in subjects if c not in misread]
    subjects = subjects or _stray_subject(context, view, verb)
    subjects = _antecedents(context, view, verb, subjects)
    if verb in hit.indexes and tokens[verb].rel.startswith("acl"):
        # «the Declaration, signed in 2024 by Somalia and Ethiopia»: a participle's agent is
        # its doer, not the subject of the clause its noun stands in
        subjects = _passive_agents(view, verb) or subjects
    if not subjects and verb != head and tokens[head].rel == "nsubj:pass":
        # «sanctions were imposed on Iran by the EU»: the act noun is the passive's subject,
        # the agent its doer
        subjects = _passive_agents(view, verb) if tokens[head].head == verb else []
    voice = context.voice(view)
    if entry["type"] == "ACCUSE" and _copular_predicate(context, view, hit):
        # «This is a provocation», «Chile's move is a provocation, Peru said»: a judgement
        # noun as a predicate is the voice's, about what the subject names first
        return _evaluative(context, view, hit, verb, subjects, voice, subject_first=True)
    if entry.get("roles") == "evaluative":
        return _evaluative(context, view, hit, verb, subjects, voice)
    if entry.get("roles") == "conduct":
        return _conduct(context, view, hit, verb, subjects, voice)
    # «будут высланы российские дипломаты», «против России введены санкции Евросоюзом»: the
    # passive's subject is acted upon; its doer, if named, is the instrumental agent
    # («Россия будет вынуждена принять меры»: a subject borrowed from a governing passive
    # is the doer of the infinitive, not its patient)
    patients = [
        c
        for c in subjects
        if tokens[c].rel == "nsubj:pass"
        and tokens[c].head == verb
        and context.actors_in(view, view.subtree(c))
    ]
    if patients and entry.get("roles") != "passive" and entry.get("passive_subject") != "source":
        subjects = [c for c in subjects if c not in patients] + _passive_agents(view, verb)
    else:
        patients = []
    agent: list[int] = []
    # «the Chilean ambassador was summoned»: an entry led by the noun of whom it is done
    # (patient_noun), the passive subject of its own verb, names no doer by its modifiers
    own_patient = (
        bool(entry.get("patient_noun"))
        and tokens[head].rel == "nsubj:pass"
        and tokens[head].head == verb
        and verb in hit.indexes
    )
    if tokens[anchor].pos == "NOUN" and not subjects and not own_patient:
        agent = _noun_agent(context, view, anchor)  # «удары ВСУ по…», «ударами израильских ВВС»
        if not agent and entry["type"] == "CONSULT":
            agent = _speaker_after_meeting(context, view, anchor)
    elif tokens[anchor].pos == "NOUN" and verb not in (head, anchor, *hit.indexes):
        # «Москва ответит на санкции Евросоюза»: a noun's own named doer beats the subject of
        # a verb that only comments on the act («убийства российских граждан» names victims);
        # so does that of a noun led by its adjective («благодаря слаженной работе Индии»)
        agent = _noun_agent(context, view, anchor)
        # a name or a state's office («визит президента Мьянмы»), or an actor's adjective on
        # the doer below it («удар израильской авиации»); the act's own adjective may name
        # whom it hits ("the anti-Iranian sanctions")
        named = [
            c
            for c in agent
            if _named_doer(context, view, c)
            or (tokens[c].pos == "ADJ" and tokens[c].head != anchor)
        ]
        agent = agent if context.actors_in(view, named) else []
        if agent:
            subjects = []
    if own_patient and not agent:
        agent = _passive_agents(view, verb)
    if not agent and entry.get("order") == "passive":
        agent = _passive_agents(view, hit.last)  # «санкции были введены Евросоюзом»
    # «санкции введены Евросоюзом против Ирана»: an «against» phrase the parser hung on the
    # doer names whom the act is aimed at
    against = [
        n
        for c in subjects + agent
        for n in view.subtree(c)
        if n != c and view.case_words(n) & context.lexicon.against_prepositions
    ]
    aimed = {i for n in against for i in view.subtree(n)}

    def _subject_phrase(node: int) -> list[int]:
        if context.lexicon.subject_without_relative:
            scope = _own_phrase(view, node, verb)
        else:
            scope = _phrase(view, node, verb)
        return [i for i in scope if i not in aimed]

    source = _unique(
        [r for c in subjects + agent for r in context.actors_in(view, _subject_phrase(c))]
    )
    if not source and not subjects and not agent and (patients or _passive(tokens[verb])):
        source = _reported_passive(context, view, verb, patients, entry)
    if not source and subjects and context.counterpart and _colleague(context, view, subjects):
        source = [context.counterpart]  # «Мой коллега передал приглашение»
    if not source and subjects and not agent:
        source = _own_country(context, view, subjects) or _person_anaphor(context, view, subjects)
        if source and len(subjects) == 1:
            # «The Secretary and the Foreign Minister welcomed …»: each title its own person
            source = source + _conjoined_titles(context, view, subjects[0], source)
        source = source or _capital_frame(context, view, verb, subjects)
    if not source and not subjects and not agent and tokens[head].pos == "NOUN":
        source = _possessor(context, view, head)  # «запланированы его встречи с …»
    if not source and not subjects:
        source = _institution_source(context, view, verb) or _source_preposition(
            context, view, verb, entry
        )
    if not source and not subjects and not agent and entry["type"] != "CONSULT":
        # «отношения между Египтом и Ираном были восстановлены»: both sides, jointly
        sides = _between(context, view, hit)
        if len(sides) >= 2:
            return sides, list(reversed(sides)), False
    relative = tokens[verb].rel.startswith("acl") and verb in hit.indexes
    if not source and not subjects and relative:
        # «в МИД России был вызван посол, которому заявлен протест»: a relative clause's act
        # is the main clause's institution's
        noun = tokens[verb].head
        main = tokens[noun].head if 0 <= noun < len(tokens) else -1
        if 0 <= main < len(tokens) and tokens[main].pos in ("VERB", "AUX"):
            source = _institution_source(context, view, main)
    if not source and not subjects and tokens[head].pos == "NOUN":
        # «объявленные Министерством финансов США новые санкции»: the participle's agent
        agent = _participle_agent(view, head)
        source = context.actors_in(view, agent)
    objects = [c for c in view.children[verb] if tokens[c].rel in _OBJECT and c not in subjects]
    objects += misread + patients
    if verb != head:
        objects += [c for c in view.children[head] if c not in subjects]
    for word in hit.indexes[1:]:  # «выражена обеспокоенность ударами …»: the noun's object
        if tokens[word].rel == "nsubj:pass":
            objects += [c for c in view.children[word] if c not in objects]
    objects = [c for c in objects if c not in agent] + against
    if entry.get("needs_object") == "person" and verb in hit.indexes:
        guest = misread_guest(context, view, verb)  # «принял в резиденции премьер-министра»
        objects += [guest] if guest is not None else []
    relative_nouns: list[int] = []
    if tokens[verb].rel.startswith("acl"):
        # «посол …, которому заявлен протест»: the relative pronoun stands for its noun
        noun = tokens[verb].head
        pronouns = context.lexicon.relative_pronouns
        if any(fold(tokens[c].lemma) in pronouns for c in objects) and 0 <= noun < len(tokens):
            objects = [c for c in objects if fold(tokens[c].lemma) not in pronouns] + [noun]
            relative_nouns = [noun]
    exclude = {r.code for r in source}
    clauses = entry["type"] == "ACCUSE"
    addressed = [c for c in objects if tokens[c].rel == "iobj" or c in relative_nouns + patients]
    addressed += [i for i in hit.indexes if i != head and tokens[i].pos == "NOUN"]  # «вызван посол»
    judged = clauses and not (
        addressed and _nearest_actors(context, view, addressed, exclude, head)
    )  # «послу Японии, которому заявлен протест»: the addressee, not the deed's doer
    target = _deed_doers(context, view, [*objects, *view.children[head]], exclude) if judged else []
    if judged and not target and _demonstrated(context, view, objects):
        target = _earlier_doers(context, view, exclude)  # «Мы осуждаем такие действия»
    target = target or _nearest_actors(context, view, objects, exclude, head, skip_clauses=clauses)
    if not target and _joint_object(context, view, objects):
        # «urged both sides to exercise restraint»: the sides the report is about
        target = [r for r in _sides_in_report(context, view) if r.code not in exclude]
    needs = entry.get("needs_target")
    marked = needs if isinstance(needs, str) else None
    if needs and not _actor_object(context, view, verb, marked):
        return [], [], False  # «признать ошибку»: no actor recognised, no recognition
    if entry.get("roles") == "passive":  # «пользуется поддержкой X»: X is the source
        source, target = target, source
    impersonal = verb in hit.indexes and _impersonal(context, tokens[verb])
    pro_drop = (
        not agent
        and not source
        and not patients  # a passive names what was done, not that «we» did it
        and (
            (not subjects and (_first_person(context, tokens[verb], entry) or impersonal))
            # «седьмой раунд намечено провести»: an impersonal plan with an infinitive
            or (impersonal and _infinitive_under(view, verb))
        )
    )
    own = entry["type"] in context.lexicon.own_act_types
    if (
        own
        and not (pro_drop or source or agent)
        and voice
        and _own_passive(context, view, verb, patients, voice)
    ):
        pro_drop = True  # «Послу выражен протест», «сотрудники … объявлены персонами нон грата»
    if voice and subjects and _only_we(context, view, subjects):
        source, pro_drop = [], True  # «мы … договорились»: as if the subject were dropped
    agentless_noun = not subjects and tokens[head].pos == "NOUN" and verb == head
    signing = entry.get("needs_object") == "agreement"
    if signing and (agentless_noun or _passive(tokens[verb])) and not source:
        # «с подписанием … договора», «Договор…, подписанный в 2001 году»: the parties
        source = _parties(context, view)
        if len(source) >= 2:
            return source, list(reversed(source)), True
    if signing and _passive(tokens[verb]) and len(source) >= 2:
        return source, list(reversed(source)), False  # «signed in 2019 by Latvia and Estonia»
    if (
        not source
        and context.sides
        and (
            (subjects and _joint_subject(context, view, subjects))
            or (pro_drop and _joint(context, view, entry, tokens[verb]))
            # «We condemn …» where no one speaks but the Sides, who wrote it together
            or (
                voice is None
                and (verb in hit.indexes or not _noun_agent(context, view, head))
                and subjects
                and _only_we(context, view, subjects)
            )
        )
    ):
        source = list(context.sides)  # «Стороны призвали…» after «(далее – Стороны)»
    other = context.other_side(view, voice) if voice else None
    if not source and subjects and voice and other and _joint_subject(context, view, subjects):
        # «… held talks in Tokyo. The sides condemned the launch by the DPRK»: the sides of
        # the talks the voice reported last, not the state the sentence itself names
        # («Modi spoke with Prabowo. The leaders agreed …»: the talks just told, not the
        # state the briefing spoke of before)
        talks = _last_talks(context, view)
        if len(talks) == 2 and voice.code in {r.code for r in talks}:
            source = talks
    if not source and subjects and voice and other and _joint_subject(context, view, subjects):
        source = [voice, other]  # «Стороны выражают…», «Министры обсудили…»
    if not source and subjects and _joint_subject(context, view, subjects):
        source = _last_talks(context, view)  # a report's «стороны»: who last met
    together = entry.get("reciprocal") or entry["type"] == "CONSULT"
    if not source and subjects and together and _sides_pronoun(context, view, subjects):
        source = _last_talks(context, view)  # «… had a call with Fidan. They agreed …»
    meeting_noun = entry["type"] == "CONSULT" and tokens[anchor].pos == "NOUN"
    if not source and meeting_noun and _joint_genitive(context, view, anchor):
        source = _last_talks(context, view)  # «по итогам телефонного разговора министров»
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
    if entry.get("destination_prepositions"):
        # «визит в Анкару», «посетит Куала-Лумпур»: the host is the destination's state
        target = _destination(context, view, hit, verb, entry) or target
    if entry.get("target_prepositions") and not target:
        target = _prepositional_target(context, view, hit, verb, entry)
    target = [r for r in target if all(r.code != s.code for s in source)]
    if entry.get("reciprocal"):
        # «договорились …», «обсудили …»: the sides act together on a topic; one side's
        # partner is who it acted with («обсудил с китайским коллегой вопросы …»)
        target = [] if len(source) >= 2 else _comitative(context, view, verb, source)
    if not target and source:
        target = _act_author(context, view, hit, source)
    if entry["type"] in _HOSTILE and source:
        # «Ему заявлен протест в связи с решением …, разрешившим … Еврокомиссии»: the
        # addressee a pronoun points back to beats an actor deep in the reason
        target = _pronoun_object(context, view, verb, source) or target
    if not target and entry["type"] in _HOSTILE:
        target = (
            _target_adjective(context, view, source)
            or _anaphora(context, view, source)
            or _otherwise(context, view, source)
            or _pronoun_object(context, view, verb, source)
        )
    if not target and entry["type"] in _HOSTILE and source:
        target = _protested_to(context, view, source)
    if not target and not _negated(context, view, hit):
        target = _default_target(context, view, entry, source)
    hostile_alone = entry["type"] in _HOSTILE and not target
    if (
        len(source) >= 2
        and not hostile_alone
        and {r.code for r in target} <= {r.code for r in source}
    ):
        target = list(reversed(source))  # a joint act: each side is the other's recipient
    if entry.get("roles") == "clause":
        # «Рассчитываем, что японская сторона проведёт консультации»: what another actor is
        # expected to do is asked of it; an expectation of no one else asks nothing
        codes = {r.code for r in source}
        target = [r for r in _clause_doers(context, view, verb) if r.code not in codes]
        if not target:
            return [], [], False
    return source, target, pro_drop


def _protested_to(context: FactContext, view: SentenceView, source: list[ActorRef]):
    """«В МИД был вызван посол Латвии … Потребовали освободить журналиста»: what the same
    side demands, states or warns next, naming no one, is addressed to whom it protested to,
    in the sentences just after the protest."""
    codes = {r.code for r in source}
    for back in range(view.index, max(-1, view.index - 4), -1):
        protest = context.protests.get(back)
        if protest is not None:
            return [r for r in protest[1] if r.code not in codes] if protest[0] == codes else []
    return []


def _clause_doers(context: FactContext, view: SentenceView, verb: int) -> list[ActorRef]:
    """The actors the subject of the verb's «что» clause names."""
    tokens = view.tokens
    for clause in view.children[verb]:
        marks = {fold(tokens[c].text) for c in view.children[clause] if tokens[c].rel == "mark"}
        if tokens[clause].rel != "ccomp" or not marks & _THAT:
            continue
        for child in view.children[clause]:
            if tokens[child].rel in ("nsubj", "nsubj:pass"):
                return context.actors_in(view, view.subtree(child))
    return []


def _same_state_sides(
    context: FactContext, view: SentenceView, hit: Hit, entry: dict, found: list[ActorRef]
) -> tuple[list[ActorRef], list[ActorRef]]:
    """«Путин встретился с губернатором Вологодской области Олегом Кувшинниковым», «Глава
    «Газпрома» провёл переговоры с руководством «Роснефти»», «встреча Медведева и Кудрина»:
    a meeting whose sides the states alone cannot tell apart (one state's people, companies
    or parties). Its sides are the distinct participants of the subject and of the partner
    phrases (with «с», «между», the bare genitive of a meeting noun, the object of
    «принять»), each as its own side; (source, target), or nothing when there are not two."""
    tokens = view.tokens
    verb = _governing_verb(view, hit.first, context.lexicon.carrier_nouns)
    partner_words = context.lexicon.comitative | context.lexicon.between
    heads = [verb, *hit.indexes]
    subjects = [c for h in heads for c in view.children[h] if tokens[c].rel in _SUBJECT]
    partners = []
    for head in heads:
        for child in view.children[head]:
            if child in hit.indexes or child in subjects:
                continue
            words = view.case_words(child)
            relation = tokens[child].rel
            if (
                (relation in ("obl", "nmod") and words & partner_words)
                or (relation == "nmod" and not words and tokens[head].pos == "NOUN")
                or (relation == "obj" and head == verb and tokens[verb].pos == "VERB")
            ):
                partners.append(child)
    guest = misread_guest(context, view, verb) if verb in hit.indexes else None
    partners += [guest] if guest is not None else []
    doers = [r for c in subjects for r in _conjunct_participants(context, view, c, verb)]
    if not doers and subjects:
        # «Там он встретился с губернатором …»: the person the subject pronoun points back to
        doers = [r for r in found if r.person and tokens[subjects[0]].pos == "PRON"][:1]
    others = [r for c in partners for r in _conjunct_participants(context, view, c, verb)]
    codes = {r.code for r in found + doers + others}
    if len(codes) != 1:
        return [], []  # sides of two states are read the usual way
    code = codes.pop()
    sides: list[ActorRef] = []
    for ref in doers + others:
        key = context.participant(ref)
        if ref.code == code and key and all(context.participant(r) != key for r in sides):
            sides.append(ref)
    if len(sides) < 2:
        return [], []
    source = [r for r in sides if any(r is d for d in doers)] or sides[:1]
    target = [r for r in sides if all(r is not s for s in source)]
    if entry.get("roles") == "passive" and target:
        source, target = target, source  # «принял мэра Казани»: the guest came to the host
    return source, target


def _conjunct_participants(context: FactContext, view: SentenceView, root: int, verb: int):
    """The participants of a phrase, one per state in each of its conjuncts (at any depth):
    «Член Политбюро
    ЦК КПК, министр иностранных дел КНР Ван И» is one man with two offices, «Сечин и Шматко»
    two men."""
    phrase = _phrase(view, root, verb)
    members = [root, *(i for i in phrase if view.tokens[i].rel == "conj" and i != root)]
    refs: list[ActorRef] = []
    for member in members:
        own = set(view.subtree(member)) & set(phrase)
        for other in members:
            if other != member and other in own:
                own -= set(view.subtree(other))  # «представители Газпрома и Роснефти»
        found: list[ActorRef] = []
        for ref in context.participants_in(view, sorted(own)):
            same = next(
                (
                    i
                    for i, r in enumerate(found)
                    if r.code == ref.code
                    and not (r.person and ref.person and r.person != ref.person)
                ),
                None,
            )  # two offices of one man are one side; two named men are two
            if same is None:
                found.append(ref)
            elif ref.person and not found[same].person:
                found[same] = ref  # the person stands for his office's body
        refs += found
    return refs


def _subjects(
    view: SentenceView, verb: int, hit: Hit, controllers: tuple[set[str], set[str]] = (set(), set())
) -> list[int]:
    """The verb's subjects; a verb without one borrows the subject of the verb it depends on
    («Россия намерена … укреплять», «М.Рубио подтвердил … и приветствовал»), also through a
    noun of intent («власти приняли решение выслать», «заявили о намерении закрыть»). A noun
    trigger that is itself the subject («удары … не прекращаются») is no subject of its
    own."""
    tokens = view.tokens
    found = [c for c in view.children[verb] if tokens[c].rel in _SUBJECT]
    node, steps = verb, 0
    while (
        not found and (tokens[node].rel in ("xcomp", "conj") or _gerund(view, node)) and (steps < 3)
    ):
        parent = tokens[node].head
        if not 0 <= parent < len(tokens) or tokens[parent].pos not in ("VERB", "ADJ", "AUX"):
            break
        found = [c for c in view.children[parent] if tokens[c].rel in _SUBJECT]
        node, steps = parent, steps + 1
    if not found and tokens[verb].feats.get("VerbForm") == "Inf":
        found = _controller_subjects(view, verb, controllers)
    # «Выражена обеспокоенность»: the predicate's own noun as passive subject is none either
    passive_own = {c for c in hit.indexes[1:] if tokens[c].rel == "nsubj:pass"}
    return [c for c in found if c != hit.first and c not in passive_own]


def _gerund(view: SentenceView, node: int) -> bool:
    """«Zakharova was less conciliatory, accusing Britain …», «welcomed the deal, calling on
    Togo …»: an -ing clause beside the main verb is done by the main verb's subject (not one
    a preposition introduces: «Belarus's role in facilitating these actions»)."""
    token = view.tokens[node]
    feats = token.feats
    return (
        token.rel == "advcl"
        and feats.get("VerbForm") == "Part"
        and feats.get("Aspect") == "Prog"
        and not any(view.tokens[c].rel == "mark" for c in view.children[node])
    )


def _controller_subjects(
    view: SentenceView, verb: int, controllers: tuple[set[str], set[str]]
) -> list[int]:
    """The doer of an infinitive under a noun of intent: the noun's own genitive («решение
    Евросоюза продлить санкции»), else the subject of the verb that adopts or announces the
    intent («власти приняли решение выслать»); a verb that judges the intent («осудил
    решение продлить») is not its doer."""
    tokens = view.tokens
    nouns, verbs = controllers
    noun = tokens[verb].head
    if not 0 <= noun < len(tokens) or fold(tokens[noun].lemma) not in nouns:
        return []
    own = [
        c
        for c in view.children[noun]
        if c != verb and tokens[c].rel == "nmod" and tokens[c].feats.get("Case") == "Gen"
    ]
    if own:
        return own
    above = tokens[noun].head
    if not 0 <= above < len(tokens) or fold(tokens[above].lemma) not in verbs:
        return []
    return [c for c in view.children[above] if tokens[c].rel in _SUBJECT]


def _noun_agent(context: FactContext, view: SentenceView, head: int) -> list[int]:
    """The doer of a deverbal noun: a bare genitive or an adjective naming an actor."""
    tokens = view.tokens
    lexicon = context.lexicon
    lemma = fold(tokens[head].lemma)
    deed = _deed_noun(context, lemma)
    hit_one = lemma in lexicon.deed_nouns.get("actor_patient", set())
    for child in view.children[head]:
        token = tokens[child]
        cases = view.case_words(child)
        # a bare genitive, or one marked by a preposition («the visit of the President»)
        genitive = token.rel == "nmod" and (
            # «высылка Эстонией дипломата»: a nominalisation's instrumental is its agent
            (token.feats.get("Case") in ("Gen", "Ins") and not _prepositional(view, child))
            or bool(cases and cases <= lexicon.genitive_prepositions)
        )
        doer = genitive or token.rel == "amod" or token.rel in lexicon.doer_relations
        if fold(token.lemma) in lexicon.target_adjectives:
            continue  # «антироссийские санкции» are against Russia, not by it
        if hit_one and token.feats.get("Case") == "Gen" and not cases:
            continue  # «включение Кубы в список»: whom the act hit
        if doer and context.actors_in(view, [child]):
            return [child]
        office = genitive and fold(token.lemma) in lexicon.office_anaphora | lexicon.visitor_nouns
        if office and context.actors_in(view, view.subtree(child)):
            return view.subtree(child)  # «визит Секретаря иностранных дел Мексики»
        forces = deed and token.rel == "nmod" and token.feats.get("Case") == "Ins" and not cases
        # «удар израильской авиации»: an agent deed noun's genitive is its doer, named below it
        forces = forces or (
            deed and token.rel == "nmod" and _doer_of_deed(context, view, child, lemma)
        )
        if forces and context.actors_in(view, view.subtree(child)):
            return view.subtree(child)  # «задержание судна военно-морскими силами Эстонии»
    return _relative_doer(context, view, head)


def _relative_doer(context: FactContext, view: SentenceView, head: int) -> list[int]:
    """«блокаду, которую Соединённые Штаты продолжают против Кубы», «санкции, которые ввёл
    Евросоюз»: a deed noun whose relative clause has the relative pronoun as its object is
    done by that clause's subject."""
    tokens, lexicon = view.tokens, context.lexicon
    if not _deed_noun(context, fold(tokens[head].lemma)):
        return []
    for clause in view.children[head]:
        if not tokens[clause].rel.startswith("acl"):
            continue
        kids = view.children[clause]
        if not any(
            tokens[k].rel == "obj" and fold(tokens[k].lemma) in lexicon.relative_pronouns
            for k in kids
        ):
            continue
        # a nominative the parser took for a second object is the subject («ввёл Евросоюз»)
        nominative = [k for k in kids if tokens[k].feats.get("Case") == "Nom"]
        subjects = [k for k in kids if tokens[k].rel == "nsubj"] or [
            k for k in nominative if tokens[k].rel == "obj"
        ]
        doers = [i for k in subjects for i in view.subtree(k)]
        if context.actors_in(view, doers):
            return doers
    return []


def _deed_doers(context: FactContext, view: SentenceView, roots: list[int], exclude: set[str]):
    """«осуждаем удар израильской авиации по посольству Ирана», «протест в связи с
    задержанием судна силами Эстонии»: a judged act that names its doer is aimed at the
    doer (the object, or an act noun one step below it)."""
    tokens = view.tokens
    nodes = [r for r in roots if 0 <= r < len(tokens)]
    nodes += [c for r in nodes if tokens[r].pos == "NOUN" for c in view.children[r]]
    for node in nodes:
        lemma = fold(tokens[node].lemma)
        if tokens[node].pos != "NOUN" or not _deed_noun(context, lemma):
            continue
        doers = [c for c in view.children[node] if _doer_of_deed(context, view, c, lemma)]
        # «давление, которое Евросоюз оказывает на …»: the subject of its relative clause
        doers += _relative_doer(context, view, node)
        scope = sorted({i for d in doers for i in view.subtree(d)})
        refs = [r for r in context.actors_in(view, scope) if r.code not in exclude]
        if refs:
            return _unique(refs)
    return []


def _deed_noun(context: FactContext, lemma: str) -> bool:
    """The lemma is an act noun of any class of ``deed_nouns``."""
    return any(lemma in words for words in context.lexicon.deed_nouns.values())


def _doer_of_deed(context: FactContext, view: SentenceView, child: int, lemma: str) -> bool:
    token, lexicon = view.tokens[child], context.lexicon
    if fold(token.lemma) in lexicon.target_adjectives:
        return False  # «антироссийские санкции» are against Russia, not by it
    cases = view.case_words(child)
    if token.rel in ("amod", "obl:agent", *lexicon.doer_relations):
        return True
    if token.rel != "nmod":
        return False
    if not cases and token.feats.get("Case") == "Ins":
        return True  # «задержание судна силами Эстонии»
    if cases and not cases <= lexicon.genitive_prepositions:
        return bool(cases & lexicon.agent_prepositions)  # "the seizure … by Estonia"
    genitive = bool(cases) or token.feats.get("Case") == "Gen"
    return genitive and lemma in lexicon.deed_nouns.get("agent", set())


def _speaker_after_meeting(context: FactContext, view: SentenceView, head: int) -> list[int]:
    """«заявил по итогам переговоров с генсеком МИД Бразилии», «На встрече с Лавровым Фидан
    отметил …»: a meeting with a named partner and no named doer, in a circumstance of a
    verb (through at most two nouns), was held by that verb's subject."""
    tokens = view.tokens
    lexicon = context.lexicon
    if tokens[head].rel not in ("obl", "nmod"):
        return []  # «запланированы встречи с …»: the meeting is the clause's own subject
    if not any(view.case_words(c) & lexicon.comitative for c in view.children[head]):
        return []
    node, steps = tokens[head].head, 0
    while 0 <= node < len(tokens) and steps < 3:
        if tokens[node].pos in ("VERB", "AUX"):
            return [c for c in view.children[node] if tokens[c].rel in _SUBJECT]
        if tokens[node].pos != "NOUN":
            return []
        node, steps = tokens[node].head, steps + 1
    return []


def _possessor(context: FactContext, view: SentenceView, head: int) -> list[ActorRef]:
    """«его визит», «её переговоры»: a possessive pronoun on a noun act stands for the
    person it points back to."""
    tokens = view.tokens
    owners = [c for c in view.children[head] if tokens[c].pos == "DET"]
    before = head - 1
    while before >= 0 and tokens[before].pos == "ADJ":
        before -= 1  # «его двусторонние встречи»
    if not owners and before >= 0 and tokens[before].pos == "DET":
        owners = [before]  # the parser hangs «её» in «Запланирована её встреча» on the verb
    return _person_anaphor(context, view, owners) if len(owners) == 1 else []


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


def _evaluative(
    context: FactContext,
    view: SentenceView,
    hit: Hit,
    verb: int,
    subjects,
    voice,
    subject_first: bool = False,
):
    """«…неприемлемы», «вызывает озабоченность», «не останется без ответа»: the speaker
    judges or answers what the sentence is about; with ``subject_first`` («The raid by
    Israel is aggression against Syria») the subject's doer before the predicate's victim."""
    voice = _answering_side(context, view, hit, verb, subjects) or voice
    if voice is None:
        return [], [], False
    negatable = hit.pattern.payload["type"] == "ACCUSE" and "не" not in hit.pattern.lemmas
    if negatable and _negated(context, view, hit):
        return [], [], False  # «позиции сторон не противоречат друг другу»: no reproach
    judge = _other_judge(context, view, hit, verb, subjects, voice)
    source = judge or [voice]
    exclude = {r.code for r in source}
    if subjects and _demonstrated(context, view, subjects):
        target = _earlier_doers(context, view, exclude)  # «Эти меры … нелегитимны»
        if target:
            return source, target, not judge
    if subject_first and subjects:
        target = _nearest_actors(context, view, subjects, exclude, hit.first)
        if target:
            return source, target, not judge
    roots = subjects + [c for c in view.children[verb] if c not in hit.indexes]
    # «Решение Вильнюса … – это недружественный шаг»: a label that is the predicate noun
    # itself carries the judged act as its subject (on its noun, not on its adjective)
    roots += [
        c
        for i in hit.indexes[1:]
        for c in view.children[i]
        if view.tokens[c].rel in _SUBJECT and c not in roots
    ]
    # whose act is judged is its doer, not whom its infinitive clause is aimed at (the
    # parser may hang the doer inside the clause: then the clause is read too)
    target = _nearest_actors(
        context, view, roots, exclude, hit.first, skip_clauses=True
    ) or _nearest_actors(context, view, roots, exclude, hit.first)
    if not target:
        target = _target_adjective(context, view, source) or _anaphora(
            context, view, source, demonstrative=False
        )
    return source, target, not judge


def _answering_side(context: FactContext, view: SentenceView, hit: Hit, verb: int, subjects):
    """«Беларусь примет зеркальные меры», «Минск готовит ответные меры»: an answer is the
    side that gives it, the subject of the verb that governs the answer's noun."""
    if hit.pattern.payload["type"] != "THREATEN" or verb in hit.indexes:
        return None
    if fold(view.tokens[verb].lemma) not in context.lexicon.answer_verbs:
        return None  # «вторжение встретит твёрдый ответ»: the subject is what is answered
    doers = _unique([r for c in subjects for r in context.actors_in(view, _phrase(view, c, verb))])
    return doers[0] if len(doers) == 1 else None


def _other_judge(context: FactContext, view: SentenceView, hit: Hit, verb: int, subjects, voice):
    """«Вильнюс назвал российскую ноту недружественным шагом»: a label applied by a verb of
    naming or judging is the judgement of that verb's subject; when the subject names
    actors other than the voice, they judge (the voice only reports it)."""
    if hit.pattern.payload["type"] != "ACCUSE" or verb in hit.indexes:
        return []  # an answer («ответные меры») is the answering side's, whoever names it
    if fold(view.tokens[verb].lemma) not in context.lexicon.judging_verbs:
        return []
    if view.tokens[verb].feats.get("Person") == "1":
        return []  # «мы считаем …»: the voice itself
    doers = _unique([r for c in subjects for r in context.actors_in(view, _phrase(view, c, verb))])
    if not doers or any(r.code == voice.code for r in doers):
        return []
    return doers


def _prepositional_target(
    context: FactContext, view: SentenceView, hit: Hit, verb: int, entry: dict
) -> list[ActorRef]:
    """«заморозила участие в ОДКБ», «вышли из Совета Европы»: the frame's target
    preposition marks what the act is aimed at, on the verb or below its noun («участие в
    работе ЭКОВАС»)."""
    wanted = set(entry["target_prepositions"])
    return _marked_actors(context, view, {verb, *hit.indexes}, wanted, ("obl", "nmod"), depth=3)


def _marked_actors(
    context: FactContext,
    view: SentenceView,
    roots: set[int],
    prepositions: set[str],
    relations: tuple[str, ...],
    depth: int = 1,
    exclude: frozenset[str] = frozenset(),
    case: str | None = None,
) -> list[ActorRef]:
    """The actors of the first phrase below ``roots`` (breadth first, ``depth`` levels) that
    hangs by one of ``relations``, is marked by one of ``prepositions`` (and in ``case``)
    and names an actor not in ``exclude``."""
    tokens = view.tokens
    frontier = sorted(roots)
    for _ in range(depth):
        below = []
        for node in frontier:
            for child in view.children[node]:
                token = tokens[child]
                marked = token.rel in relations and view.case_words(child) & prepositions
                if marked and (case is None or token.feats.get("Case") == case):
                    refs = context.actors_in(view, view.subtree(child))
                    refs = [r for r in refs if r.code not in exclude]
                    if refs:
                        return refs
                below.append(child)
        frontier = below
    return []


def _own_passive(
    context: FactContext, view: SentenceView, verb: int, patients: list[int], voice: ActorRef
) -> bool:
    """In a ministry's own statement, comment or briefing, a short passive with no agent
    reports the ministry's act, unless what it is done to is the voice's own side
    («будут высланы российские дипломаты» is another state's act)."""
    token = view.tokens[verb]
    if context.doc.metadata.genre not in context.lexicon.own_act_genres:
        return False
    short = token.feats.get("Variant") == "Short" and token.feats.get("Voice") == "Pass"
    # an analytic passive («a protest was lodged»): a participle with its passive auxiliary
    analytic = token.feats.get("VerbForm") == "Part" and any(
        view.tokens[c].rel == "aux:pass" for c in view.children[verb]
    )
    if not (short or analytic):
        return False
    if _passive_agents(view, verb):
        return False
    return voice.code not in _patient_sides(context, view, patients)


def _conjoined_titles(
    context: FactContext, view: SentenceView, subject: int, source: list[ActorRef]
) -> list[ActorRef]:
    """«The Secretary and the Foreign Minister …»: a bare title joined to a subject that
    points back stands for the last person named before with that title (a guest named as
    an object counts: «Rubio met with Foreign Minister Faisal bin Farhan»)."""
    tokens, found = view.tokens, []
    for other in view.children[subject]:
        lemma = fold(tokens[other].lemma)
        if tokens[other].rel != "conj" or lemma not in context.lexicon.title_anaphora:
            continue
        if context.actors_in(view, view.subtree(other)):
            continue
        for back in range(view.index - 1, max(-1, view.index - 6), -1):
            people = context.people_named(context.views[back], title=lemma)
            people = [r for r in people if all(r.code != s.code for s in source + found)]
            if people:
                found.append(people[0])
                break
    return found


def _own_phrase(view: SentenceView, node: int, verb: int) -> list[int]:
    """The node's phrase without its relative clauses when the rest names someone: «The
    Philippines, which has faced Chinese vessels, expressed solidarity»: the Philippines
    alone."""
    scope = _phrase(view, node, verb)
    tokens = view.tokens
    inner = {
        i for c in scope if tokens[c].rel == "acl:relcl" and c != node for i in view.subtree(c)
    }
    if not inner:
        return scope
    rest = [i for i in scope if i not in inner]
    named = any(view.mentions[i] is not None or i in view.people for i in rest)
    return rest if named else scope


def _reported_passive(
    context: FactContext, view: SentenceView, verb: int, patients: list[int], entry: dict
) -> list[ActorRef]:
    """«МИД Молдавии сообщил, что три сотрудника посольства России будут высланы»: an
    agentless passive of an own act in reported speech is the act of who reports it, unless
    what is done is done to the reporter's own side."""
    if entry["type"] not in context.lexicon.own_act_types:
        return []
    reporter = context.reporter(view)
    if reporter is None or not _reported_clause(context, view, verb):
        return []
    return [] if reporter.code in _patient_sides(context, view, patients) else [reporter]


def _patient_sides(context: FactContext, view: SentenceView, patients: list[int]) -> set[str]:
    """The states what a passive is done to belong to; «посол Японии в России»: where an
    envoy serves is not whose envoy it is."""
    indexes = [
        i
        for c in patients
        for i in view.subtree(c)
        if view.mentions[i] is None or not context.locative(view, view.mentions[i])
    ]
    return {r.code for r in context.actors_in(view, indexes)}


def _sides_pronoun(context: FactContext, view: SentenceView, subjects: list[int]) -> bool:
    """«They agreed», «они договорились»: a plural pronoun as the whole subject of an act
    done together, which after reported talks stands for their sides."""
    pronouns = context.lexicon.sides_pronouns
    return all(fold(view.tokens[c].lemma) in pronouns for c in subjects)


def _joint_object(context: FactContext, view: SentenceView, objects: list[int]) -> bool:
    """An object naming the sides by role, in the plural: «both sides», «the two countries»,
    «the parties», «обе стороны»."""
    tokens = view.tokens
    return any(
        fold(tokens[c].lemma) in context.lexicon.joint_subjects
        and tokens[c].feats.get("Number") == "Plur"
        and not context.actors_in(view, view.subtree(c))
        for c in objects
    )


def _sides_in_report(context: FactContext, view: SentenceView) -> list[ActorRef]:
    """The sides of the talks reported last; failing those, the two states the text names
    most often up to this sentence (a report of a quarrel between two neighbours), when
    both are named more than once and a third is not as frequent."""
    talks = _last_talks(context, view)
    if len(talks) >= 2:
        return talks
    counts: dict[str, int] = {}
    for earlier in context.views[: view.index + 1]:
        for ref in context.actors_in(earlier, list(range(len(earlier.tokens)))):
            if ref.entity_id and ref.entity_id.startswith("state:"):
                counts[ref.code] = counts.get(ref.code, 0) + 1
    ranked = sorted(counts, key=lambda code: -counts[code])
    if len(ranked) < 2 or counts[ranked[1]] < 2:
        return []
    if len(ranked) > 2 and counts[ranked[2]] == counts[ranked[1]]:
        return []  # no two sides stand out
    return [_ref_of(context, code) for code in ranked[:2]]


def _joint_genitive(context: FactContext, view: SentenceView, head: int) -> bool:
    """«разговор министров», «встреча сторон»: a plural genitive naming the sides by role."""
    tokens = view.tokens
    return any(
        tokens[c].feats.get("Case") == "Gen"
        and tokens[c].feats.get("Number") == "Plur"
        and fold(tokens[c].lemma) in context.lexicon.joint_subjects
        and not context.actors_in(view, view.subtree(c))
        for c in view.children[head]
    )


def _comitative(context: FactContext, view: SentenceView, verb: int, source: list[ActorRef]):
    """The actors of the verb's «с» + instrumental phrase: whom the subject acted with."""
    codes = frozenset(r.code for r in source)
    comitative = context.lexicon.comitative
    case = context.lexicon.comitative_case
    found = _marked_actors(context, view, {verb}, comitative, ("obl",), exclude=codes, case=case)
    if found or case:
        return found
    # «discussed the situation in Syria with Hakan Fidan»: a parser of a caseless language
    # may hang the partner on the verb's object instead
    objects = {c for c in view.children[verb] if view.tokens[c].rel == "obj"}
    return _marked_actors(context, view, objects, comitative, ("nmod",), exclude=codes)


def _conduct(context: FactContext, view: SentenceView, hit: Hit, verb: int, subjects, voice):
    """«Вашингтон навязывает региону …», «Киев провоцирует эскалацию»: the voice (the speaker,
    or whoever is reported) characterises the conduct of the subject, who is the target;
    never the voice's own conduct, a denied one, or a doer left unnamed."""
    if voice is None or _negated(context, view, hit):
        return [], [], False
    doers = _unique([r for c in subjects for r in context.actors_in(view, _phrase(view, c, verb))])
    if not doers or any(r.code == voice.code for r in doers):
        return [], [], False
    return [voice], doers, False


def _target_adjective(context: FactContext, view: SentenceView, source: list[ActorRef]):
    """«антироссийские санкции»: the adjective names whom the act is against."""
    codes = {r.code for r in source}
    for token in view.tokens:
        code = context.lexicon.target_adjectives.get(fold(token.lemma))
        if code and code not in codes:
            return [ActorRef(code, None, f"state:{code}", None)]
    return []


def _between(context: FactContext, view: SentenceView, hit: Hit) -> list[ActorRef]:
    """«переговоров между Россией и Украиной», «talks were held between Russia and China»:
    the talks' own sides, whoever hosts them."""
    for child in (c for i in hit.indexes for c in view.children[i]):
        words = view.case_words(child)
        if words & context.lexicon.between:
            # «между министрами обороны Греции и Турции»: the states below the offices too
            nodes = [n for c in _conjuncts(view, child) for n in view.subtree(c)]
            return context.actors_in(view, sorted(set(nodes)))
    return []


def _nearest_actors(
    context: FactContext,
    view: SentenceView,
    roots: list[int],
    exclude: set[str],
    head: int,
    skip_clauses: bool = False,
) -> list[ActorRef]:
    """Actors closest to the predicate in the tree (breadth first); else the first after it.

    The nearest object names the target; deeper ones are circumstances («признательность за
    вклад военнослужащих КНА в освобождение … от украинских нацистов» targets the DPRK). Of
    the actors at that depth, one named without a preposition beats one after it («Вашингтон
    заблокировал в Совете Безопасности»), and it brings its coordinated actors along
    («призываем Вашингтон и Берлин»), but not actors of other phrases.
    """
    seen: set[int] = {head} | _named_bodies(context, view)
    if skip_clauses:
        # «выступает против попыток навязать Нейпьидо решения»: who an opposed or condemned
        # attempt is aimed at is not whom the judgement is aimed at
        seen |= {i for c in _noun_clauses(view) for i in view.subtree(c)}
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
            # «с послами Египта и Алжира»: the title names the first state, its genitive's
            # conjuncts the others
            group += [
                n
                for c in view.children[chosen]
                if view.tokens[c].rel == "nmod"
                for n in _conjuncts(view, c)
                if n not in group and n != c and view.tokens[n].rel == "conj"
            ]
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


def _noun_clauses(view: SentenceView) -> list[int]:
    """Infinitive clauses that complete a noun («попытки навязать …», «решение выслать …»)."""
    tokens = view.tokens
    return [
        i
        for i, t in enumerate(tokens)
        if t.feats.get("VerbForm") == "Inf"
        and 0 <= t.head < len(tokens)
        and tokens[t.head].pos == "NOUN"
    ]


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
    if _in_title_phrase(context, view, node):
        return False  # «поверенному в делах Украины»: part of the title, which names Ukraine
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


def _in_title_phrase(context: FactContext, view: SentenceView, node: int) -> bool:
    """The node is the phrase of a title such as «поверенный в делах», or hangs from it."""
    tokens, titles = view.tokens, context.lexicon.phrase_titles
    parent = tokens[node].head
    for _ in range(2):
        if not 0 <= parent < len(tokens):
            return False
        if fold(tokens[parent].lemma) in titles:
            return True
        parent = tokens[parent].head
    return False


def _under_circumstance(context: FactContext, view: SentenceView, index: int) -> bool:
    """The token is a circumstance or inside one («в фарватере американской политики»)."""
    node, steps = index, 0
    while 0 <= node < len(view.tokens) and steps < 8:
        if _circumstance(context, view, node):
            return True
        node, steps = view.tokens[node].head, steps + 1
    return False


def _actor_object(
    context: FactContext, view: SentenceView, verb: int, preposition: str | None = None
) -> bool:
    """The verb's direct object names an actor («признала Исламский Эмират Афганистан»), not
    a clause («как признали А.Меркель и Ф.Олланд, … понадобились …»); with ``preposition``
    (needs_target naming one), the object of that preposition does ('spoke with Foreign
    Minister Mirzoyan', not 'spoke with reporters')."""
    return any(
        (view.tokens[c].rel == "obj" if preposition is None else preposition in view.case_words(c))
        and context.actors_in(view, view.subtree(c))
        for c in view.children[verb]
    )


def _infinitive_under(view: SentenceView, verb: int) -> bool:
    """«намечено провести», «решено продолжить»: the short passive governs an infinitive."""
    return any(
        view.tokens[c].feats.get("VerbForm") == "Inf" and view.tokens[c].rel in ("csubj", "xcomp")
        for c in view.children[verb]
    )


def _named_doer(context: FactContext, view: SentenceView, index: int) -> bool:
    """A name, or an office of a state («визит президента Мьянмы»); not a group of its
    people («убийства российских граждан» names victims)."""
    mention = view.mentions[index]
    if mention is None:
        return False
    if mention.form in ("name", "office"):
        return True
    # «высылка российского дипломата»: the genitive of such a noun is whom the act hit
    head = view.tokens[index].head
    patient = 0 <= head < len(view.tokens) and fold(view.tokens[head].lemma) in (
        context.lexicon.deed_nouns.get("patient", set())
    )
    return (
        not patient and mention.form == "group" and context.entity(mention).sector in ("GOV", "MIL")
    )


def _passive_agents(view: SentenceView, verb: int) -> list[int]:
    """The doer of a passive: the agent phrase, or a bare instrumental («высланы властями
    Эстонии»), which the parser labels as a plain oblique."""
    tokens = view.tokens
    return [
        c
        for c in view.children[verb]
        if tokens[c].rel == "obl:agent"
        or (
            tokens[c].rel in ("obl", "iobj")
            and tokens[c].feats.get("Case") == "Ins"
            and not _prepositional(view, c)
        )
    ]


def _source_preposition(context: FactContext, view: SentenceView, verb: int, entry: dict):
    """«будут высланы из России»: with no doer named, the frame's source preposition marks
    who acts (the state the diplomats are expelled from)."""
    wanted = set(entry.get("source_prepositions", ()))
    if not wanted:
        return []
    tokens = view.tokens
    for child in view.children[verb]:
        cases = view.case_words(child)
        if tokens[child].rel == "obl" and cases & wanted:
            refs = [r for r in context.actors_in(view, [child])]
            if not refs and fold(tokens[child].lemma) in context.lexicon.institution_nouns:
                # «summoned to the Peruvian foreign ministry»: the state the ministry is of
                owners = context.actors_in(view, view.subtree(child))
                refs = owners if len(owners) == 1 else []
            if refs:
                return refs
    return []


def _destination(context: FactContext, view: SentenceView, hit: Hit, verb: int, entry: dict):
    tokens = view.tokens
    wanted = set(entry["destination_prepositions"])
    roots = {hit.first, verb}
    for node in sorted({c for r in roots for c in view.children[r]}):
        mention = view.mentions[node]
        if mention is None or context.entity(mention).kind not in ("place", "state"):
            continue
        cases = view.case_words(node)
        if cases & wanted or (tokens[node].rel == "obj" and not cases):
            ref = context.ref(mention, acting=True)
            if ref is not None:
                return [ref]
    return []


def _colleague(context: FactContext, view: SentenceView, subjects: list[int]) -> bool:
    """«мой коллега», «наш собеседник»: at talks, the other side's minister."""
    return any(
        fold(view.tokens[c].lemma) in context.lexicon.colleagues
        and view.mentions[c] is None
        and not context.actors_in(view, view.subtree(c))
        for c in subjects
    )
