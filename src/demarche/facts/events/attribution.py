"""Who speaks and who acts when the sentence does not name them: the voice of «we», joint
sides, pronouns and earlier sentences."""

from __future__ import annotations

from demarche.facts.context import FactContext, SentenceView
from demarche.facts.events.common import (
    _FIRST_PERSON_GENRES,
    _SPEAKER_PERSONS,
    _STATE_IDS,
    _SUBJECT,
    _agrees,
    _clause,
    _conjuncts,
    _ref_of,
    _reported_clause,
)
from demarche.facts.lexicon import Hit
from demarche.language.morphology import fold
from demarche.model import ActorRef


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


def _anaphora(
    context: FactContext, view: SentenceView, source: list[ActorRef], demonstrative: bool = True
):
    """«Расцениваем это решение как…», «Ответ последует»: the act points back to the actors
    the previous sentences are about (their subjects first, else any state they name)."""
    tokens = view.tokens
    if demonstrative and not any(fold(t.lemma) in context.lexicon.demonstratives for t in tokens):
        return []
    codes = {r.code for r in source}
    if demonstrative:
        refs = _earlier_doers(context, view, codes)
        if refs:
            return refs
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


def _earlier_doers(context: FactContext, view: SentenceView, codes: set[str]) -> list[ActorRef]:
    """«Австралия ввела санкции … Эти меры нелегитимны»: who did the hostile acts the
    sentences just before report, which a demonstrative points back to."""
    for back in range(view.index - 1, max(-1, view.index - 4), -1):
        refs = [r for r in context.deeds.get(back, []) if r.code not in codes]
        if refs:
            return refs
    return []


def _demonstrated(context: FactContext, view: SentenceView, nodes: list[int]) -> bool:
    """One of the nodes is, or is determined by, a demonstrative («эти меры», «это»)."""
    demonstratives = context.lexicon.demonstratives
    return any(
        fold(view.tokens[i].lemma) in demonstratives
        for n in nodes
        for i in [n, *view.children[n]]
        if i == n or view.tokens[i].rel == "det"
    )


def _own_country(context: FactContext, view: SentenceView, subjects: list[int]):
    """«армия страны даст отпор», «государство ответит»: a subject that names no actor but
    «the country» stands for the state of who reports it, else of the sentences before."""
    tokens = view.tokens
    scope = sorted({i for c in subjects for i in view.subtree(c)})
    if context.actors_in(view, scope):
        return []
    if len(subjects) == 1 and fold(tokens[subjects[0]].lemma) in context.lexicon.reported_pronouns:
        # «The Foreign Ministry said it condemned …»: the pronoun is who reports the clause
        reporter = context.reporter(view)
        reported = _reported_clause(context, view, tokens[subjects[0]].head)
        return [reporter] if reporter and reported else []
    if _own_institution(context, view, subjects):
        return [context.speaker]
    if not any(
        fold(tokens[i].lemma) in context.lexicon.country_anaphora
        and tokens[i].feats.get("Number") != "Plur"
        for i in scope
    ):
        return []
    reporter = context.reporter(view)
    if reporter is not None:
        return [reporter]
    return _anaphora(context, view, [], demonstrative=False)[:1]


def _own_institution(context: FactContext, view: SentenceView, subjects: list[int]) -> bool:
    """«On 20 January, the Ministry of Foreign Affairs summoned …» in a ministry's own press
    release or statement: the ministry that names no state is the speaker's own (not «the
    embassy warns citizens …»: another body of the state, whose acts are not the voice's)."""
    if len(subjects) != 1 or context.speaker is None:
        return False
    if context.doc.metadata.genre not in context.lexicon.own_act_genres:
        return False
    return fold(view.tokens[subjects[0]].lemma) in context.lexicon.own_institution_nouns


