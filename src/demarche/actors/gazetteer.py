"""The actor gazetteer: every name the data files know, as token patterns pointing at entities.

Knowledge comes from ``demarche/data/actors/*.json``; this module only compiles it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from razdel import tokenize

from demarche.data import load_json
from demarche.language.morphology import Morphology, fold
from demarche.model import Entity, MentionForm


@dataclass(slots=True)
class Office:
    role: str
    office_en: str
    state: str
    sector: str
    start: date
    end: date | None


@dataclass(slots=True)
class Target:
    """What a pattern points at: one entity template, or several when context must decide."""

    entity: Entity | None
    form: MentionForm
    label: str
    candidates: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()


@dataclass(slots=True)
class PatternWord:
    surface: str
    keys: frozenset[str]
    capital: bool
    allow_stem: bool


@dataclass(slots=True)
class Pattern:
    words: tuple[PatternWord, ...]
    targets: list[Target] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(w.surface for w in self.words)


class Gazetteer:
    def __init__(self, morphology: Morphology, language: str = "ru") -> None:
        self.morphology = morphology
        self.language = language
        self.patterns: dict[tuple[str, ...], Pattern] = {}
        self.first_word: dict[str, list[Pattern]] = {}
        self.entities: dict[str, Entity] = {}
        self.sector_words: dict[str, tuple[str, str]] = {}
        self.adjective_en: dict[str, str] = {}
        self.state_adjectives: dict[str, str] = {}
        self.ambiguous: dict[str, tuple[str, ...]] = {}
        # Patterns whose first word matches a word form (matcher.starting_patterns).
        self.starts: dict[str, tuple[Pattern, ...]] = {}
        # Whether a pattern word (by id; patterns live as long as the gazetteer) matches a form.
        self.word_hits: dict[tuple[int, str], bool] = {}

    # -- building -------------------------------------------------------------------------

    def add(self, name: str, target: Target) -> None:
        words = tuple(self._word(w, i, name) for i, w in enumerate(_words(name, self.language)))
        if not words:
            return
        key = tuple(fold(w.surface) for w in words)
        pattern = self.patterns.get(key)
        self.starts.clear()
        self.word_hits.clear()
        if pattern is None:
            pattern = self.patterns[key] = Pattern(words)
            for first in words[0].keys:
                self.first_word.setdefault(first, []).append(pattern)
        same = [t for t in pattern.targets if _target_id(t) == _target_id(target)]
        if not same:
            pattern.targets.append(target)

    def _word(self, word: str, index: int, name: str) -> PatternWord:
        folded = fold(word)
        keys = {folded}
        if len(word) > 1 and not _is_abbreviation(word):
            keys.add(fold(self.morphology.lemma(word)))
            if self.language == "ru" and folded[-1] in "ая" and len(folded) > 3:
                keys.add(folded[:-1])
        multiword = " " in name.strip() or "." in name
        return PatternWord(
            surface=word,
            keys=frozenset(keys),
            capital=word[:1].isupper(),
            allow_stem=word.isalpha() and (len(word) >= 4 or (multiword and index > 0)),
        )

    def register(self, entity: Entity) -> Entity:
        return self.entities.setdefault(entity.id, entity)


def _words(name: str, language: str = "ru") -> list[str]:
    if language == "en":
        from demarche.language.english import tokenize_name

        return tokenize_name(name)
    return [t.text for t in tokenize(name)]


def _is_abbreviation(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _target_id(target: Target) -> str:
    return target.entity.id if target.entity else "?" + ",".join(target.candidates)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def parse_date(value: str | None, end: bool = False) -> date | None:
    """ISO date with day, month or year precision; ``end`` picks the last day of the period."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        if not end:
            return date(parts[0], parts[1], 1)
        next_month = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return date.fromordinal(next_month.toordinal() - 1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


# -- loading the data files -----------------------------------------------------------------


@cache
def load_gazetteer(morphology: Morphology, language: str = "ru") -> Gazetteer:
    """The gazetteer for one language: the same entities (and ids) in every language, found
    through that language's names. English names come from the ``name_en``/``aliases_en``
    fields and ``actors/english.json`` (short forms, demonyms, aliases the files lack)."""
    gazetteer = Gazetteer(morphology, language)
    names = _Names(language)
    _load_states(gazetteer, load_json("actors/states.json"), names)
    _load_organizations(gazetteer, load_json("actors/organizations.json"), names)
    _load_places(gazetteer, load_json("actors/places.json"), names)
    _load_people(gazetteer, load_json("actors/people.json"), names)
    return gazetteer


class _Names:
    """Which names of a data-file item the gazetteer matches, per language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.extra: dict[str, Any] = load_json("actors/english.json") if language == "en" else {}

    def aliases(self, key: str) -> list[str]:
        return list(self.extra.get("aliases", {}).get(key, []))

    def state(self, state: dict[str, Any]) -> tuple[list[str], list[str], list[str]]:
        """(names, adjectives, demonyms)."""
        if self.language != "en":
            return state["names_ru"], state.get("adjectives_ru", []), state.get("demonyms_ru", [])
        code = state["code"]
        names = [*state.get("names_en", [state["name_en"]]), *self.aliases(f"state:{code}")]
        adjectives = [state["adjective_en"]] if state.get("adjective_en") else []
        adjectives += self.extra.get("adjectives", {}).get(code, [])
        demonyms = self.extra.get("demonyms", {}).get(code, [])
        names = _with_plain_letters(names)
        return names, [a for a in _with_plain_letters(adjectives) if a not in names], demonyms

    def ambiguous(self, data: dict[str, Any]) -> list[dict[str, Any]]:
        if self.language != "en":
            return [{"name": i["ru"], "candidates": i["candidates"]} for i in data]
        return self.extra.get("ambiguous_adjectives", [])

    def organization(self, org: dict[str, Any]) -> tuple[list[str], list[str]]:
        if self.language != "en":
            return org["names_ru"], org.get("adjectives_ru", [])
        names = [org["name_en"], org.get("full_name_en") or org["name_en"]]
        return _unique(names + self.aliases(f"org:{org['code']}")), []

    def body(self, body: dict[str, Any]) -> list[str]:
        if self.language != "en":
            return body["names_ru"]
        return _unique([body["name_en"], *self.aliases(f"body:{_slug(body['name_en'])}")])

    def sector_word(self, word: dict[str, Any]) -> str:
        return word["ru"] if self.language != "en" else word["name_en"]

    def place(self, kind: str, place: dict[str, Any]) -> list[str]:
        if self.language != "en":
            return place["names_ru"]
        names = [place["name_en"], *self.aliases(f"{kind}:{_slug(place['name_en'])}")]
        return _with_plain_letters(_unique(names))

    def person(self, person: dict[str, Any]) -> list[str]:
        from demarche.actors.people import name_variants, name_variants_en

        if self.language != "en":
            return name_variants(person)
        return name_variants_en(person) + self.aliases(f"person:{person['id']}")


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))


_SAINT = re.compile(r"\b(?:Saint|St\.?)(?= [A-Z])")


def _with_plain_letters(names: list[str]) -> list[str]:
    """Each English name of a state or place also in the spellings texts use for it: without
    diacritics («Türkiye» and «Turkiye», «Bogotá», «São Tomé»), with a plain apostrophe
    («Nukuʻalofa»), «&» for «and» («Trinidad & Tobago») and «St.» for «Saint» («St. John's»,
    «Saint Lucia»), and back."""
    out = []
    for name in names:
        straight = name.replace("ʻ", "'").replace("’", "'")
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", straight) if not unicodedata.combining(c)
        )
        for form in dict.fromkeys((name, straight, plain)):
            out.append(form)
            if " and " in form:
                out.append(form.replace(" and ", " & "))
            if _SAINT.search(form):
                out.extend(_SAINT.sub(saint, form) for saint in ("Saint", "St.", "St"))
    return _unique(out)


def _load_states(gazetteer: Gazetteer, data: dict[str, Any], names: _Names) -> None:
    # An adjective that several states share («Dominican», «Congolese») is ambiguous: the
    # document's more frequent candidate wins (resolver), never the first state listed.
    owners: dict[str, tuple[str, list[str]]] = {}
    for state in data["states"]:
        for adjective in names.state(state)[1]:
            owners.setdefault(fold(adjective), (adjective, []))[1].append(state["code"])
    shared = {key: owner for key, owner in owners.items() if len(owner[1]) > 1}
    for state in data["states"]:
        code = state["code"]
        entity = gazetteer.register(
            Entity(
                id=f"state:{code}",
                kind="state",
                name_en=state["name_en"],
                name_ru=state["names_ru"][0],
                actor=code,
                country=code,
                wikidata=state.get("wikidata"),
                extra={"status": state.get("status")},
            )
        )
        gazetteer.adjective_en[code] = state.get("adjective_en") or state["name_en"]
        state_names, adjectives, demonyms = names.state(state)
        for name in state_names:
            gazetteer.add(name, Target(entity, "name", "LOC"))
        for adjective in adjectives:
            if fold(adjective) in shared:
                continue
            gazetteer.add(adjective, Target(entity, "adjective", "LOC"))
            gazetteer.state_adjectives[fold(adjective)] = code
        for demonym in demonyms:
            gazetteer.add(demonym, Target(entity, "demonym", "LOC"))
    listed = {fold(i["name"]) for i in names.ambiguous(data.get("ambiguous_adjectives", []))}
    for key, (adjective, codes) in shared.items():
        if key not in listed:
            gazetteer.ambiguous[key] = tuple(codes)
            gazetteer.add(adjective, Target(None, "adjective", "LOC", candidates=tuple(codes)))
    for item in names.ambiguous(data.get("ambiguous_adjectives", [])):
        candidates = tuple(item["candidates"])
        gazetteer.ambiguous[fold(item["name"])] = candidates
        gazetteer.add(item["name"], Target(None, "adjective", "LOC", candidates=candidates))


def _load_organizations(gazetteer: Gazetteer, data: dict[str, Any], names: _Names) -> None:
    for org in data["organizations"]:
        entity = gazetteer.register(
            Entity(
                id=f"org:{org['code']}",
                kind="organization",
                name_en=org["name_en"],
                name_ru=org["names_ru"][0],
                actor=org["code"],
                sector=org.get("sector", "IGO"),
                wikidata=org.get("wikidata"),
                extra={
                    "full_name_en": org.get("full_name_en"),
                    "org_kind": org.get("kind"),
                    "acts_for": org.get("acts_for"),
                },
            )
        )
        org_names, org_adjectives = names.organization(org)
        for name in org_names:
            gazetteer.add(name, Target(entity, "name", "ORG"))
        for adjective in org_adjectives:
            gazetteer.add(adjective, Target(entity, "adjective", "ORG"))
    for body in data.get("state_bodies", []):
        entity = gazetteer.register(
            Entity(
                id=f"body:{_slug(body['name_en'])}",
                kind="state_body",
                name_en=body["name_en"],
                name_ru=body["names_ru"][0],
                actor=body["state"],
                sector=body["sector"],
                country=body["state"],
                wikidata=body.get("wikidata"),
            )
        )
        for name in names.body(body):
            gazetteer.add(name, Target(entity, "name", "ORG"))
    for word in data.get("sector_words", []):
        if names.language == "ru":
            gazetteer.sector_words[fold(word["ru"])] = (word["sector"], word["name_en"])
        else:  # the first sense of an English word wins (``military``: armed forces)
            key = fold(gazetteer.morphology.lemma(names.sector_word(word)))
            gazetteer.sector_words.setdefault(key, (word["sector"], word["name_en"]))


def _load_places(gazetteer: Gazetteer, data: dict[str, Any], names: _Names) -> None:
    for kind, items in (("place", data["places"]), ("region", data["regions"])):
        for place in items:
            entity = gazetteer.register(
                Entity(
                    id=f"{kind}:{_slug(place['name_en'])}",
                    kind=kind,
                    name_en=place["name_en"],
                    name_ru=place["names_ru"][0],
                    country=place.get("country"),
                    extra={
                        k: place[k]
                        for k in ("kind", "geonameid", "lat", "lon", "claimed_by", "countries")
                        if k in place
                    },
                )
            )
            for name in names.place(kind, place):
                gazetteer.add(name, Target(entity, "name", "LOC"))


def _load_people(gazetteer: Gazetteer, data: dict[str, Any], names: _Names) -> None:
    for person in data["people"]:
        offices = tuple(
            Office(
                role=o["role"],
                office_en=o["office_en"],
                state=o["state"],
                sector=o.get("sector", "GOV"),
                start=parse_date(o["start"]) or date.min,
                end=parse_date(o.get("end"), end=True),
            )
            for o in person["offices"]
        )
        parts = person["name_ru"]
        full_ru = " ".join(p for p in _ordered(parts, person.get("order", "western"), False) if p)
        entity = gazetteer.register(
            Entity(
                id=f"person:{person['id']}",
                kind="person",
                name_en=person["name_en"],
                name_ru=full_ru,
                wikidata=person.get("wikidata"),
            )
        )
        for variant in names.person(person):
            gazetteer.add(variant, Target(entity, "name", "PER", offices=offices))


def _ordered(parts: dict[str, str | None], order: str, patronymic: bool) -> list[str | None]:
    if order == "eastern":
        return [parts.get("surname"), parts.get("given")]
    middle = parts.get("patronymic") if patronymic else None
    return [parts.get("given"), middle, parts.get("surname")]
