"""The agreements registry: treaties, plans, memoranda… named or signed in a statement."""

from __future__ import annotations

import re

from demarche.facts.context import FactContext, SentenceView
from demarche.facts.events import AGREEMENT_NOTE
from demarche.facts.naming import english_name, name_span, nominative_name
from demarche.language.morphology import fold
from demarche.model import Agreement, Event, Evidence, Token

_YEARS = re.compile(r"\b(\d{4})(?:\s*[-–—]\s*(\d{4}))?")


def extract_agreements(context: FactContext, events: list[Event]) -> list[Agreement]:
    named: list[Agreement] = []
    generic: list[tuple[Agreement, SentenceView]] = []
    for view in context.views:
        tokens = view.tokens
        known = context.lexicon.known_agreements.find(tokens)
        kinds = context.lexicon.agreement_kinds.find(tokens)
        covered = [k for k in known if any(h.first <= k.last and k.first <= h.last for h in kinds)]
        for hit in kinds + [k for k in known if k not in covered]:
            entry = next((k for k in known if hit.first <= k.last and k.first <= hit.last), None)
            kind = entry.pattern.payload["kind"] if entry else hit.pattern.payload
            first, last = _name_start(tokens, hit.first, hit.last), hit.last
            if entry:
                first, last = min(first, entry.first), max(last, entry.last)
            first, last = name_span(view, first, last, context.lexicon.agreement_names)
            agreement = _agreement(context, view, kind, (first, last), events, hit)
            if entry:
                _known(agreement, entry.pattern.payload)
            # A capital at the start of a sentence names nothing: «Договор вступил в силу».
            capital = tokens[first].text[:1].isupper() and first > 0
            quoted = tokens[first].text[:1] in '«"'
            is_named = quoted or capital or first < hit.first or last > hit.last
            if is_named:
                _merge_into(named, agreement)
            elif agreement.status != "mentioned":
                generic.append((agreement, view))
    for agreement, _ in generic:
        same_kind = [a for a in named if a.kind == agreement.kind]
        if len(same_kind) == 1:
            _absorb(same_kind[0], agreement)
        else:
            named.append(agreement)
    known = [p.payload for p in context.lexicon.known_agreements.patterns]
    for number, agreement in enumerate(named, 1):
        agreement.id = f"a{number}"
        if not agreement.signatories:
            _identify(agreement, known)
    return named


def _identify(agreement: Agreement, known: list[dict]) -> None:
    """«с подписанием в июне 2024 года в Пхеньяне нового договора»: an agreement the text does
    not name is a known one when kind, parties and signing month agree; the data then says
    who signed it."""
    if not agreement.signed or len(agreement.parties) < 2:
        return
    for entry in known:
        if (
            entry.get("signatories")
            and entry["kind"] == agreement.kind
            and sorted(entry.get("parties", [])) == sorted(agreement.parties)
            and entry.get("signed", "").startswith(agreement.signed)
        ):
            agreement.signatories = list(entry["signatories"])
            return


def _name_start(tokens: list[Token], first: int, last: int) -> int:
    """«Казанская декларация», «Черноморская инициатива»: a proper adjective before the kind
    noun names it; «"дорожная карта"» in quotes is a name too."""
    before = tokens[first - 1] if first > 0 else None
    if before is None:
        return first
    closed = last + 1 < len(tokens) and tokens[last + 1].text in '»"'
    if before.text in '«"' and closed:
        return first - 1
    proper = before.pos == "ADJ" and before.text[:1].isupper()
    if proper and (first - 1 > 0 or before.feats.get("Case") != "Nom"):
        return first - 1
    start = first
    while start > 0 and tokens[start - 1].pos == "PROPN" and tokens[start - 1].text[:1].isupper():
        start -= 1  # «the Joint Comprehensive Plan of Action», «the New START Treaty»
    return start


def _known(agreement: Agreement, entry: dict) -> None:
    """A well-known agreement: the lexicon knows its parties, date and English name."""
    agreement.name_en = entry.get("name_en", agreement.name_en)
    agreement.parties = sorted(entry.get("parties", agreement.parties))
    agreement.signed = agreement.signed or entry.get("signed")
    agreement.signatories = list(entry.get("signatories", []))


def _agreement(
    context: FactContext,
    view: SentenceView,
    kind: str,
    span: tuple[int, int],
    events: list[Event],
    hit,
) -> Agreement:
    first, last = span
    tokens = view.tokens
    text = context.doc.text
    start, end = tokens[first].start, tokens[last].end
    written = text[start:end]
    signing = [
        e
        for e in events
        if e.evidence.start == view.sentence.start and e.note.startswith(AGREEMENT_NOTE)
    ]
    status = _status(context, view)
    signed = signing[0] if signing else None
    parties = sorted({r.code for r in signed.source + signed.target}) if signed else []
    if not parties:
        # «Minsk agreements», «Парижское соглашение»: a city in the name is no party
        named_place = [
            i
            for i in range(first, last + 1)
            if view.mentions[i] is not None and context.entity(view.mentions[i]).kind == "place"
        ]
        scope = [i for i in range(len(tokens)) if i not in named_place]
        parties = sorted({r.code for r in context.actors_in(view, scope)})
    years = _YEARS.search(written)
    valid = [y for y in years.groups() if y] if years else []
    evidence = Evidence(view.sentence.start, view.sentence.end, (start, end))
    if signed:
        evidence = Evidence(signed.evidence.start, signed.evidence.end, (start, end))
    return Agreement(
        id="",
        name_ru=written,
        name_normal=nominative_name(context, tokens[first : last + 1]),
        name_en=english_name(context, view, span, max(hit.first, first)),
        kind=kind,
        parties=parties,
        evidence=[evidence],
        signed=signed.date if signed else None,
        signed_at=signed.location if signed else None,
        valid=valid,
        scope=_scope(context, view),
        status="signed" if signed and status == "mentioned" else status,
    )


def _status(context: FactContext, view: SentenceView) -> str:
    for token in view.tokens:
        status = context.lexicon.agreement_status.get(fold(token.lemma))
        if status:
            return status
    return "mentioned"


def _scope(context: FactContext, view: SentenceView) -> list[str]:
    """Subject areas listed in this sentence and the next ones of the same paragraph."""
    areas: list[str] = []
    paragraph_end = next(
        p.end for p in context.doc.paragraphs if p.start <= view.sentence.start < p.end + 1
    )
    for other in context.views[view.index : view.index + 3]:
        if other.sentence.start > paragraph_end:
            break
        for hit in context.lexicon.scope_areas.find(other.tokens):
            if hit.pattern.payload not in areas:
                areas.append(hit.pattern.payload)
    return areas


def _merge_into(registry: list[Agreement], agreement: Agreement) -> None:
    key = fold(agreement.name_normal)
    for known in registry:
        if fold(known.name_normal) == key:
            _absorb(known, agreement)
            return
    registry.append(agreement)


def _absorb(known: Agreement, other: Agreement) -> None:
    known.evidence.extend(other.evidence)
    if not known.signed or not known.parties:  # the signing names the parties; keep them
        known.parties = sorted(set(known.parties) | set(other.parties))
    if other.signed and not known.signed:
        known.parties = other.parties
    known.signed = known.signed or other.signed
    known.signed_at = known.signed_at or other.signed_at
    if known.status == "mentioned":
        known.status = other.status
    for area in other.scope:
        if area not in known.scope:
            known.scope.append(area)
