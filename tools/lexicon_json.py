"""Write a predicate lexicon in its reviewable layout: one class and one entry per line, so
that a diff shows exactly the entries that changed.

    .venv/bin/python tools/lexicon_json.py src/demarche/data/lang/ru_predicates.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def dumps(data: dict) -> str:
    def line(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    parts = []
    for key, value in data.items():
        if key == "classes":
            rows = [f"  {line(k)}: {line(v)}" for k, v in value.items()]
            parts.append(f" {line(key)}: {{\n" + ",\n".join(rows) + "\n }")
        elif key == "predicates":
            rows = [f" {line(v)}" for v in value]
            parts.append(f" {line(key)}: [\n" + ",\n".join(rows) + "\n ]")
        else:
            parts.append(
                f" {line(key)}: "
                + json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n ")
            )
    return "{\n" + ",\n".join(parts) + "\n}\n"


if __name__ == "__main__":
    for name in sys.argv[1:]:
        path = Path(name)
        path.write_text(dumps(json.loads(path.read_text())))
