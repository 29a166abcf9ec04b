"""Merge the curated people parts into the package's people gazetteer.

    .venv/bin/python tools/build_people.py

Each file in tools/people_parts/ was curated for a group of states; a person who held offices
in more than one group (Tusk: Poland and the EU) appears in several parts under the same id,
and their offices are merged. Writes src/demarche/data/actors/people.json, then checks that
every office names a known state or organisation code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PARTS = sorted((HERE / "people_parts").glob("*.json"))
ACTORS = HERE.parent / "src" / "demarche" / "data" / "actors"
OUT = ACTORS / "people.json"
ABOUT = (
    "Heads of state and government and foreign ministers, 2000 onwards, with dated offices. "
    "Curated for Demarche from public records; Wikidata ids (CC0) where known."
)
# Serbia is the continuator state of Serbia and Montenegro and the FR Yugoslavia.
STATE_SUCCESSORS = {"SCG": "SRB", "YUG": "SRB"}


def _office_key(office: dict[str, Any]) -> tuple[str, str, str]:
    return (office["role"], office["state"], str(office.get("start")))


def merge(parts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    people: dict[str, dict[str, Any]] = {}
    for part in parts:
        for person in part["people"]:
            for office in person["offices"]:
                office["state"] = STATE_SUCCESSORS.get(office["state"], office["state"])
            known = people.get(person["id"])
            if known is None:
                people[person["id"]] = person
                continue
            seen = {_office_key(office) for office in known["offices"]}
            known["offices"] += [o for o in person["offices"] if _office_key(o) not in seen]
            for field in ("aliases_en", "aliases_ru"):
                known[field] = sorted(set(known.get(field, [])) | set(person.get(field, [])))
            known["wikidata"] = known.get("wikidata") or person.get("wikidata")
    for person in people.values():
        person["offices"].sort(key=lambda office: str(office.get("start")))
    return sorted(people.values(), key=lambda person: person["id"])


def known_codes() -> set[str]:
    states = json.loads((ACTORS / "states.json").read_text(encoding="utf-8"))["states"]
    organizations = json.loads((ACTORS / "organizations.json").read_text(encoding="utf-8"))
    return {s["code"] for s in states} | {o["code"] for o in organizations["organizations"]}


def main() -> None:
    people = merge([json.loads(path.read_text(encoding="utf-8")) for path in PARTS])
    codes = known_codes()
    unknown = {o["state"] for p in people for o in p["offices"]} - codes
    if unknown:
        raise SystemExit(f"offices name unknown codes: {sorted(unknown)}")
    OUT.write_text(
        json.dumps({"about": ABOUT, "people": people}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    print(f"{len(people)} people, {sum(len(p['offices']) for p in people)} offices -> {OUT}")


if __name__ == "__main__":
    main()
