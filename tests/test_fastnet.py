"""The faster paths give slovnet's, razdel's and pymorphy's own answers."""

from __future__ import annotations

import random

import pytest
from razdel import sentenize
from razdel import tokenize as razdel_tokenize

from demarche.language.models import load_models
from demarche.language.tokens import tokenize
from tests.conftest import CORPUS, SEED


def _texts() -> list[str]:
    paths = [SEED] if SEED.exists() else []
    paths += sorted(CORPUS.glob("*.txt"))[:4]
    return [p.read_text(encoding="utf-8") for p in paths]


@pytest.mark.parametrize("text", _texts())
def test_fast_taggers_equal_slovnet(text):
    models = load_models()
    sentences = [[t.text for t in razdel_tokenize(s.text)] for s in sentenize(text)]
    sentences = [s for s in sentences if s]
    ner = [(s.start, s.stop, s.type) for s in models.ner_tagger(text).spans]
    assert models.fast_ner(tokenize(text)) == ner
    morph = [[(t.pos, t.feats) for t in m.tokens] for m in models.morph_tagger.map(sentences)]
    fast_morph = [[(pos, dict(feats)) for pos, feats in s] for s in models.fast_morph(sentences)]
    assert fast_morph == morph
    syntax = [
        [(int(t.head_id), t.rel) for t in m.tokens] for m in models.syntax_parser.map(sentences)
    ]
    assert models.fast_syntax(sentences) == syntax
    # Second pass: first-convolution products now come from the cache.
    assert models.fast_ner(tokenize(text)) == ner


def test_tokenize_equals_razdel():
    rng = random.Random(7)
    alphabet = "аб Вг.,-–—‑−_/\\12 3:;!?…()«»\"'*#@ab\nXYΔσ😀:-) ...--**yahoo!½²"
    texts = _texts() + [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)
    ]
    for text in texts:
        assert tokenize(text) == [(t.start, t.stop, t.text) for t in razdel_tokenize(text)]


def test_in_dictionary_equals_word_is_known():
    morphology = load_models().morphology
    words = {t for text in _texts()[:2] for _, _, t in tokenize(text)}
    words |= {"ёлка", "елка", "Щёголев", "внерегиональный", "партнёрствесегодня", "xyz"}
    for word in words:
        assert morphology.in_dictionary(word) == morphology.analyzer.word_is_known(word), word
