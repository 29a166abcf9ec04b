"""Stage 5a: PLOVER events. Triggers (``triggers``) are read off the predicate lexicon; their
roles come from the dependency parse (``frames``) and, where the sentence leaves them out,
from who speaks and what came before (``attribution``); ``modality`` and ``circumstances``
qualify each act, and ``merge`` keeps one event per act."""

from demarche.facts.events.common import AGREEMENT_NOTE
from demarche.facts.events.extract import extract_events, label_events
from demarche.facts.events.modality import MODALITIES, REALIS, modality_of
from demarche.facts.events.triggers import candidate_sentences

__all__ = [
    "AGREEMENT_NOTE",
    "MODALITIES",
    "REALIS",
    "candidate_sentences",
    "extract_events",
    "label_events",
    "modality_of",
]
