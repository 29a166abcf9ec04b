"""Meaning-preserving rewrites of one sentence, for the robustness suite.

Each generator takes the analysed document, the sentence of one event and that event, and
returns variants of the sentence (with the actor codes the rewrite substitutes) or skips
with a reason. A generator skips whenever it cannot be sure the result is grammatical: a
skipped variant measures nothing, a garbled one would blame the engine for our own error.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from pymorphy3.analyzer import Parse

from demarche.data import load_json
from demarche.evaluation.inflect import (
    case_of,
    inflect,
    lexeme_parse,
    name_in_case,
    noun_in_case,
    parse_of,
    phrase_in_case,
)
from demarche.facts.lexicon import FactLexicon, Hit, LemmaPattern
from demarche.language.morphology import Morphology, fold, match_case
from demarche.model import Document, Entity, Event, Mention, Sentence, Token

KINDS = ("synonym", "voice", "order", "actor", "naming")
VERB_FORMS = ("VERB", "INFN", "GRND", "PRTF", "PRTS")
# Grammemes a predicate keeps when another lexeme takes its place.
_VERB_GRAMMEMES = ("tense", "person", "number", "gender", "mood", "voice", "case")
_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad"}
_DATE_NOUNS = {
    "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
    "октябрь", "ноябрь", "декабрь", "год",
}  # fmt: skip
# Leading adverbs of time that can close the sentence instead.
_TIME_ADVERBS = {"сегодня", "вчера", "завтра", "накануне", "недавно", "ранее", "днём", "утром"}
_AUX_PAST = {"masc": "был", "femn": "была", "neut": "было", "plur": "были"}
# Payload keys that change how a predicate takes its arguments; synonyms must share them.
_SIGNATURE = ("type", "mode", "pos", "roles", "needs_object", "reciprocal", "needs_target")


@dataclass(slots=True)
class Variant:
    kind: str
    text: str  # the rewritten sentence
    note: str
    mapping: dict[str, str] = field(default_factory=dict)  # actor code -> code in the variant


@dataclass(slots=True)
class Skip:
    """No variant. ``applicable`` False: the rewrite does not apply to this sentence (no
    adverbial to move); True: it does, but could not be written grammatically."""

    kind: str
    reason: str
    applicable: bool = True


Outcome = Variant | Skip


@dataclass(slots=True)
class Focus:
    """One event to perturb: its document, its sentence, and the codes it must keep."""

    doc: Document
    sentence: Sentence
    event: Event
    source: frozenset[str]  # the gold source and target codes of the event
    target: frozenset[str]
    author: frozenset[str]  # codes that speak for the document from outside the sentence

    @property
    def codes(self) -> frozenset[str]:
        return self.source | self.target

    @property
    def tokens(self) -> list[Token]:
        return self.sentence.tokens

    @property
    def text(self) -> str:
        return self.doc.text[self.sentence.start : self.sentence.end]

    def mentions(self) -> list[Mention]:
        s = self.sentence
        return [m for m in self.doc.mentions if s.start <= m.start and m.end <= s.end]

    def splice(self, edits: list[tuple[int, int, str]]) -> str:
        """The sentence with absolute spans replaced; edits must not overlap."""
        out, cursor = [], self.sentence.start
        for start, end, replacement in sorted(edits):
            if start < cursor:
                raise ValueError("overlapping edits")
            out.append(self.doc.text[cursor:start])
            out.append(replacement)
            cursor = end
        out.append(self.doc.text[cursor : self.sentence.end])
        return "".join(out)


class Kit:
    """What the generators share: morphology, the predicate lexicon and the gazetteer."""

    def __init__(self, morphology: Morphology, lexicon: FactLexicon) -> None:
        self.morphology = morphology
        self.lexicon = lexicon

    @cached_property
    def patterns(self) -> list[LemmaPattern]:
        return [p for group in self.lexicon.predicates.by_first.values() for p in group]

    def peers(self, pattern: LemmaPattern) -> list[LemmaPattern]:
        """Other members of the entry's synonym class taking the same complements: the same
        words after the head and the same argument-taking fields, another head."""
        mine = pattern.payload
        key = _class_key(mine)
        signature = tuple(mine.get(k) for k in _SIGNATURE)
        return sorted(
            (
                p
                for p in self.patterns
                if _class_key(p.payload) == key
                and p.lemmas[1:] == pattern.lemmas[1:]
                and p.lemmas[0] != pattern.lemmas[0]
                and tuple(p.payload.get(k) for k in _SIGNATURE) == signature
            ),
            key=lambda p: p.lemmas,
        )

    def synonyms(self, pattern: LemmaPattern) -> list[LemmaPattern]:
        """The peers that can stand for the entry. With a ``class`` field every member can;
        without one the (type, mode, pos) group mixes words that govern their objects
        differently («поддерживаем приоритеты» / «благодарим партнёров»), so only the
        entry's aspect partner («подписать» / «подписывать») is safe."""
        peers = self.peers(pattern)
        if "class" in pattern.payload:
            return peers
        head = pattern.lemmas[0]
        return [p for p in peers if _aspect_partners(self.morphology, head, p.lemmas[0])]

    @cached_property
    def states(self) -> dict[str, dict]:
        return {s["code"]: s for s in load_json("actors/states.json")["states"]}

    @cached_property
    def people(self) -> dict[str, dict]:
        return {p["id"]: p for p in load_json("actors/people.json")["people"]}

    def state_gender(self, code: str) -> str | None:
        """Gender of a state's one-word name, when the dictionary knows it as a place."""
        state = self.states.get(code)
        # One plain word («Бразилия»): hyphens and apostrophes («Кот-д’Ивуар») inflect badly.
        if not state or not state["names_ru"][0].isalpha() or state.get("status") != "un_member":
            return None
        parse = parse_of(self.morphology, state["names_ru"][0], pos=("NOUN",), case="nomn")
        if parse is None or "Geox" not in parse.tag or parse.tag.number != "sing":
            return None
        return _str(parse.tag.gender)

    @cached_property
    def replaceable_states(self) -> list[str]:
        return sorted(
            code
            for code, state in self.states.items()
            if self.state_gender(code)
            and state.get("adjectives_ru")
            and (state.get("capital_ru") or "").isalpha()
        )

    def office(self, entity: Entity, on: date | None) -> dict | None:
        """The person's office on the date (the latest one when the date is unknown); for
        someone known only from the text («Министром … А.Арагчи»), the office it names."""
        person = self.people.get(entity.id.removeprefix("person:"))
        if not person or not person["offices"]:
            return next(
                (
                    o
                    for p in self.people.values()
                    for o in p["offices"]
                    if entity.office and o["office_en"] == entity.office and not o.get("acting")
                ),
                None,
            )
        day = on.isoformat() if on else "9999"
        held = [
            o
            for o in person["offices"]
            if (o.get("start") or "") <= day and (o.get("end") is None or day <= o["end"])
        ]
        # An acting office held alongside the real one (Rubio, acting adviser) names nobody.
        held.sort(key=lambda o: (not o.get("acting"), o.get("start") or ""))
        return (held or sorted(person["offices"], key=lambda o: o.get("start") or ""))[-1]

    @cached_property
    def title_heads(self) -> frozenset[str]:
        """Lemmas of the nouns heading office titles («министр», «секретарь», «посол»)."""
        heads = set()
        for person in self.people.values():
            for office in person["offices"]:
                for word in office["office_ru"].split():
                    if parse_of(self.morphology, word, pos=("NOUN",), case="nomn"):
                        heads.add(fold(self.morphology.lemma(word)))
                        break
        return frozenset(heads)

    def holder(self, role: str, state: str, gender: str, on: date | None) -> dict | None:
        """Someone holding ``role`` for ``state`` on the date, of the given gender."""
        day = on.isoformat() if on else "9999"
        for person in sorted(self.people.values(), key=lambda p: p["id"]):
            if person.get("gender") != gender:
                continue
            for o in person["offices"]:
                if (
                    o["role"] == role
                    and o["state"] == state
                    and (o.get("start") or "") <= day
                    and (o.get("end") is None or day <= o["end"])
                ):
                    return person
        return None


