"""Title-line metadata: genre, place and date (``Выступление ... (Вонсан, 12 июля 2025 года)``).

A language pack may find its genre word after a possessive as well as at the start
(``genre_position``: "anywhere", as English titles name the speaker first: ``Sergey
Lavrov's remarks ...``) and
take a trailer after commas (``comma_trailer``: ``..., Moscow, August 21, 2025``).

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


@cache
def _pack_options(language: str) -> tuple[bool, bool]:
    """(genre word anywhere in the line, trailer after commas)."""
    pack = load_json(f"lang/{language}.json")
    return pack.get("genre_position") == "anywhere", bool(pack.get("comma_trailer"))


@cache
def _genre_leads(language: str) -> str:
    """Where a genre word may stand besides the start and after a possessive: the pack's
    ``genre_leads`` ("excerpts from the weekly press briefing")."""
    leads = load_json(f"lang/{language}.json").get("genre_leads", [])
    return "".join(f"|{lead}" for lead in leads)


_MAX_PLACE_WORDS = 4


def _comma_trailer(line: str, language: str) -> re.Match[str] | None:
    """``, Moscow, August 21, 2025`` (or ``, August 21, 2025``) ending the line: a match whose
    group 1 is the trailer without its leading comma."""
    dates = find_full_dates(line, language)
    if not dates or line[dates[-1][1] :].strip(" .") or dates[-1][0] == 0:
        return None
    start = dates[-1][0]
    before = line[:start].rstrip()
    if not before.endswith(","):
        return None
    head = before[:-1]
    cut = head.rfind(",")
    place = head[cut + 1 :].strip()
    if cut > 0 and place[:1].isupper() and len(place.split()) <= _MAX_PLACE_WORDS:
        start = cut
    else:
        start = len(head)
    return re.compile(r",\s*(.*\S)\s*$").search(line, start)


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
    if trailer is None and _pack_options(doc.language)[1]:
        trailer = _comma_trailer(line, doc.language)
    base = lead  # where the line with the genre word and the trailer starts
    if not genre and not trailer and len(line) <= _MAX_TITLE:
        below = _genre_line_below(doc, end)
        if below is not None:
            # a headline, the issuer, then "Press release, 20.01.2027": one title block
            base, line, genre = below
            trailer = _TRAILER.search(line) or _comma_trailer(line, doc.language)
            end = base + len(line)
    if (not genre and not trailer) or len(line) > _MAX_TITLE:
        _date_near_top(doc)
        return
    meta.title = (lead, base + len(line))
    if trailer is None and _pack_options(doc.language)[1]:
        _place_date_line(doc, end)
    if genre:
        at = genre[2]
        meta.title_genre_word = line[at : at + len(genre[0])]
        meta.genre = genre[1]
    if trailer:
        inside_start = base + trailer.start(1)
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


_LINES_BELOW = 3
_MAX_GENRE_LINE = 80


def _genre_line_below(doc: Document, title_end: int) -> tuple[int, str, tuple] | None:
    """A short line opening with a genre word within the few lines under a headline (a
    pack's ``genre_line_below``): (its start, the line, the genre)."""
    if not load_json(f"lang/{doc.language}.json").get("genre_line_below"):
        return None
    text, start = doc.text, title_end + 1
    for _ in range(_LINES_BELOW):
        while start < len(text) and text[start] in "\n \t":
            start += 1
        stop = text.find("\n", start)
        stop = len(text) if stop < 0 else stop
        line = text[start:stop].rstrip()
        if not line or len(line) > _MAX_GENRE_LINE:
            return None
        genre = _genre(line, doc.language)
        if genre and genre[2] == 0:
            return start, line, genre
        start = stop + 1
    return None


_PLACE_LINE = re.compile(r"[ \t]*(?P<place>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}),[ \t]*")


def _place_date_line(doc: Document, title_end: int) -> None:
    """A title followed by a line of its own with the place and the date ("Tokyo, January 25,
    2027"): the statement's place and date, as a trailer would give them."""
    text = doc.text
    start = title_end + 1
    while start < len(text) and text[start] == "\n":
        start += 1
    stop = text.find("\n", start)
    stop = len(text) if stop < 0 else stop
    line = text[start:stop].rstrip()
    match = _PLACE_LINE.match(line)
    dates = find_full_dates(line, doc.language) if match else []
    if not dates or dates[-1][0] != match.end() or line[dates[-1][1] :].strip(" ."):
        return
    meta = doc.metadata
    meta.date, meta.date_span = dates[-1][2], (start + dates[-1][0], start + dates[-1][1])
    meta.place_span = (start + match.start("place"), start + match.end("place"))


def _genre(line: str, language: str) -> tuple[str, str, int] | None:
    """(genre word, label, its offset in the line)."""
    lowered = line.lower()
    if _pack_options(language)[0]:
        found = [
            (m.start(), -len(word), word, label)
            for word, label in _genres(language)
            if (
                m := re.search(
                    rf"(?:^|['’]s\s+{_genre_leads(language)}){re.escape(word.lower())}(?!\w)",
                    lowered,
                )
            )
        ]
        if not found:
            return None
        at, _, word, label = min(found)
        at = lowered.index(word.lower(), at)  # past a possessive ``'s``
        return word, label, at
    for word, label in _genres(language):
        if lowered.startswith(word.lower()) and not lowered[len(word) : len(word) + 1].isalpha():
            return word, label, 0
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
    if trailer is None and _pack_options(doc.language)[1]:
        trailer = _comma_trailer(line, doc.language)
    stop = start + (trailer.start() if trailer else len(line))
    genre_word = meta.title_genre_word or ""
    begin = start + (line.find(genre_word) if genre_word else 0) + len(genre_word)
    if meta.speaker is not None and start <= meta.speaker.start < stop:
        # after the speaker, or after a genre word that follows the speaker's name
        begin = max(meta.speaker.end, begin if genre_word else 0)
    occasion = doc.text[begin:stop]
    stripped = occasion.strip(" ,.:")
    if stripped:
        offset = begin + occasion.find(stripped)
        meta.occasion, meta.occasion_span = stripped, (offset, offset + len(stripped))
