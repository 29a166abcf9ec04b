"""Translations: the Russian and English versions of one statement, linked and aligned.

A newly written document is compared with the stored documents in another language that
carry the same date. The score is the mean of two Jaccard similarities, each counted only
when either document has something to compare:

- the actor codes the two documents mention (``document_actors``): a translation names the
  same states and organisations, whatever the words;
- the numbers written in digits in the two texts (days, years, counts): «4 декабря 2026
  года» and "December 4, 2026" share 4 and 2026, and figures survive translation.

A speaker or issuer known on both sides must be the same entity. Pairs scoring at least
``THRESHOLD`` are linked. The score is symmetric and is recomputed from stored rows only,
so ingesting either version first gives the same link, and a rewrite of a document (a
re-analysis) drops its links and computes them again.

Alignment (``demarche/alignment.py``) pairs the two documents' events on type, PLOVER mode
(``visit``, ``disapprove``…; not the modality, which the events table does not keep), source
set and target set, preferring an equal date; what is left unpaired on each side is reported
as such.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, delete, insert, or_, select

from demarche.alignment import align as align_events
from demarche.store import schema as t

# 0.6 is a judgement, not a measured optimum (no gold set of translation pairs exists yet):
# the bundled pair scores 1.0, and two statements of one day on different subjects share
# RUS and the date's numbers, which alone should not make a link.
THRESHOLD = 0.6

_NUMBER = re.compile(r"\d+")


def similarity(
    actors_a: set[str],
    actors_b: set[str],
    numbers_a: set[str],
    numbers_b: set[str],
    speaker_a: str | None = None,
    speaker_b: str | None = None,
) -> float:
    """The translation score of two documents, in [0, 1]; symmetric in its two sides."""
    if speaker_a and speaker_b and speaker_a != speaker_b:
        return 0.0
    parts = [
        len(a & b) / len(a | b) for a, b in ((actors_a, actors_b), (numbers_a, numbers_b)) if a | b
    ]
    return sum(parts) / len(parts) if parts else 0.0


def numbers_in(text: str) -> set[str]:
    """The numbers written in digits, without leading zeros ("05" and "5" are one day)."""
    return {match.lstrip("0") or "0" for match in _NUMBER.findall(text)}


def link(
    connection: Connection,
    document_id: int,
    row: Mapping[str, Any] | None = None,
    fresh: bool = False,
) -> list[tuple[int, float]]:
    """Link a just-written document to its translations; returns (other id, score) pairs.

    Runs inside the writer's transaction, after the document's facts are written. ``row``:
    the document's date, language, speaker and text as just written, read back if not
    given; ``fresh``: the row id is new, so it has no old links to drop."""
    from demarche.store.writer import lock

    d = t.documents.c
    me = (
        SimpleNamespace(**{key: row[key] for key in ("date", "language", "speaker", "text")})
        if row is not None
        else connection.execute(
            select(d.date, d.language, d.speaker, d.text).where(d.id == document_id)
        ).one()
    )
    tr = t.translations.c
    if not fresh:
        connection.execute(
            delete(t.translations).where(
                or_(tr.document_id == document_id, tr.translation_id == document_id)
            )
        )
    if me.date is None:
        return []
    # Two versions of one statement written concurrently (PostgreSQL) take turns here, so
    # the second sees the first once it is committed and makes the link.
    lock(connection, f"translations:{me.date.isoformat()}")
    candidates = connection.execute(
        select(d.id, d.speaker, d.text).where(
            d.date == me.date, d.language != me.language, d.id != document_id
        )
    ).all()
    if not candidates:
        return []
    actors = _actors(connection, [document_id, *(c.id for c in candidates)])
    mine = numbers_in(me.text)
    linked = []
    for other in candidates:
        score = similarity(
            actors.get(document_id, set()),
            actors.get(other.id, set()),
            mine,
            numbers_in(other.text),
            me.speaker,
            other.speaker,
        )
        if score >= THRESHOLD:
            linked.append((other.id, round(score, 4)))
    if linked:
        connection.execute(
            insert(t.translations),
            [
                {
                    "document_id": min(document_id, other),
                    "translation_id": max(document_id, other),
                    "score": score,
                }
                for other, score in linked
            ],
        )
    return linked


def _actors(connection: Connection, ids: Sequence[int]) -> dict[int, set[str]]:
    rows = connection.execute(
        select(t.document_actors.c.document_id, t.document_actors.c.actor).where(
            t.document_actors.c.document_id.in_(ids)
        )
    )
    found: dict[int, set[str]] = {}
    for document_id, actor in rows:
        found.setdefault(document_id, set()).add(actor)
    return found


def translations_of(connection: Connection, document_id: int) -> list[dict[str, Any]]:
    """The documents linked to this one as translations, best score first."""
    tr = t.translations.c
    rows = connection.execute(
        select(tr.document_id, tr.translation_id, tr.score).where(
            or_(tr.document_id == document_id, tr.translation_id == document_id)
        )
    ).all()
    found = [
        {
            "id": r.translation_id if r.document_id == document_id else r.document_id,
            "score": r.score,
        }
        for r in rows
    ]
    return sorted(found, key=lambda item: (-item["score"], item["id"]))


def _events(connection: Connection, document_id: int) -> list[dict[str, Any]]:
    e = t.events.c
    rows = connection.execute(
        select(
            e.id,
            e.local_id,
            e.type,
            e.mode,
            e.source,
            e.target,
            e.date,
            e.summary,
            e.start,
            e.end,
            e.trigger_start,
            e.trigger_end,
        )
        .where(e.document_id == document_id)
        .order_by(e.start, e.id)
    ).mappings()
    return [dict(row) for row in rows]


def _shape(event: dict[str, Any]) -> tuple[str, str, frozenset[str], frozenset[str]]:
    """What two versions of one event must share: the words differ, these do not."""
    return (
        event["type"],
        event["mode"],
        frozenset(filter(None, event["source"].split(";"))),
        frozenset(filter(None, event["target"].split(";"))),
    )


def align(
    these: list[dict[str, Any]], those: list[dict[str, Any]]
) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Pair events of equal type, mode, source set and target set, an equal date first,
    then in text order; returns the pairs and the unpaired events of each side."""
    return align_events(these, those, _shape)


