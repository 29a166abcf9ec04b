"""The shared document model.

Every derived item carries ``start``/``end``: character offsets (Python ``str`` indices) into
``Document.text``, which is kept exactly as read (after decoding and newline normalisation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

MentionForm = Literal["name", "adjective", "demonym", "pronoun", "group", "office", "hashtag"]
EntityKind = Literal[
    "person", "state", "organization", "state_body", "place", "region", "group", "unresolved"
]


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    pos: str = ""
    feats: dict[str, str] = field(default_factory=dict)
    lemma: str = ""
    head: int = -1  # index of the syntactic head within the sentence; -1 for root/unparsed
    rel: str = ""


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)
    parsed: bool = False


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int
    kind: Literal["title", "body", "hashtags"] = "body"
    sentences: list[Sentence] = field(default_factory=list)


@dataclass(slots=True)
class TextRepair:
    """A glued word split in two; the text itself is never changed, only the tokens."""

    start: int
    end: int
    found: str
    repaired: str


@dataclass(slots=True)
class Marker:
    """Elisions, hashtags, quotations and news datelines found in the text."""

    kind: Literal["elision", "hashtag", "quotation", "dateline"]
    start: int
    end: int
    text: str


@dataclass(slots=True)
class SpeakerTurn:
    label: str
    role: Literal["speaker", "question", "answer"]
    start: int
    end: int
    label_start: int
    label_end: int
    entity_id: str | None = None
    actor: str | None = None


@dataclass(slots=True)
class Entity:
    """Who or what a group of mentions refers to."""

    id: str
    kind: EntityKind
    name_en: str
    name_ru: str
    actor: str | None = None
    sector: str | None = None
    office: str | None = None
    country: str | None = None
    wikidata: str | None = None
    former: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    label: Literal["PER", "LOC", "ORG", "MISC"]
    form: MentionForm
    normal: str
    source: str
    entity_id: str | None = None

    @property
    def resolved(self) -> bool:
        return self.entity_id is not None


@dataclass(slots=True)
class Speaker:
    entity_id: str | None
    name_ru: str
    name_en: str | None
    actor: str | None
    sector: str | None
    office: str | None
    start: int
    end: int


@dataclass(slots=True)
class Metadata:
    genre: str | None = None
    title_genre_word: str | None = None
    title: tuple[int, int] | None = None
    speaker: Speaker | None = None
    occasion: str | None = None
    occasion_span: tuple[int, int] | None = None
    date: date | None = None
    date_span: tuple[int, int] | None = None
    place_entity_id: str | None = None
    place_span: tuple[int, int] | None = None
    counterparts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ActorRef:
    """One side of a fact: an actor code, with the sector and person where known."""

    code: str
    sector: str | None = None
    entity_id: str | None = None
    person: str | None = None


@dataclass(slots=True)
class Evidence:
    start: int
    end: int
    trigger: tuple[int, int] | None = None


@dataclass(slots=True)
class Event:
    id: str
    type: str
    mode: str
    context: str
    source: list[ActorRef]
    target: list[ActorRef]
    evidence: Evidence
    date: str | None = None
    location: str | None = None
    aux: list[str] = field(default_factory=list)
    confidence: float = 0.5
    note: str = ""
    summary: str = ""
    modality: str = "done"  # done | historical | planned | proposed | hypothetical | negated


@dataclass(slots=True)
class Round:
    number: int | None
    date: str | None
    place: str | None
    evidence: Evidence
    status: str = "held"


@dataclass(slots=True)
class Agreement:
    id: str
    name_ru: str
    name_normal: str
    name_en: str
    kind: str
    parties: list[str]
    evidence: list[Evidence]
    signed: str | None = None
    signed_at: str | None = None
    valid: list[str] = field(default_factory=list)
    scope: list[str] = field(default_factory=list)
    status: str = "mentioned"
    summary: str = ""
    signatories: list[str] = field(default_factory=list)  # English names, where the text says


@dataclass(slots=True)
class DialogueFormat:
    key: str
    name_ru: str
    name_en: str
    parties: list[str]
    level: str | None
    launched_by: list[str]
    rounds: list[Round]
    evidence: list[Evidence]
    summary: str = ""


@dataclass(slots=True)
class Relation:
    a: str
    b: str
    kind: str
    evidence: Evidence
    since: str | None = None
    summary: str = ""


@dataclass(slots=True)
class Stance:
    holder: str
    target: str
    polarity: Literal["positive", "negative", "mixed"]
    score: float
    evidence: Evidence
    basis: list[str] = field(default_factory=list)
    summary: str = ""


@dataclass(slots=True)
class RhetoricMarker:
    kind: Literal["scare_quotes", "loaded_label", "official_euphemism"]
    start: int
    end: int
    text: str
    gloss: str = ""


@dataclass(slots=True)
class Facts:
    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    formats: list[DialogueFormat] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    rhetoric: list[RhetoricMarker] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    id: str
    text: str
    source: str = ""
    url: str | None = None
    title: str | None = None
    given_date: date | None = None
    language: str = "ru"
    paragraphs: list[Paragraph] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    markers: list[Marker] = field(default_factory=list)
    turns: list[SpeakerTurn] = field(default_factory=list)
    repairs: list[TextRepair] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: Facts = field(default_factory=Facts)
    warnings: list[str] = field(default_factory=list)

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    @property
    def tokens(self) -> list[Token]:
        return [t for s in self.sentences for t in s.tokens]

    @property
    def date(self) -> date | None:
        return self.metadata.date or self.given_date