def _person_anaphor(
    context: FactContext, view: SentenceView, subjects: list[int], depth: int = 0
) -> list[ActorRef]:
    """«Он также провёл переговоры», «Тот передал приглашение», «Министр осудил удары»: a
    pronoun or a bare title as the only subject stands for a person named in the last three
    sentences (the first named, or for «тот» the last), a title first for the last phrase
    headed by the same title; in a ministry's own text a title no one answers is its own
    minister."""
    if len(subjects) != 1:
        return []
    token = view.tokens[subjects[0]]
    lemma, lexicon = fold(token.lemma), context.lexicon
    scope = view.subtree(subjects[0])
    # «его встречи»: a possessive's number is that of the noun it qualifies
    possessive = token.pos == "DET"
    if context.actors_in(view, scope) or (token.feats.get("Number") == "Plur" and not possessive):
        return []
    pronoun = token.pos in ("PRON", "DET") and lemma in (
        lexicon.person_anaphora | lexicon.latter_anaphora
    )
    title = lemma in lexicon.title_anaphora and token.pos in ("NOUN", "PROPN")
    latter = lemma in lexicon.latter_anaphora
    if not (pronoun or title or latter):
        return []
    # a title keeps its referent through a readout («Посол передал …»: the envoy received
    # at its start); a pronoun reaches three sentences back
    earlier = [context.views[b] for b in range(view.index - 1, max(-1, view.index - 11), -1)]
    for other in earlier:
        if not other.children:
            other.build_tree()
    number = None if possessive else token.feats.get("Number")
    if lexicon.anaphora_subjects_only:
        return _subject_anaphor(context, earlier, lemma if title else "", lemma, latter, depth)
    for other in earlier if title else []:
        same = context.people_named(other, title=lemma, number=number)
        if same:
            return same[:1]
    for other in earlier[:3]:
        if not latter and depth < 3:
            # «The Secretary invited Mirzoyan to Washington. He urged …», «Министр осудил …
            # Он призвал …»: a sentence whose subject points back itself passes its referent
            # on, before the people it names as objects
            chained = _main_subject_anaphor(context, other, depth + 1, lemma if pronoun else "")
            if chained is None:
                return []  # «He said … She condemned …»: another pronoun, another person
            if chained:
                return chained
        if _unknown_person_first(context, other, latter):
            return []  # «Analyst John Doe … He said …»: a name we cannot place blocks the way
        people = context.people_named(other, number=number)
        if people:
            return [people[-1] if latter else people[0]]
    voice = context.voice(view)
    own = context.doc.metadata.genre in lexicon.own_act_genres
    return [voice] if title and own and voice is not None else []


def _subject_anaphor(context, earlier, title: str, pronoun: str, latter: bool, depth: int):
    """A pack that binds anaphora to subjects only (English: «Secretary of State Marco Rubio
    spoke … The Secretary welcomed … He urged …»): a title stands for the nearest main-clause
    subject headed by that title that names its person; a pronoun for the main-clause
    subject of the nearest sentence naming a person, or nothing when that sentence's subject
    is no person we can place."""
    for position, other in enumerate(earlier):
        tokens = other.tokens
        roots = [i for i, t in enumerate(tokens) if t.rel == "root"]
        heads = [c for r in roots for c in other.children[r] if tokens[c].rel in _SUBJECT]
        scope = sorted({i for c in heads for i in other.subtree(c)})
        people = [r for r in context.actors_in(other, scope) if r.person]
        if title:
            if any(fold(tokens[i].lemma) == title for i in scope) and people:
                return people[:1]
            continue
        if position >= 3:
            return []
        if len(heads) == 1 and not people and depth < 3:
            chained = _main_subject_anaphor(context, other, depth + 1, pronoun)
            if chained is None:
                return []  # «He said … She condemned …»: another pronoun, another person
            if chained:
                return chained
        if people:
            return [people[-1] if latter else people[0]]
        named = context.people_named(other) or other.people
        if named:
            return []  # the nearest sentence with a person has none as its subject
    return []


def _unknown_person_first(context: FactContext, view: SentenceView, latter: bool) -> bool:
    """Whether the person a pronoun would take from this sentence (its first, or for «the
    latter» its last) is one whose side no one names."""
    known = [
        i
        for i, m in enumerate(view.mentions)
        if m is not None and m.entity_id and context.entity(m).kind == "person"
    ]
    unknown = [i for i, m in view.people.items() if context.person_ref(view, m) is None]
    if not unknown:
        return False
    if not known:
        return True
    return max(unknown) > max(known) if latter else min(unknown) < min(known)


