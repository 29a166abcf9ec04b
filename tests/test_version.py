"""The analyser version moves with its knowledge files and extraction code, so reanalyze
notices a new lexicon or rule, and ignores code that only serves or stores."""

from __future__ import annotations

import re
import shutil
from importlib.resources import files
from pathlib import Path

import pytest

from demarche import __version__, version


def test_version_is_package_version_plus_data_fingerprint():
    assert re.fullmatch(re.escape(__version__) + r"\+[0-9a-f]{8}", version.analyzer_version())


def _package_copy(tmp_path, monkeypatch) -> Path:
    package = tmp_path / "demarche"
    source = Path(str(files("demarche")))
    shutil.copytree(source, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(version, "files", lambda _name: package)
    return package


def _fingerprint_after(package: Path, relative: str) -> tuple[str, str]:
    version.analyzer_version.cache_clear()
    before = version.analyzer_version()
    changed = package / relative
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    version.analyzer_version.cache_clear()
    return before, version.analyzer_version()


@pytest.mark.parametrize(
    "relative",
    ["data/lang/ru_predicates.json", "data/actors/people.json", "facts/events/frames.py"],
)
def test_fingerprint_changes_with_knowledge_and_rules(tmp_path, monkeypatch, relative):
    package = _package_copy(tmp_path, monkeypatch)
    try:
        before, after = _fingerprint_after(package, relative)
        assert after != before
    finally:
        version.analyzer_version.cache_clear()


@pytest.mark.parametrize("relative", ["web/api.py", "store/queries.py", "cli/corpus.py"])
def test_fingerprint_ignores_serving_code(tmp_path, monkeypatch, relative):
    package = _package_copy(tmp_path, monkeypatch)
    try:
        before, after = _fingerprint_after(package, relative)
        assert after == before
    finally:
        version.analyzer_version.cache_clear()
