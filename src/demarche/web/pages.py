"""Server-rendered pages: reader, search, actor, network, agreements, formats, upload.

Statements are untrusted input. Templates autoescape, the highlighted reader text is built
here from escaped pieces (never ``|safe`` on document text), data for scripts travels in
JSON islands with ``<``, ``>`` and ``&`` escaped, and every page is sent with a
Content-Security-Policy that allows scripts from /static only.
"""

from __future__ import annotations

import calendar
import csv
import heapq
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib.resources import files
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, StreamingResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from sqlalchemy import func, select

from demarche import __version__
from demarche.store import Filters, Store, queries
from demarche.store import schema as t
from demarche.store.search import search
from demarche.store.store import shared_morphology
from demarche.web.deps import get_store

router = APIRouter(include_in_schema=False)

_env = Environment(
    loader=FileSystemLoader(str(files("demarche.web") / "templates")),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
PAGE_SIZE = 25
QUAD_CLASSES = {
    1: ("Verbal cooperation", "#4caf50"),
    2: ("Material cooperation", "#1b5e20"),
    3: ("Verbal conflict", "#ff9800"),
    4: ("Material conflict", "#d32f2f"),
    None: ("Declared relation only", "#9e9e9e"),
}
EVENT_COLOURS = {  # as the chips in style.css
    "SUPPORT": "#2e7d32",
    "CONSULT": "#1565c0",
    "AGREE": "#00838f",
    "ACCUSE": "#e65100",
    "REJECT": "#ad1457",
    "MOBILIZE": "#b71c1c",
}
TYPE_COLOURS = [
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
]


def _json_island(value: Any) -> Markup:
    """JSON safe to place inside <script type="application/json">: no tag can close it."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


_env.filters["json_island"] = _json_island


def _render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return _respond(_html(request, template, **context), status)


def _html(request: Request, template: str, **context: Any) -> str:
    context.setdefault("active", template.removesuffix(".html"))
    return _env.get_template(template).render(request=request, version=__version__, **context)


def _respond(html: str, status: int = 200) -> HTMLResponse:
    response = HTMLResponse(html, status_code=status)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _not_found(request: Request, what: str) -> HTMLResponse:
    return _render(request, "not_found.html", status=404, what=what, active="")


# -- filters from the query string ---------------------------------------------------------


def _day(value: str | None, end: bool = False) -> date | None:
    """``2025``, ``2025-07`` or ``2025-07-12``; a range's end takes the last day."""
    value = (value or "").strip()
    try:
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 12, 31) if end else date(int(value), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = int(value[:4]), int(value[5:])
            last = calendar.monthrange(year, month)[1]
            return date(year, month, last if end else 1)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value)
    except ValueError:
        return None
    return None


def _clean(value: str | None, limit: int = 200) -> str:
    return (value or "").strip()[:limit]


def _filters(actor: str, date_from: str, date_to: str, genre: str, speaker: str) -> Filters:
    if actor and ":" not in actor:  # a code (RUS); entity ids (person:…) keep their case
        actor = actor.upper()
    return Filters(
        actor=actor or None,
        date_from=_day(date_from),
        date_to=_day(date_to, end=True),
        genre=genre or None,
        speaker=speaker or None,
    )


def _actor_names(connection, codes) -> dict[str, str]:
    codes = sorted({c for c in codes if c})
    if not codes:
        return {}
    rows = connection.execute(
        select(t.actors.c.code, t.actors.c.name_en, t.actors.c.kind).where(
            t.actors.c.code.in_(codes)
        )
    ).all()
    names: dict[str, str] = {}
    rank = {"state": 0, "organization": 1}
    best: dict[str, int] = {}
    for code, name, kind in rows:
        r = rank.get(kind, 9)
        if code not in best or r < best[code]:
            best[code], names[code] = r, name
    return names


