"""News datelines: «МОСКВА, 14 марта. /ТАСС/.», «БАКУ /Trend/ –», «ЕРЕВАН, 3 апреля – РИА Новости.»

A dateline says where and when a wire report was filed and by whom. Its city is where the
correspondent sat, never a participant of what the report tells; its date dates the report.
"""

from __future__ import annotations

import re
from datetime import date

from demarche.model import Document, Marker
from demarche.structure.dates import find_dates, find_full_dates, month_number

# A place (upper case, or capitalised when a date and an agency follow), an optional country
# after a comma («LA PAZ, Bolivia»), an optional date (day and month, or an English month and
# day, and a year), then an optional agency between slashes or brackets, or named before a
# dash («INTERFAX.RU –»), or after a dash at the end of the dateline, or in capitals
# closing it («ЕРЕВАН, 14 АПРЕЛЯ, АРМЕНПРЕСС.»).
_UPPER_PLACE = r"[A-ZА-ЯЁ][A-ZА-ЯЁ\-]{1,}(?:[ \-][A-ZА-ЯЁ][A-ZА-ЯЁ\-]{1,}){0,2}"
_TITLE_PLACE = r"[A-ZА-ЯЁ][a-zа-яё\-]{2,}(?:[ \-][A-ZА-ЯЁ][a-zа-яё\-]{1,}){0,2}"
_DATELINE = re.compile(
    rf"(?P<place>{_UPPER_PLACE}|{_TITLE_PLACE})"
    r"(?:,\s*(?P<country>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=\s*[(/]))?"
    r"(?:[,.]\s*(?:(?P<day>\d{1,2})\s+(?P<month>[а-яё]+|[А-ЯЁ]{3,})"
    r"|(?P<emonth>[A-Z][a-z]{2,8})\.?\s+(?P<eday>\d{1,2}))"
    r"(?:,?\s+(?P<year>\d{4}))?(?:\s*г(?:ода|\.))?)?"
    r"\s*[.,]?\s*"
    r"(?P<agency>[/(][^/()\n]{2,40}[/)]"
    r"|[A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё.\-]{2,20}(?: [A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё\-]{1,20})?(?=\s*[–—-]\s)"
    r"|[–—-]\s*[^\s.–—-][^.\n]{1,30}\.(?=\s)"
    r"|[A-ZА-ЯЁ][A-ZА-ЯЁ\-]{2,20}\.(?=\s))?"
    r"\s*\.?\s*(?:[–—-]{1,2})?\s*"
)
_YEARS = re.compile(r"\b((?:19|20)\d\d)\s*(?:год|г\.)")
# «70 лет со дня установления отношений в мае 1956 года», "the 70th anniversary of ... in
# 1956": an anniversary counted from a year dates the report that marks it
_ANNIVERSARY = re.compile(
    r"(\d{1,3})\s*(?:-?\s*(?:лет|летие|летию|летия|летием|й годовщин|th anniversary|years))"
    r"[^!?\n]{0,200}?\b(1[89]\d\d|20\d\d)\b",
    re.IGNORECASE,
)
_WINDOW = 3  # a dateline opens one of the first few paragraphs (after a headline)


def find_dateline(doc: Document) -> None:
    """Mark the dateline, and take the report's place and date from it where the title gave
    none."""
    text = doc.text
    start = 0
    for _ in range(_WINDOW):
        while start < len(text) and text[start] in " \t\r\n":
            start += 1
        match = _DATELINE.match(text, start)
        if match and _is_dateline(match):
            _record(doc, match)
            return
        newline = text.find("\n", start)
        if newline < 0:
            return
        start = newline + 1


def _is_dateline(match: re.Match[str]) -> bool:
    """An upper-case word alone could open an acronym-led sentence («НАТО расширяется»); a
    dateline has a date or an agency after its place, and its place is a word, not an
    abbreviation."""
    day = match.group("day") or match.group("eday")
    if not (day or match.group("agency")):
        return False
    place = match.group("place")
    if not place.isupper() and not (day and match.group("agency")):
        return False  # «Москва, 5 марта (БелТА) –»: a capitalised place needs both
    return len(place) >= 4 and match.end() > match.start("place") + len(place)


def _record(doc: Document, match: re.Match[str]) -> None:
    doc.markers.append(Marker("dateline", match.start(), match.end(), match.group(0).strip()))
    meta = doc.metadata
    headline = doc.text[: match.start()].strip()
    if meta.title is None and headline and "\n" not in headline:
        # the headline restates the report it opens; the report is the evidence
        first = doc.text.find(headline)
        meta.title = (first, first + len(headline))
    if meta.place_span is None:
        meta.place_span = (match.start("place"), match.end("place"))
    titled = (
        meta.date_span is not None
        and meta.title is not None
        and (meta.title[0] <= meta.date_span[0] < meta.title[1])
    )
    day_group = "day" if match.group("day") else "eday"
    if match.group(day_group) and not titled:
        # the dateline dates the report; a date found near the top is what the report recalls
        meta.date = None
        month = month_number(match.group("month") or match.group("emonth"), doc.language)
        day = int(match.group(day_group))
        year = int(match.group("year")) if match.group("year") else _year(doc, month, day)
        if month and year:
            try:
                meta.date = date(year, month, day)
                parts = [g for g in ("day", "month", "emonth", "eday") if match.group(g)]
                meta.date_span = (
                    min(match.start(g) for g in parts),
                    max(match.end(g) for g in parts),
                )
            except ValueError:
                pass
    if meta.genre is None:
        meta.genre = "news"


def _year(doc: Document, month: int | None = None, day: int | None = None) -> int | None:
    """The year of a dateline that gives none: the given date's, else the year of the latest
    date the report mentions or an anniversary it marks counts to, or the next one when the
    dateline would fall before that date (a report is filed after what it recalls)."""
    if doc.given_date:
        return doc.given_date.year
    full = [value for _, _, value in find_full_dates(doc.text, doc.language)]
    partial = [value for _, _, value in find_dates(doc.text, doc.language)]
    years = [int(y) for y in _YEARS.findall(doc.text)] + [value.year for value in full]
    years += [int(value[:4]) for value in partial]
    years += [int(m.group(2)) + int(m.group(1)) for m in _ANNIVERSARY.finditer(doc.text)]
    if not years:
        return None
    year = max(years)
    # the latest day (or month: «в октябре 2025 года») of that year the report recalls
    known = [(value.month, value.day) for value in full if value.year == year]
    known += [
        (int(value[5:7]), 1) for value in partial if len(value) >= 7 and int(value[:4]) == year
    ]
    latest = max(known, default=None)
    if latest and month and day and (month, day) < latest:
        year += 1
    return year
