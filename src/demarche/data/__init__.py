"""Knowledge shipped with the package: actor dictionaries, language packs, ontology."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def load_json(relative_path: str) -> Any:
    """Load ``demarche/data/<relative_path>``; cached, read once per process."""
    return json.loads(files(__name__).joinpath(relative_path).read_text(encoding="utf-8"))
