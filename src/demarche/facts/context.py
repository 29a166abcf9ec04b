"""What fact extraction needs to know about a document: sides, date, place, actors per token."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from demarche.data import load_json
from demarche.facts.lexicon import FactLexicon
from demarche.language.morphology import fold
from demarche.language.normalize import transliterate
from demarche.model import ActorRef, Document, Entity, Mention, Sentence, Token
from demarche.structure.dates import find_dates, month_number, shift

# «27 февраля», «19-20 июня», «в марте»: dates whose year the statement's own date supplies.
# A language pack gives its own (``yearless_day_month`` with groups day and month;
# ``yearless_month`` with group month): ``January 14``, ``in February``.
_DAY_MONTH = re.compile(
    r"\b(?P<day>\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s+(?P<month>[а-яё]{3,})", re.IGNORECASE
)
_IN_MONTH = re.compile(r"\b(?:в|во|с|до|к)\s+(?P<month>[а-яё]{3,})\b", re.IGNORECASE)


@cache
def _yearless_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    pack = load_json(f"lang/{language}.json")
    day_month, month = pack.get("yearless_day_month"), pack.get("yearless_month")
    return (
        re.compile(day_month) if day_month else _DAY_MONTH,
        re.compile(month) if month else _IN_MONTH,
    )


# Tokens that end an office phrase before a name.
_CLAUSE_BREAKS = {",", ";", ":", "–", "—", "(", ")"}

# Mention forms that name an actor taking part in an event.
_ACTOR_FORMS = {"name", "adjective", "demonym", "pronoun", "group", "hashtag"}


@dataclass(slots=True)
class SentenceView:
    index: int
    sentence: Sentence
    mentions: list[Mention | None]  # per token: the resolved mention covering it
    children: list[list[int]] = field(default_factory=list)
    # «российско-украинских»: one token, two actors; the parts after the first
    more: dict[int, list[Mention]] = field(default_factory=dict)
    # names the gazetteer does not know («Виторио Сандали»), per token
    people: dict[int, Mention] = field(default_factory=dict)

    @property
    def tokens(self) -> list[Token]:
        return self.sentence.tokens

    def build_tree(self) -> None:
        self.children = [[] for _ in self.tokens]
        for index, token in enumerate(self.tokens):
            if 0 <= token.head < len(self.tokens) and token.head != index:
                self.children[token.head].append(index)

    def case_words(self, node: int) -> set[str]:
        """The prepositions governing ``node`` («в», «из», «по»), folded."""
        return {
            fold(self.tokens[c].text) for c in self.children[node] if self.tokens[c].rel == "case"
        }

    def subtree(self, root: int) -> list[int]:
        seen, stack = [], [root]
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.append(node)
            stack.extend(self.children[node] if self.children else [])
        return sorted(seen)


@dataclass(slots=True)
class FactContext:
    doc: Document
    lexicon: FactLexicon
    speaker: ActorRef | None
    counterpart: ActorRef | None
    views: list[SentenceView]
    # «(далее – Стороны)»: the states a multilateral document calls «the Sides»
    sides: list[ActorRef] = field(default_factory=list)
    # sentence index -> the sides of a meeting of three or more it reports
    meetings: dict[int, list[ActorRef]] = field(default_factory=dict)
    # sentence index -> the sides of any meeting it reports, for «стороны» further on
    talks: dict[int, list[ActorRef]] = field(default_factory=dict)
    # sentence index -> who did the hostile acts it reports: «Эти меры нелегитимны» after it
    deeds: dict[int, list[ActorRef]] = field(default_factory=dict)
    # sentence index -> (who protested, to whom): «Потребовали …» after a summons
    protests: dict[int, tuple[set[str], list[ActorRef]]] = field(default_factory=dict)
    # sentence index -> the sides of a deal agreed or signed: «приветствовал договорённость»
    deals: dict[int, list[ActorRef]] = field(default_factory=dict)
    # sentence index -> the two sides of a hostile act: «призвал стороны к сдержанности»
    disputes: dict[int, list[ActorRef]] = field(default_factory=dict)
    # sentence index -> (who invited, whom): «Приглашение было принято» after it
    invitations: dict[int, tuple[list[ActorRef], list[ActorRef]]] = field(default_factory=dict)
    # sentence index -> who the sentence reports as speaking, if it says so
    reporters: dict[int, ActorRef | None] = field(default_factory=dict, repr=False)
    # a briefing's unnamed spokesperson: the state its announcements are about, once found
    _briefing: list[ActorRef | None] = field(default_factory=list, repr=False)
    # sentence start -> its dates; every event of a sentence asks again
    _dates: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict, repr=False)
    # (sentence start, token) -> whether the token is a circumstance; asked per event
    circumstances: dict[tuple[int, int], bool] = field(default_factory=dict, repr=False)

    @property
    def date(self):
        return self.doc.date

    @property
    def place(self) -> Entity | None:
        """Where the statement was made, which is where today's talks took place; a
        dateline's city is only where a report was filed."""
        meta = self.doc.metadata
        if meta.place_entity_id is None or meta.place_span is None:
            return None
        if any(
            m.kind == "dateline" and m.start <= meta.place_span[0] < m.end for m in self.doc.markers
        ):
            return None
        return self.doc.entities.get(meta.place_entity_id)

    def headlines(self) -> list[tuple[int, int]]:
        """The spans of the title lines and a report's headline, which announce what the body
        then tells."""
        spans = [(p.start, p.end) for p in self.doc.paragraphs if p.kind == "title"]
        if self.doc.metadata.title is not None:
            spans.append(self.doc.metadata.title)
        return spans

    def voice(self, view: SentenceView) -> ActorRef | None:
        """Who says «we» in this sentence: the speaker of its turn (none in a journalist's
        question), else the statement's speaker."""
        start = view.sentence.start
        for turn in self.doc.turns:
            if turn.label_start <= start < turn.end:
                if turn.role == "question":
                    return None
                if turn.actor:
                    for side in (self.speaker, self.counterpart):
                        if side and side.code == turn.actor:
                            return side
                    return ActorRef(turn.actor, None, turn.entity_id, None)
        reporter = self.reporter(view)
        return reporter or self.speaker or self._briefing_voice() or self._went_on(view)

    def _went_on(self, view: SentenceView) -> ActorRef | None:
        """«МИД России заявил, что Берлин выслал дипломатов. Это решение не останется без
        ответа.»: in a report with no speaker of its own, a sentence that names none goes on
        with whoever spoke in the sentence or two before it, in the same paragraph."""
        text = self.doc.text
        for back in range(view.index - 1, max(-1, view.index - 3), -1):
            earlier = self.views[back]
            if "\n" in text[earlier.sentence.end : view.sentence.start]:
                return None
            found = self.reporter(earlier)
            if found is not None:
                return found
        return None

    def _briefing_voice(self) -> ActorRef | None:
        """«Shri Randhir Jaiswal, Official Spokesperson: … External Affairs Minister Dr. S.
        Jaishankar will visit Japan … Prime Minister Shri Narendra Modi spoke with …»: a
        briefing (journalists ask questions) whose spokesperson we cannot place speaks for the
        state whose officials its answers name most, when one clearly leads."""
        if not self.lexicon.briefing_voice:
            return None
        if self._briefing:
            return self._briefing[0]
        found = None
        asked = [t for t in self.doc.turns if t.role == "question"]
        if asked:
            counts: dict[str, int] = {}
            refs: dict[str, ActorRef] = {}
            for view in self.views:
                start = view.sentence.start
                if any(t.label_start <= start < t.end for t in asked):
                    continue
                for ref in self.actors_in(view, list(range(len(view.tokens)))):
                    if ref.person or (ref.entity_id or "").startswith("body:"):
                        counts[ref.code] = counts.get(ref.code, 0) + 1
                        refs.setdefault(
                            ref.code, ActorRef(ref.code, ref.sector, f"state:{ref.code}", None)
                        )
            ranked = sorted(counts, key=lambda code: -counts[code])
            leads = len(ranked) == 1 or (len(ranked) > 1 and counts[ranked[0]] > counts[ranked[1]])
            if ranked and counts[ranked[0]] >= 2 and leads:
                found = refs[ranked[0]]
        self._briefing.append(found)
        return found

    def reporter(self, view: SentenceView) -> ActorRef | None:
        """Reported speech: «“Мы призываем Ереван …”, – сказал Алиев», «по словам
        Сийярто», «сообщили в МИД Ирана»: who speaks in this sentence, when it says so."""
        if view.index in self.reporters:
            return self.reporters[view.index]
        found = self._find_reporter(view) or self._quote_reporter(view)
        if found is None and self.lexicon.colon_quotes:
            found = self._colon_reporter(view)
        self.reporters[view.index] = found
        return found

    def _quote_reporter(self, view: SentenceView) -> ActorRef | None:
        """«"Решение Вильнюса … – это недружественный шаг. Мы такие действия осуждаем", –
        подчеркнул министр»: a sentence inside a quotation that goes on into a later sentence
        of its paragraph is said by whoever that later sentence says speaks."""
        text = self.doc.text
        start = text.rfind("\n", 0, view.sentence.start) + 1
        if text[start:].startswith(_SPEECH_DASHES):
            # «— Это недружественный шаг. Ответ последует, — заявил источник в МИД.»: a
            # paragraph opened by a dash is direct speech, said by whom it ends by naming
            for later in self.views[view.index + 1 : view.index + 4]:
                if "\n" in text[view.sentence.end : later.sentence.start]:
                    return None
                found = self._find_reporter(later)
                if found is not None:
                    return found
            return None
        if not _open_quote(text[start : view.sentence.end]):
            return None
        for later in self.views[view.index + 1 : view.index + 4]:
            if "\n" in text[view.sentence.end : later.sentence.start]:
                return None  # a quotation closes within its paragraph
            if not _open_quote(text[start : later.sentence.end]):
                return self._find_reporter(later)
        return None

    def _colon_reporter(self, view: SentenceView) -> ActorRef | None:
        """«Foreign Secretary Yvette Cooper said:» and then paragraphs that each open with a
        quotation mark: every sentence of those paragraphs is said by whom the line before
        them says speaks."""
        text = self.doc.text
        quotes = ('"', "“", "«")
        for back in range(view.index, max(-1, view.index - 15), -1):
            other = self.views[back]
            start = text.rfind("\n", 0, other.sentence.start) + 1
            if back < view.index and text[start : other.sentence.end].rstrip().endswith(":"):
                return self._find_reporter(other)
            if not text[start:].lstrip().startswith(quotes):
                return None  # a paragraph of the report's own words
        return None

    def _find_reporter(self, view: SentenceView) -> ActorRef | None:
        tokens = view.tokens
        if not view.children:
            view.build_tree()
        for index, token in enumerate(tokens):
            if fold(token.lemma) not in self.lexicon.reporting_verbs:
                continue
            for child in view.children[index]:
                rel = tokens[child].rel
                if rel == "nsubj":
                    refs = self.actors_in(view, view.subtree(child))
                    titled = fold(tokens[child].lemma) in self.lexicon.office_anaphora
                    if not refs and (tokens[child].pos == "PRON" or titled):
                        refs = self._last_person(view, tokens[child].start)
                        # «– подчеркнула она», «– сказал министр»
                elif (
                    rel == "obl"
                    and view.case_words(child) & self.lexicon.place_prepositions
                    and not _compound_preposition(view, child)
                ):
                    refs = self.actors_in(view, view.subtree(child))  # «сообщили в МИД Ирана»
                else:
                    continue
                if refs:
                    return refs[0]
        impersonal = self._impersonal_place(view)
        if impersonal is not None:
            return impersonal
        for index, token in enumerate(tokens[:-1]):
            following = tokens[index + 1]
            if fold(token.text) == "по" and fold(following.lemma) in self.lexicon.according_words:
                refs = self.actors_in(view, view.subtree(index + 1)[1:] or [index + 2])
                if refs:
                    return refs[0]
        for hit in self.lexicon.according_phrases.find(tokens):
            # «According to the Russian Foreign Ministry, …»: the phrase's noun speaks
            after = hit.last + 1
            nouns = [c for i in hit.indexes for c in view.children[i] if c >= after]
            refs = self.actors_in(view, sorted({n for c in nouns for n in view.subtree(c)}))
            if refs:
                return refs[0]
        return None

    def _impersonal_place(self, view: SentenceView) -> ActorRef | None:
        """«В Москве эти обвинения отвергли», «В Кремле приветствовали …»: a verb in the
        third person plural with no subject speaks for the place or institution it is done
        in."""
        tokens = view.tokens
        root = next((i for i, t in enumerate(tokens) if t.rel == "root"), None)
        if root is None or tokens[root].pos != "VERB":
            return None
        feats = tokens[root].feats
        if feats.get("Number") != "Plur" or feats.get("Person") == "1":
            return None
        if feats.get("VerbForm") != "Fin":
            return None
        children = view.children[root]
        if any(tokens[c].rel.startswith("nsubj") for c in children):
            return None
        for child in children:
            if (
                tokens[child].rel == "obl"
                and child < root
                and view.case_words(child) & self.lexicon.place_prepositions
                and not _compound_preposition(view, child)
            ):
                for index in view.subtree(child):
                    mention = view.mentions[index]
                    ref = self.ref(mention, acting=True) if mention is not None else None
                    if ref is not None:
                        return ref  # «в Москве»: the capital acts for its state here
        return None

    def people_named(
        self, view: SentenceView, title: str | None = None, number: str | None = None
    ) -> list[ActorRef]:
        """The actors of the people a sentence names, in text order: by name, or by a title
        or «коллега» with their state («с узбекским коллегой», «Посла Индонезии»). With
        ``title``, only phrases headed by that title (in ``number``)."""
        lexicon = self.lexicon
        nouns = lexicon.office_anaphora | lexicon.colleagues | lexicon.visitor_nouns
        found: list[tuple[int, ActorRef]] = []
        seen: set[int] = set()
        for index, mention in enumerate(view.mentions):
            if title or mention is None or id(mention) in seen or not mention.entity_id:
                continue
            seen.add(id(mention))
            if self.entity(mention).kind == "person":
                ref = self.ref(mention)
                if ref is not None:
                    found.append((index, ref))
        for index, token in enumerate(view.tokens):
            lemma = fold(token.lemma)
            agrees = number is None or token.feats.get("Number", number) == number
            wanted = agrees and (title is None or lemma == title)
            if token.pos in ("NOUN", "PROPN") and lemma in nouns and wanted:
                # «Посла Индонезии в Москве»: the envoy's state, not where he serves
                # («The Secretary and the Foreign Minister»: not its conjunct's either)
                marked = [
                    c
                    for c in view.children[index]
                    if view.case_words(c) or view.tokens[c].rel == "conj"
                ]
                inside = set(view.subtree(index)) - {i for c in marked for i in view.subtree(c)}
                refs = self.actors_in(view, sorted(inside))
                named = view.mentions[token.head] if 0 <= token.head < len(view.tokens) else None
                if title and not refs and token.rel == "compound" and named is not None:
                    # «Secretary of State Marco Rubio»: the title modifies the name it bears
                    person = named.entity_id and self.entity(named).kind == "person"
                    refs = [r for r in [self.ref(named)] if r is not None and person]
                if refs and all(refs[0].code != r.code for _, r in found):
                    found.append((index, refs[0]))
        return [ref for _, ref in sorted(found, key=lambda pair: pair[0])]

    def _last_person(self, view: SentenceView, before: int | None = None) -> list[ActorRef]:
        """«– подчеркнула она»: the person named last before the pronoun (at ``before``;
        «He said he would discuss it with Lavrov»: not one named after it)."""
        for back in range(view.index, max(-1, view.index - 3), -1):
            other = self.views[back]
            people = [
                m
                for m in other.mentions
                if m is not None
                and m.entity_id
                and self.entity(m).kind == "person"
                and (before is None or back != view.index or m.start < before)
            ]
            if people:
                ref = self.ref(people[-1])
                return [ref] if ref else []
        return []

    def other_side(self, view: SentenceView, voice: ActorRef) -> ActorRef | None:
        """The side «we» share an act with: the occasion's counterpart at talks; elsewhere
        (a briefing, an interview) the state the last few sentences are about."""
        bilateral = self.doc.metadata.genre in self.lexicon.bilateral_genres
        if bilateral and self.counterpart and self.counterpart.code != voice.code:
            return self.counterpart
        for back in range(view.index, max(-1, view.index - 4), -1):
            other = self.views[back]
            for ref in self.actors_in(other, list(range(len(other.tokens)))):
                state = ref.entity_id and ref.entity_id.startswith(("state:", "person:"))
                if state and ref.code != voice.code:
                    return ref
        return None

    def entity(self, mention: Mention) -> Entity:
        return self.doc.entities[mention.entity_id]

    def ref(self, mention: Mention, acting: bool = False) -> ActorRef | None:
        """The actor a mention names; ``acting``: a place outside a locative stands for its
        state («Вашингтон заблокировал», «призываем Берлин»), or for the body the lexicon
        names («Брюссель» -> EU)."""
        entity = self.entity(mention)
        code = entity.actor or (entity.country if entity.kind == "state" else None)
        code = entity.extra.get("acts_for") or code  # «Европарламент» acts for the EU
        if code is None and acting and entity.kind == "place":
            metonyms = self.lexicon.metonyms
            if entity.name_en in metonyms:
                return ActorRef(metonyms[entity.name_en], None, entity.id, None)
            if entity.country:  # «удары по Курской области»: the place's state is hit
                return ActorRef(entity.country, "GOV", f"state:{entity.country}", None)
        if code is None:
            return None
        if mention.form == "pronoun" and self.speaker:
            return self.speaker
        person = entity.name_en if entity.kind == "person" else None
        return ActorRef(code, entity.sector, entity.id, person)

    def actors_in(self, view: SentenceView, indexes: list[int]) -> list[ActorRef]:
        """Actors named by the tokens at ``indexes``, in text order, one per code.

        A possessive «наших» inside a phrase that names another actor («наших корейских
        друзей») is the speaker's affection, not a participant, and is skipped.
        """
        refs: list[ActorRef] = []
        seen_mentions: set[int] = set()
        index_set = set(indexes)
        for index in indexes:
            for mention in [view.mentions[index], *view.more.get(index, [])]:
                if mention is None or id(mention) in seen_mentions:
                    continue
                seen_mentions.add(id(mention))
                if mention.form == "pronoun" and self._shares_head(view, index, index_set):
                    continue
                ref = self.ref(mention, acting=not self.locative(view, mention))
                if ref and ref.person:
                    _add_person(refs, ref)
                elif ref and all(r.code != ref.code for r in refs):
                    refs.append(ref)
            person = view.people.get(index)
            if person is not None and id(person) not in seen_mentions:
                seen_mentions.add(id(person))
                _add_person(refs, self.person_ref(view, person))
        return refs

    def participants_in(self, view: SentenceView, indexes: list[int]) -> list[ActorRef]:
        """Who takes part, one by one: like ``actors_in``, but two named people, or a person
        and a company or party, of one state stay apart («Путин встретился с главой
        «Роснефти» Игорем Сечиным»). A person joins the side named right before him (his
        office's state or organisation); pronouns are left to anaphora."""
        refs: list[ActorRef] = []
        seen: set[int] = set()
        for index in indexes:
            for mention in [view.mentions[index], *view.more.get(index, [])]:
                if mention is None or id(mention) in seen or mention.form == "pronoun":
                    continue
                seen.add(id(mention))
                ref = self.ref(mention, acting=not self.locative(view, mention))
                if ref is not None:
                    self._add_participant(refs, ref)
            person = view.people.get(index)
            if person is not None and id(person) not in seen:
                seen.add(id(person))
                ref = self.person_ref(view, person)
                if ref is not None:
                    self._add_participant(refs, ref)
        return refs

    def participant(self, ref: ActorRef) -> str | None:
        """What tells a side apart from others of its state: its person, or its organisation
        when that is no state body (a company, a party, a newspaper: ``participant_sectors``)."""
        if ref.person:
            return ref.person
        if ref.sector in self.lexicon.participant_sectors and ref.entity_id:
            return ref.entity_id
        return None

    def _add_participant(self, refs: list[ActorRef], ref: ActorRef) -> None:
        key = self.participant(ref)
        last = refs[-1] if refs else None
        if ref.person and last is not None and last.code == ref.code and last.person is None:
            refs[-1] = ActorRef(last.code, last.sector, last.entity_id, ref.person)
            return  # «глава «Роснефти» Игорь Сечин»: the person of the office just named
        if any(r.code == ref.code and self.participant(r) == key for r in refs):
            return
        refs.append(ref)

    def with_people(self, view: SentenceView, refs: list[ActorRef]) -> list[ActorRef]:
        """Each side with the one person the sentence names for it, where the parse reached
        the side's state rather than the name («с заместителем министра … Грузии Александром
        Налбандовым»)."""
        named: dict[str, set[str]] = {}
        for person in {id(m): m for m in view.people.values()}.values():
            ref = self.person_ref(view, person)
            if ref is not None:
                named.setdefault(ref.code, set()).add(ref.person or "")
        for mention in {id(m): m for m in view.mentions if m is not None}.values():
            ref = self.ref(mention) if mention.form == "name" else None
            if ref is not None and ref.person:
                named.setdefault(ref.code, set()).add(ref.person)
        out = []
        for ref in refs:
            names = named.get(ref.code, set())
            if ref.person is None and len(names) == 1:
                ref = ActorRef(ref.code, ref.sector, ref.entity_id, next(iter(names)))
            out.append(ref)
        return out

    def person_ref(self, view: SentenceView, person: Mention) -> ActorRef | None:
        """The actor a name the gazetteer does not know acts for: by the office before it
        (``office_ref``), else by the office the text gave the same person before («министр
        финансов Алексей Кудрин … Кудрин встретился …»)."""
        return self.office_ref(view, person) or self._introduced(view, person)

    def _introduced(self, view: SentenceView, person: Mention) -> ActorRef | None:
        name = transliterate(person.normal or person.text, self.lexicon.translit).split()
        if not name:
            return None
        for earlier in self.views[: view.index + 1]:
            for other in {id(m): m for m in earlier.people.values()}.values():
                if other is person or other.start >= person.start:
                    continue
                full = transliterate(other.normal or other.text, self.lexicon.translit).split()
                if not full or full[-1] != name[-1] or (len(name) > 1 and full != name):
                    continue  # the same surname, or the same full name
                ref = self.office_ref(earlier, other)
                if ref is not None:
                    return ref
        return None

    def office_ref(self, view: SentenceView, person: Mention) -> ActorRef | None:
        """«посол Италии в Грузии Виторио Сандали», «министром энергетики Белоруссии
        Александром Озерцом»: a name the gazetteer does not know acts for the actor its office
        phrase names. The office is the nearest noun before the name in the name's case (an
        apposition agrees in case; the genitives between belong to the office); a place after
        «в» only says where the office is."""
        tokens = view.tokens
        first = next(i for i, t in enumerate(tokens) if t.end > person.start)
        case = tokens[first].feats.get("Case")
        office = None
        for back in range(first - 1, max(-1, first - 9), -1):
            token = tokens[back]
            if token.pos in ("VERB", "AUX") or token.text in _CLAUSE_BREAKS:
                break
            if token.pos == "NOUN" and case and token.feats.get("Case") == case:
                office = back
                break
        if office is None:
            return None
        for position in range(office, first):
            mention = view.mentions[position]
            if mention is None or mention.form == "pronoun" or self.locative(view, mention):
                continue
            # «губернатор Вологодской области», «мэр Казани»: a region's office is its state's
            ref = self.ref(mention, acting=True)
            if ref is not None:
                name = transliterate(person.normal or person.text, self.lexicon.translit)
                return ActorRef(ref.code, ref.sector, ref.entity_id, name)
        return None

    def locative(self, view: SentenceView, mention: Mention) -> bool:
        """«в Москве», «во Вьетнаме»: the mention is where something happens, not who acts."""
        first = next(i for i, t in enumerate(view.tokens) if t.end > mention.start)
        if first == 0:
            return False
        before = fold(view.tokens[first - 1].text)
        return before in self.lexicon.place_prepositions

    def _shares_head(self, view: SentenceView, index: int, scope: set[int]) -> bool:
        head = view.tokens[index].head
        for other in scope:
            mention = view.mentions[other]
            if (
                other != index
                and mention is not None
                and mention.form != "pronoun"
                and (view.tokens[other].head == head or view.tokens[other].head == index)
            ):
                return True
        return False

    def dates_in(self, view: SentenceView) -> list[tuple[int, int, str]]:
        """Explicit and relative dates in a sentence, as (start, end, ISO of their precision)."""
        known = self._dates.get(view.sentence.start)
        if known is None:
            known = self._dates[view.sentence.start] = self._find_dates(view)
        return list(known)

    def _find_dates(self, view: SentenceView) -> list[tuple[int, int, str]]:
        sentence = view.sentence
        text = self.doc.text[sentence.start : sentence.end]
        dates = find_dates(text, self.doc.language)
        found = [(sentence.start + s, sentence.start + e, v) for s, e, v in dates]
        if self.date is not None:
            found += self._yearless(view, text, found)
            found += [
                (words[0].start, words[-1].end, shift(self.date, how))
                for words, how in self.relative_dates_in(view)
            ]
        return sorted(found)

    def relative_dates_in(self, view: SentenceView) -> list[tuple[list[Token], int | str]]:
        """The relative dates of a sentence («в прошлом году», "last month"): each with its
        words (longest phrase first at each token) and the lexicon's shift."""
        tokens = view.tokens
        found = []
        for index in range(len(tokens)):
            for length in (3, 2, 1):
                words = tokens[index : index + length]
                key = " ".join(fold(t.lemma or t.text) for t in words)
                how = self.lexicon.relative_dates.get(key)
                if how is not None and len(words) == length:
                    found.append((words, how))
                    break
        return found

    def _yearless(self, view: SentenceView, text: str, known: list[tuple[int, int, str]]):
        """Day-month and month dates without a year: the statement's year, or the year before
        when that would put a report of the past after the statement."""
        anchor, offset = self.date, view.sentence.start
        taken = [(s - offset, e - offset) for s, e, _ in known]
        found = []
        day_month, in_month = _yearless_patterns(self.doc.language)
        for pattern, has_day in ((day_month, True), (in_month, False)):
            for match in pattern.finditer(text):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                month = month_number(match.group("month").lower(), self.doc.language)
                if not month:
                    continue
                day = int(match.group("day")) if has_day else None
                if day is not None and not 1 <= day <= 31:
                    continue
                year = anchor.year
                future = any(w in text.lower() for w in self.lexicon.future_cues)
                future = future or _future_clause(view, offset + match.start())
                if (month, day or 1) > (anchor.month, anchor.day) and not future:
                    year -= 1
                iso = f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")
                found.append((offset + match.start(), offset + match.end(), iso))
                taken.append((match.start(), match.end()))
        return found