def _str(grammeme: object) -> str | None:
    """A pymorphy grammeme as a plain string (its own type refuses foreign comparisons)."""
    return None if grammeme is None else str(grammeme)


def _aspect_partners(morphology: Morphology, a: str, b: str) -> bool:
    """Two verbs of one stem and opposite aspects: «подписать» / «подписывать»,
    «требовать» / «потребовать»; not «провести» / «пройти»."""
    first, second = lexeme_parse(morphology, a, ("INFN",)), lexeme_parse(morphology, b, ("INFN",))
    if first is None or second is None or _str(first.tag.aspect) == _str(second.tag.aspect):
        return False
    short, long = sorted((fold(a), fold(b)), key=len)
    if long.endswith(short) and len(long) - len(short) <= 3:
        return True  # a perfectivising prefix: по-, за-, с-
    common = 0
    while common < len(short) and short[common] == long[common]:
        common += 1
    return common >= 4


def _class_key(payload: dict) -> object:
    # Until every entry names its class, an entry's class is its (type, mode, pos).
    return payload.get("class") or (payload["type"], payload["mode"], payload.get("pos"))


# --- shared helpers over one sentence's parse -------------------------------------------


def _children(tokens: list[Token]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for index, token in enumerate(tokens):
        out.setdefault(token.head, []).append(index)
    return out


def _subtree(tokens: list[Token], root: int) -> list[int]:
    children, seen, stack = _children(tokens), set(), [root]
    while stack:
        node = stack.pop()
        if node not in seen:  # a parser's cycle must not loop forever
            seen.add(node)
            stack.extend(children.get(node, []))
    return sorted(seen)


def _contiguous(indexes: list[int]) -> bool:
    return bool(indexes) and indexes == list(range(indexes[0], indexes[-1] + 1))


def _root(tokens: list[Token]) -> int | None:
    return next((i for i, t in enumerate(tokens) if t.rel == "root"), None)


def _trigger_hit(focus: Focus, kit: Kit) -> Hit | None:
    """The lexicon entry the event's trigger comes from."""
    trigger = focus.event.evidence.trigger
    tokens = focus.tokens
    for hit in kit.lexicon.predicates.find(tokens):
        if hit.pattern.payload["type"] != focus.event.type:
            continue
        first, last = tokens[hit.first], tokens[hit.last]
        if trigger is None or (first.start < trigger[1] and trigger[0] < last.end):
            return hit
    return None


def _is_proper(kit: Kit, token: Token) -> bool:
    if token.pos == "PROPN" or (token.text.isupper() and len(token.text) > 1):
        return True
    parse = kit.morphology.parse(token.text)
    return bool(parse) and bool(parse[0].tag.grammemes & _PROPER)


def _lower_first(kit: Kit, first: Token, text: str) -> str:
    """Lower the first letter of a phrase that no longer opens the sentence, unless its
    first word is a name."""
    if _is_proper(kit, first):
        return text
    return text[:1].lower() + text[1:]


def _body_start(focus: Focus) -> int:
    """The first token of the sentence proper, after a turn's label («Ответ:», «С.В.Лавров:»)
    and a list number («2.»): what a rewrite may move stays after them."""
    tokens, index = focus.tokens, 0
    s = focus.sentence
    labels = [t.label_end for t in focus.doc.turns if s.start <= t.label_start < s.end]
    for end in labels:
        while index < len(tokens) and tokens[index].start < end:
            index += 1
    if index and index < len(tokens) and tokens[index].text == ":":
        index += 1
    if index + 1 < len(tokens) and tokens[index].pos == "NUM" and tokens[index + 1].text == ".":
        index += 2
    return index


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _span_text(focus: Focus, first: int, last: int) -> str:
    tokens = focus.tokens
    return focus.doc.text[tokens[first].start : tokens[last].end]


def _final_punct(tokens: list[Token]) -> int | None:
    """Index of the sentence's closing punctuation, if it has one."""
    return len(tokens) - 1 if tokens and tokens[-1].text in (".", "!", "?", "…") else None


# --- (a) synonyms and aspect pairs ------------------------------------------------------


def synonym_variants(focus: Focus, kit: Kit, rng: random.Random, cap: int) -> list[Outcome]:
    """The trigger's head word replaced by another member of its class, inflected alike."""
    hit = _trigger_hit(focus, kit)
    if hit is None:
        return [Skip("synonym", "trigger not found in the lexicon", applicable=False)]
    peers = kit.synonyms(hit.pattern)
    if not peers:
        return [
            Skip(
                "synonym",
                "no class member or aspect partner with the same complements",
                applicable=False,
            )
        ]
    rng.shuffle(peers)
    head = focus.tokens[hit.indexes[0]]
    children = _children(focus.tokens).get(hit.indexes[0], [])
    # A noun's adjectives, and the verb of a noun subject, agree with it in gender.
    agreeing = any(focus.tokens[c].rel in ("amod", "det") for c in children) or head.rel.startswith(
        "nsubj"
    )
    out: list[Outcome] = []
    for peer in peers:
        if sum(isinstance(o, Variant) for o in out) >= cap:
            break
        lemma = peer.payload["lemmas"][0]
        form = _retarget(kit, focus.tokens, hit.indexes[0], hit.pattern, lemma, agreeing)
        if isinstance(form, Skip):
            out.append(form)
            continue
        text = focus.splice([(head.start, head.end, form)])
        out.append(Variant("synonym", text, f"{head.text} -> {form} ({lemma})"))
    return out


def _retarget(
    kit: Kit,
    tokens: list[Token],
    index: int,
    pattern: LemmaPattern,
    lemma: str,
    agreeing: bool,
) -> str | Skip:
    token, morph = tokens[index], kit.morphology
    original = parse_of(morph, token.text, lemma=pattern.payload["lemmas"][0])
    original = original or parse_of(morph, token.text)
    if original is None:
        return Skip("synonym", f"cannot parse «{token.text}»")
    tag = original.tag
    if tag.POS in VERB_FORMS:
        new = lexeme_parse(morph, lemma, ("INFN",))
        if new is None:
            return Skip("synonym", f"«{lemma}» is not a known verb")
        if ("tran" in tag) != ("tran" in new.tag):
            return Skip("synonym", f"«{lemma}» governs its object differently")
        mine, theirs = _str(tag.aspect), _str(new.tag.aspect)
        # A perfective has no present, an imperfective no simple future: either swap would
        # change the event's time, which is not a paraphrase.
        if mine != theirs and tag.tense in ("pres", "futr"):
            return Skip("synonym", f"aspect of «{lemma}» would change the tense")
        if mine != theirs and tag.POS == "INFN":
            # The governing word picks the aspect («продолжает оказывать», «будем вводить»).
            return Skip("synonym", f"an infinitive of «{lemma}» would change aspect")
        wanted = {str(tag.POS)} | {str(getattr(tag, g)) for g in _VERB_GRAMMEMES if getattr(tag, g)}
        if tag.POS == "GRND":
            wanted = {"GRND"}  # the gerund's tense follows the aspect, not the original
        form = inflect(new, wanted, token.text)
    elif tag.POS == "NOUN":
        new = lexeme_parse(morph, lemma, ("NOUN",))
        if new is None:
            return Skip("synonym", f"«{lemma}» is not a known noun")
        if agreeing and _str(new.tag.gender) != _str(tag.gender):
            return Skip("synonym", f"«{lemma}» differs in gender from its adjectives")
        form = inflect(new, {str(tag.case), str(tag.number)}, token.text)
    else:
        new = lexeme_parse(morph, lemma, ("ADJF", "ADJS"))
        if new is None:
            return Skip("synonym", f"«{lemma}» is not a known adjective")
        wanted = {str(g) for g in (tag.POS, tag.gender, tag.number, tag.case) if g}
        form = inflect(new, wanted, token.text)
    if form is None:
        return Skip("synonym", f"«{lemma}» has no form {tag}")
    return form


# --- (b) active <-> passive -------------------------------------------------------------


def voice_variants(focus: Focus, kit: Kit, rng: random.Random, cap: int) -> list[Outcome]:
    """«X осудил Y» -> «Y был осуждён X-ом»; «Y был осуждён X-ом» -> «X осудил Y»."""
    hit = _trigger_hit(focus, kit)
    if hit is None:
        return [Skip("voice", "trigger not found in the lexicon", applicable=False)]
    verb = focus.tokens[hit.indexes[0]]
    if verb.pos != "VERB":
        return [Skip("voice", "trigger is not a verb", applicable=False)]
    parse = parse_of(kit.morphology, verb.text, lemma=verb.lemma, pos=VERB_FORMS)
    if parse is not None and parse.tag.POS == "PRTS":
        return [_to_active(focus, kit, hit.indexes[0], parse)]
    return [_to_passive(focus, kit, hit.indexes[0])]


def _argument(tokens: list[Token], head: int, rels: tuple[str, ...]) -> int | None:
    found = [c for c in _children(tokens).get(head, []) if tokens[c].rel in rels]
    return found[0] if len(found) == 1 else None


def _phrase_in_case(
    kit: Kit, tokens: list[Token], head: int, old: str, new: str
) -> tuple[str, str | None, str] | Skip:
    """A noun phrase moved from case ``old`` to ``new``: its head, the adjectives agreeing
    with it and its coordinated nouns change; complements stay. Returns the text, the
    gender (None for several) and the number."""
    indexes = _subtree(tokens, head)
    if not _contiguous(indexes):
        return Skip("voice", "a broken noun phrase")
    # Commas of a list («План …, а также Меморандум …») may move; a clause may not.
    if any(tokens[i].pos == "VERB" or tokens[i].text in _CLAUSE_BREAKS - {","} for i in indexes):
        return Skip("voice", "a clause inside the noun phrase")
    heads = [head] + [c for c in _children(tokens).get(head, []) if tokens[c].rel == "conj"]
    agree = set(heads)
    for h in heads:
        agree.update(
            c
            for c in _children(tokens).get(h, [])
            if tokens[c].rel in ("amod", "det") and tokens[c].feats.get("Case") == old
        )
    # Names in apposition follow the case too («Президентом … В.В.Путиным»); initials stay.
    agree.update(
        i
        for i in indexes
        if tokens[i].pos == "PROPN"
        and tokens[i].feats.get("Case") == old
        and len(tokens[i].text) > 1
    )
    parts: list[str] = []
    gender, number = None, "sing"
    # An adjective in the accusative takes its noun's animacy («ракетные удары», not «-ых»).
    noun = parse_of(kit.morphology, tokens[head].text, pos=("NOUN", "NPRO"), case=_CASES[old])
    animacy = _str(noun.tag.animacy) if noun else None
    for i in indexes:
        token = tokens[i]
        word = token.text
        if i in agree:
            parse = parse_of(
                kit.morphology, word, pos=("NOUN", "NPRO", "ADJF", "PRTF"), case=_CASES[old]
            )
            if parse is None:
                return Skip("voice", f"cannot put «{word}» in another case")
            wanted = {_CASES[new], str(parse.tag.number or "sing")}
            if parse.tag.POS in ("ADJF", "PRTF") and parse.tag.number == "sing":
                wanted.add(str(parse.tag.gender))
            if parse.tag.POS in ("ADJF", "PRTF") and new == "Acc" and animacy:
                wanted.add(animacy)
            form = inflect(parse, wanted, word)
            if form is None:
                return Skip("voice", f"«{word}» has no {new} form")
            if i == head and parse.tag.POS in ("NOUN", "NPRO"):
                gender, number = _str(parse.tag.gender), str(parse.tag.number or "sing")
            word = form
        parts.append(_gap_before(tokens, i, indexes) + word)
    if len(heads) > 1:
        gender, number = None, "plur"
    return "".join(parts), gender, number


_CASES = {"Nom": "nomn", "Acc": "accs", "Ins": "ablt", "Gen": "gent"}
_CLAUSE_BREAKS = {",", ";", ":", "–", "—", "(", ")"}


def _gap_before(tokens: list[Token], index: int, indexes: list[int]) -> str:
    """The spaces before a token inside a phrase, as in the original."""
    if index == indexes[0]:
        return ""
    return " " * (tokens[index].start - tokens[index - 1].end)


def _has_conj_verb(tokens: list[Token], v: int) -> bool:
    """A second predicate coordinated with the verb («поддерживаем … и готовы …»)."""
    return any(tokens[c].rel == "conj" for c in _children(tokens).get(v, []))


def _passive_form(kit: Kit, parse: Parse, gender: str | None, number: str) -> str | Skip:
    """«подписали» -> «был подписан»: a perfective past takes «быть» and the short
    participle. The «-ся» passive of the present («осуждается») is left out: for many verbs
    it is another verb («благодарится», «призывается»)."""
    key = "plur" if number == "plur" else gender
    if key is None:
        return Skip("voice", "the new subject's gender is unknown")
    lemma = parse.normal_form
    if _str(parse.tag.tense) == "past" and _str(parse.tag.aspect) == "perf":
        infinitive = lexeme_parse(kit.morphology, lemma, ("INFN",))
        wanted = {"PRTS", "pssv", "past", key}
        participle = inflect(infinitive, wanted, "x") if infinitive else None
        if participle is None:
            return Skip("voice", f"«{lemma}» has no short passive participle")
        return f"{_AUX_PAST[key]} {participle}"
    return Skip("voice", "not a perfective past", applicable=False)


def _to_passive(focus: Focus, kit: Kit, v: int) -> Outcome:
    tokens, morph = focus.tokens, kit.morphology
    verb = tokens[v]
    parse = parse_of(morph, verb.text, lemma=verb.lemma, pos=("VERB",))
    if parse is None or "tran" not in parse.tag or verb.text.endswith(("ся", "сь")):
        return Skip("voice", "not a transitive verb", applicable=False)
    subject, obj = _argument(tokens, v, ("nsubj",)), _argument(tokens, v, ("obj",))
    if obj is None or tokens[obj].feats.get("Case") != "Acc":
        return Skip("voice", "no direct object", applicable=False)
    if _has_conj_verb(tokens, v):
        return Skip("voice", "the subject is shared with a coordinated verb")
    o_idx = _subtree(tokens, obj)
    patient = _phrase_in_case(kit, tokens, obj, "Acc", "Nom")
    if isinstance(patient, Skip):
        return patient
    passive = _passive_form(kit, parse, patient[1], patient[2])
    if isinstance(passive, Skip):
        return passive
    if subject is None:
        # «Осуждаем удары» -> «Удары осуждаются нами» is not how Russian says it.
        return Skip("voice", "no subject to become the agent", applicable=False)
    s_idx = _subtree(tokens, subject)
    if not (s_idx[-1] < v < o_idx[0]):
        return Skip("voice", "not in subject-verb-object order")
    if o_idx[-1] + 1 < len(tokens) and tokens[o_idx[-1] + 1].text == ",":
        # «осудили расправы, попирающие …»: what follows may agree with the moved object.
        return Skip("voice", "a clause right after the object")
    agent = _phrase_in_case(kit, tokens, subject, "Nom", "Ins")
    if isinstance(agent, Skip):
        return agent
    agent_text, patient_text = agent[0], patient[0]
    if s_idx[0] == _body_start(focus):
        patient_text = _upper_first(patient_text)
    agent_text = _lower_first(kit, tokens[s_idx[0]], agent_text)
    edits = [
        (tokens[s_idx[0]].start, tokens[s_idx[-1]].end, patient_text),
        (verb.start, verb.end, passive),
        (tokens[o_idx[0]].start, tokens[o_idx[-1]].end, agent_text),
    ]
    return Variant("voice", focus.splice(edits), "active -> passive")


def _to_active(focus: Focus, kit: Kit, v: int, parse: Parse) -> Outcome:
    tokens, morph = focus.tokens, kit.morphology
    subject = _argument(tokens, v, ("nsubj:pass", "nsubj"))
    agent = _argument(tokens, v, ("obl", "obl:agent"))
    aux = _argument(tokens, v, ("aux:pass", "aux", "cop"))
    if subject is None or agent is None or aux is None:
        return Skip("voice", "not a passive with its subject, agent and «быть»", applicable=False)
    if tokens[agent].feats.get("Case") != "Ins" or any(
        tokens[c].rel == "case" for c in _children(tokens).get(agent, [])
    ):
        return Skip("voice", "the agent is not a bare instrumental")
    s_idx, a_idx = _subtree(tokens, subject), _subtree(tokens, agent)
    if not (s_idx[-1] < aux < v < a_idx[0]):
        return Skip("voice", "not in subject-«быть»-participle-agent order")
    new_subject = _phrase_in_case(kit, tokens, agent, "Ins", "Nom")
    new_object = _phrase_in_case(kit, tokens, subject, "Nom", "Acc")
    if isinstance(new_subject, Skip) or isinstance(new_object, Skip):
        return new_subject if isinstance(new_subject, Skip) else new_object  # type: ignore[return-value]
    gender, number = new_subject[1], new_subject[2]
    infinitive = lexeme_parse(morph, parse.normal_form, ("INFN",))
    wanted = {"VERB", "past", "indc", "plur" if number == "plur" else str(gender)}
    known = infinitive is not None and (gender or number == "plur")
    finite = inflect(infinitive, wanted, "x") if known else None
    if finite is None:
        return Skip("voice", f"«{parse.normal_form}» has no active past form here")
    subject_text, object_text = new_subject[0], new_object[0]
    if s_idx[0] == _body_start(focus):
        subject_text = _upper_first(subject_text)
    object_text = _lower_first(kit, tokens[s_idx[0]], object_text)
    edits = [
        (tokens[s_idx[0]].start, tokens[s_idx[-1]].end, subject_text),
        (tokens[aux].start, tokens[v].end, finite),
        (tokens[a_idx[0]].start, tokens[a_idx[-1]].end, object_text),
    ]
    if not _contiguous(list(range(aux, v + 1))) or any(
        tokens[i].pos not in ("ADV", "PART") for i in range(aux + 1, v)
    ):
        return Skip("voice", "words between «быть» and the participle")
    return Variant("voice", focus.splice(edits), "passive -> active")


# --- (c) word order -----------------------------------------------------------------------


def order_variants(focus: Focus, kit: Kit, rng: random.Random, cap: int) -> list[Outcome]:
    """Leading adverbials moved to the end, trailing ones to the front, two coordinated
    clauses with their own subjects swapped, and two coordinated actors swapped."""
    tokens = focus.tokens
    root = _root(tokens)
    end = _final_punct(tokens)
    if root is None or end is None:
        return [Skip("order", "no parsed clause with closing punctuation", applicable=False)]
    out = [
        _postpone(focus, kit, root, end),
        _front(focus, kit, root, end),
        _swap_clauses(focus, kit, root, end),
        _swap_conjuncts(focus),
    ]
    variants = [o for o in out if isinstance(o, Variant)]
    rng.shuffle(variants)
    return variants[:cap] + [o for o in out if isinstance(o, Skip)]


def _adverbial(tokens: list[Token], root: int, index: int) -> list[int] | None:
    """The phrase of an adverbial of the main verb containing ``index``, if contiguous."""
    node, seen = index, {index}
    while tokens[node].head not in (-1, root):
        node = tokens[node].head
        if node in seen:
            return None  # a parser's cycle
        seen.add(node)
    if tokens[node].head != root or tokens[node].rel not in ("obl", "advmod"):
        return None
    indexes = _subtree(tokens, node)
    return indexes if _contiguous(indexes) else None


def _is_circumstance(kit: Kit, focus: Focus, indexes: list[int], any_adposition: bool) -> bool:
    """An adverbial that can move: a date («в марте», «17 января»), a place («в Пекине»), an
    adverb of time, or (``any_adposition``) any phrase with a preposition («по итогам …»)."""
    tokens = focus.tokens
    words = [tokens[i] for i in indexes]
    if len(words) == 1:
        return fold(words[0].lemma) in _TIME_ADVERBS
    if words[0].pos == "NUM" and len(words) > 1 and fold(words[1].lemma) in _DATE_NOUNS:
        return True
    if words[0].pos != "ADP":
        return False
    if any_adposition:
        return True
    places = {
        (m.start, m.end)
        for m in focus.mentions()
        if m.entity_id and focus.doc.entities[m.entity_id].kind in ("place", "state")
    }
    # The phrase's own head decides: «в июле», «в 2025 году», «в Пекине»; not «о
    # замораживании … одиннадцати граждан». A place only with «в» and the locative: «на
    # Токио» is an argument.
    head = next(tokens[i] for i in indexes if not indexes[0] <= tokens[i].head <= indexes[-1])
    at = fold(words[0].text) in ("в", "во")
    return fold(head.lemma) in _DATE_NOUNS or (
        at and head.feats.get("Case") == "Loc" and any(s <= head.start < e for s, e in places)
    )


def _postpone(focus: Focus, kit: Kit, root: int, end: int) -> Outcome:
    tokens, first = focus.tokens, _body_start(focus)
    prefix = focus.doc.text[focus.sentence.start : tokens[first].start] if first < end else ""
    moved: list[int] = []
    while True:
        start = moved[-1] + 1 if moved else first
        phrase = _adverbial(tokens, root, start) if start < end else None
        if not phrase or phrase[0] != start or not _is_circumstance(kit, focus, phrase, True):
            break
        moved += phrase
    if not moved:
        return Skip("order", "no leading adverbial", applicable=False)
    rest = moved[-1] + 1
    if rest >= end or tokens[rest].pos == "PUNCT" or not rest <= root < end - 1:
        return Skip("order", "the leading adverbial is set off by punctuation")
    phrase = _lower_first(kit, tokens[first], _span_text(focus, first, moved[-1]))
    # At the end of a sentence with a subordinate or a second verb the phrase would attach
    # to that clause («…, который подтвердил интерес … в октябре»): there, and for a lone
    # adverb, it goes right after the main verb («Подписали сегодня …»).
    several = any(t.text in _CLAUSE_BREAKS for t in tokens[rest:end]) or _has_conj_verb(
        tokens, root
    )
    if several or len(moved) == 1:
        before = _upper_first(_span_text(focus, rest, root))
        after = focus.doc.text[tokens[root].end : tokens[end].end]  # keeps its own spacing
        text = f"{prefix}{before} {phrase}{after}"
        return Variant("order", text, "leading adverbial after the verb")
    body = _upper_first(_span_text(focus, rest, end - 1))
    text = f"{prefix}{body} {phrase}{tokens[end].text}"
    return Variant("order", text, "leading adverbial to the end")


def _front(focus: Focus, kit: Kit, root: int, end: int) -> Outcome:
    tokens, first = focus.tokens, _body_start(focus)
    last = end - 1
    phrase = _adverbial(tokens, root, last) if last > first else None
    if not phrase or phrase[-1] != last or phrase[0] <= first:
        return Skip("order", "no trailing adverbial", applicable=False)
    if not _is_circumstance(kit, focus, phrase, False):
        return Skip("order", "the trailing phrase is not a plain date or place")
    if any(t.text in _CLAUSE_BREAKS for t in tokens[first : phrase[0]]):
        # In front it would belong to the first clause, not to the last one.
        return Skip("order", "more than one clause before the trailing adverbial")
    prefix = focus.doc.text[focus.sentence.start : tokens[first].start]
    moved = _upper_first(_span_text(focus, phrase[0], last))
    body = _lower_first(kit, tokens[first], _span_text(focus, first, phrase[0] - 1))
    text = f"{prefix}{moved} {body}{tokens[end].text}"
    return Variant("order", text, "trailing adverbial fronted")


def _swap_clauses(focus: Focus, kit: Kit, root: int, end: int) -> Outcome:
    tokens = focus.tokens
    children = _children(tokens)
    second = [
        c
        for c in children.get(root, [])
        if tokens[c].rel == "conj" and tokens[c].pos == "VERB" and c > root
    ]
    if len(second) != 1:
        return Skip("order", "no two coordinated clauses", applicable=False)
    clause = _subtree(tokens, second[0])
    has_subject = lambda verb: any(tokens[c].rel == "nsubj" for c in children.get(verb, []))  # noqa: E731
    if not (has_subject(root) and has_subject(second[0])):
        return Skip("order", "the coordinated clauses share their subject", applicable=False)
    # The comma before «и» may hang on either clause.
    first_word = clause[0] + 1 if tokens[clause[0]].text == "," else clause[0]
    if (
        not _contiguous(list(range(first_word, clause[-1] + 1)))
        or not set(range(first_word, clause[-1] + 1)) <= set(clause)
        or clause[-1] != end - 1
        or fold(tokens[first_word].text) != "и"
        or tokens[first_word - 1].text != ","
    ):
        return Skip("order", "clauses not joined by «, и»")
    first = _body_start(focus)
    if first >= first_word - 1:
        return Skip("order", "clauses not joined by «, и»")
    prefix = focus.doc.text[focus.sentence.start : tokens[first].start]
    a = _lower_first(kit, tokens[first], _span_text(focus, first, first_word - 2))
    b = _upper_first(_span_text(focus, first_word + 1, end - 1))
    text = f"{prefix}{b}, и {a}{tokens[end].text}"
    return Variant("order", text, "coordinated clauses swapped")


def _swap_conjuncts(focus: Focus) -> Outcome:
    """«Россия и Китай подписали» -> «Китай и Россия подписали»: the order of two coordinated
    actors says nothing about who acts. One-word names in the same case only."""
    tokens = focus.tokens
    names = {
        (m.start, _mention_end(focus, m))
        for m in focus.mentions()
        if m.entity_id and focus.doc.entities[m.entity_id].kind != "place"
    }
    children = _children(tokens)
    for index, token in enumerate(tokens):
        head = token.head
        if token.rel != "conj" or head != index - 2 or fold(tokens[index - 1].text) != "и":
            continue
        first = tokens[head]
        if {(first.start, first.end), (token.start, token.end)} <= names and (
            first.feats.get("Case") == token.feats.get("Case")
            and [c for c in children.get(head, []) if tokens[c].rel == "conj"] == [index]
        ):
            edits = [(first.start, first.end, token.text), (token.start, token.end, first.text)]
            return Variant("order", focus.splice(edits), "coordinated actors swapped")
    return Skip("order", "no two coordinated one-word actors", applicable=False)


# --- (d) actors replaced by others ------------------------------------------------------


def actor_variants(focus: Focus, kit: Kit, rng: random.Random, cap: int) -> list[Outcome]:
    """Each state of the event named in the sentence becomes another state of the same
    grammatical gender: its names, adjectives, capital and office holders all follow."""
    mentions = focus.mentions()
    here = {_state_of(focus.doc.entities[m.entity_id]) for m in mentions if m.entity_id}
    # A side with a code the sentence does not name («Стороны», a dropped «we») comes from
    # the context: its codes may come from there too, so they are not substituted.
    spelled = [side for side in (focus.source, focus.target) if side <= here]
    named = sorted(frozenset().union(*spelled) - focus.author) if spelled else []
    if not named:
        return [Skip("actor", "no state of the event is named in the sentence", applicable=False)]
    in_document = {e.actor for e in focus.doc.entities.values()} | {
        e.country for e in focus.doc.entities.values()
    }
    out: list[Outcome] = []
    for code in named:
        pool = [c for c in kit.replaceable_states if c not in in_document]
        gender = _gender_in_sentence(focus, kit, code)
        if isinstance(gender, Skip):
            out.append(gender)
            continue
        pool = [c for c in pool if gender is None or kit.state_gender(c) == gender]
        rng.shuffle(pool)
        made = 0
        for other in pool[: cap * 3]:
            if made >= cap:
                break
            outcome = _replace_state(focus, kit, code, other)
            out.append(outcome)
            made += isinstance(outcome, Variant)
    return out


def _state_of(entity: Entity) -> str | None:
    if entity.kind == "state":
        return entity.actor
    if entity.kind in ("person", "place", "state_body"):
        return entity.country or entity.actor
    return None


def _gender_in_sentence(focus: Focus, kit: Kit, code: str) -> str | Skip | None:
    """The gender the state's name imposes (None when it is only an adjective or capital)."""
    genders = set()
    for m in focus.mentions():
        entity = focus.doc.entities.get(m.entity_id or "")
        if entity is None or entity.kind != "state" or entity.actor != code or m.form != "name":
            continue
        head = _mention_head(focus, m)
        if head is None or head.feats.get("Number") == "Plur":
            return Skip("actor", f"«{m.text}»: a plural or unparsed name")
        parse = parse_of(kit.morphology, head.text, pos=("NOUN",), case=case_of(head))
        if parse is None or _str(parse.tag.gender) not in ("masc", "femn", "neut"):
            return Skip("actor", f"«{m.text}»: unknown gender")
        genders.add(str(parse.tag.gender))
    if len(genders) > 1:
        return Skip("actor", "the state's names differ in gender")
    return genders.pop() if genders else None


def _mention_head(focus: Focus, mention: Mention) -> Token | None:
    inside = [t for t in focus.tokens if mention.start <= t.start and t.end <= mention.end]
    return next((t for t in inside if t.pos in ("NOUN", "PROPN")), None)


def _replace_state(focus: Focus, kit: Kit, code: str, other: str) -> Outcome:
    state = kit.states[other]
    edits: list[tuple[int, int, str]] = []
    covered: list[tuple[int, int]] = []
    mentions = sorted(focus.mentions(), key=lambda m: (m.start, m.start - m.end))
    for m in mentions:
        entity = focus.doc.entities.get(m.entity_id or "")
        if entity is None or _state_of(entity) != code:
            continue
        if any(s <= m.start and m.end <= e for s, e in covered) and entity.kind != "state":
            continue
        replacement = _replacement(focus, kit, m, entity, other)
        if isinstance(replacement, Skip):
            if entity.kind == "state_body":
                covered.append((m.start, m.end))  # «МИД России»: its state is replaced inside
                continue
            return replacement
        edits.append((m.start, _mention_end(focus, m), replacement))
    edits = [e for e in edits if not any(e != f and f[0] <= e[0] and e[1] <= f[1] for f in edits)]
    if not edits:
        return Skip("actor", "the state is named only through an institution")
    try:
        text = focus.splice(edits)
    except ValueError:
        return Skip("actor", "overlapping mentions")
    body = [
        m for m in mentions if m.entity_id and focus.doc.entities[m.entity_id].kind == "state_body"
    ]
    for m in body:
        if _state_of(focus.doc.entities[m.entity_id or ""]) == code and not any(
            m.start <= s and e <= m.end for s, e, _ in edits
        ):
            return Skip("actor", f"«{m.text}» names the state without its name")
    return Variant("actor", text, f"{code} -> {other} ({state['name_en']})", {code: other})


def _replacement(focus: Focus, kit: Kit, m: Mention, entity: Entity, other: str) -> str | Skip:
    state, morph = kit.states[other], kit.morphology
    head = _mention_head(focus, m)
    if entity.kind == "state" and m.form == "name":
        case = case_of(head) if head else None
        name = state["names_ru"][0]
        form = noun_in_case(morph, name, case) if case else None
        return form or Skip("actor", f"cannot inflect «{name}»")
    if entity.kind == "state" and m.form == "adjective":
        adjective = state["adjectives_ru"][0]
        word = focus.doc.text[m.start : m.end]
        if m.end < len(focus.doc.text) and focus.doc.text[m.end] == "-":
            # The first part of a compound («российско-китайские»): the stem with «-о».
            if not adjective.endswith(("ский", "цкий")):
                return Skip("actor", f"no compound form of «{adjective}»")
            return match_case(word, adjective[:-2] + "о")
        original = parse_of(morph, word, pos=("ADJF",))
        new = lexeme_parse(morph, adjective, ("ADJF",))
        if original is None or new is None:
            return Skip("actor", f"cannot inflect «{adjective}»")
        tag = original.tag
        wanted = {str(g) for g in (tag.case, tag.number, tag.gender, tag.animacy) if g}
        form = inflect(new, wanted, word) or inflect(new, wanted - {str(tag.animacy)}, word)
        return form or Skip("actor", f"«{adjective}» has no form {tag}")
    if entity.kind == "place" and entity.extra.get("kind") in ("capital", "city"):
        # Any city of the state becomes the other's capital: a place there, which is what the
        # event's host is read from.
        capital = state.get("capital_ru")
        case = case_of(head) if head else None
        # A capital acting as its state («Вашингтон заблокировал») has a verb agreeing with it.
        old = parse_of(morph, head.text, pos=("NOUN",), case=case) if head and case else None
        new = parse_of(morph, capital or "", lemma=capital, pos=("NOUN",), case="nomn")
        if old is None or new is None or _str(old.tag.gender) != _str(new.tag.gender):
            return Skip("actor", f"the capital «{capital}» differs in gender or is unknown")
        form = noun_in_case(morph, capital, case) if capital and case else None
        return form or Skip("actor", f"cannot inflect «{capital}»")
    if entity.kind == "person":
        return _replace_person(focus, kit, m, entity, other)
    return Skip("actor", f"«{m.text}» ({entity.kind}) has no counterpart")


def _mention_end(focus: Focus, mention: Mention) -> int:
    """The mention's end without a sentence's full stop it took in («Ван И.»)."""
    text = focus.doc.text[mention.start : mention.end]
    if text.endswith(".") and mention.end == focus.tokens[-1].end:
        return mention.end - 1
    return mention.end


def _replace_person(focus: Focus, kit: Kit, m: Mention, entity: Entity, other: str) -> str | Skip:
    office = kit.office(entity, focus.doc.date)
    person = kit.people.get(entity.id.removeprefix("person:"))
    if office is None:
        return Skip("actor", f"«{m.text}»: office unknown")
    # Someone the gazetteer does not know: the gender from a known surname, else skip.
    gender = person.get("gender", "m") if person else _text_gender(kit, m.text)
    if gender is None:
        return Skip("actor", f"«{m.text}»: gender unknown")
    holder = kit.holder(office["role"], other, gender, focus.doc.date)
    if holder is None:
        return Skip("actor", f"no {office['role']} of {other} in the gazetteer")
    head = _mention_head(focus, m)
    case = case_of(head) if head else "nomn"
    like = focus.doc.text[m.start : _mention_end(focus, m)]
    return _render_name(kit, holder, like, case or "nomn") or Skip(
        "actor", f"cannot inflect {holder['name_en']}"
    )


def _text_gender(kit: Kit, name: str) -> str | None:
    """«m» or «f» from the surname's dictionary parse, when it is a known surname."""
    surname = name.replace(".", " ").split()[-1]
    for parse in kit.morphology.parse(surname):
        if "Surn" in parse.tag.grammemes and _str(parse.tag.gender) in ("masc", "femn"):
            return "m" if _str(parse.tag.gender) == "masc" else "f"
    return None


def _render_name(kit: Kit, person: dict, like: str, case: str) -> str | None:
    """The person's name in the style of ``like`` («С.В.Лавров», «Сергей Лавров», «Лавров»)."""
    name = person["name_ru"]
    gender = "femn" if person.get("gender") == "f" else "masc"
    surname = name_in_case(kit.morphology, name["surname"], case, gender)
    if surname is None:
        return None
    if "." in like:
        parts = (name.get("given"), name.get("patronymic"))
        initials = "".join(part[0] + "." for part in parts if part)
        return initials + surname
    if " " in like.strip() and name.get("given"):
        given = [name_in_case(kit.morphology, w, case, gender) for w in name["given"].split()]
        if None in given:
            return None
        return " ".join([*given, surname])  # type: ignore[list-item]
    return surname


# --- (e) a person by name <-> by title --------------------------------------------------


def naming_variants(focus: Focus, kit: Kit, rng: random.Random, cap: int) -> list[Outcome]:
    """A named official becomes «Министр иностранных дел России»; a title followed by the
    name loses the name, or the title."""
    out: list[Outcome] = []
    labels = [(t.label_start, t.label_end) for t in focus.doc.turns]
    for m in focus.mentions():
        entity = focus.doc.entities.get(m.entity_id or "")
        if entity is None or entity.kind != "person" or not entity.country:
            continue
        if any(s <= m.start and m.end <= e for s, e in labels):
            continue  # a turn's speaker label is the transcript's structure, not its wording
        if entity.country not in focus.codes:
            continue
        out.extend(_renamings(focus, kit, m, entity))
    if not out:
        return [Skip("naming", "no official of the event named in the sentence", applicable=False)]
    variants = [o for o in out if isinstance(o, Variant)]
    rng.shuffle(variants)
    return variants[:cap] + [o for o in out if isinstance(o, Skip)]


def _renamings(focus: Focus, kit: Kit, m: Mention, entity: Entity) -> list[Outcome]:
    tokens, end = focus.tokens, _mention_end(focus, m)
    inside = [i for i, t in enumerate(tokens) if m.start <= t.start and t.end <= end]
    if not inside or tokens[inside[-1]].pos == "PUNCT":
        return [Skip("naming", f"«{m.text}»: mention not on token bounds")]
    office = kit.office(entity, focus.doc.date)
    state = kit.states.get(entity.country or "")
    if office is None or state is None:
        return [Skip("naming", f"«{m.text}»: office unknown")]
    title = _title_before(focus, kit, inside[0])
    if title is not None and any(
        o is not m
        and o.start >= tokens[title].start
        and o.end <= m.start
        and o.entity_id
        and focus.doc.entities[o.entity_id].kind == "person"
        for o in focus.mentions()
    ):
        return [Skip("naming", "a title shared by several names («Президентами … и …»)")]
    if title is not None:
        # «Министр иностранных дел России С.В.Лавров»: keep either half.
        name_only = focus.splice([(tokens[title].start, m.start, "")])
        if title == _body_start(focus):
            name_only = _upper_first(name_only)
        out: list[Outcome] = [Variant("naming", name_only, "title and name -> name")]
        start = tokens[title].start
        if any(
            start <= other.start < m.start
            and _state_of(focus.doc.entities.get(other.entity_id or "") or entity) == entity.country
            and other is not m
            for other in focus.mentions()
        ):
            title_only = focus.splice([(tokens[inside[0] - 1].end, end, "")])
            out.append(Variant("naming", title_only, "title and name -> title"))
        else:
            out.append(Skip("naming", "the title names no state («Президент В.В.Путин»)"))
        return out
    surname = next((t for t in (tokens[i] for i in inside) if t.pos == "PROPN"), None)
    case = case_of(tokens[inside[-1]]) or (case_of(surname) if surname else None)
    if case is None:
        return [Skip("naming", f"«{m.text}»: case unknown")]
    head = phrase_in_case(kit.morphology, office["office_ru"], case)
    country = noun_in_case(kit.morphology, state["names_ru"][0], "gent")
    if head is None or country is None or state.get("status") != "un_member":
        return [Skip("naming", f"cannot inflect «{office['office_ru']} {state['names_ru'][0]}»")]
    # Some offices name their state already («постоянный представитель США при ООН»).
    named = any(w[:1].isupper() for w in office["office_ru"].split())
    title_text = _upper_first(head) + ("" if named else " " + country)
    return [Variant("naming", focus.splice([(m.start, end, title_text)]), "name -> title")]


def _title_before(focus: Focus, kit: Kit, first: int) -> int | None:
    """Index of the word opening an office title right before the name («Министром
    иностранных дел и эмиграции Арабской Республики Египет Б.Абдель Ати»), if any."""
    tokens, found = focus.tokens, None
    for index in range(first - 1, max(first - 13, -1), -1):
        token = tokens[index]
        if token.pos in ("VERB", "ADP", "CCONJ") or (token.pos == "PUNCT" and token.text != "."):
            break
        if fold(token.lemma) in kit.title_heads:
            found = index  # the farthest one: «заместитель Министра …» is one title
    # Take in the adjectives opening the title («Государственным секретарём»).
    while found and tokens[found - 1].pos == "ADJ" and tokens[found - 1].text[:1].isupper():
        found -= 1
    return found


Generator = Callable[[Focus, Kit, random.Random, int], list[Outcome]]
GENERATORS: dict[str, Generator] = {
    "synonym": synonym_variants,
    "voice": voice_variants,
    "order": order_variants,
    "actor": actor_variants,
    "naming": naming_variants,
}
