"""Every derived item points at the exact characters it came from."""

from __future__ import annotations

import pytest

from tests.conftest import CORPUS


def _check(doc) -> None:
    text = doc.text
    for mention in doc.mentions:
        assert text[mention.start : mention.end] == mention.text
    for token in doc.tokens:
        assert text[token.start : token.end] == token.text
    for marker in doc.markers:
        assert text[marker.start : marker.end] == marker.text
    for paragraph in doc.paragraphs:
        assert paragraph.start < paragraph.end <= len(text)
        for sentence in paragraph.sentences:
            assert paragraph.start <= sentence.start < sentence.end <= paragraph.end
    for turn in doc.turns:
        assert text[turn.label_start : turn.label_end] == turn.label


def test_seed_offsets_round_trip(seed_doc):
    assert seed_doc.mentions
    _check(seed_doc)


def test_seed_text_kept_exactly(seed_doc):
    from tests.conftest import SEED

    assert seed_doc.text == SEED.read_text(encoding="utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_corpus_offsets_round_trip(analyzer, path):
    doc = analyzer.analyze_text(path.read_text(encoding="utf-8"), path.stem)
    assert doc.mentions
    _check(doc)
