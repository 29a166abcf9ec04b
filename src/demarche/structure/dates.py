"""Russian calendar dates: ``12 июля 2025 года`` -> 2025-07-12."""

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
    lowered = word.lower()
    for stem, number in _month_stems(language):
        if stem.match(lowered):
            return number
    return None


def find_full_dates(text: str, language: str = "ru") -> list[tuple[int, int, date]]:
    """Every complete day-month-year date in ``text``: (start, end, date)."""
    found = []
    for match in _FULL_DATE.finditer(text):
        month = month_number(match.group(2), language)
        if month is None:
            continue
        try:
            value = date(int(match.group(3)), month, int(match.group(1)))
        except ValueError:
            continue
        found.append((match.start(), match.end(), value))
    return found


_MONTH_YEAR = re.compile(r"\b([А-Яа-яЁё]{3,})\s+(\d{4})(?:\s*(?:года|году|г\.))?")
_YEAR = re.compile(r"\b(?:в|с|до|к)\s+(\d{4})\s*(?:году|года|г\.)")


def find_dates(text: str, language: str = "ru") -> list[tuple[int, int, str]]:
    """Full, month-year and year dates as ISO strings of their precision (2024-06, 2024)."""
    found = [(s, e, d.isoformat()) for s, e, d in find_full_dates(text, language)]
    taken = [(s, e) for s, e, _ in found]

    def free(start: int, end: int) -> bool:
        return all(end <= s or e <= start for s, e in taken)

    for match in _MONTH_YEAR.finditer(text):
        month = month_number(match.group(1), language)
        if month and free(match.start(), match.end()):
            found.append((match.start(), match.end(), f"{match.group(2)}-{month:02d}"))
            taken.append((match.start(), match.end()))
    for match in _YEAR.finditer(text):
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
