"""razdel's tokenizer, exactly, without building a split object at every space.

razdel cuts text into atoms (runs of letters or digits, single punctuation marks) and then
decides, for each pair of neighbouring atoms, whether they join into one token. A pair
separated by whitespace never joins, yet razdel still builds a split object with six atoms
of context for it. Here only touching pairs go through razdel's own rules, with the same
context; offsets come from the atoms. Output equals ``razdel.tokenize`` (start, stop, text).
"""

from __future__ import annotations

from razdel.segmenters.punct import DASHES
from razdel.segmenters.tokenize import ATOM, INT, OTHER, PUNCT, Atom, TokenSplit
from razdel.segmenters.tokenize import tokenize as _razdel

_WINDOW = 3  # razdel's TokenSplitter window
_join = _razdel.join
# Atoms razdel's dash/underscore rules and float/fraction rules treat as joiners.
_DASHES = frozenset(DASHES + "_")
_NUMERIC = frozenset(".,/\\")


def _never_joins(left: str, left_kind: str, right: str, right_kind: str) -> bool:
    """True when none of razdel's token rules can join these two touching atoms.

    A shortcut only: when it says False, razdel's rules are asked. The rules: ``other`` joins
    OTHER atoms to letters or OTHER; ``punct`` joins two marks; ``yahoo`` needs ``!``; dash
    and underscore join across ``-``/``_``; float and fraction join digits across ``.,/\\``.
    """
    if left_kind == OTHER or right_kind == OTHER or right == "!":
        return False
    if left_kind == PUNCT and right_kind == PUNCT:
        return False
    if left in _DASHES or right in _DASHES:
        return False
    if left in _NUMERIC and right_kind == INT:
        return False
    return not (right in _NUMERIC and left_kind == INT)


def tokenize(text: str) -> list[tuple[int, int, str]]:
    spans = [(m.start(), m.end(), m.lastgroup) for m in ATOM.finditer(text)]
    if not spans:
        return []
    atoms: dict[int, Atom] = {}

    def atom(index: int) -> Atom:
        found = atoms.get(index)
        if found is None:
            start, stop, kind = spans[index]
            found = atoms[index] = Atom(start, stop, kind, text[start:stop])
        return found

    tokens = []
    start, stop = spans[0][0], spans[0][1]
    for index in range(1, len(spans)):
        atom_start, atom_stop, kind = spans[index]
        if atom_start == stop and not _never_joins(
            text[spans[index - 1][0] : stop], spans[index - 1][2], text[atom_start:atom_stop], kind
        ):  # touching atoms that a rule might join: razdel's rules decide
            split = TokenSplit(
                [atom(i) for i in range(max(0, index - _WINDOW), index)],
                "",
                [atom(i) for i in range(index, min(len(spans), index + _WINDOW))],
            )
            split.buffer = text[start:stop]
            if _join(split):
                stop = atom_stop
                continue
        tokens.append((start, stop, text[start:stop]))
        start, stop = atom_start, atom_stop
    tokens.append((start, stop, text[start:stop]))
    return tokens