_SPEECH_DASHES = ("— ", "– ")


def _open_quote(text: str) -> bool:
    """Whether a quotation opened in ``text`` is still open at its end («…» nest; a straight
    double quote opens and closes in turn)."""
    return (
        text.count("«") > text.count("»")
        or text.count('"') % 2 == 1
        or (text.count("“") > text.count("”"))
    )


def _compound_preposition(view: SentenceView, node: int) -> bool:
    """«в связи с введением Токио санкций»: «в» begins a compound preposition («в связи с»,
    «в ответ на»), which marks a reason, not the place that speaks."""
    tokens = view.tokens
    return any(
        tokens[c].rel == "case" and any(tokens[f].rel == "fixed" for f in view.children[c])
        for c in view.children[node]
    )


def _future_clause(view: SentenceView, offset: int) -> bool:
    """«посетит Москву в сентябре»: the verb the date hangs from is in the future tense, so
    the month is the coming one («Напомню, что в октябре состоялся саммит» is past)."""
    tokens = view.tokens
    node = next((i for i, t in enumerate(tokens) if t.start >= offset), -1)
    for _ in range(4):
        if not 0 <= node < len(tokens):
            return False
        if tokens[node].pos in ("VERB", "AUX"):
            return tokens[node].feats.get("Tense") == "Fut"
        node = tokens[node].head
    return False


