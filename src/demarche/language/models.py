"""Load the Natasha/Slovnet models that ship inside their PyPI packages, once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from demarche.language.morphology import Morphology


@dataclass(slots=True)
class LanguageModels:
    morph_tagger: object
    ner_tagger: object
    embedding: object
    morphology: Morphology

    @property
    def syntax_parser(self) -> object:
        return _syntax_parser()


@cache
def load_models() -> LanguageModels:
    """Natasha's news models: navec embeddings, slovnet morphology and NER (all offline)."""
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger

    embedding = NewsEmbedding()
    return LanguageModels(
        morph_tagger=NewsMorphTagger(embedding),
        ner_tagger=NewsNERTagger(embedding),
        embedding=embedding,
        morphology=Morphology(),
    )


@cache
def _syntax_parser() -> object:
    # Loaded on first use only: the parser is needed for sentences that carry facts.
    from natasha import NewsSyntaxParser

    return NewsSyntaxParser(load_models().embedding)
