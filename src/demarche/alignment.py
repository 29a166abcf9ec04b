"""Aligning the events of two versions of one statement: a text and its translation.

Pure functions over plain event dicts (each with ``date`` and ``start``, and whatever the
caller's ``shape`` and ``likeness`` read), shared by the store's linked translations
(``store/translations.py``) and the parallel evaluation (``evaluation/parallel.py``).

Two passes pair events of equal shape (what two versions of one event must share: the words
differ, these do not), an equal date first, then in text order. A third pass, only when the
caller gives a ``likeness``, pairs what is left by how alike two events are, so that one fact
coded differently in the two versions is paired and shows its difference instead of being
counted as two unpaired events.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

Event = dict[str, Any]
Pairs = list[tuple[Event, Event]]


def align(
    these: list[Event],
    those: list[Event],
    shape: Callable[[Event], Hashable],
    likeness: Callable[[Event, Event], float | None] | None = None,
    near: Callable[[Event, Event], bool] | None = None,
) -> tuple[Pairs, list[Event], list[Event]]:
    """Pair events of equal ``shape``, an equal date first, then in text order; then, with
    ``likeness``, the rest by decreasing likeness (``None`` or 0: not one fact), one to one.
    With ``near``, events of equal shape pair only when near each other (the same paragraph,
    say), so that one version's event does not take the counterpart of another.
    Returns the pairs in the first side's text order and the unpaired events of each side."""
    free = list(those)
    pairs: Pairs = []
    left: list[Event] = []
    unmatched = []

    def equal(event: Event, other: Event) -> bool:
        return shape(other) == shape(event) and (near is None or near(event, other))

    for event in these:  # first pass: shape and date equal
        match = next(
            (o for o in free if equal(event, o) and o.get("date") == event.get("date")),
            None,
        )
        if match is None:
            unmatched.append(event)
        else:
            free.remove(match)
            pairs.append((event, match))
    for event in unmatched:  # second pass: shape alone (a date one version leaves out)
        match = next((o for o in free if equal(event, o)), None)
        if match is None:
            left.append(event)
        else:
            free.remove(match)
            pairs.append((event, match))
    if likeness is not None:  # third pass: one fact, told differently
        scored = []
        for i, event in enumerate(left):
            for j, other in enumerate(free):
                score = likeness(event, other)
                if score:
                    scored.append((-score, i, j))
        taken_left: set[int] = set()
        taken_free: set[int] = set()
        for _, i, j in sorted(scored):
            if i in taken_left or j in taken_free:
                continue
            taken_left.add(i)
            taken_free.add(j)
            pairs.append((left[i], free[j]))
        left = [event for i, event in enumerate(left) if i not in taken_left]
        free = [event for j, event in enumerate(free) if j not in taken_free]
    pairs.sort(key=lambda pair: pair[0]["start"])
    return pairs, left, free