def sides_before(context: FactContext, view: SentenceView) -> list[str]:
    """«Условились, что дипломаты двух стран займутся … администрацией Дж.Байдена. … прошёл
    первый раунд консультаций»: talks with no parties named are the speaker's with the one
    foreign state the paragraph's sentence before named."""
    speaker = context.speaker.code if context.speaker else None
    if speaker is None:
        return []
    paragraph = next(
        (p for p in context.doc.paragraphs if p.start <= view.sentence.start <= p.end), None
    )
    for other in reversed(context.views[max(0, view.index - 2) : view.index]):
        if paragraph is None or other.sentence.start < paragraph.start:
            break
        codes = {
            r.code
            for r in context.actors_in(other, list(range(len(other.tokens))))
            if r.entity_id and r.entity_id.startswith(("state:", "person:", "group:"))
        } - {speaker}
        if len(codes) == 1:
            return [speaker, *codes]
        if codes:
            break
    return []


def build_context(doc: Document, lexicon: FactLexicon) -> FactContext:
    views = []
    # a dateline's city is where the report was filed, never a participant
    datelines = [(m.start, m.end) for m in doc.markers if m.kind == "dateline"]
    mentions = sorted(
        (
            m
            for m in doc.mentions
            if m.entity_id
            and m.form in _ACTOR_FORMS
            and not any(s <= m.start < e for s, e in datelines)
        ),
        key=lambda m: m.end - m.start,
    )
    unknown = sorted(
        (m for m in doc.mentions if m.label == "PER" and not m.entity_id), key=lambda m: m.start
    )
    starts = [m.start for m in unknown]
    sentences = doc.sentences
    near = _mentions_by_sentence(mentions, sentences)
    for index, sentence in enumerate(sentences):
        per_token: list[Mention | None] = [None] * len(sentence.tokens)
        # a name the recogniser ran across a sentence break («…Г.Тимотеосом.\nГ.Тимотеос …»)
        # still names the actor in the sentence it reaches into
        inside = near[index]
        for position, token in enumerate(sentence.tokens):
            for mention in inside:  # shortest first: the innermost actor wins
                if mention.start <= token.start and token.end <= mention.end:
                    per_token[position] = mention
                    break
        more: dict[int, list[Mention]] = {}
        for position, token in enumerate(sentence.tokens):
            parts = [m for m in inside if token.start <= m.start and m.end <= token.end]
            parts.sort(key=lambda m: m.start)
            disjoint = [m for i, m in enumerate(parts) if all(m.start >= p.end for p in parts[:i])]
            if len(disjoint) > 1:
                per_token[position] = disjoint[0]
                more[position] = disjoint[1:]
        view = SentenceView(index, sentence, per_token, more=more)
        view.people = _people_at(unknown, starts, view)
        views.append(view)
    speaker, counterpart = _speaker(doc) or _title_body(doc, lexicon), _counterpart(doc, lexicon)
    if speaker is None and doc.metadata.genre not in lexicon.sideless_genres:
        # a joint statement speaks for the states its title names; a wire report's headline
        # only says whom it is about
        speaker, counterpart = _title_sides(doc) or (speaker, counterpart)
    context = FactContext(doc, lexicon, speaker, counterpart, views)
    context.sides = _defined_sides(context) or _title_states(doc, lexicon)
    return context


