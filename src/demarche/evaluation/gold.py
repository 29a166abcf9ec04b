"""Gold files: loading, validation against the schema, and the reading conventions.

A gold file that does not validate, or whose evidence is not in its statement, is an error
of the gold, never a silent match: the scorer would otherwise reward whatever overlaps
nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema


class GoldError(ValueError):
    """The gold file is malformed or does not quote its statement."""


@cache
def gold_schema() -> dict[str, Any]:
    text = resources.files("demarche").joinpath("schema/gold.schema.json").read_text("utf-8")
    return json.loads(text)


@dataclass(frozen=True, slots=True)
class GoldPair:
    gold: Path
    statement: Path


def event_modality(item: dict[str, Any]) -> str:
    """Older files say ``"aux": "historical"``; newer ones say ``modality``."""
    if "modality" in item:
        return item["modality"]
    return "historical" if item.get("aux") == "historical" else "done"


def required(item: dict[str, Any]) -> bool:
    return item.get("required", True)


def span_of(text: str, evidence: str | None) -> tuple[int, int] | None:
    if not evidence:
        return None
    start = text.find(evidence)
    return (start, start + len(evidence)) if start >= 0 else None


_QUOTED_KINDS = ("events", "agreements", "dialogue_formats", "relations", "rhetoric")


def validate_gold(gold: dict[str, Any], text: str, name: str = "gold") -> None:
    """Raise ``GoldError`` unless the file follows the schema and quotes its statement."""
    errors = sorted(
        jsonschema.Draft202012Validator(gold_schema()).iter_errors(gold), key=lambda e: e.path
    )
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top)"
        raise GoldError(f"{name}: {where}: {first.message}")
    for kind in _QUOTED_KINDS:
        for number, item in enumerate(gold.get(kind, [])):
            evidence = item.get("evidence")
            if evidence and evidence not in text:
                raise GoldError(
                    f"{name}: {kind}[{number}] evidence not in the statement: {evidence!r}"
                )


def load_gold(path: Path, text: str, overlay: dict[str, Any] | None = None) -> dict[str, Any]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise GoldError(f"{path}: cannot read gold file ({error})") from None
    if overlay:
        gold = apply_overlay(gold, overlay)
    validate_gold(gold, text, path.name)
    return gold


def apply_overlay(gold: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    """What the project adds to a gold file it may not change (``../shared/seed``):
    ``{"agreements": {"0": {"signatories": [...]}}}`` sets fields of item 0, and
    ``{"+stances": [...]}`` adds items."""
    merged = json.loads(json.dumps(gold))
    for kind, items in overlay.items():
        if kind.startswith("_"):
            continue
        if kind.startswith("+"):
            merged.setdefault(kind[1:], []).extend(items)
            continue
        for index, fields in items.items():
            merged[kind][int(index)].update(fields)
    return merged


def gold_pairs(folder: Path) -> list[GoldPair]:
    pairs = [
        GoldPair(path, path.with_name(path.name.removesuffix(".expected.json") + ".txt"))
        for path in sorted(folder.glob("*.expected.json"))
    ]
    return [p for p in pairs if p.statement.is_file()]
