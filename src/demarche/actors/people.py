"""Person names: the Russian variants a statement may use, and the office held on a date."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from demarche.actors.gazetteer import Office

MIN_SURNAME_ALONE = 4


def name_variants(person: dict[str, Any]) -> list[str]:
    """Nominative variants; case forms are matched by the gazetteer's stem rule."""
    parts = person["name_ru"]
    given, middle, surname = parts.get("given"), parts.get("patronymic"), parts["surname"]
    variants = list(person.get("aliases_ru", []))
    if person.get("order") == "eastern":
        variants.append(f"{surname} {given}" if given else surname)
        return variants
    if given:
        variants.append(f"{given} {surname}")
        variants.append(f"{given[0]}.{surname}")
        if middle:
            variants.append(f"{given} {middle} {surname}")
            variants.append(f"{given[0]}.{middle[0]}.{surname}")
    if len(surname) >= MIN_SURNAME_ALONE:
        variants.append(surname)
    return variants


def name_variants_en(person: dict[str, Any]) -> list[str]:
    """English variants: the name, its aliases and, for western order, the surname alone."""
    name = person["name_en"]
    variants = [name, *person.get("aliases_en", [])]
    words = name.split()
    if person.get("order", "western") != "eastern" and len(words) > 1:
        surname = words[-1]
        common = surname.lower() in _common_capitalised()  # «on Friday» is no Godwin Friday
        if len(surname) >= MIN_SURNAME_ALONE and surname[:1].isupper() and not common:
            variants.append(surname)
        variants.append(f"{words[0][0]}. {surname}")
    return list(dict.fromkeys(variants))


@cache
def _common_capitalised() -> frozenset[str]:
    """Capitalised English words that name no actor (weekdays, months, forms of address):
    a surname spelt like one is no name alone."""
    from demarche.data import load_json

    return frozenset(w.lower() for w in load_json("lang/en.json").get("common_capitalised", []))


def office_on(offices: tuple[Office, ...], when: date | None) -> tuple[Office | None, bool]:
    """The office held on ``when`` (head of state first), else the latest one as *former*."""
    if not offices:
        return None, False
    if when is not None:
        current = [o for o in offices if o.start <= when and (o.end is None or when <= o.end)]
        if current:
            return min(current, key=_rank), False
        past = [o for o in offices if o.start <= when]
        if past:
            return max(past, key=lambda o: o.end or date.max), True
        return min(offices, key=lambda o: o.start), True
    ongoing = [o for o in offices if o.end is None]
    if ongoing:
        return min(ongoing, key=_rank), False
    return max(offices, key=lambda o: o.end or date.max), True


_ROLE_RANK = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2}


def _rank(office: Office) -> int:
    return _ROLE_RANK.get(office.role, 9)