def _title_states(doc: Document, lexicon: FactLexicon) -> list[ActorRef]:
    """«Совместное заявление министров иностранных дел России, Китая и Ирана»: a statement of
    three or more states, written together, is made by the Sides its title names."""
    if doc.metadata.genre not in lexicon.sides_genres or doc.metadata.title is None:
        return []
    start, end = doc.metadata.title
    codes: list[str] = []
    for mention in sorted(doc.mentions, key=lambda m: m.start):
        entity = doc.entities.get(mention.entity_id) if mention.entity_id else None
        in_title = start <= mention.start < end and mention.form != "pronoun"
        state = entity.actor if entity is not None and entity.kind == "state" else None
        if in_title and state and state not in codes:
            codes.append(state)
    return [_person_or_state(doc, code) for code in codes] if len(codes) >= 3 else []


def _mentions_by_sentence(
    mentions: list[Mention], sentences: list[Sentence]
) -> list[list[Mention]]:
    """The mentions overlapping each sentence, each list in the order of ``mentions``.

    Each mention finds its sentences by bisection on their starts (sentences follow one
    another without overlap); filtering every mention for every sentence made analysis
    quadratic in the length of the document."""
    starts = [s.start for s in sentences]
    near: list[list[Mention]] = [[] for _ in sentences]
    for mention in mentions:
        at = max(bisect.bisect_right(starts, mention.start) - 1, 0)
        while at < len(sentences) and sentences[at].start < mention.end:
            sentence = sentences[at]
            if mention.start < sentence.end and sentence.start < mention.end:
                near[at].append(mention)
            at += 1
    return near


