"""FactRuEval-2016 Meeting facts against Demarche's CONSULT events.

Gold: each ``Meeting`` fact in ``*.facts`` lists its ``Participant`` objects (coreference ids
in ``*.coref``); each of those groups object ids (``*.objects``), whose spans (``*.spans``) give
the characters of every mention of the participant. A meeting with n participants gives every
unordered pair of them as a gold pair.

Predicted: every CONSULT event, and every AGREE on a planned meeting (FactRuEval annotates
future meetings too, «Модальность будущее»), gives the unordered pairs of its distinct actors
(source and target together). An actor is realised by the document's mentions of the same
entity, by the mentions of any entity belonging to the same actor code (a minister's mentions
count for his state, and the other way round), and by the mentions of the person the event
names for it, even one the gazetteer does not know.

Two sides of one state (a president and a governor, a minister and a company: «Путин
встретился с главой «Роснефти» Сечиным») are two actors when the event tells them apart by
person or organisation; such a pair is realised by each side's own mentions only (the person's,
the organisation's), since the state's mentions would fit any two of its people.

Matching: a gold pair {A, B} is recovered when one CONSULT event has two different actors X
and Y such that some mention of A overlaps a mention of X and some mention of B overlaps a
mention of Y. A predicted pair is correct when it recovers some gold pair. Precision is over
the predicted pairs of the documents that have gold Meeting facts (FactRuEval annotates
meetings only in some documents, so pairs elsewhere are not known to be wrong); recall is over
all gold pairs.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path
from typing import Any

from demarche.data import load_json
from demarche.language.normalize import transliterate
from demarche.model import ActorRef, Document, Event

Spans = list[tuple[int, int]]


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _blocks(path: Path) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                blocks[-1].append(line.strip())
            elif blocks[-1]:
                blocks.append([])
    return [b for b in blocks if b]


def load_meetings(stem: Path) -> list[dict[str, Any]]:
    """Meetings of one devset document: ``[{"id", "participants": [{"name", "spans"}]}]``."""
    spans: dict[str, tuple[int, int]] = {}
    for line in _lines(stem.with_suffix(".spans")):
        fields = line.split()
        spans[fields[0]] = (int(fields[2]), int(fields[2]) + int(fields[3]))
    objects: dict[str, Spans] = {}
    for line in _lines(stem.with_suffix(".objects")):
        head = line.split("#", 1)[0].split()
        objects[head[0]] = [spans[s] for s in head[2:] if s in spans]
    corefs: dict[str, Spans] = {}
    for block in _blocks(stem.with_suffix(".coref")):
        ids = block[0].split()
        corefs[ids[0]] = [span for obj in ids[1:] for span in objects.get(obj, [])]
    meetings = []
    for block in _blocks(stem.with_suffix(".facts")):
        fact_id, _, kind = block[0].partition(" ")
        if kind.strip() != "Meeting":
            continue
        participants = []
        for line in block[1:]:
            fields = line.split(maxsplit=2)
            if len(fields) >= 2 and fields[0] == "Participant" and fields[1].startswith("obj"):
                mentions = corefs.get(fields[1][3:], [])
                if mentions:
                    name = fields[2] if len(fields) > 2 else fields[1]
                    participants.append({"name": name, "spans": mentions})
        if len(participants) >= 2:
            meetings.append({"id": fact_id, "participants": participants})
    return meetings


def _actor_spans(doc: Document, ref: ActorRef) -> Spans:
    found = []
    translit = load_json(f"lang/{doc.language}.json")["translit"]
    for mention in doc.mentions:
        entity = doc.entities.get(mention.entity_id) if mention.entity_id else None
        if entity is None:
            # a person known only by the office before the name: named on the event
            name = transliterate(mention.normal or mention.text, translit)
            if ref.person and mention.label == "PER" and name == ref.person:
                found.append((mention.start, mention.end))
            continue
        code = entity.actor or entity.country
        if mention.entity_id == ref.entity_id or code == ref.code:
            found.append((mention.start, mention.end))
    return found


def _own_spans(doc: Document, ref: ActorRef) -> Spans:
    """The mentions of the side itself: its person's (known or not), else its organisation's."""
    found = []
    translit = load_json(f"lang/{doc.language}.json")["translit"]
    for mention in doc.mentions:
        entity = doc.entities.get(mention.entity_id) if mention.entity_id else None
        if ref.person:
            if entity is not None:
                hit = entity.kind == "person" and entity.name_en == ref.person
            else:
                name = transliterate(mention.normal or mention.text, translit)
                hit = mention.label == "PER" and (name == ref.person or _surname(name, ref))
        else:
            hit = mention.entity_id is not None and mention.entity_id == ref.entity_id
        if hit:
            found.append((mention.start, mention.end))
    return found


def _surname(name: str, ref: ActorRef) -> bool:
    """«Сечин» later in the text for «Игорь Сечин»: the last name alone."""
    return " " not in name and bool(ref.person) and ref.person.split()[-1] == name


def _participant(ref: ActorRef) -> str:
    return f"{ref.code}:{ref.person or ref.entity_id}"


def _meeting(event: Event) -> bool:
    return event.type == "CONSULT" or (event.type == "AGREE" and event.note == "intent to consult")


def _overlap(a: Spans, b: Spans) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _event_pairs(doc: Document) -> list[tuple[str, str, Spans, Spans, str]]:
    pairs = []
    seen: set[tuple[str, str]] = set()
    for event in doc.facts.events:
        if not _meeting(event):
            continue
        actors: list[ActorRef] = []
        codes = [r.code for r in event.source + event.target]
        for ref in event.source + event.target:
            # one side per state, unless the event names two of one state apart
            own = codes.count(ref.code) > 1 and (ref.person or ref.entity_id)
            if all(
                ref.code != a.code or (own and _participant(ref) != _participant(a)) for a in actors
            ):
                actors.append(ref)
        for x, y in combinations(actors, 2):
            if x.code == y.code:
                key = tuple(sorted((_participant(x), _participant(y))))
                spans = _own_spans(doc, x), _own_spans(doc, y)
            else:
                key = tuple(sorted((x.code, y.code)))
                spans = _actor_spans(doc, x), _actor_spans(doc, y)
            if key in seen:
                continue
            seen.add(key)
            pairs.append((key[0], key[1], spans[0], spans[1], event.id))  # matched both ways
    return pairs


def _recovers(gold: tuple[dict, dict], predicted: tuple[str, str, Spans, Spans, str]) -> bool:
    a, b = gold[0]["spans"], gold[1]["spans"]
    x, y = predicted[2], predicted[3]
    return (_overlap(a, x) and _overlap(b, y)) or (_overlap(a, y) and _overlap(b, x))


def evaluate_meetings(directory: Path, analyzer=None) -> dict[str, Any]:
    """Precision and recall of meeting participant pairs over a FactRuEval-2016 folder."""
    if analyzer is None:
        from demarche.pipeline import Analyzer

        analyzer = Analyzer()
    per_document: dict[str, dict[str, Any]] = {}
    gold_total = matched_total = predicted_total = correct_total = 0
    meetings_total = meetings_matched = 0
    for text_path in sorted(Path(directory).glob("*.txt")):
        stem = text_path.with_suffix("")
        meetings = load_meetings(stem)
        if not meetings:
            continue
        doc = analyzer.analyze_text(text_path.read_text(encoding="utf-8"), text_path.stem)
        gold_pairs = [
            (p, q, meeting["id"])
            for meeting in meetings
            for p, q in combinations(meeting["participants"], 2)
        ]
        predicted = _event_pairs(doc)
        matched = [g for g in gold_pairs if any(_recovers(g[:2], p) for p in predicted)]
        correct = [p for p in predicted if any(_recovers(g[:2], p) for g in gold_pairs)]
        meetings_total += len(meetings)
        meetings_matched += len({fact for _, _, fact in matched})
        gold_total += len(gold_pairs)
        matched_total += len(matched)
        predicted_total += len(predicted)
        correct_total += len(correct)
        per_document[text_path.stem] = {
            "gold": [f"{p['name']} + {q['name']} ({fact})" for p, q, fact in gold_pairs],
            "predicted": [f"{p[0]} + {p[1]} ({p[4]})" for p in predicted],
            "matched": [f"{p['name']} + {q['name']} ({fact})" for p, q, fact in matched],
        }
    precision = correct_total / predicted_total if predicted_total else 0.0
    recall = matched_total / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "documents": len(per_document),
        "gold_pairs": gold_total,
        "predicted_pairs": predicted_total,
        "matched_gold_pairs": matched_total,
        "correct_predicted_pairs": correct_total,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        # a meeting of n participants weighs n(n-1)/2 pairs: also how many meetings gave any
        "gold_meetings": meetings_total,
        "matched_meetings": meetings_matched,
        "per_document": per_document,
    }
