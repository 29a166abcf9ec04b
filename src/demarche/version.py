"""The analyser's version: the package version plus a fingerprint of what decides the facts.

A changed lexicon, gazetteer or extraction rule changes what is extracted, so the store
records this version on every row and ``demarche reanalyze`` notices any of them. Code that
only stores, serves or prints (store queries, web, CLI) is left out: changing it must not
send a whole archive back through analysis.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.resources import files
from pathlib import Path

from demarche import __version__

# What the analysis of a text depends on, relative to the package.
ANALYSIS_SOURCES = (
    "data/**/*.json",
    "pipeline.py",
    "model.py",
    "structure/*.py",
    "language/*.py",
    "actors/*.py",
    "facts/**/*.py",  # the event engine is a package of its own
    "store/record.py",
)


@cache
def analyzer_version() -> str:
    package = Path(str(files("demarche")))
    paths = {path for pattern in ANALYSIS_SOURCES for path in package.glob(pattern)}
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:8]}"