def _defined_sides(context: FactContext) -> list[ActorRef]:
    """«… министров иностранных дел Республики Казахстан, …, Республики Узбекистан
    (далее – Стороны)»: the states named before the definition are the document's Sides."""
    phrases = context.lexicon.sides_definitions
    if not phrases:
        return []
    named = _we_apposition(context)
    if named:
        return named
    for view in context.views:
        sentence = view.sentence
        text = re.sub(r"[-—]", "–", context.doc.text[sentence.start : sentence.end].lower())
        at = min((i for i in (text.find(p) for p in phrases) if i >= 0), default=-1)
        if at < 0:
            continue
        before = [i for i, t in enumerate(view.tokens) if t.start < sentence.start + at]
        refs = [
            r
            for r in context.actors_in(view, before)
            if r.entity_id and r.entity_id.startswith("state:")
        ]
        if len(refs) >= 2:
            return refs
    return []


def _we_apposition(context: FactContext) -> list[ActorRef]:
    """«We, the Foreign Ministers of Poland, Germany and France, …»: in a statement the
    sides write together, the two or more states an apposition to its «we» names are the
    document's Sides (only the first paragraphs are read: that is where they introduce
    themselves)."""
    if context.doc.metadata.genre not in context.lexicon.sides_genres:
        return []
    for view in context.views[:6]:
        tokens = view.tokens
        if not any(fold(t.lemma) in context.lexicon.we for t in tokens):
            continue
        if not view.children:
            view.build_tree()
        for index, token in enumerate(tokens):
            if fold(token.lemma) not in context.lexicon.we or token.pos != "PRON":
                continue
            for child in view.children[index]:
                if tokens[child].rel != "appos":
                    continue
                refs = [
                    r
                    for r in context.actors_in(view, view.subtree(child))
                    if r.entity_id and r.entity_id.startswith("state:")
                ]
                if len(refs) >= 2:
                    return refs
    return []