# -- home ----------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def home(request: Request, page: int = 1, store: Store = Depends(get_store)):
    page = max(1, min(page, 100_000))
    # store.query answers from the store's cache until the next write
    overview = store.query("overview")
    documents, total = store.query("documents", None, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    with store.engine.connect() as connection:
        names = _actor_names(connection, [a["actor"] for a in overview["top_actors"]])
    return _render(
        request,
        "home.html",
        counts=store.counts(),
        overview=overview,
        names=names,
        documents=documents,
        **_pages(page, total),
    )


# -- reader --------------------------------------------------------------------------------


@dataclass(order=True)
class _Span:
    start: int
    neg_end: int
    layer: int
    seq: int
    tag: str = field(compare=False, default="span")
    classes: str = field(compare=False, default="")
    attrs: dict[str, str] = field(compare=False, default_factory=dict)

    @property
    def end(self) -> int:
        return -self.neg_end


@dataclass
class _Node:
    start: int
    end: int
    span: _Span | None
    children: list[_Node] = field(default_factory=list)


# Outer to inner when ranges tie: evidence, formats, agreements, events, rhetoric, mentions.
LAYER_EVIDENCE, LAYER_FORMAT, LAYER_AGREEMENT, LAYER_EVENT, LAYER_RHETORIC, LAYER_MENTION = range(6)


def highlight(text: str, spans: list[_Span]) -> Markup:
    """The text as HTML with every span nested; a span crossing its parent is split.

    Every piece of text is escaped; attributes are escaped too. Pieces of a split span keep
    its attributes, so a click on any of them finds the same fact.
    """
    heap = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    heapq.heapify(heap)
    root = _Node(0, len(text), None)
    stack = [root]
    seq = len(spans)
    while heap:
        span = heapq.heappop(heap)
        while stack[-1] is not root and stack[-1].end <= span.start:
            stack.pop()
        parent = stack[-1]
        end = span.end
        if end > parent.end:  # crosses the parent's end: cut here, the rest comes later
            seq += 1
            rest = _Span(parent.end, -end, span.layer, seq, span.tag, span.classes, span.attrs)
            heapq.heappush(heap, rest)
            end = parent.end
        if end <= span.start:
            continue
        node = _Node(span.start, end, span)
        parent.children.append(node)
        stack.append(node)
    return Markup("".join(_emit(text, root)))


def _emit(text: str, node: _Node) -> list[str]:
    out: list[str] = []
    if node.span is not None:
        attrs = "".join(f' {k}="{escape(v)}"' for k, v in node.span.attrs.items())
        out.append(f'<{node.span.tag} class="{escape(node.span.classes)}"{attrs}>')
    cursor = node.start
    for child in node.children:
        out.append(str(escape(text[cursor : child.start])))
        out.extend(_emit(text, child))
        cursor = child.end
    out.append(str(escape(text[cursor : node.end])))
    if node.span is not None:
        out.append(f"</{node.span.tag}>")
    return out


def _actors_of(parties: list[dict[str, Any]]) -> list[str]:
    labels = []
    for party in parties or []:
        label = party.get("code") or "?"
        if party.get("person"):
            label += f" ({party['person']})"
        labels.append(label)
    return labels


def _joined(actors: list[str | None]) -> str:
    """``RUS (Sergey Lavrov), PRK → USA``: parties separated by commas, sides by an arrow."""
    sides, current = [], []
    for actor in actors:
        if actor == "→":
            sides.append(current)
            current = []
        elif actor:
            current.append(actor)
    sides.append(current)
    return " → ".join(", ".join(side) or "?" for side in sides) if any(sides) else ""


def _reader_model(analysis: dict[str, Any]) -> tuple[list[_Span], list[dict[str, Any]], dict]:
    """Spans to highlight, the facts for the side list and the popover data."""
    facts = analysis.get("facts", {})
    spans: list[_Span] = []
    listed: list[dict[str, Any]] = []
    evidence: dict[tuple[int, int], list[str]] = {}
    seq = 0

    def add(layer, start, end, classes, **attrs):
        nonlocal seq
        if start is None or end is None:
            return
        seq += 1
        tag = "span" if layer == LAYER_EVIDENCE else "mark"
        spans.append(_Span(int(start), -int(end), layer, seq, tag, classes, attrs))

    def fact(fid, kind, kind_label, type_, actors, when, summary, evidence_items):
        ranges = []
        for item in evidence_items:
            if item and item.get("start") is not None:
                key = (item["start"], item["end"])
                evidence.setdefault(key, []).append(fid)
                ranges.append(list(key))
        listed.append(
            {
                "id": fid,
                "kind": kind,
                "kind_label": kind_label,
                "type": type_,
                "actors": _joined(actors),
                "date": when,
                "summary": summary,
                "evidence": ranges,
            }
        )

    for event in facts.get("events", []):
        fid = f"ev-{event['id']}"
        ev = event.get("evidence") or {}
        trigger = ev.get("trigger") or ev
        who = [*_actors_of(event.get("source", [])), "→", *_actors_of(event.get("target", []))]
        label = event["type"] + (f":{event['mode']}" if event.get("mode") else "")
        fact(fid, "event", "Event", label, who, event.get("date"), event["summary"], [ev])
        signed = "1" if (event.get("note") or "").startswith("agreement:") else "0"
        add(
            LAYER_EVENT,
            trigger.get("start"),
            trigger.get("end"),
            f"hl ev ev-{event['type'].lower()}",
            **{"data-fact": fid, "data-type": event["type"], "data-signing": signed},
        )
    for i, agreement in enumerate(facts.get("agreements", []), 1):
        fid = f"ag-{agreement.get('id') or i}"
        items = agreement.get("evidence") or []
        fact(
            fid,
            "agreement",
            "Agreement",
            agreement.get("kind") or "agreement",
            agreement.get("parties", []),
            agreement.get("signed"),
            agreement.get("summary") or agreement.get("name_en"),
            items,
        )
        for item in items:
            trigger = item.get("trigger") or item
            add(
                LAYER_AGREEMENT,
                trigger.get("start"),
                trigger.get("end"),
                "hl agr",
                **{"data-fact": fid, "data-type": "AGREEMENT"},
            )
    for i, fmt in enumerate(facts.get("dialogue_formats", []), 1):
        fid = f"fm-{i}"
        items = list(fmt.get("evidence") or [])
        items += [r["evidence"] for r in fmt.get("rounds", []) if r.get("evidence")]
        fact(
            fid,
            "format",
            "Dialogue format",
            fmt.get("level") or "format",
            fmt.get("parties", []),
            ", ".join(str(r.get("date") or "?") for r in fmt.get("rounds", [])),
            fmt.get("summary") or fmt.get("name_en"),
            items,
        )
        for item in items:
            trigger = item.get("trigger") or item
            add(
                LAYER_FORMAT,
                trigger.get("start"),
                trigger.get("end"),
                "hl fmt",
                **{"data-fact": fid, "data-type": "FORMAT"},
            )
    for i, relation in enumerate(facts.get("relations", []), 1):
        fact(
            f"rl-{i}",
            "relation",
            "Relation",
            relation.get("kind"),
            [relation.get("a"), relation.get("b")],
            relation.get("since"),
            relation.get("summary"),
            [relation.get("evidence")],
        )
    for i, stance in enumerate(facts.get("stances", []), 1):
        fact(
            f"st-{i}",
            "stance",
            "Stance",
            stance.get("polarity"),
            [stance.get("holder"), "→", stance.get("target")],
            None,
            stance.get("summary"),
            [stance.get("evidence")],
        )
    for i, marker in enumerate(facts.get("rhetoric", []), 1):
        fid = f"rh-{i}"
        gloss = marker.get("gloss") or ""
        summary = f"{marker['kind'].replace('_', ' ')}: {marker.get('text', '')}"
        if gloss:
            summary += f" ({gloss})"
        fact(fid, "rhetoric", "Rhetoric", marker["kind"], [], None, summary, [marker])
        add(
            LAYER_RHETORIC,
            marker.get("start"),
            marker.get("end"),
            f"hl rh rh-{marker['kind'].replace('_', '-')}",
            **{"data-fact": fid, "data-type": "RHETORIC"},
        )
    entities = {e["id"]: e for e in analysis.get("entities", [])}
    for mention in analysis.get("mentions", []):
        entity = entities.get(mention.get("entity") or "")
        attrs = {"data-label": mention.get("label", "")}
        if entity:
            attrs["data-entity"] = entity["id"]
        add(
            LAYER_MENTION,
            mention["start"],
            mention["end"],
            f"hl ent ent-{mention.get('label', 'misc').lower()}",
            **attrs,
        )
    for (start, end), ids in evidence.items():
        add(
            LAYER_EVIDENCE,
            start,
            end,
            "evidence",
            **{"data-ev": " ".join(ids), "data-range": f"{start}-{end}"},
        )
    popover = {
        "facts": {f["id"]: f for f in listed},
        "entities": {
            eid: {
                "name_en": e.get("name_en"),
                "name_ru": e.get("name_ru"),
                "kind": e.get("kind"),
                "actor": e.get("actor"),
                "office": e.get("office"),
            }
            for eid, e in entities.items()
        },
    }
    return spans, listed, popover


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def reader(request: Request, document_id: int, store: Store = Depends(get_store)):
    document = store.document(document_id) if 0 < document_id < 2**62 else None
    if document is None:
        return _not_found(request, f"document {document_id}")
    analysis = document["analysis"]
    text = analysis.get("document", {}).get("text") or ""
    spans, listed, popover = _reader_model(analysis)
    metadata = analysis.get("metadata", {})
    groups: dict[str, list[dict[str, Any]]] = {}
    for item in listed:
        groups.setdefault(item["kind_label"], []).append(item)
    return _render(
        request,
        "reader.html",
        active="documents",
        document=document,
        metadata=metadata,
        body=highlight(text, spans),
        groups=groups,
        popover=popover,
        warnings=analysis.get("warnings", []),
        translations=store.query("translations_of", document_id),
    )


@router.get("/documents/{document_id}/translation", response_class=HTMLResponse)
def translation(request: Request, document_id: int, store: Store = Depends(get_store)):
    """The statement beside its linked translation, the aligned events highlighted in both
    texts with one number per pair, so an event is read once with evidence in both."""
    document = store.document(document_id) if 0 < document_id < 2**62 else None
    if document is None:
        return _not_found(request, f"document {document_id}")
    aligned = store.query("translation", document_id)
    if aligned is None:
        return _not_found(request, f"translation of document {document_id}")
    other = store.document(aligned["translation_id"])
    if other is None:  # deleted meanwhile
        return _not_found(request, f"translation of document {document_id}")
    sides = []
    for side, doc in (("document", document), ("translation", other)):
        spans = []
        for number, pair in enumerate(aligned["aligned"], 1):
            evidence = pair[side]
            spans.append(
                _Span(
                    evidence["start"],
                    -evidence["end"],
                    LAYER_EVENT,
                    number,
                    "mark",
                    "hl ev aligned",
                    {"data-pair": str(number), "title": f"{number}. {pair['type']}"},
                )
            )
        for number, evidence in enumerate(aligned[f"unaligned_{side}"], len(spans) + 1):
            spans.append(
                _Span(
                    evidence["start"],
                    -evidence["end"],
                    LAYER_EVENT,
                    number,
                    "mark",
                    "hl unaligned",
                    {"title": f"{evidence['type']}: not found in the other version"},
                )
            )
        analysed = doc["analysis"].get("document", {})
        text = analysed.get("text") or doc["text"]
        sides.append(
            {
                "document": doc,
                "language": doc["language"],
                "body": highlight(text, spans),
                "unaligned": aligned[f"unaligned_{side}"],
            }
        )
    return _render(
        request,
        "translation.html",
        active="documents",
        document=document,
        aligned=aligned,
        sides=sides,
    )


# -- search --------------------------------------------------------------------------------


def snippet(body: str, highlights: list[tuple[int, int]], width: int = 110) -> Markup:
    """A window of the original text around the first match, matches in <mark>, escaped."""
    if not highlights:
        cut = body[: width * 2]
        return Markup(escape(" ".join(cut.split())) + ("…" if len(body) > len(cut) else ""))
    centre = highlights[0][0]
    start, end = max(0, centre - width), min(len(body), centre + width)
    pieces, cursor = [], start
    for s, e in highlights:
        if s < cursor or e > end:
            continue
        pieces.append(escape(body[cursor:s]))
        pieces.append(Markup("<mark>") + escape(body[s:e]) + Markup("</mark>"))
        cursor = e
    pieces.append(escape(body[cursor:end]))
    html = Markup("").join(pieces)
    return Markup("…" if start else "") + html + Markup("…" if end < len(body) else "")


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: str = "",
    actor: str = "",
    genre: str = "",
    speaker: str = "",
    page: int = 1,
    store: Store = Depends(get_store),
):
    params = request.query_params
    q = _clean(q, 500)
    actor, genre, speaker = _clean(actor, 64), _clean(genre, 64), _clean(speaker, 200)
    date_from, date_to = _clean(params.get("from"), 10), _clean(params.get("to"), 10)
    page = max(1, min(page, 10_000))
    filters = _filters(actor, date_from, date_to, genre, speaker)
    hits: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    total = None
    unknown = None
    with store.engine.connect() as connection:
        if actor and ":" not in actor:
            # Say so when the actor is no code at all, and offer the closest (a name finds its
            # code): "North Korea" is PRK, and an unknown code would only answer "no matches".
            code, closest = queries.resolve_actor(connection, actor)
            if code is None:
                unknown = {"value": actor, "closest": closest}
        genres = [
            g
            for (g,) in connection.execute(
                select(t.documents.c.genre).distinct().order_by(t.documents.c.genre)
            )
            if g
        ]
        if q:
            found = search(
                connection,
                q,
                shared_morphology(),
                filters,
                limit=PAGE_SIZE + 1,
                offset=(page - 1) * PAGE_SIZE,
            )
            more = len(found) > PAGE_SIZE
            found = found[:PAGE_SIZE]
            bodies = dict(
                connection.execute(
                    select(t.documents.c.id, t.documents.c.text).where(
                        t.documents.c.id.in_([h.id for h in found])
                    )
                ).all()
            )
            for hit in found:
                hits.append(
                    {
                        "hit": hit,
                        "snippet": snippet(bodies.get(hit.id, ""), hit.highlights),
                        "matches": len(hit.highlights),
                    }
                )
        elif any((actor, date_from, date_to, genre, speaker)):
            documents, total = queries.documents(
                connection, filters, PAGE_SIZE, (page - 1) * PAGE_SIZE
            )
            more = page * PAGE_SIZE < total
        else:
            more = False
    invalid = [
        name
        for name, raw, parsed in (
            ("from", date_from, filters.date_from),
            ("to", date_to, filters.date_to),
        )
        if raw and parsed is None
    ]
    form = {
        "q": q,
        "actor": actor,
        "from": date_from,
        "to": date_to,
        "genre": genre,
        "speaker": speaker,
    }
    return _render(
        request,
        "search.html",
        form=form,
        genres=genres,
        hits=hits,
        documents=documents,
        total=total,
        page=page,
        more=more,
        invalid=invalid,
        unknown=unknown,
    )