def _main_subject_anaphor(context: FactContext, view: SentenceView, depth: int, pronoun: str):
    """The referent of the main clause's subject when it is itself a pronoun or a bare title
    naming no actor (a chain of «He … He …» or «The Secretary … He …»); None when it is
    another personal pronoun than ``pronoun`` («she» after «he»)."""
    if not view.children:
        view.build_tree()
    tokens = view.tokens
    roots = [i for i, t in enumerate(tokens) if t.rel == "root"]
    subjects = [c for r in roots for c in view.children[r] if tokens[c].rel in _SUBJECT]
    if len(subjects) != 1 or context.actors_in(view, view.subtree(subjects[0])):
        return []
    lemma = fold(tokens[subjects[0]].lemma)
    persons = context.lexicon.person_anaphora
    if pronoun and lemma in persons and lemma != pronoun and tokens[subjects[0]].pos == "PRON":
        return None
    return _person_anaphor(context, view, subjects, depth)


def _subject_refs(
    context: FactContext, view: SentenceView, subjects: list[int], exclude: set[str]
) -> list[ActorRef]:
    """Actors named inside the given subjects' phrases, other than ``exclude``."""
    scope = sorted({i for c in subjects for i in view.subtree(c)})
    return [r for r in context.actors_in(view, scope) if r.code not in exclude]


