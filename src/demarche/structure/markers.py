"""Elisions (``<...>``), hashtags (``#РоссияКНДР``) and quotations («...»)."""

from __future__ import annotations

import re
from functools import cache

from demarche.data import load_json
from demarche.model import Marker

_HASHTAG = re.compile(r"(?<![\w#])#\w+")
_QUOTATION = re.compile(r"«[^«»\n]*(?:«[^«»\n]*»[^«»\n]*)*»|„[^“\n]*“|\"[^\"\n]+\"")


@cache
def _elision(language: str) -> re.Pattern[str]:
    return re.compile("|".join(load_json(f"lang/{language}.json")["elision_patterns"]))


@cache
def _quotation(language: str) -> re.Pattern[str]:
    extra = load_json(f"lang/{language}.json").get("quotation_patterns", [])
    return re.compile("|".join([*extra, _QUOTATION.pattern])) if extra else _QUOTATION


def find_markers(text: str, language: str = "ru") -> list[Marker]:
    markers = [
        Marker("elision", m.start(), m.end(), m.group()) for m in _elision(language).finditer(text)
    ]
    markers += [Marker("hashtag", m.start(), m.end(), m.group()) for m in _HASHTAG.finditer(text)]
    markers += [
        Marker("quotation", m.start(), m.end(), m.group())
        for m in _quotation(language).finditer(text)
    ]
    return sorted(markers, key=lambda m: m.start)