def _title_body(doc: Document, lexicon: FactLexicon) -> ActorRef | None:
    """«О вызове в МИД России Посла Бельгии»: a ministry's own note with no one speaking is
    made by the state body its title names first."""
    title, genre = doc.metadata.title, doc.metadata.genre
    if not title or genre is None or genre in lexicon.sideless_genres:
        return None
    for mention in sorted(doc.mentions, key=lambda m: m.start):
        if not (title[0] <= mention.start < title[1]) or not mention.entity_id:
            continue
        entity = doc.entities.get(mention.entity_id)
        if entity is not None and entity.kind == "state_body" and entity.actor:
            return ActorRef(entity.actor, entity.sector, entity.id, None)
    return None


def _title_sides(doc: Document) -> tuple[ActorRef, ActorRef] | None:
    """«Совместное заявление министров иностранных дел Российской Федерации и
    Социалистической Республики Вьетнам»: a statement with no one speaker is made by the
    states its title names, the first one speaking, the second its counterpart."""
    title = doc.metadata.title
    if not title:
        return None
    codes: list[str] = []
    for mention in sorted(doc.mentions, key=lambda m: m.start):
        if not (title[0] <= mention.start < title[1]) or not mention.entity_id:
            continue
        entity = doc.entities.get(mention.entity_id)
        if entity is None or entity.kind != "state" or mention.form == "pronoun":
            continue
        if entity.actor and entity.actor not in codes:
            codes.append(entity.actor)
    if len(codes) != 2:
        return None
    return tuple(_person_or_state(doc, code) for code in codes)  # type: ignore[return-value]


