"""The analyser's version: the package version plus a fingerprint of its knowledge files.

A changed lexicon or gazetteer changes what is extracted as surely as changed code does, so
the store records this version on every row and ``demarche reanalyze`` notices either.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.resources import files
from pathlib import Path

from demarche import __version__


@cache
def analyzer_version() -> str:
    digest = hashlib.sha256()
    data = Path(str(files("demarche"))) / "data"
    for path in sorted(data.rglob("*.json")):
        digest.update(path.relative_to(data).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:8]}"
