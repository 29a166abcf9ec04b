"""Title-line metadata: genre, place and date (``Выступление ... (Вонсан, 12 июля 2025 года)``).

The speaker and occasion need resolved actors; ``set_occasion`` runs after actor resolution.
"""

from __future__ import annotations

import re
from functools import cache

from demarche.data import load_json
from demarche.model import Document
from demarche.structure.dates import find_full_dates

_TRAILER = re.compile(r"\(([^()]*)\)\s*$")
_MAX_TITLE = 600


@cache
def _genres(language: str) -> list[tuple[str, str]]:
    genres = load_json(f"lang/{language}.json")["genres"]
    return sorted(genres.items(), key=lambda item: -len(item[0]))


def parse_title(doc: Document) -> None:
    """Fill genre, title span, place span and date from the first line, when it is a title."""
    text = doc.text
    lead = len(text) - len(text.lstrip())
    end = text.find("\n", lead)
    end = len(text) if end < 0 else end
    line = text[lead:end].rstrip()
    meta = doc.metadata
    genre = _genre(line, doc.language)
    trailer = _TRAILER.search(line)
    if (not genre and not trailer) or len(line) > _MAX_TITLE:
        _date_near_top(doc)
        return
    meta.title = (lead, lead + len(line))
    if genre:
        meta.title_genre_word = line[: len(genre[0])]
        meta.genre = genre[1]
    if trailer:
        inside_start = lead + trailer.start(1)
        inside = trailer.group(1)
        dates = find_full_dates(inside, doc.language)
        if dates:
            start, stop, value = dates[-1]
            meta.date, meta.date_span = value, (inside_start + start, inside_start + stop)
            place = inside[:start].rstrip(" ,")
        else:
            place = inside.strip()
        if place and not place[:1].isdigit():
            meta.place_span = (inside_start, inside_start + len(place))
    if meta.date is None:
        _date_near_top(doc)


def _genre(line: str, language: str) -> tuple[str, str] | None:
    lowered = line.lower()
    for word, label in _genres(language):
        if lowered.startswith(word.lower()) and not lowered[len(word) : len(word) + 1].isalpha():
            return word, label
    return None


def _date_near_top(doc: Document) -> None:
    head = doc.text[:400]
    dates = find_full_dates(head, doc.language)
    if dates and doc.metadata.date is None:
        start, stop, value = dates[0]
        doc.metadata.date, doc.metadata.date_span = value, (start, stop)


def set_occasion(doc: Document) -> None:
    """The occasion: title words after the speaker (or the genre word) up to the trailer."""
    meta = doc.metadata
    if meta.title is None:
        return
    start, end = meta.title
    line = doc.text[start:end]
    trailer = _TRAILER.search(line)
    stop = start + (trailer.start() if trailer else len(line))
    begin = start + len(meta.title_genre_word or "")
    if meta.speaker is not None and start <= meta.speaker.start < stop:
        begin = meta.speaker.end
    occasion = doc.text[begin:stop]
    stripped = occasion.strip(" ,.:")
    if stripped:
        offset = begin + occasion.find(stripped)
        meta.occasion, meta.occasion_span = stripped, (offset, offset + len(stripped))
