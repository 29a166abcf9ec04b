"""Print the first-sight history of the gold rounds (tests/gold/rounds.json) as a Markdown
table, the one README shows: `python tools/first_sight_table.py`."""

from __future__ import annotations

import json
from pathlib import Path

ROUNDS = Path(__file__).resolve().parent.parent / "tests" / "gold" / "rounds.json"


def table() -> str:
    rounds = json.loads(ROUNDS.read_text(encoding="utf-8"))["rounds"]
    lines = [
        "| round | statements | scored | scorer, commit | event R | event P | all facts R / P "
        "| now |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for entry in rounds:
        seen = entry.get("first_sight")
        if not seen:
            continue
        where = f"`{entry['dir']}`" + (f" {entry['files']}" if entry.get("files") else "")
        if seen.get("scorer") == "lenient":
            lines.append(
                f"| {entry['name']} | {where} | {seen['date']} | lenient (earlier scorer) | — | "
                f"{seen['event_precision']:.3f} | recall {seen['fact_recall']:.3f} | "
                f"{entry['status']} |"
            )
            continue
        lines.append(
            f"| {entry['name']} | {where} | {seen['date']} | strict, {seen['commit']} | "
            f"{seen['event_recall']:.3f} | {seen['event_precision']:.3f} | "
            f"{seen['fact_recall']:.3f} / {seen['fact_precision']:.3f} | {entry['status']} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
