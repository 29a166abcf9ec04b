"""Parallel statements: does a Russian statement give the same events as its English version?

A folder holds pairs ``NAME.ru.txt`` + ``NAME.en.txt``, one statement in two languages. Both
versions are analysed by the real analyser, each in its own language pack, and their events
are aligned one to one (``demarche/alignment.py``, the alignment of the store's linked
translations):

1. events of equal shape (type, modality, source set, target set) in the same paragraph
   (when the versions have as many paragraphs; else at about the same place of the text),
   an equal date first;
2. what is left, when it is one fact told differently: in the same paragraph, their
   sentences starting at about the same place of it (within 0.3 of its length), and of the
   same type, or of different types with at least half their participants in common; the
   most alike are paired first.

Reported: the events of each side, the aligned pairs, the share of aligned pairs agreeing on
type, source set, target set and modality (``agreement``: issue 12's target is 0.90), the
share of all events of both sides that found a counterpart at all (``coverage``), and per
pair the unaligned and the disagreeing events. A pair that agrees is a pair of the first
pass; the second pass exists so that a disagreement is seen as one, not as two misses.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from demarche.alignment import align
from demarche.model import Document
from demarche.pipeline import Analyzer
from demarche.reading import RawDocument, read_sources

FIELDS = ("type", "source", "target", "modality")
TARGET = 0.90  # issue 12: the same events on at least 90% of the aligned facts
NEAR_TEXT = 0.1  # relative place in the text, when the paragraphs do not correspond
NEAR_PARAGRAPH = 0.3  # relative place of the sentence in the paragraph (second pass)
MIN_OVERLAP = 0.5  # participants in common (Jaccard) for events of different type to pair


@dataclass(slots=True, frozen=True)
class ParallelPair:
    name: str
    ru: Path
    en: Path


def parallel_pairs(folder: Path) -> list[ParallelPair]:
    """The pairs ``NAME.ru.txt`` + ``NAME.en.txt`` of a folder, by name."""
    pairs = []
    for ru in sorted(folder.glob("*.ru.txt")):
        name = ru.name.removesuffix(".ru.txt")
        en = ru.with_name(f"{name}.en.txt")
        if en.is_file():
            pairs.append(ParallelPair(name, ru, en))
    return pairs


def _read(path: Path) -> RawDocument:
    items = list(read_sources([str(path)]))
    raw = next((item for item in items if isinstance(item, RawDocument)), None)
    if raw is None:
        raise ValueError(str(items[0]) if items else f"{path}: nothing to read")
    return raw


def _analyse(analyzer: Analyzer, path: Path, language: str) -> Document:
    """As any input is analysed: its language identified, never forced; a version identified
    as another language than its name says would compare nothing, and is refused."""
    doc = analyzer.analyze(_read(path))
    if doc.language != language:
        raise ValueError(f"{path}: identified as {doc.language!r}, named {language!r}")
    return doc


def event_rows(doc: Document) -> list[dict[str, Any]]:
    """The document's events as plain dicts: shape, date, place in paragraph and text."""
    paragraphs = [(p.start, p.end) for p in doc.paragraphs] or [(0, len(doc.text))]
    size = max(len(doc.text), 1)
    rows = []
    for event in doc.facts.events:
        evidence = event.evidence
        at = evidence.start  # the sentence's start: a trigger's place differs by language
        index = next(
            (i for i, (start, end) in enumerate(paragraphs) if start <= at < end),
            len(paragraphs) - 1,
        )
        start, end = paragraphs[index]
        rows.append(
            {
                "id": event.id,
                "type": event.type,
                "modality": event.modality,
                "source": frozenset(r.code for r in event.source),
                "target": frozenset(r.code for r in event.target),
                "date": event.date,
                "start": evidence.start,
                "end": evidence.end,
                "evidence": " ".join(doc.text[evidence.start : evidence.end].split()),
                "trigger": doc.text[evidence.trigger[0] : evidence.trigger[1]]
                if evidence.trigger
                else "",
                "paragraph": index,
                "paragraphs": len(paragraphs),
                "in_paragraph": (at - start) / max(end - start, 1),
                "in_text": at / size,
            }
        )
    return rows


def shape(event: dict[str, Any]) -> tuple[str, str, frozenset[str], frozenset[str]]:
    """What the two versions of one event must share: type, modality, source and target."""
    return (event["type"], event["modality"], event["source"], event["target"])


