"""An event's modality: whether the act happened, is planned, proposed, possible or denied."""

from __future__ import annotations

MODALITIES = ("done", "historical", "planned", "proposed", "hypothetical", "negated")
# Only acts that happened may stand for a meeting held or an agreement signed.
REALIS = frozenset({"done", "historical"})


def modality_of(aux: list[str], flipped: bool = False) -> str:
    """The one modality the qualifiers add up to; denial and condition outrank time.
    ``flipped``: the denial already made the act its opposite («не поддерживаем» is a
    REJECT that happened), so it is no longer a denied act."""
    if "negation" in aux and not flipped:
        return "negated"
    if "hypothetical" in aux:
        return "hypothetical"
    if "proposed" in aux:
        return "proposed"
    if "future" in aux:
        return "planned"
    if "historical" in aux:
        return "historical"
    return "done"