def _person_or_state(doc: Document, code: str) -> ActorRef:
    return ActorRef(code, None, f"state:{code}", None)


def _people_at(unknown: list[Mention], starts: list[int], view: SentenceView):
    """Token positions of the names the gazetteer does not know, in one sentence."""
    sentence = view.sentence
    found: dict[int, Mention] = {}
    first = bisect.bisect_left(starts, sentence.start)
    for mention in unknown[first:]:
        if mention.start >= sentence.end:
            break
        for position, token in enumerate(sentence.tokens):
            if mention.start <= token.start and token.end <= mention.end:
                found.setdefault(position, mention)
    return found


def _add_person(refs: list[ActorRef], person: ActorRef | None) -> None:
    """One actor per code: a named person joins the ref of his side, or stands for it."""
    if person is None:
        return
    for position, ref in enumerate(refs):
        if ref.code == person.code:
            if ref.person is None:
                refs[position] = ActorRef(ref.code, ref.sector, ref.entity_id, person.person)
            return
    refs.append(person)


def _speaker(doc: Document) -> ActorRef | None:
    speaker = doc.metadata.speaker
    if speaker is None or speaker.actor is None:
        return None
    person = (
        speaker.name_en if speaker.entity_id and speaker.entity_id.startswith("person:") else None
    )
    return ActorRef(speaker.actor, speaker.sector, speaker.entity_id, person)


def _counterpart(doc: Document, lexicon: FactLexicon) -> ActorRef | None:
    if not doc.metadata.counterparts or doc.metadata.genre in lexicon.sideless_genres:
        return None  # a briefing ranges over many countries: none is «the other side»
    code = doc.metadata.counterparts[0]
    speaker_office = doc.metadata.speaker.office if doc.metadata.speaker else None
    people = [e for e in doc.entities.values() if e.kind == "person" and e.actor == code]
    people.sort(key=lambda e: e.office != speaker_office)
    person = people[0] if people else None
    return ActorRef(
        code,
        person.sector if person else None,
        person.id if person else f"state:{code}",
        person.name_en if person else None,
    )