def near(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """In the same paragraph, when the two versions have as many paragraphs; else at about
    the same place of the text."""
    if a["paragraphs"] == b["paragraphs"]:
        return a["paragraph"] == b["paragraph"]
    return abs(a["in_text"] - b["in_text"]) <= NEAR_TEXT


def likeness(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    """How alike two events of the two versions are, when they are one fact told differently:
    near each other, their sentences at about the same place of the paragraph, and of the
    same type, or of different types with at least half their participants in common (one
    act coded two ways). None when they are not one fact."""
    if not near(a, b) or abs(a["in_paragraph"] - b["in_paragraph"]) > NEAR_PARAGRAPH:
        return None
    these, those = a["source"] | a["target"], b["source"] | b["target"]
    overlap = len(these & those) / len(these | those) if these | those else 1.0
    if a["type"] != b["type"] and overlap < MIN_OVERLAP:
        return None  # another act between others: the speaker in common is not enough
    # the type names the act: of two acts told in one sentence («held talks and agreed»),
    # each pairs with its own type first, whatever else differs
    fields = sum(_field(a, b, field) for field in FIELDS) + _field(a, b, "type")
    return fields + overlap + 1 - abs(a["in_paragraph"] - b["in_paragraph"])


def _field(a: dict[str, Any], b: dict[str, Any], field: str) -> bool:
    return a[field] == b[field]


def line(event: dict[str, Any]) -> str:
    """One line: type source->target modality «evidence»."""
    source = ";".join(sorted(event["source"])) or "-"
    target = ";".join(sorted(event["target"])) or "-"
    return f"{event['type']} {source}->{target} {event['modality']} «{event['evidence']}»"


def _short(text: str, width: int = 160) -> str:
    return text if len(text) <= width else text[: width - 2] + "…»"


def compare(ru: Document, en: Document) -> dict[str, Any]:
    """The two versions' events aligned, with the counts and lists of one pair."""
    these, those = event_rows(ru), event_rows(en)
    pairs, left, right = align(these, those, shape, likeness, near)
    disagreeing = [
        {
            "differ": [field for field in FIELDS if not _field(a, b, field)],
            "ru": line(a),
            "en": line(b),
        }
        for a, b in pairs
        if shape(a) != shape(b)
    ]
    agreeing = {field: sum(_field(a, b, field) for a, b in pairs) for field in FIELDS}
    return {
        "ru_events": len(these),
        "en_events": len(those),
        "aligned": len(pairs),
        "agreeing": len(pairs) - len(disagreeing),
        "fields_agreeing": agreeing,
        "unaligned_ru": [line(event) for event in left],
        "unaligned_en": [line(event) for event in right],
        "disagreeing": disagreeing,
    }


def _shares(counts: dict[str, Any]) -> dict[str, Any]:
    aligned, total = counts["aligned"], counts["ru_events"] + counts["en_events"]
    return {
        "agreement": round(counts["agreeing"] / aligned, 4) if aligned else 0.0,
        "coverage": round(2 * aligned / total, 4) if total else 0.0,
        # both sides' events with an identical counterpart: agreement and coverage at once
        "identical": round(2 * counts["agreeing"] / total, 4) if total else 0.0,
    }


def evaluate_parallel(folder: Path, analyzer: Analyzer | None = None) -> dict[str, Any]:
    """Analyse every pair of the folder and compare the two versions' events."""
    analyzer = analyzer or Analyzer()
    documents = {}
    for pair in parallel_pairs(folder):
        ru, en = _analyse(analyzer, pair.ru, "ru"), _analyse(analyzer, pair.en, "en")
        result = compare(ru, en)
        documents[pair.name] = {**result, **_shares(result)}
    totals: dict[str, Any] = {
        key: sum(d[key] for d in documents.values())
        for key in ("ru_events", "en_events", "aligned", "agreeing")
    }
    totals["fields_agreeing"] = {
        field: sum(d["fields_agreeing"][field] for d in documents.values()) for field in FIELDS
    }
    totals["fields"] = {  # the share of aligned pairs agreeing on each field
        field: round(count / totals["aligned"], 4) if totals["aligned"] else 0.0
        for field, count in totals["fields_agreeing"].items()
    }
    return {"pairs": len(documents), **totals, **_shares(totals), "target": TARGET} | {
        "documents": documents
    }


def summary(report: dict[str, Any]) -> str:
    return (
        f"parallel: {report['pairs']} pairs, events RU {report['ru_events']} EN "
        f"{report['en_events']}, aligned {report['aligned']}; agreement "
        f"{report['agreement']:.3f} ({report['agreeing']}/{report['aligned']} agree on type, "
        f"source, target and modality; target {report['target']:.2f}), coverage "
        f"{report['coverage']:.3f} (events of both sides with a counterpart)"
    )


def format_report(report: dict[str, Any]) -> list[str]:
    """The one-line summary, the agreement by field, then each pair with its differences."""
    fields = report["fields"]
    lines = [
        summary(report),
        "aligned pairs agreeing by field: "
        + ", ".join(f"{field} {fields[field]:.3f}" for field in FIELDS)
        + f"; identical events {report['identical']:.3f} of all",
    ]
    for name, d in report["documents"].items():
        lines.append(
            f"{name}: RU {d['ru_events']} EN {d['en_events']} aligned {d['aligned']} "
            f"agreeing {d['agreeing']} (agreement {d['agreement']:.3f}, coverage "
            f"{d['coverage']:.3f})"
        )
        for item in d["disagreeing"]:
            lines.append(f"  differ ({', '.join(item['differ'])}):")
            lines.append(f"    ru {_short(item['ru'])}")
            lines.append(f"    en {_short(item['en'])}")
        lines.extend(f"  only ru {_short(event)}" for event in d["unaligned_ru"])
        lines.extend(f"  only en {_short(event)}" for event in d["unaligned_en"])
    return lines
