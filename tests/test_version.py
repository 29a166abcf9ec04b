"""The analyser version moves with its knowledge files, so reanalyze notices a new lexicon."""

from __future__ import annotations

import re
import shutil
from importlib.resources import files
from pathlib import Path

from demarche import __version__, version


def test_version_is_package_version_plus_data_fingerprint():
    assert re.fullmatch(re.escape(__version__) + r"\+[0-9a-f]{8}", version.analyzer_version())


def test_fingerprint_changes_when_a_lexicon_changes(tmp_path, monkeypatch):
    package = tmp_path / "demarche"
    shutil.copytree(Path(str(files("demarche"))) / "data", package / "data")
    monkeypatch.setattr(version, "files", lambda _name: package)
    version.analyzer_version.cache_clear()
    try:
        before = version.analyzer_version()
        lexicon = package / "data" / "lang" / "ru_predicates.json"
        lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        version.analyzer_version.cache_clear()
        assert version.analyzer_version() != before
    finally:
        version.analyzer_version.cache_clear()
