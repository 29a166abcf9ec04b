"""Stage 5: facts — PLOVER events, agreements, dialogue formats, relations, stances, rhetoric."""

from __future__ import annotations

from demarche.facts.agreements import extract_agreements
from demarche.facts.context import build_context
from demarche.facts.events import (
    candidate_sentences,
    extract_events,
    label_events,
    modality_of,
)
from demarche.facts.events.rounds import round_events
from demarche.facts.events.triggers import obliging
from demarche.facts.formats import extract_formats
from demarche.facts.lexicon import load_lexicon
from demarche.facts.relations import extract_relations
from demarche.facts.rhetoric import extract_rhetoric
from demarche.facts.stances import extract_stances
from demarche.facts.summaries import summarise
from demarche.language.models import LanguageModels
from demarche.language.tagging import tag_deep
from demarche.model import Document, Facts


class FactExtractor:
    def __init__(self, models: LanguageModels, language: str = "ru") -> None:
        self.models = models
        self.lexicon = load_lexicon(models.morphology, language)

    def __call__(self, doc: Document) -> None:
        context = build_context(doc, self.lexicon)
        # Only sentences that hold a predicate get the costly contextual models; their
        # predicates are then found again on the better lemmas.
        verb_lemma = getattr(self.models.morphology, "verb_lemma", None)
        candidates = candidate_sentences(context, verb_lemma)
        try:
            tag_deep([view.sentence for view, _ in candidates], self.models)
        except Exception as error:  # a parser failure costs sentences, never the document
            doc.warnings.append(f"syntax parser failed ({error!r}); event sentences skipped")
        usable = []
        for view, _ in candidates:
            if view.sentence.parsed:
                hits = self.lexicon.predicates.find(view.tokens)
                if hits or obliging(context, view):
                    usable.append((view, hits))
            else:
                doc.warnings.append(f"sentence at {view.sentence.start} not parsed; skipped")
        events = extract_events(context, usable)
        rhetoric = extract_rhetoric(context)
        events += label_events(context, rhetoric, events)
        formats = extract_formats(context)
        events += round_events(context, formats, events)
        for event in events:
            event.modality = modality_of(event.aux, event.note.startswith("negated "))
        facts = Facts(events=events, rhetoric=rhetoric)
        facts.agreements = extract_agreements(context, events)
        facts.formats = formats
        facts.relations = extract_relations(context, facts.agreements)
        facts.stances = extract_stances(context, events)
        summarise(facts)
        doc.facts = facts
