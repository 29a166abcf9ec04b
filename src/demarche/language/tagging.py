"""Morphology, NER and syntax.

Two depths: every token gets a fast dictionary tag and lemma (pymorphy3, cached per word form);
sentences that carry facts get slovnet's contextual morphology and a dependency parse.
Slovnet's models run through ``fastnet`` on their loaded weights.
"""

from __future__ import annotations

from collections.abc import Sequence

from demarche.language.models import LanguageModels
from demarche.language.tokens import tokenize
from demarche.model import Document, Sentence


def tag_fast(doc: Document, models: LanguageModels) -> None:
    """Dictionary tags for every token: enough to find actors and candidate predicates."""
    tag = models.morphology.tag
    for sentence in doc.sentences:
        for token in sentence.tokens:
            token.pos, feats, token.lemma = tag(token.text)
            token.feats = dict(feats)


# Tokens per batch of the contextual models. The encoder zeroes the separator rows between
# sentences after every layer, so a sentence's tags and parse do not depend on its batch;
# batching only bounds memory (one batch for a whole long document peaked at ~800 MB per
# million characters on top of the rest).
DEEP_BATCH_TOKENS = 20_000


def tag_deep(sentences: list[Sentence], models: LanguageModels) -> None:
    """Slovnet's contextual morphology and dependency parse, for the given sentences only."""
    sentences = [s for s in sentences if s.tokens and not s.parsed]
    for batch in _batches(sentences, DEEP_BATCH_TOKENS):
        tag_morphology(batch, models)
        parse_syntax(batch, models)


def _batches(sentences: list[Sentence], tokens: int) -> list[list[Sentence]]:
    """Consecutive sentences, about ``tokens`` tokens a batch (a longer sentence alone)."""
    batches: list[list[Sentence]] = []
    size = 0
    for sentence in sentences:
        if not batches or size + len(sentence.tokens) > tokens:
            batches.append([])
            size = 0
        batches[-1].append(sentence)
        size += len(sentence.tokens)
    return batches


def tag_morphology(sentences: list[Sentence], models: LanguageModels) -> None:
    sentences = [s for s in sentences if s.tokens]
    if not sentences:
        return
    chunk = [[t.text for t in s.tokens] for s in sentences]
    lemma = models.morphology.lemma
    for sentence, tags in zip(sentences, models.fast_morph(chunk), strict=True):
        for token, (pos, feats) in zip(sentence.tokens, tags, strict=True):
            token.pos = pos
            token.feats = dict(feats)
            if token.text[:1].isalpha():
                token.lemma = lemma(token.text, pos, token.feats.get("Case", ""))
            else:
                token.lemma = token.text
            if pos in ("VERB", "AUX") and token.feats.get("Tense") in ("Pres", "Fut"):
                _tense_by_dictionary(token, models)


def _tense_by_dictionary(token, models: LanguageModels) -> None:
    """«вышлем», «будет»: the tagger calls a perfective verb's non-past and the future of
    «быть» present, and «требуем» future; the dictionary knows when a form has one tense."""
    tense = models.morphology.finite_tense(token.text.lower())
    if tense is not None:
        token.feats["Tense"] = tense


def ner_spans(
    text: str, models: LanguageModels, tokens: Sequence[tuple[int, int, str]] | None = None
) -> list[tuple[int, int, str]]:
    """Slovnet NER over the whole text: (start, end, PER|LOC|ORG).

    ``tokens`` are razdel's tokens of the whole text, (start, stop, text), when the caller has
    them already (``segment`` returns them); slovnet tokenises the same way.
    """
    if not text.strip():
        return []
    if tokens is None:
        tokens = tokenize(text)
    return models.fast_ner(tokens)


def parse_syntax(sentences: list[Sentence], models: LanguageModels) -> None:
    """Dependency heads and relations (slovnet) for the given sentences only."""
    todo = [s for s in sentences if not s.parsed and s.tokens]
    if not todo:
        return
    chunk = [[t.text for t in s.tokens] for s in todo]
    for sentence, parsed in zip(todo, models.fast_syntax(chunk), strict=True):
        for token, (head, rel) in zip(sentence.tokens, parsed, strict=True):
            token.head = head - 1
            token.rel = rel
        sentence.parsed = True
