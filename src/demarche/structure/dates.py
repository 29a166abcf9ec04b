"""Calendar dates: ``12 июля 2025 года``, ``August 21, 2025`` -> ISO dates.

Russian patterns are the defaults; another language pack gives its own (``date_patterns``
with named groups day, month and year; ``month_year_pattern``; ``year_pattern``)."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from demarche.data import load_json

_FULL_DATE = re.compile(r"(\d{1,2})\s+([А-Яа-яЁё]+)\s+(\d{4})(?:\s*(?:года|г\.))?")


@cache
def _month_stems(language: str) -> list[tuple[re.Pattern[str], int]]:
    # Month names decline (июль, июля, июле): the language pack gives stems as patterns.
    months = load_json(f"lang/{language}.json")["months"]
    return [(re.compile(stem), number) for stem, number in months.items()]


def month_number(word: str, language: str = "ru") -> int | None:
    """A month's name in any form, or its number (``01`` in a pack's numeric pattern)."""
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 12 else None
    lowered = word.lower()
    for stem, number in _month_stems(language):
        if stem.match(lowered):
            return number
    return None


@cache
def _patterns(language: str) -> tuple[list[re.Pattern[str]], re.Pattern[str], re.Pattern[str]]:
    pack = load_json(f"lang/{language}.json")
    full = [re.compile(p) for p in pack.get("date_patterns", [])] or [_FULL_DATE]
    month_year = pack.get("month_year_pattern")
    year = pack.get("year_pattern")
    return (
        full,
        re.compile(month_year) if month_year else _MONTH_YEAR,
        re.compile(year) if year else _YEAR,
    )


def _parts(match: re.Match[str]) -> tuple[str, str, str]:
    """(day, month word, year) of a full-date match, by group name or position."""
    if "month" in match.re.groupindex:
        return match.group("day"), match.group("month"), match.group("year")
    return match.group(1), match.group(2), match.group(3)


def find_full_dates(text: str, language: str = "ru") -> list[tuple[int, int, date]]:
    """Every complete day-month-year date in ``text``: (start, end, date)."""
    found = []
    taken: list[tuple[int, int]] = []
    for pattern in _patterns(language)[0]:
        for match in pattern.finditer(text):
            day, word, year = _parts(match)
            month = month_number(word, language)
            if month is None or any(s < match.end() and match.start() < e for s, e in taken):
                continue
            try:
                value = date(int(year), month, int(day))
            except ValueError:
                continue
            found.append((match.start(), match.end(), value))
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda item: item[0])


_MONTH_YEAR = re.compile(r"\b([А-Яа-яЁё]{3,})\s+(\d{4})(?:\s*(?:года|году|г\.))?")
# «в 2019 году», and at the start of a sentence «В 2019 году», «С 2014 года»
_YEAR = re.compile(r"\b(?i:в|с|до|к)\s+(\d{4})\s*(?:году|года|г\.)")


def find_dates(text: str, language: str = "ru") -> list[tuple[int, int, str]]:
    """Full, month-year and year dates as ISO strings of their precision (2024-06, 2024)."""
    found = [(s, e, d.isoformat()) for s, e, d in find_full_dates(text, language)]
    taken = [(s, e) for s, e, _ in found]

    def free(start: int, end: int) -> bool:
        return all(end <= s or e <= start for s, e in taken)

    _, month_year, year = _patterns(language)
    for match in month_year.finditer(text):
        month = month_number(match.group(1), language)
        if month and free(match.start(), match.end()):
            found.append((match.start(), match.end(), f"{match.group(2)}-{month:02d}"))
            taken.append((match.start(), match.end()))
    for match in year.finditer(text):
        if free(match.start(1), match.end()):
            found.append((match.start(1), match.end(), match.group(1)))
    return sorted(found)


def shift(anchor: date, how: int | str) -> str:
    """Resolve a relative date against ``anchor``: days as int, or 'year-1', 'month+1'…"""
    if isinstance(how, int):
        return date.fromordinal(anchor.toordinal() + how).isoformat()
    unit, _, offset = how.partition("+") if "+" in how else how.partition("-")
    delta = int(offset or 0) * (-1 if "-" in how else 1)
    if unit == "year":
        return str(anchor.year + delta)
    months = anchor.year * 12 + anchor.month - 1 + delta
    return f"{months // 12}-{months % 12 + 1:02d}"
