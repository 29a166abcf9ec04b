"""Mention-level scores against FactRuEval-2016, next to plain Natasha NER, in one run.

Gold: every object (Person, Org, Location, LocOrg) is one mention running from the first to the
last character of its spans. Person -> PER, Org -> ORG, Location and LocOrg -> LOC.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rich.table import Table

from demarche.model import Document

TYPE_MAP = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}
LABELS = ("PER", "LOC", "ORG")
# Adjectives, pronouns and hashtag parts are actors to Demarche but not FactRuEval mentions.
SCORED_FORMS = {"name", "group"}

Span = tuple[int, int, str]


@dataclass(slots=True)
class GoldDocument:
    name: str
    text: str
    mentions: list[Span]


def load_gold(directory: Path, limit: int | None = None) -> list[GoldDocument]:
    documents = []
    for text_path in sorted(directory.glob("*.txt"))[:limit]:
        stem = text_path.with_suffix("")
        text = text_path.read_text(encoding="utf-8")
        spans: dict[str, tuple[int, int]] = {}
        for line in _lines(stem.with_suffix(".spans")):
            fields = line.split()
            spans[fields[0]] = (int(fields[2]), int(fields[2]) + int(fields[3]))
        mentions = set()
        for line in _lines(stem.with_suffix(".objects")):
            head = line.split("#", 1)[0].split()
            label = TYPE_MAP.get(head[1])
            parts = [spans[s] for s in head[2:] if s in spans]
            if label and parts:
                mentions.add((min(p[0] for p in parts), max(p[1] for p in parts), label))
        documents.append(GoldDocument(text_path.stem, text, sorted(mentions)))
    return documents


def _lines(path: Path) -> Iterable[str]:
    if not path.exists():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def demarche_mentions(doc: Document) -> list[Span]:
    return sorted(
        {
            (m.start, m.end, m.label)
            for m in doc.mentions
            if m.label in LABELS and m.form in SCORED_FORMS
        }
    )


def score(gold: list[list[Span]], predicted: list[list[Span]]) -> dict[str, dict]:
    result: dict[str, dict] = {}
    for label in (*LABELS, "ALL"):
        counts = {"strict": [0, 0, 0], "overlap": [0, 0, 0]}  # tp, n_pred, n_gold
        for gold_doc, pred_doc in zip(gold, predicted, strict=True):
            g = [m for m in gold_doc if label in ("ALL", m[2])]
            p = [m for m in pred_doc if label in ("ALL", m[2])]
            for mode in counts:
                counts[mode][0] += _matches(g, p, mode)
                counts[mode][1] += len(p)
                counts[mode][2] += len(g)
        result[label] = {mode: _prf(*values) for mode, values in counts.items()}
    return result


def _matches(gold: list[Span], predicted: list[Span], mode: str) -> int:
    if mode == "strict":
        return len(set(gold) & set(predicted))
    used: set[int] = set()
    hits = 0
    for start, end, label in gold:
        for index, (p_start, p_end, p_label) in enumerate(predicted):
            if index not in used and p_label == label and p_start < end and start < p_end:
                used.add(index)
                hits += 1
                break
    return hits


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"P": round(precision, 4), "R": round(recall, 4), "F1": round(f1, 4)}


def evaluate(directory: Path, limit: int | None = None) -> dict[str, dict]:
    from demarche.language.tagging import ner_spans
    from demarche.pipeline import Analyzer

    analyzer = Analyzer()
    documents = load_gold(directory, limit)
    gold = [d.mentions for d in documents]
    ours, natasha = [], []
    for document in documents:
        ours.append(demarche_mentions(analyzer.analyze_text(document.text, document.name)))
        natasha.append(sorted(set(ner_spans(document.text, analyzer.models))))
    return {
        "documents": len(documents),
        "gold_mentions": sum(len(g) for g in gold),
        "demarche": score(gold, ours),
        "natasha": score(gold, natasha),
    }


def format_table(scores: dict[str, dict]) -> Table:
    table = Table(
        title=f"FactRuEval-2016: {scores['documents']} documents, "
        f"{scores['gold_mentions']} gold mentions"
    )
    table.add_column("type")
    for system in ("demarche", "natasha"):
        for mode in ("strict", "overlap"):
            table.add_column(f"{system} {mode} P/R/F1", justify="right")
    for label in (*LABELS, "ALL"):
        row = [label]
        for system in ("demarche", "natasha"):
            for mode in ("strict", "overlap"):
                s = scores[system][label][mode]
                row.append(f"{s['P']:.3f} / {s['R']:.3f} / {s['F1']:.3f}")
        table.add_row(*row)
    return table
