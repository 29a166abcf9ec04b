"""Small helpers over the dependency tree and actor references, shared by the event stages."""

from __future__ import annotations

import re

from demarche.facts.context import FactContext, SentenceView
from demarche.language.morphology import fold
from demarche.model import ActorRef

_SUBJECT = ("nsubj", "nsubj:pass")


_OBJECT = ("obj", "iobj", "obl", "obl:agent", "nmod", "xcomp", "ccomp", "acl", "conj")


_TARGET_PREPOSITIONS = {"с", "против", "к", "в адрес", "для", "перед", "за", "со"}


_FUTURE_TO_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}


_SPEAKER_PERSONS = {"1"}


_TOPIC_HOLDERS = {"AGREE", "SUPPORT", "COOPERATE", "AID", "REJECT", "REQUEST"}


_PROPOSALS = {"AGREE", "REQUEST"}


_HOSTILE = {"ACCUSE", "REJECT", "THREATEN", "REQUEST", "SANCTION", "PROTEST", "COERCE"}


_STATE_IDS = ("state:", "group:")  # a state, or a group of its own («власти Эстонии»)


_CLAUSE_BREAK = re.compile(r",\s+(?:а|но|однако|тогда как)\s|;\s")


_FIRST_PERSON_GENRES = {"remarks", "opening_remarks", "interview", "article", "press_conference"}


AGREEMENT_NOTE = "agreement: "  # note prefix of events that conclude or change an agreement


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


def _governing_verb(view: SentenceView, head: int, carriers: frozenset[str] = frozenset()) -> int:
    """The verb a noun trigger hangs from (``подтвердили поддержку``), else the trigger; a
    carrier noun between them («объявило о введении санкций», «приняли решение о высылке»)
    passes the act on to its verb."""
    tokens = view.tokens
    if tokens[head].pos == "VERB":
        return head
    node = tokens[head].head
    for _ in range(3):
        if not 0 <= node < len(tokens):
            return head
        if tokens[node].pos in ("VERB", "AUX"):
            return node
        # «направила спасателей и 30 тонн гуманитарных грузов»: through a carrier or measure
        # noun, and from a conjunct to the first one
        if fold(tokens[node].lemma) not in carriers and tokens[head].rel != "conj":
            return head
        head, node = node, tokens[node].head
    return head


def _passive(token) -> bool:
    return token.feats.get("Voice") == "Pass" or token.feats.get("VerbForm") == "Part"


def _agrees(pronoun, noun, conjuncts: int) -> bool:
    number = pronoun.feats.get("Number")
    if number == "Plur":
        return conjuncts > 1 or noun.feats.get("Number") == "Plur"
    gender, other = pronoun.feats.get("Gender"), noun.feats.get("Gender")
    return noun.feats.get("Number") != "Plur" and (not gender or not other or gender == other)


def _codes(context: FactContext, view: SentenceView, nodes: list[int]) -> set[str]:
    return {r.code for r in context.actors_in(view, nodes)}


def _refs(context: FactContext, view: SentenceView, nodes: list[int], exclude: set[str]):
    return [r for r in context.actors_in(view, sorted(nodes)) if r.code not in exclude]


def _ref_of(context: FactContext, code: str) -> ActorRef:
    entity = context.doc.entities.get(f"state:{code}") or next(
        (e for e in context.doc.entities.values() if e.actor == code and e.kind != "person"), None
    )
    return ActorRef(code, entity.sector if entity else None, entity.id if entity else None, None)


def _first_person_verb(token) -> bool:
    return token.feats.get("Person") == "1" and token.feats.get("VerbForm") == "Fin"


def _in_label(context: FactContext, view: SentenceView, index: int) -> bool:
    """«С.В.Лавров: Президент В.В.Путин принял …»: the turn's label is no subject, however
    the parser hangs the sentence on it."""
    start = view.tokens[index].start
    if any(m.kind == "dateline" and m.start <= start < m.end for m in context.doc.markers):
        return True  # «МОСКВА. 22 января. ИНТЕРФАКС - В МИД осудили …»: the agency reports
    return any(t.label_start <= start < t.label_end for t in context.doc.turns)


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


def _reported_clause(context: FactContext, view: SentenceView, verb: int) -> bool:
    """The clause of ``verb`` is the complement of a reporting verb («said it condemned»,
    «announced that it would impose»)."""
    tokens = view.tokens
    node = verb
    for _ in range(3):
        if not 0 <= node < len(tokens) or tokens[node].rel not in ("ccomp", "conj", "xcomp"):
            return False
        node = tokens[node].head
        if 0 <= node < len(tokens) and fold(tokens[node].lemma) in context.lexicon.reporting_verbs:
            return True
    return False


def _copular_predicate(context: FactContext, view: SentenceView, hit) -> bool:
    """«This is a flagrant violation of the truce», «… the third incident and a deliberate
    provocation», «the raid constitutes aggression»: the hit's noun (or a noun it is
    coordinated with) is the predicate of a copular verb, so it judges the subject."""
    tokens = view.tokens
    nouns = [i for i in hit.indexes if tokens[i].pos == "NOUN"]
    node = nouns[-1] if nouns else hit.first
    for _ in range(4):  # up a chain of coordinated predicates
        if tokens[node].rel != "conj" or not 0 <= tokens[node].head < len(tokens):
            break
        node = tokens[node].head
    head = tokens[node].head
    if tokens[node].rel not in ("xcomp", "attr", "obj") or not 0 <= head < len(tokens):
        return False
    return fold(tokens[head].lemma) in context.lexicon.copular_verbs