# -- actor ---------------------------------------------------------------------------------


def event_chart(by_month: dict[str, dict[str, int]], types: list[str]) -> dict[str, Any]:
    """A stacked bar chart of events by type per month, as geometry for an inline SVG."""
    months = [m for m in by_month if m != "unknown"] + (
        ["unknown"] if "unknown" in by_month else []
    )
    colours = {
        kind: EVENT_COLOURS.get(kind, TYPE_COLOURS[i % len(TYPE_COLOURS)])
        for i, kind in enumerate(types)
    }
    peak = max((sum(c.values()) for c in by_month.values()), default=0) or 1
    bar, gap, height, top, left = 34, 14, 180, 10, 34
    bars = []
    for i, month in enumerate(months):
        x = left + gap + i * (bar + gap)
        y = top + height
        segments = []
        for kind in types:
            n = by_month[month].get(kind, 0)
            if not n:
                continue
            h = n / peak * height
            y -= h
            segments.append(
                {"type": kind, "n": n, "y": round(y, 1), "h": round(h, 1), "fill": colours[kind]}
            )
        bars.append(
            {"month": month, "x": x, "total": sum(by_month[month].values()), "segments": segments}
        )
    ticks = sorted({0, peak, peak // 2}) if peak > 1 else [0, 1]
    return {
        "bars": bars,
        "bar": bar,
        "width": left + gap + len(months) * (bar + gap) + 10,
        "height": top + height + 44,
        "base": top + height,
        "ticks": [{"n": n, "y": round(top + height - n / peak * height, 1)} for n in ticks],
        "left": left,
        "colours": colours,
    }


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor_page(request: Request, code: str, store: Store = Depends(get_store)):
    code = code.strip()[:64]
    if not re.fullmatch(r"[A-Za-z0-9_.:-]+", code):
        return _not_found(request, "that actor")
    code = code.upper() if ":" not in code else code
    with store.engine.connect() as connection:
        profile = queries.actor_profile(connection, code)
        known = connection.execute(
            select(func.count()).select_from(t.actors).where(t.actors.c.code == code)
        ).scalar_one()
        if not known and not profile["totals"]:
            return _not_found(request, f"actor {code}")
        s = t.stances.c
        pairs = connection.execute(
            select(s.holder, s.target, func.count())
            .where((s.holder == code) | (s.target == code))
            .group_by(s.holder, s.target)
            .order_by(func.count().desc(), s.holder, s.target)
            .limit(12)
        ).all()
        trends = [
            {
                "holder": holder,
                "target": target,
                "n": n,
                "months": queries.stance_trend(connection, holder, target),
            }
            for holder, target, n in pairs
        ]
        counterpart_codes = {
            c for kinds in profile["counterparts"].values() for cs in kinds.values() for c in cs
        }
        names = _actor_names(connection, counterpart_codes | {code})
        people = connection.execute(
            select(t.actors.c.name_en, t.actors.c.office, t.actors.c.id)
            .where(t.actors.c.code == code, t.actors.c.kind == "person")
            .order_by(t.actors.c.name_en)
            .limit(30)
        ).all()
        documents, total = queries.documents(connection, Filters(actor=code), 20, 0)
    types = list(profile["totals"])
    for month in profile["by_month"].values():
        types += [k for k in month if k not in types]
    for trend in trends:
        for month in trend["months"]:
            n = month["positive"] + month["negative"] + month["mixed"]
            month["mean"] = round(month["score"] / n, 2) if n else 0.0
    return _render(
        request,
        "actor.html",
        active="actors",
        code=code,
        name=names.get(code, profile["name"]),
        profile=profile,
        chart=event_chart(profile["by_month"], types),
        trends=trends,
        names=names,
        people=people,
        documents=documents,
        total=total,
    )


# -- network -------------------------------------------------------------------------------


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, store: Store = Depends(get_store)):
    params = request.query_params
    date_from, date_to = _clean(params.get("from"), 10), _clean(params.get("to"), 10)
    filters = Filters(date_from=_day(date_from), date_to=_day(date_to, end=True))
    graph = store.query("network", filters)  # cached until the next write
    elements = [
        {"data": {"id": node["id"], "label": node["id"], "name": node["name"]}}
        for node in graph["nodes"]
    ]
    for i, edge in enumerate(graph["edges"]):
        quad = edge["dominant_quad"]
        relations = sum(edge["relations"].values())
        elements.append(
            {
                "data": {
                    "id": f"edge{i}",
                    "source": edge["source"],
                    "target": edge["target"],
                    "events": edge["events"],
                    "relations": relations,
                    "weight": edge["events"] + relations,
                    "quad": quad,
                    "colour": QUAD_CLASSES.get(quad, QUAD_CLASSES[None])[1],
                    "types": edge["types"],
                    "relation_kinds": edge["relations"],
                }
            }
        )
    return _render(
        request,
        "network.html",
        graph=graph,
        elements=elements,
        quads=QUAD_CLASSES,
        form={"from": date_from, "to": date_to},
    )


# -- events table --------------------------------------------------------------------------

# The columns of the events table and of its CSV/JSON exports, in order.
EVENT_COLUMNS = [
    "id", "document_id", "document_title", "genre", "date", "month", "type", "mode",
    "modality", "source", "target", "location", "summary", "start", "end",
]  # fmt: skip
TIMELINE_HEIGHT = 120


def _event_view(request: Request) -> tuple[dict[str, str | None], list[str]]:
    """The facet choices of the query string, normalised; and the values it ignored."""
    params = request.query_params
    view: dict[str, str | None] = {}
    ignored = []
    for name in queries.EVENT_FACETS:
        value = _clean(params.get(name), 64)
        if name in ("actor", "type") and ":" not in value:
            value = value.upper()
        if name == "month" and value and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
            ignored.append(f"month {value!r}")
            value = ""
        view[name] = value or None
    return view, ignored


def _view_query(view: dict[str, str | None], **changes: str | None) -> str:
    """The query string of the view with some facets changed (None removes one)."""
    from urllib.parse import urlencode

    merged = {**view, **changes}
    return urlencode({k: v for k, v in merged.items() if v})


def timeline_chart(months: list[tuple[str, int]], chosen: str | None) -> dict[str, Any]:
    """Bars of events per month, scaled to the busiest month; the chosen month marked."""
    if not months:
        return {"bars": [], "width": 0, "height": TIMELINE_HEIGHT}
    bar, gap, base = 14, 4, TIMELINE_HEIGHT - 24
    top = max(n for _, n in months)
    bars = []
    for index, (month, n) in enumerate(months):
        h = max(2, round(n / top * (base - 8)))
        bars.append(
            {"month": month, "n": n, "x": index * (bar + gap), "y": base - h, "h": h,
             "chosen": month == chosen}
        )  # fmt: skip
    # Label about eight months along the axis so the labels never collide.
    every = max(1, -(-len(months) // 8))
    labels = [b for i, b in enumerate(bars) if i % every == 0]
    return {
        "bars": bars,
        "labels": labels,
        "bar": bar,
        "base": base,
        "width": len(months) * (bar + gap),
        "height": TIMELINE_HEIGHT,
        "top": top,
    }


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, page: int = 1, store: Store = Depends(get_store)):
    page = max(1, min(page, 100_000))
    view, ignored = _event_view(request)
    with store.engine.connect() as connection:
        rows, total = queries.event_table(connection, view, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        facets = queries.event_facets(connection, view)
        months = queries.events_per_month(connection, view)
        names = _actor_names(connection, [code for code, _ in facets["actor"]])
    query = _view_query(view)
    return _render(
        request,
        "events.html",
        rows=rows,
        facets=facets,
        view=view,
        ignored=ignored,
        names=names,
        timeline=timeline_chart(months, view["month"]),
        query=query,
        without={name: _view_query(view, **{name: None}) for name in view},
        chosen={
            name: {v: _view_query(view, **{name: v}) for v, _ in facets[name]} for name in facets
        },
        **_pages(page, total),
    )


@router.get("/events.csv")
def events_csv(request: Request, store: Store = Depends(get_store)) -> StreamingResponse:
    """The filtered view as CSV: every row, not one page, streamed as it is read."""
    view, _ = _event_view(request)

    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(EVENT_COLUMNS)
        with store.engine.connect() as connection:
            for row in queries.iter_event_table(connection, view):
                writer.writerow([row[c] for c in EVENT_COLUMNS])
                if buffer.tell() > 65536:
                    yield _drain(buffer)
        yield _drain(buffer)

    name = "events" + ("-" + _slug(_view_query(view)) if any(view.values()) else "")
    return StreamingResponse(
        lines(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


@router.get("/events.json")
def events_json(request: Request, store: Store = Depends(get_store)) -> StreamingResponse:
    """The filtered view as JSON: the filters, the columns, every row and their count,
    streamed as it is read."""
    view, ignored = _event_view(request)

    def chunks() -> Iterator[str]:
        head = {"filters": {k: v for k, v in view.items() if v}, "ignored": ignored}
        yield json.dumps(head, ensure_ascii=False)[:-1]
        yield ', "columns": ' + json.dumps(EVENT_COLUMNS) + ', "rows": ['
        total = 0
        with store.engine.connect() as connection:
            for row in queries.iter_event_table(connection, view):
                item = {c: row[c] for c in EVENT_COLUMNS}
                yield ("," if total else "") + json.dumps(item, ensure_ascii=False, default=str)
                total += 1
        yield f'], "total": {total}}}'

    return StreamingResponse(chunks(), media_type="application/json")


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9-]+", "-", text).strip("-")[:80]


# -- agreements and formats ----------------------------------------------------------------


@router.get("/agreements", response_class=HTMLResponse)
def agreements_page(request: Request, page: int = 1, store: Store = Depends(get_store)):
    page = max(1, min(page, 100_000))

    def render() -> str:
        registry = store.query("agreements", limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        total = store.query("agreements_total")
        with store.engine.connect() as connection:
            titles = _titles(connection, {d for a in registry for d in a["documents"]})
        context = {"registry": registry, "titles": titles, **_pages(page, total)}
        return _html(request, "agreements.html", **context)

    # Rendering every agreement's evidence list cost more than its queries (18 ms a page:
    # p99 1.2-2 s under 32 clients). The page depends on the store and the page number
    # only, so its HTML is kept with the store's cached answers until the next write.
    key = f"agreements page {page} of {PAGE_SIZE}, evidence {queries.EVIDENCE_LIMIT}"
    return _respond(store.cached(key, render))


@router.get("/formats", response_class=HTMLResponse)
def formats_page(request: Request, page: int = 1, store: Store = Depends(get_store)):
    page = max(1, min(page, 100_000))
    with store.engine.connect() as connection:
        formats = queries.dialogue_formats(
            connection, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE
        )
        total = queries.dialogue_formats_total(connection)
        titles = _titles(connection, {d for f in formats for d in f["documents"]})
    for record in formats:
        dated = sorted({(r["date"] or "")[:4] for r in record["rounds"] if r["date"]})
        record["span"] = f"{dated[0]}–{dated[-1]}" if len(dated) > 1 else (dated or [""])[0]
    return _render(request, "formats.html", formats=formats, titles=titles, **_pages(page, total))


def _pages(page: int, total: int) -> dict[str, int]:
    return {"page": page, "pages": max(1, -(-total // PAGE_SIZE)), "total": total}


def _titles(connection, ids: set[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    d = t.documents.c
    rows = connection.execute(select(d.id, d.title, d.date).where(d.id.in_(sorted(ids))))
    return {i: {"title": title, "date": day} for i, title, day in rows}


# -- upload --------------------------------------------------------------------------------


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request):
    return _render(
        request,
        "upload.html",
        writable=bool(request.app.state.token),
        limit=request.app.state.max_request_bytes,
    )
