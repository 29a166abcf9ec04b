"""Load the Natasha/Slovnet models that ship inside their PyPI packages, once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from demarche.language.fastnet import FastMorph, FastNER, FastSyntax
from demarche.language.morphology import Morphology

# Words whose first-convolution products a tagger keeps (3 KB a word): NER reads every
# token, morphology and syntax only the sentences that carry facts. ~25 MB in all.
NER_CONV_CACHE = 4096
DEEP_CONV_CACHE = 2048


@dataclass(slots=True)
class LanguageModels:
    morph_tagger: object
    ner_tagger: object
    embedding: object
    morphology: Morphology
    # Faster runners over the same weights (see fastnet); built from the taggers above.
    fast_morph: FastMorph | None = None
    fast_ner: FastNER | None = None

    def __post_init__(self) -> None:
        if self.fast_morph is None:
            self.fast_morph = FastMorph(self.morph_tagger, cache=DEEP_CONV_CACHE)
        if self.fast_ner is None:
            self.fast_ner = FastNER(self.ner_tagger, self.fast_morph.ids, cache=NER_CONV_CACHE)

    @property
    def syntax_parser(self) -> object:
        return _syntax_parser()

    @property
    def fast_syntax(self) -> FastSyntax:
        return _fast_syntax()


@cache
def load_models() -> LanguageModels:
    """Natasha's news models: navec embeddings, slovnet morphology and NER (all offline)."""
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger

    embedding = NewsEmbedding()
    morph_tagger = NewsMorphTagger(embedding)
    words = morph_tagger.infer.encoder.words_vocab
    vocab = embedding.vocab
    if vocab.words == words.items:  # navec's own copy of the same 250k words
        vocab.words, vocab.word_ids = words.items, words.item_ids
    return LanguageModels(
        morph_tagger=morph_tagger,
        ner_tagger=_shared_words(NewsNERTagger(embedding), words),
        embedding=embedding,
        morphology=Morphology(),
    )


def _shared_words(tagger: Any, words: Any) -> Any:
    """Each slovnet pack loads its own copy of the navec word vocabulary (250k words and
    their index, ~27 MB); a tagger whose copy is the same list uses the morphology tagger's
    instead, so the Russian pack holds it once."""
    encoder = tagger.infer.encoder
    if encoder.words_vocab is not words and encoder.words_vocab.items == words.items:
        encoder.words_vocab = words
    return tagger


@cache
def _syntax_parser() -> object:
    # Loaded on first use only: the parser is needed for sentences that carry facts.
    from natasha import NewsSyntaxParser

    models = load_models()
    words = models.morph_tagger.infer.encoder.words_vocab
    return _shared_words(NewsSyntaxParser(models.embedding), words)


@cache
def _fast_syntax() -> FastSyntax:
    return FastSyntax(_syntax_parser(), load_models().fast_morph.ids, cache=DEEP_CONV_CACHE)