def _pronoun_object(context: FactContext, view: SentenceView, verb: int, source):
    """«Российская делегация внесла проект … Однако его заблокировали США»: an act on «его»,
    «её», «их», or addressed to «ему», «им» («Ему заявлен протест» after «вызван посол
    Бельгии»), is aimed at whom the sentences before are about."""
    pronouns = context.lexicon.object_pronouns
    to = context.lexicon.addressee_prepositions  # «conveyed to him the protest»
    if not any(
        (
            view.tokens[c].rel in ("obj", "iobj")
            or (view.tokens[c].rel == "obl" and view.case_words(c) & to)
        )
        and fold(view.tokens[c].lemma) in pronouns
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


def _headline_target(context: FactContext, view: SentenceView, source: list[ActorRef]):
    """«Комментарий … в связи с новыми санкциями Австралии», «Минск примет зеркальные меры в
    ответ на закрытие Литвой пунктов пропуска»: a hostile act aimed at no one the sentence
    names is aimed at the one other state the title or headline names."""
    first = context.views[0] if context.views else None
    title = context.doc.metadata.title
    if title is None and first is not None and first.index != view.index:
        text = context.doc.text[first.sentence.start : first.sentence.end].rstrip()
        if "\n" not in text and not text.endswith((".", "!", "?")):
            title = (first.sentence.start, first.sentence.end)  # a headline
    if title is None:
        return []
    codes = {r.code for r in source}
    named: list[ActorRef] = []
    for other in context.views:
        if not (title[0] <= other.sentence.start < title[1]):
            continue
        for ref in context.actors_in(other, list(range(len(other.tokens)))):
            entity = context.doc.entities.get(ref.entity_id or "")
            state = entity is not None and entity.kind != "organization" and ref.sector != "IGO"
            if state and ref.code not in codes and all(ref.code != n.code for n in named):
                named.append(ref)
    return named if len(named) == 1 else []


def _otherwise(context: FactContext, view: SentenceView, source: list[ActorRef]):
    """«Призываем Хельсинки одуматься. В противном случае Россия будет вынуждена принять
    ответные меры»: the alternative to a call is aimed at whom the call addressed."""
    text = context.doc.text[view.sentence.start : view.sentence.end].lstrip().lower()
    if not any(text.startswith(cue) for cue in context.lexicon.otherwise_cues):
        return []
    return _anaphora(context, view, source, demonstrative=False)


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


def _meeting_sides(context: FactContext, view: SentenceView, voice: ActorRef):
    """«состоялось трёхстороннее совещание экспертов России, Индии и Ирана, на котором
    согласованы меры … Договорились провести следующую встречу»: what «we» agreed at or
    right after a meeting of three or more sides, all of them agreed."""
    for index in (view.index, view.index - 1):
        sides = context.meetings.get(index, [])
        if any(r.code == voice.code for r in sides):
            return list(sides)
    return []


def _only_we(context: FactContext, view: SentenceView, subjects: list[int]) -> bool:
    # «мы» unresolved (a report with no speaker) is still «we»: whoever the sentence quotes
    mentions = [view.mentions[c] for c in subjects]
    return all(m is None or m.form == "pronoun" for m in mentions) and all(
        fold(view.tokens[c].lemma) in context.lexicon.we for c in subjects
    )


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


def _own_words(context: FactContext) -> bool:
    return context.doc.metadata.genre in _FIRST_PERSON_GENRES


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


def _joint(context: FactContext, view: SentenceView, entry: dict, verb) -> bool:
    word = verb.text.lower()
    if word.endswith(("л", "ла", "лся", "лась")):
        return False  # «Пригласил Ван И…»: one person acted
    if context.doc.metadata.genre in context.lexicon.sides_genres:
        return True
    if context.lexicon.own_part.find(view.tokens):
        return False  # «Мы со своей стороны поддерживаем …»: for our part, alone
    if fold(verb.lemma) in context.lexicon.proposal_words:
        return False  # «предложили американцам провести консультации»: an offer is one side's
    if any(fold(lemma) in context.lexicon.readiness_words for lemma in entry["lemmas"]):
        return False  # «готовы оказать содействие»: so is a readiness
    if entry.get("needs_object") == "agreement" or entry["type"] == "AGREE":
        return True
    if _joint_marker(context, view) or _plural_sides(context, view, verb):
        return True
    # What «we» did at the talks (past) was done together; what «we» call for now is our own.
    past = verb.feats.get("Tense") == "Past" or verb.text.lower().endswith("ли")
    return entry["type"] in ("ACCUSE", "REQUEST", "REJECT", "THREATEN") and past and _talks(context)


def _joint_marker(context: FactContext, view: SentenceView) -> bool:
    """«совместно», «обе стороны» …, not inside «вместе с тем» (however)."""
    taken = {i for h in context.lexicon.joint_exceptions.find(view.tokens) for i in h.indexes}
    return any(not taken & set(h.indexes) for h in context.lexicon.joint.find(view.tokens))


def _plural_sides(context: FactContext, view: SentenceView, verb) -> bool:
    """«Стороны», «министры», «собеседники» in the nominative plural, outside a clause of its
    own («Высоко ценим инициативу, которую лидеры … представили»: the leaders are the
    relative clause's)."""
    tokens = view.tokens
    own = set(range(len(tokens)))
    if view.children and verb in tokens:
        at = root = tokens.index(verb)
        for _ in range(len(tokens)):
            if not 0 <= tokens[root].head < len(tokens):
                break
            root = tokens[root].head
        own = set(view.subtree(root))  # a second root is a clause of its own
        own -= {
            i
            for c, t in enumerate(tokens)
            if t.rel.startswith("acl") and c != at and at not in view.subtree(c)
            for i in view.subtree(c)
        }
    return any(
        fold(tokens[i].lemma) in context.lexicon.joint_subjects
        and tokens[i].feats.get("Number") == "Plur"
        and tokens[i].feats.get("Case") == "Nom"
        for i in own
    )


def _talks(context: FactContext) -> bool:
    """A bilateral occasion: both sides speak through the speaker («we agreed», «we stressed»)."""
    return context.counterpart is not None and context.doc.metadata.genre in (
        "remarks",
        "press_conference",
        "joint_statement",
        "opening_remarks",
    )


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


def _default_target(
    context: FactContext, view: SentenceView, entry: dict, source: list[ActorRef]
) -> list[ActorRef]:
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
        partner = _talks_partner(context, view, codes) if speaker is None else []
        if partner:
            return partner
    answering = entry["type"] in ("REJECT", "REQUEST") or entry.get("class") == "ACCUSE.protest"
    if answering and speaker is None and len(codes) == 1:
        # a report of a dispute between two states («Камбоджа отвергла обвинения», "Cambodia
        # denied laying new mines", "lodged a formal protest"): a denial, demand or protest
        # with no one named answers the other of the two (a condemnation may be of a third)
        return _other_disputant(context, codes)
    return []


def _talks_partner(context: FactContext, view: SentenceView, codes: set[str]):
    """«Сийярто провёл переговоры с Фиданом. Венгерская сторона выразила соболезнования»:
    in a report of talks, one side's friendly act that names no one is towards the other."""
    if len(codes) != 1:
        return []
    sides = _last_talks(context, view)
    others = [r for r in sides if r.code not in codes]
    return others if len(others) == 1 and codes < {r.code for r in sides} else []


def _other_disputant(context: FactContext, codes: set[str]) -> list[ActorRef]:
    """The report's two states, named far more often than any third (twice as often): the
    one not in ``codes``."""
    counts: dict[str, int] = {}
    for mention in context.doc.mentions:
        entity = context.doc.entities.get(mention.entity_id) if mention.entity_id else None
        if entity is not None and entity.kind == "state" and entity.actor:
            counts[entity.actor] = counts.get(entity.actor, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if len(ranked) < 2 or ranked[1][1] < 2:
        return []
    if len(ranked) > 2 and ranked[1][1] < 2 * ranked[2][1]:
        return []
    two = {ranked[0][0], ranked[1][0]}
    if not codes < two:
        return []
    (other,) = two - codes
    return [_ref_of(context, other)]


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


def _agreement_parties(context: FactContext, view: SentenceView, source: list[ActorRef]):
    """The other parties of a well-known agreement the sentence names."""
    codes = {r.code for r in source}
    for hit in context.lexicon.known_agreements.find(view.tokens):
        parties = [c for c in hit.pattern.payload.get("parties", []) if c not in codes]
        if parties:
            return [_ref_of(context, code) for code in parties]
    return []


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
    return _stray_apposed_name(context, view, verb)


def _stray_apposed_name(context: FactContext, view: SentenceView, verb: int) -> list[int]:
    """«In a statement carried by state media, Kim Yo Jong, the sister of the leader, accused
    Washington …» parsed with the name as a conjunct of «media»: a name with an apposition
    that runs right up to the comma before a verb with no subject is that verb's subject."""
    tokens = view.tokens
    if verb < 2 or tokens[verb - 1].text != ",":
        return []
    for index in range(verb - 2, max(-1, verb - 16), -1):
        if tokens[index].rel != "appos":
            continue
        name = tokens[index].head
        if not 0 <= name < index or tokens[name].pos != "PROPN" or tokens[name].rel == "nsubj":
            return []
        if max(view.subtree(index)) != verb - 2:
            return []
        refs = context.actors_in(view, [name])
        return [name] if refs and refs[0].person else []
    return []


def _institution_source(context: FactContext, view: SentenceView, verb: int) -> list[ActorRef]:
    """«В МИД Азербайджана осудили …», «в Кремле заявили», «в Вашингтоне пригрозили»: a
    plural verb with no subject speaks for the institution, or the capital, it is said in."""
    tokens = view.tokens
    token = tokens[verb]
    passive = token.feats.get("Voice") == "Pass"  # «в МИД России был вызван посол»
    if token.pos != "VERB" or (token.feats.get("VerbForm") not in ("Fin", None) and not passive):
        return []
    if (
        not passive
        and token.feats.get("Number") != "Plur"
        and not token.text.lower().endswith(tuple(context.lexicon.past_plural_endings))
    ):
        return []
    for child in view.children[verb]:
        if tokens[child].rel != "obl":
            continue
        if not view.case_words(child) & context.lexicon.place_prepositions:
            continue
        mention = view.mentions[child]
        entity = context.entity(mention) if mention is not None else None
        if entity is not None and entity.kind in ("state_body", "group", "organization"):
            return context.actors_in(view, [child])
        capital = entity is not None and entity.kind == "place"
        if capital and not passive and entity.extra.get("kind") == "capital":
            # «в Вашингтоне заявили»; «подписанный в Москве» only says where
            ref = context.ref(mention, acting=True)
            return [ref] if ref else []
        if fold(tokens[child].lemma) in context.lexicon.institution_nouns:
            # «в Министерстве иностранных дел Китая»: the institution of the state it names
            owners = context.actors_in(view, view.subtree(child))
            if len(owners) == 1:
                return owners
    return []


def _capital_frame(
    context: FactContext, view: SentenceView, verb: int, subjects: list[int]
) -> list[ActorRef]:
    """«In Beijing, foreign ministry spokesman Lin Jian rejected the protest»: a subject that
    names no state but an office, an institution or a person we cannot place acts for the
    state whose capital the clause opens with («In X, …»)."""
    tokens, lexicon = view.tokens, context.lexicon
    if not lexicon.capital_frame:
        return []
    scope = sorted({i for c in subjects for i in view.subtree(c)})
    if not scope or context.actors_in(view, scope):
        return []
    nouns = lexicon.title_anaphora | lexicon.office_anaphora | lexicon.institution_nouns
    official = any(fold(tokens[i].lemma) in nouns for i in scope) or any(
        i in view.people for i in scope
    )
    if not official:
        return []
    for child in view.children[verb]:
        if tokens[child].rel != "obl" or child > scope[0]:
            continue
        if not view.case_words(child) & lexicon.place_prepositions:
            continue
        mention = view.mentions[child]
        entity = context.entity(mention) if mention is not None else None
        if entity is not None and entity.kind == "place" and entity.extra.get("kind") == "capital":
            ref = context.ref(mention, acting=True)
            return [ref] if ref else []
    return []


def _last_talks(context: FactContext, view: SentenceView) -> list[ActorRef]:
    """«Лавров провёл переговоры с Фиданом. Стороны осудили …»: in a report with no voice of
    its own, «стороны» and «министры» are the sides of the meeting reported last."""
    for back in range(view.index, max(-1, view.index - context.lexicon.talks_reach), -1):
        sides = context.talks.get(back)
        if sides:
            return list(sides)
    return []


def _agreed_impersonally(context: FactContext, view: SentenceView, hit: Hit) -> int | None:
    """«Договорено провести очередной раунд консультаций», «Условлено, что встреча пройдёт
    в Тегеране»: the passive participle of agreeing, with no subject, that governs the act."""
    tokens = view.tokens
    index = hit.first
    for _ in range(4):
        if not 0 <= index < len(tokens):
            return None
        token = tokens[index]
        agreed = fold(token.lemma) in context.lexicon.agreed_without_subject
        passive = token.feats.get("Voice") == "Pass" and token.feats.get("VerbForm") == "Part"
        # the tagger may miss the short neuter form («Условлено»): its ending says it
        short = token.text.lower().endswith(context.lexicon.agreed_without_subject_endings)
        predicate = not token.rel.startswith(("acl", "amod"))  # not «план, согласованный …»
        if agreed and predicate and (passive or short):
            subjects = [c for c in view.children[index] if tokens[c].rel.startswith("nsubj")]
            empty = context.lexicon.agreed_without_subject_empty
            if any(fold(tokens[c].lemma) not in empty for c in subjects):
                return None  # "It was agreed": an empty subject
            return index
        index = token.head
    return None


def _sides_addressed(context: FactContext, view: SentenceView, hit: Hit) -> list[ActorRef]:
    """«призвал обе стороны к сдержанности», "urged both sides to exercise restraint": the
    sides are those of the talks or the quarrel reported just before."""
    tokens = view.tokens
    objects = [
        c
        for c in view.children[hit.first]
        if tokens[c].rel in ("obj", "iobj", "obl")
        and fold(tokens[c].lemma) in context.lexicon.joint_subjects
        and not context.actors_in(view, view.subtree(c))
    ]
    if not objects:
        return []
    return _recent_sides(context, view, (context.talks, context.disputes), two_only=True)


def _deal_sides(context: FactContext, view: SentenceView, hit: Hit) -> list[ActorRef]:
    """«Китай приветствовал эту договорённость», "Iran welcomed the agreement": a deal that
    names no one is that of the sides that agreed or signed just before."""
    tokens = view.tokens
    for child in view.children[hit.first]:
        if tokens[child].rel not in ("obj", "obl", "nsubj", "nsubj:pass"):
            continue
        scope = view.subtree(child)
        if not any(fold(tokens[i].lemma) in context.lexicon.deal_nouns for i in scope):
            continue
        if context.actors_in(view, scope):
            return []
        return _recent_sides(context, view, (context.deals,), two_only=False)
    return []


def _recent_sides(context: FactContext, view: SentenceView, records, two_only: bool):
    """The sides recorded for the nearest sentence before this one, within the reach of
    talks, in the first of ``records`` that has them: two of them, or at least two."""
    for back in range(view.index - 1, max(-1, view.index - context.lexicon.talks_reach), -1):
        sides = next((r[back] for r in records if r.get(back)), [])
        count = len({r.code for r in sides})
        if count == 2 or (count > 2 and not two_only):
            return list(sides)
    return []


def _accepted(context: FactContext, entry: dict) -> bool:
    """An invitation entry of accepting it («приглашение принято»)."""
    return any(fold(lemma) in context.lexicon.acceptance_verbs for lemma in entry["lemmas"])


def _last_invitation(context: FactContext, view: SentenceView):
    """(who invited, whom) of the invitation reported in this sentence or the two before."""
    for back in range(view.index, max(-1, view.index - 3), -1):
        if back in context.invitations:
            return context.invitations[back]
    return [], []
