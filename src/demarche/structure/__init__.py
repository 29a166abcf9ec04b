"""Stage 2: the statement's structure: title-line metadata, speaker turns, markers."""

from demarche.structure.dateline import find_dateline
from demarche.structure.markers import find_markers
from demarche.structure.title import parse_title
from demarche.structure.turns import find_turns

__all__ = ["find_dateline", "find_markers", "find_turns", "parse_title"]