def _evidence(event: dict[str, Any]) -> dict[str, Any]:
    return {
        "event_id": event["id"],
        "start": event["start"],
        "end": event["end"],
        "trigger_start": event["trigger_start"],
        "trigger_end": event["trigger_end"],
        "summary": event["summary"],
    }


def translation(connection: Connection, document_id: int) -> dict[str, Any] | None:
    """The best-linked translation of a document and the two versions' events aligned, or
    None when the document has no linked translation.

    ``share`` is the aligned events (counted on both sides) over all events of the two."""
    linked = translations_of(connection, document_id)
    if not linked:
        return None
    other = linked[0]
    these = _events(connection, document_id)
    those = _events(connection, other["id"])
    pairs, left, right = align(these, those)
    total = len(these) + len(those)
    languages = dict(
        connection.execute(
            select(t.documents.c.id, t.documents.c.language).where(
                t.documents.c.id.in_([document_id, other["id"]])
            )
        ).all()
    )
    return {
        "document_id": document_id,
        "translation_id": other["id"],
        "score": other["score"],
        "languages": {"document": languages[document_id], "translation": languages[other["id"]]},
        "aligned": [
            {
                "type": a["type"],
                "mode": a["mode"],
                "source": a["source"],
                "target": a["target"],
                "date": a["date"] or b["date"],
                "document": _evidence(a),
                "translation": _evidence(b),
            }
            for a, b in pairs
        ],
        "unaligned_document": [_evidence(event) | {"type": event["type"]} for event in left],
        "unaligned_translation": [_evidence(event) | {"type": event["type"]} for event in right],
        "share": round(2 * len(pairs) / total, 4) if total else 0.0,
        "other_translations": [item["id"] for item in linked[1:]],
    }
