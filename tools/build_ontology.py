"""Convert the PLOVER/CAMEO reference files into the package's ontology data.

    .venv/bin/python tools/build_ontology.py ../shared/ontology

Writes src/demarche/data/ontology/{plover.json,cameo.json}. PLOVER material is CC BY-SA 4.0
(openeventdata/PLOVER); the CAMEO names and Goldstein scores come from the MIT-licensed
andybega/icews package. The licences travel inside the output files.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "demarche" / "data" / "ontology"
_MAPPING = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,([^,#]*),([^#]*)(?:#\s*(.*))?$")


def build_plover(source: Path) -> dict:
    summary = json.loads((source / "plover-2.0-summary.json").read_text(encoding="utf-8"))
    return {
        "about": "PLOVER 2.0 event types: definitions paraphrased from openeventdata/PLOVER "
        "PLOVER_MANUAL.tex (Draft 2.0). Licence: CC BY-SA 4.0. ACCUSE's score is read as -3 "
        "and SANCTION as material conflict, per the manual's known slips.",
        "licence": "CC BY-SA 4.0",
        "events": summary["events"],
    }


def build_cameo(source: Path) -> dict:
    mapping = {}
    for line in (source / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        match = _MAPPING.match(line.strip())
        if not match:
            continue
        code, event, mode, context, _ = match.groups()
        mode, context = mode.strip(), context.strip()
        if "_" in mode:  # the 175 line puts a context in the mode slot; modes use hyphens
            mode, context = "", ",".join(c for c in (mode, context) if c)
        mapping[code] = {"plover": event, "mode": mode, "context": context}
    codes = {}
    with (source / "cameo-codes-goldstein.csv").open(encoding="utf-8", errors="replace") as f:
        for row in csv.DictReader(f):
            codes[row["code"]] = {
                "name": row["name"],
                "goldstein": float(row["goldstein"]),
                "root": row["root_code"],
            }
    return {
        "about": "CAMEO -> PLOVER mapping (openeventdata/PLOVER CAMEO2PLOVER-2021, CC BY-SA 4.0) "
        "and CAMEO code names with Goldstein scores (andybega/icews, MIT).",
        "licence": "CC BY-SA 4.0 (mapping); MIT (codes and Goldstein scores)",
        "cameo_to_plover": mapping,
        "codes": codes,
    }


def main() -> None:
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/ontology")
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in (("plover.json", build_plover(source)), ("cameo.json", build_cameo(source))):
        (OUT / name).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
        print(f"wrote {OUT / name}")


if __name__ == "__main__":
    main()
