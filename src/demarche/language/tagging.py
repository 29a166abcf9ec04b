"""Morphology, NER and syntax.

Two depths: every token gets a fast dictionary tag and lemma (pymorphy3, cached per word form);
sentences that carry facts get slovnet's contextual morphology and a dependency parse.
"""

from __future__ import annotations

from demarche.language.models import LanguageModels
from demarche.model import Document, Sentence


def tag_fast(doc: Document, models: LanguageModels) -> None:
    """Dictionary tags for every token: enough to find actors and candidate predicates."""
    morphology = models.morphology
    for sentence in doc.sentences:
        for token in sentence.tokens:
            token.pos, feats, token.lemma = morphology.tag(token.text)
            token.feats = dict(feats)


def tag_deep(sentences: list[Sentence], models: LanguageModels) -> None:
    """Slovnet's contextual morphology and dependency parse, for the given sentences only."""
    sentences = [s for s in sentences if s.tokens and not s.parsed]
    if not sentences:
        return
    tag_morphology(sentences, models)
    parse_syntax(sentences, models)


def tag_morphology(sentences: list[Sentence], models: LanguageModels) -> None:
    chunk = [[t.text for t in s.tokens] for s in sentences]
    morphology = models.morphology
    for sentence, markup in zip(sentences, models.morph_tagger.map(chunk), strict=True):
        for token, tagged in zip(sentence.tokens, markup.tokens, strict=True):
            token.pos = tagged.pos
            token.feats = dict(tagged.feats)
            if token.text[:1].isalpha():
                token.lemma = morphology.lemma(token.text, token.pos, token.feats.get("Case", ""))
            else:
                token.lemma = token.text


def ner_spans(text: str, models: LanguageModels) -> list[tuple[int, int, str]]:
    """Slovnet NER over the whole text: (start, end, PER|LOC|ORG)."""
    if not text.strip():
        return []
    markup = models.ner_tagger(text)
    return [(span.start, span.stop, span.type) for span in markup.spans]


def parse_syntax(sentences: list[Sentence], models: LanguageModels) -> None:
    """Dependency heads and relations (slovnet) for the given sentences only."""
    todo = [s for s in sentences if not s.parsed and s.tokens]
    if not todo:
        return
    chunk = [[t.text for t in s.tokens] for s in todo]
    for sentence, markup in zip(todo, models.syntax_parser.map(chunk), strict=True):
        for token, parsed in zip(sentence.tokens, markup.tokens, strict=True):
            token.head = int(parsed.head_id) - 1
            token.rel = parsed.rel
        sentence.parsed = True
