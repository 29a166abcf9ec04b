"""Resolve mention candidates to entities, using the document's date, speaker and context."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace

from demarche.actors.candidates import (
    Candidate,
    gazetteer_candidates,
    merge_ner,
    pronoun_candidates,
)
from demarche.actors.gazetteer import Gazetteer, Target, load_gazetteer
from demarche.actors.offices import OfficeLexicon, OfficeTitle, load_offices
from demarche.actors.people import office_on
from demarche.data import load_json
from demarche.language.morphology import Morphology, fold
from demarche.language.normalize import nominative_phrase, transliterate
from demarche.model import Document, Entity, Mention, Speaker, Token

_SECTOR_LABEL = {"CVL": "MISC", "REF": "MISC", "JRN": "ORG"}


@dataclass(slots=True)
class OfficeContext:
    title: OfficeTitle
    state: str | None
    colleague: bool
    start: int


class ActorResolver:
    def __init__(self, morphology: Morphology, language: str = "ru") -> None:
        self.morphology = morphology
        self.language = language
        self.gazetteer: Gazetteer = load_gazetteer(morphology, language)
        self.offices: OfficeLexicon = load_offices(morphology, language)
        pack = load_json(f"lang/{language}.json")
        self.we = {fold(w) for w in pack["first_person_plural"]}
        self.colleague_words = {fold(w) for w in pack["colleague_words"]}
        self.translit: dict[str, str] = pack["translit"]
        # Title phrases that name the publishing body («Statement by the Foreign Ministry»).
        self.title_bodies: dict[str, str] = pack.get("title_bodies", {})
        self.title_institution_leads = [
            re.compile(lead) for lead in pack.get("title_institution_leads", [])
        ]

    def __call__(self, doc: Document, ner: list[tuple[int, int, str]]) -> None:
        office_spans = self._office_spans(doc)
        found = gazetteer_candidates(doc, self.gazetteer)
        found = merge_ner(doc.text, found, ner, [(s, e) for s, e, _ in office_spans])
        found += pronoun_candidates(doc, self.we)
        found.sort(key=lambda c: (c.start, -c.end))
        _Resolution(self, doc, found).resolve()

    def _office_spans(self, doc: Document) -> list[tuple[int, int, OfficeTitle]]:
        spans = []
        for sentence in doc.sentences:
            tokens = sentence.tokens
            index = 0
            while index < len(tokens):
                found = self.offices.match_at(tokens, index)
                if found is None:
                    index += 1
                    continue
                end, title = found
                spans.append((tokens[index].start, tokens[end - 1].end, title))
                index = end
        return spans


def _sentence_tokens(doc: Document) -> tuple[list[int], list[list[Token]]]:
    sentences = doc.sentences
    return [s.start for s in sentences], [s.tokens for s in sentences]


class _Resolution:
    """One document's resolution; holds the per-document context."""

    def __init__(self, resolver: ActorResolver, doc: Document, found: list[Candidate]) -> None:
        self.r = resolver
        self.doc = doc
        self.found = found
        self._states: set[str] | None = None
        self.entity_of: dict[int, str | None] = {}
        self.starts, self.token_lists = _sentence_tokens(doc)
        # ``found`` is sorted by start: offset queries bisect it instead of scanning every
        # candidate once per turn, person or group, which made long documents quadratic.
        self.found_starts = [c.start for c in found]
        self.longest = max((c.end - c.start for c in found), default=0)
        self.by_sentence: dict[int, list[Candidate]] = {}
        for c in found:
            if c.sentence is not None:
                self.by_sentence.setdefault(id(c.sentence.tokens), []).append(c)

    def _within(self, start: int, end: int) -> list[Candidate]:
        """The candidates inside ``[start, end]``, in the order of ``found``."""
        low = bisect.bisect_left(self.found_starts, start)
        high = bisect.bisect_right(self.found_starts, end)
        return [c for c in self.found[low:high] if c.end <= end]

    def _around(self, start: int, end: int) -> list[Candidate]:
        """The candidates that cover ``[start, end]``, in the order of ``found``."""
        low = bisect.bisect_left(self.found_starts, end - self.longest)
        high = bisect.bisect_right(self.found_starts, start)
        return [c for c in self.found[low:high] if end <= c.end]

    # -- driver ---------------------------------------------------------------------------

    def resolve(self) -> None:
        for candidate in self.found:
            self.entity_of[id(candidate)] = self._direct(candidate)
        speaker_actor = self._speaker()
        self._ambiguous()
        self._pronouns(speaker_actor)
        self._counterpart(speaker_actor)
        self._unidentified_people()
        self._turns()
        self._place()
        self._emit()

    # -- direct resolution ----------------------------------------------------------------

    def _direct(self, candidate: Candidate) -> str | None:
        targets = [t for t in candidate.targets if t.entity is not None]
        if not targets:
            return None
        if targets[0].entity.kind == "person":
            written = self.doc.text[candidate.start : candidate.end]
            return self._person(targets, surname_only=not any(c in written for c in " ."))
        return self._add(targets[0].entity)

    def _person(self, targets: list[Target], surname_only: bool = False) -> str | None:
        """A named person. A bare surname names someone in office on the document's date,
        someone already named in full, or a former office holder whose state the document
        mentions: ``Миллер`` beside Газпром is not Leszek Miller."""
        when = self.doc.date
        chosen = [t for t in targets if not office_on(t.offices, when)[1]] if when else targets
        already = [t for t in targets if t.entity.id in self.doc.entities]
        if surname_only and not already and not chosen:
            states = self._mentioned_states()
            targets = [t for t in targets if {o.state for o in t.offices} & states]
            if not targets:
                return None
        pick = already or chosen or targets
        if len(pick) != 1 and len({t.entity.id for t in pick}) != 1:
            return None
        target = pick[0]
        office, former = office_on(target.offices, when)
        entity = target.entity
        if office:
            entity = replace(
                entity,
                actor=office.state,
                country=office.state,
                sector="ELI" if former else office.sector,
                office=office.office_en,
                former=former,
            )
        return self._add(entity)

    def _mentioned_states(self) -> set[str]:
        if self._states is None:
            self._states = {
                t.entity.actor
                for c in self.found
                for t in c.targets
                if t.entity is not None and t.entity.kind == "state"
            }
        return self._states

    def _add(self, entity: Entity) -> str:
        self.doc.entities.setdefault(entity.id, entity)
        return entity.id

    def _actor_of(self, candidate: Candidate) -> str | None:
        entity_id = self.entity_of.get(id(candidate))
        if entity_id is None:
            return None
        entity = self.doc.entities[entity_id]
        return entity.actor or entity.country

    # -- context rules --------------------------------------------------------------------

    def _speaker(self) -> str | None:
        meta = self.doc.metadata
        if meta.title is None or meta.genre == "news":
            # a wire report's headline names whom it reports on, not who speaks
            return self._speaker_from_turns()
        start, end = meta.title
        in_title = self._within(start, end)
        for candidate in in_title:
            entity_id = self.entity_of.get(id(candidate))
            if candidate.label == "PER" and not self._summoned(candidate, in_title):
                return self._set_speaker(candidate, entity_id)
        bodies = [
            c
            for c in in_title
            if (entity_id := self.entity_of.get(id(c)))
            and self.doc.entities[entity_id].kind in ("state_body", "organization")
        ]
        named = self._title_body(start, end)
        own = self._body_state(*named[:2]) if named is not None else None
        place = own or self._statement_state()
        if named is not None and place and named[2].actor and named[2].actor != place:
            # "Foreign Ministry … / Tehran, …": not the pack's own ministry, the place's
            state = self.r.gazetteer.entities.get(f"state:{place}")
            named = (named[0], named[1], state) if state is not None else None
        if named is not None and (not bodies or named[0] < bodies[0].start):
            return self._set_title_body(*named)
        for candidate in bodies:
            entity_id = self.entity_of.get(id(candidate))
            if entity_id:
                entity = self.doc.entities[entity_id]
                meta.speaker = Speaker(
                    entity_id, entity.name_ru, entity.name_en, entity.actor, entity.sector,
                    None, candidate.start, candidate.end,
                )  # fmt: skip
                return entity.actor
        return self._institution_state(start, in_title) or self._speaker_from_turns()

    def _institution_state(self, start: int, in_title: list[Candidate]) -> str | None:
        """«Заявление МИД Таджикистана»: the state whose institution the title names, when
        the gazetteer knows no body of that name."""
        for candidate in in_title:
            entity_id = self.entity_of.get(id(candidate))
            entity = self.doc.entities.get(entity_id) if entity_id else None
            if entity is None or entity.kind != "state" or not entity.actor:
                continue
            before = self.doc.text[start : candidate.start]
            for lead in self.r.title_institution_leads:
                match = lead.search(before)
                if match:
                    self.doc.metadata.speaker = Speaker(
                        entity.id, entity.name_ru, entity.name_en, entity.actor, "GOV",
                        None, start + match.start(), candidate.end,
                    )  # fmt: skip
                    return entity.actor
        return None

    def _summoned(self, person: Candidate, in_title: list[Candidate]) -> bool:
        """«О вызове в МИД России Посла Японии в Российской Федерации А.Муто»: a person whose
        office phrase follows a state body of the title is what the body acts on, not who
        speaks; «Ответ официального представителя МИД России М.В.Захаровой» has the body
        inside the office phrase."""
        context = self._office_context(person, accredited=True)
        begins = context.start if context is not None else person.start
        return any(
            c.end <= begins
            and (entity_id := self.entity_of.get(id(c)))
            and self.doc.entities[entity_id].kind in ("state_body", "organization")
            for c in in_title
        )

    def _title_body(self, start: int, end: int) -> tuple[int, int, Entity] | None:
        """The publishing body named by a title phrase of the language pack, first in the
        title: (start, end, entity)."""
        title = self.doc.text[start:end]
        found = []
        for phrase, entity_id in self.r.title_bodies.items():
            at = title.find(phrase)
            entity = self.r.gazetteer.entities.get(entity_id)
            if at >= 0 and entity is not None:
                found.append((start + at, start + at + len(phrase), entity))
        return min(found, key=lambda item: item[0]) if found else None

    def _set_title_body(self, start: int, end: int, entity: Entity) -> str | None:
        self._add(entity)
        for candidate in self.found:  # the NER's unresolved span over the same words
            if candidate.start <= start and end <= candidate.end and not candidate.targets:
                self.entity_of[id(candidate)] = entity.id
        self.doc.metadata.speaker = Speaker(
            entity.id, entity.name_ru, entity.name_en, entity.actor, entity.sector,
            None, start, end,
        )  # fmt: skip
        return entity.actor

    def _speaker_from_turns(self) -> str | None:
        for turn in self.doc.turns:
            if turn.role != "speaker":
                continue
            for candidate in self._within(turn.label_start, turn.label_end):
                return self._set_speaker(candidate, self.entity_of.get(id(candidate)))
        return None

    def _set_speaker(self, candidate: Candidate, entity_id: str | None) -> str | None:
        entity = self.doc.entities.get(entity_id) if entity_id else None
        context = self._office_context(candidate, accredited=True)
        if entity is None and context is not None:
            entity = self._context_person(candidate, context, None)
            self.entity_of[id(candidate)] = entity.id
        if entity is not None and entity.kind == "person" and not entity.actor:
            # "… Spokesman Esmaeil Baghaei / Tehran, February 1, 2027": an office of no named
            # state speaks for the state where the statement is made
            state = self._statement_state() or self._main_state()
            if state:
                entity = replace(entity, actor=state, country=state)
                self.doc.entities[entity.id] = entity
        name_ru = self._speaker_name(candidate, entity)
        self.doc.metadata.speaker = Speaker(
            entity_id=entity.id if entity else None,
            name_ru=name_ru,
            name_en=entity.name_en if entity else None,
            actor=entity.actor if entity else None,
            sector=entity.sector if entity else None,
            # The title names the capacity the person speaks in (spokesperson, not director).
            office=context.title.en if context else (entity.office if entity else None),
            start=candidate.start,
            end=candidate.end,
        )
        return entity.actor if entity else None

    def _body_state(self, start: int, end: int) -> str | None:
        """The state a title body's own words name: "Ministry of Foreign Affairs of the
        Republic of Estonia", "Estonian Foreign Ministry", "Iran's Foreign Ministry"."""
        text = self.doc.text
        for candidate in self.found:
            entity_id = self.entity_of.get(id(candidate))
            entity = self.doc.entities.get(entity_id) if entity_id else None
            if entity is None or entity.kind != "state":
                continue
            after = text[end : candidate.start]
            before = text[candidate.end : start]
            if re.fullmatch(r"\s+of\s+(?:the\s+)?", after) or re.fullmatch(
                r"(?:['’]s)?\s+", before
            ):
                return entity.actor
        return None

    def _statement_state(self) -> str | None:
        """The state of the place the title names (its trailer or the line below it)."""
        span = self.doc.metadata.place_span
        if span is None:
            return None
        for candidate in self._within(*span):
            entity_id = self.entity_of.get(id(candidate))
            entity = self.doc.entities.get(entity_id) if entity_id else None
            if entity is not None and entity.kind in ("place", "state"):
                return entity.country or entity.actor
        return None

    def _main_state(self) -> str | None:
        """The state a statement makes the subject of its clauses at least twice as often as
        any other ("China strongly deplores …", "China will take …"): whose spokesperson
        speaks, when neither the office nor the place says it."""
        counts: Counter[str] = Counter()
        for candidate in self.found:
            entity_id = self.entity_of.get(id(candidate))
            entity = self.doc.entities.get(entity_id) if entity_id else None
            if entity is None or entity.kind != "state" or candidate.form != "name":
                continue
            tokens = candidate.sentence.tokens if candidate.sentence is not None else None
            if tokens and tokens[candidate.last].rel.startswith("nsubj"):
                counts[entity.actor] += 1
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 2:
            return None
        if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            return None
        return ranked[0][0]

    def _speaker_name(self, candidate: Candidate, entity: Entity | None) -> str:
        # The speaker's name as a turn label writes it ("Сергей Лавров"), else the entity's.
        for turn in self.doc.turns:
            label = self.doc.text[turn.label_start : turn.label_end]
            if entity and any(
                self.entity_of.get(id(c)) == entity.id
                for c in self._within(turn.label_start, turn.label_end)
            ):
                return label
        if entity and entity.kind == "person":
            given_surname = entity.name_ru.split()
            return " ".join(given_surname[:1] + given_surname[-1:])
        return candidate.normal or self.doc.text[candidate.start : candidate.end]

    def _ambiguous(self) -> None:
        counts: Counter[str] = Counter()
        for candidate in self.found:
            actor = self._actor_of(candidate)
            if actor:
                counts[actor] += 1
        for candidate in self.found:
            if self.entity_of.get(id(candidate)) or not candidate.targets:
                continue
            options = candidate.targets[0].candidates
            if not options:
                continue
            ranked = sorted(options, key=lambda code: -counts[code])
            if counts[ranked[0]] and (len(ranked) == 1 or counts[ranked[0]] > counts[ranked[1]]):
                entity = self.r.gazetteer.entities.get(f"state:{ranked[0]}")
                if entity:
                    self.entity_of[id(candidate)] = self._add(entity)

    def _pronouns(self, speaker_actor: str | None) -> None:
        if not speaker_actor:
            return
        entity = self.r.gazetteer.entities.get(f"state:{speaker_actor}")
        if entity is None:
            return
        for candidate in self.found:
            if candidate.form == "pronoun":
                self.entity_of[id(candidate)] = self._add(entity)

    def _counterpart(self, speaker_actor: str | None) -> None:
        counts: Counter[str] = Counter()
        for candidate in self.found:
            entity_id = self.entity_of.get(id(candidate))
            if entity_id and candidate.form != "pronoun":
                entity = self.doc.entities[entity_id]
                if entity.kind == "state" and entity.actor != speaker_actor:
                    counts[entity.actor] += 1
        self.doc.metadata.counterparts = [code for code, _ in counts.most_common(1)]

    def _named_before(self, candidate: Candidate) -> str | None:
        """«President Lee Jae Myung … Lee spoke by phone …»: a name of one or two words that
        are part of the full name of exactly one person the text named before it."""
        words = self.doc.text[candidate.start : candidate.end].split()
        if not words or len(words) > 2 or not all(w[:1].isupper() for w in words):
            return None
        found = set()
        for other in self.found:
            entity_id = self.entity_of.get(id(other))
            if other.start >= candidate.start or not entity_id:
                continue
            if self.doc.entities[entity_id].kind != "person":
                continue
            full = self.doc.text[other.start : other.end].replace("-", " ").split()
            if len(full) > len(words) and all(w in full for w in words):
                found.add(entity_id)
        return found.pop() if len(found) == 1 else None

    def _unidentified_people(self) -> None:
        for candidate in self.found:
            if candidate.label != "PER" or self.entity_of.get(id(candidate)):
                continue
            named = self._named_before(candidate)
            if named is not None:
                self.entity_of[id(candidate)] = named
                continue
            context = self._office_context(candidate)
            if context is not None:
                counterpart = (self.doc.metadata.counterparts or [None])[0]
                entity = self._context_person(candidate, context, counterpart)
                self.entity_of[id(candidate)] = entity.id

    def _context_person(
        self, candidate: Candidate, context: OfficeContext, counterpart: str | None
    ) -> Entity:
        state = context.state or (counterpart if context.colleague else None)
        normal = self._normal(candidate) or self.doc.text[candidate.start : candidate.end]
        entity = Entity(
            id=f"person:ctx:{fold(normal).replace(' ', '-')}",
            kind="person",
            name_en=transliterate(normal, self.r.translit),
            name_ru=normal,
            actor=state,
            country=state,
            sector=context.title.sector,
            office=context.title.en,
            extra={"identified_by": "office context"},
        )
        self._add(entity)
        return self.doc.entities[entity.id]

    def _office_context(
        self, candidate: Candidate, accredited: bool = False
    ) -> OfficeContext | None:
        """The office phrase right before a name; ``accredited``: also across the state an
        envoy serves in («Посла России в Турецкой Республике А.В.Ерхова», the title's speaker)."""
        tokens, first = self._tokens_of(candidate)
        if tokens is None:
            return None
        end = first
        state = None
        # An NER name carries no sentence of its own: compare sentences by their tokens.
        before = [c for c in self.by_sentence.get(id(tokens), ()) if c.end <= candidate.start]
        if before and before[-1].last == first - 1 and before[-1].form == "name":
            state = self._actor_of(before[-1])
            end = before[-1].first
        found = self.r.offices.ending_at(tokens, end)
        accreditation = accredited and state is not None and end > 0
        if found is None and accreditation and _accreditation(tokens[end - 1]):
            # «Посла России в Турецкой Республике А.В.Ерхова»: the state after «в» is where
            # the envoy serves; the office and its own state come before it
            end, state = end - 1, None
            own = [c for c in before if c.last == end - 1 and c.form == "name"]
            if own:
                state, end = self._actor_of(own[-1]), own[-1].first
            found = self.r.offices.ending_at(tokens, end)
        if found is None:
            return None
        start, title = found
        window = tokens[max(0, start - 3) : start]
        colleague = any(fold(t.lemma) in self.r.colleague_words for t in window)
        return OfficeContext(title, state, colleague, tokens[start].start)

    def _tokens_of(self, candidate: Candidate) -> tuple[list[Token] | None, int]:
        if candidate.sentence is not None:
            return candidate.sentence.tokens, candidate.first
        index = bisect.bisect_right(self.starts, candidate.start) - 1
        if index < 0:
            return None, -1
        tokens = self.token_lists[index]
        for position, token in enumerate(tokens):
            if token.start >= candidate.start:
                return tokens, position
        return None, -1

    # -- metadata links -------------------------------------------------------------------

    def _turns(self) -> None:
        speaker = self.doc.metadata.speaker
        for turn in self.doc.turns:
            for candidate in self._within(turn.label_start, turn.label_end):
                entity_id = self.entity_of.get(id(candidate))
                if entity_id:
                    turn.entity_id = entity_id
                    turn.actor = self.doc.entities[entity_id].actor
                    break
            label = self.doc.text[turn.label_start : turn.label_end]
            if (
                turn.actor is None
                and speaker is not None
                and speaker.entity_id
                and (speaker.name_en or "").split()[-1:] == [label]
            ):
                # "Baghaei:": the title's speaker by surname
                turn.entity_id, turn.actor = speaker.entity_id, speaker.actor

    def _place(self) -> None:
        span = self.doc.metadata.place_span
        if span is None:
            return
        for candidate in self.found:
            if span[0] <= candidate.start and candidate.end <= span[1]:
                self.doc.metadata.place_entity_id = self.entity_of.get(id(candidate))
                return

    # -- output ---------------------------------------------------------------------------

    def _emit(self) -> None:
        text = self.doc.text
        mentions = []
        for candidate in self._with_groups():
            entity_id = self.entity_of.get(id(candidate))
            mentions.append(
                Mention(
                    start=candidate.start,
                    end=candidate.end,
                    text=text[candidate.start : candidate.end],
                    label=candidate.label,
                    form=candidate.form,
                    normal=candidate.normal or self._normal(candidate),
                    source=candidate.source,
                    entity_id=entity_id,
                )
            )
        self.doc.mentions = mentions

    def _normal(self, candidate: Candidate) -> str:
        tokens, first = self._tokens_of(candidate)
        if tokens is None:
            return ""
        span = [t for t in tokens[first:] if t.end <= candidate.end]
        return nominative_phrase(self.doc.text, span, candidate.label, self.r.morphology)

    def _with_groups(self) -> list[Candidate]:
        """State + sector word -> a group actor.

        ``российской армии`` (adjective or pronoun before the word) and ``правительства
        Израиля`` (the word before a state's name) both keep the state's own mention inside.
        """
        sectors = self.r.gazetteer.sector_words
        out: list[Candidate] = []
        for candidate in self.found:
            entity_id = self.entity_of.get(id(candidate))
            entity = self.doc.entities.get(entity_id) if entity_id else None
            tokens = candidate.sentence.tokens if candidate.sentence else None
            if entity is None or entity.kind != "state" or tokens is None:
                out.append(candidate)
                continue
            after, before = candidate.last + 1, candidate.first - 1
            out.append(candidate)
            if (
                candidate.form in ("adjective", "pronoun")
                and after < len(tokens)
                and fold(tokens[after].lemma) in sectors
                and not self._named_body(candidate.start, tokens[after].end)
            ):
                out.append(self._group(candidate, tokens[after], entity_id, after))
            elif (
                candidate.form == "name"
                and before >= 0
                and fold(tokens[before].lemma) in sectors
                and not self._named_body(tokens[before].start, candidate.end)
            ):
                out.append(self._group(candidate, tokens[before], entity_id, before))
        return out

    def _named_body(self, start: int, end: int) -> bool:
        """The gazetteer already names the span («МИД России» is the ministry itself): no
        second, generic group over the same words."""
        return any(
            (entity := self.doc.entities.get(self.entity_of.get(id(c)) or ""))
            and entity.kind not in ("state", "place")
            for c in self._around(start, end)
        )

    def _group(
        self, candidate: Candidate, noun: Token, state_id: str, noun_index: int
    ) -> Candidate:
        state = self.doc.entities[state_id]
        sector, label_en = self.r.gazetteer.sector_words[fold(noun.lemma)]
        adjective = self.r.gazetteer.adjective_en.get(state.actor, state.name_en)
        individual = fold(noun.lemma) in self.r.offices.first_lemmas
        group = Candidate(
            start=min(candidate.start, noun.start),
            end=max(candidate.end, noun.end),
            targets=[],
            form="group",
            label="MISC" if individual else _SECTOR_LABEL.get(sector, "ORG"),
            normal="",
            source=f"rule:state+sector ({candidate.source})",
            sentence=candidate.sentence,
            first=min(candidate.first, noun_index),
            last=max(candidate.last, noun_index),
        )
        entity = Entity(
            id=f"group:{state.actor}:{sector}:{_slug(label_en)}",
            kind="group",
            name_en=f"{adjective} {label_en}",
            name_ru=self._normal(group),
            actor=state.actor,
            country=state.actor,
            sector=sector,
        )
        self.entity_of[id(group)] = self._add(entity)
        return group


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _accreditation(token: Token) -> bool:
    """«в», «во», «при»: the preposition of the state or body an envoy is accredited to."""
    return fold(token.text) in ("в", "во", "при")
