"""Analysis cost grows with the text, not with its square.

The indexed look-ups that replaced per-item scans must give the same answers as the scans
(checked here against the old code on random spans), and must finish on inputs where a scan
would take hours (checked in a subprocess with a generous timeout, no timing asserted).
The end-to-end figures are in bench/scaling.py.
"""

from __future__ import annotations

import itertools
import random
import subprocess
import sys
import textwrap

import pytest

from demarche.actors import candidates as c
from demarche.actors.candidates import Candidate, merge_ner
from demarche.facts.context import _mentions_by_sentence
from demarche.model import Mention, Sentence
from tests.conftest import CORPUS

LABELS = ("PER", "LOC", "ORG", "MISC")
FORMS = ("name", "adjective", "hashtag", "pronoun")


def _scan_merge_ner(text, found, ner, office_spans):
    """merge_ner as it was: every NER span against every candidate and office title."""
    merged = list(found)
    for start, end, label in ner:
        if any(s <= start and end <= e for s, e in office_spans):
            continue
        inside = [x for x in merged if x.start < end and start < x.end]
        if not inside:
            merged.append(c._ner_candidate(start, end, label))
            continue
        nested = all(start <= x.start and x.end <= end for x in inside)
        if label == "PER" and nested and c._widen_person(text, merged, inside, start, end):
            continue
        has_name = any(x.form in ("name", "hashtag") for x in inside)
        if (
            label == "ORG"
            and nested
            and (not has_name or c._capitalised_rest(text, start, end, inside))
        ):
            merged.append(c._ner_candidate(start, end, label))
    return merged


def _random_spans(rng: random.Random, count: int, size: int, longest: int):
    spans = []
    for _ in range(count):
        start = rng.randrange(size)
        spans.append((start, min(size, start + rng.randint(0, longest))))
    return spans


def _candidates(rng: random.Random, spans) -> list[Candidate]:
    return [
        Candidate(s, e, [], rng.choice(FORMS), rng.choice(LABELS), "", "gazetteer")
        for s, e in spans
    ]


@pytest.mark.parametrize("seed", range(30))
def test_indexed_merge_ner_gives_the_same_candidates_as_the_scan(seed):
    rng = random.Random(seed)
    size = 3000
    text = "".join(rng.choice("Аб вГ д. Е") for _ in range(size))
    spans = _random_spans(rng, 120, size, 40)
    ner = [(s, e, rng.choice(LABELS)) for s, e in _random_spans(rng, 120, size, 300)]
    offices = _random_spans(rng, 15, size, 60)

    def key(found: list[Candidate]):
        return [(x.start, x.end, x.label, x.form, x.source) for x in found]

    expected = key(_scan_merge_ner(text, _candidates(random.Random(seed), spans), ner, offices))
    assert key(merge_ner(text, _candidates(random.Random(seed), spans), ner, offices)) == expected


@pytest.mark.parametrize("seed", range(30))
def test_mentions_by_sentence_gives_what_a_scan_gives(seed):
    rng = random.Random(seed)
    cuts = sorted(rng.sample(range(1, 5000), 80))
    sentences = [Sentence(a, b) for a, b in zip([0, *cuts], cuts, strict=False) if a < b]
    mentions = [
        Mention(s, e, "", rng.choice(LABELS), "name", "", "test")
        for s, e in _random_spans(rng, 200, 5000, 500)
    ]
    mentions.sort(key=lambda m: m.end - m.start)
    near = _mentions_by_sentence(mentions, sentences)
    for sentence, found in zip(sentences, near, strict=True):
        scan = [m for m in mentions if m.start < sentence.end and sentence.start < m.end]
        assert [id(m) for m in found] == [id(m) for m in scan]


def test_look_ups_finish_on_a_long_document():
    """100,000 candidates, NER spans and sentences: a scan per item would take hours."""
    code = textwrap.dedent(
        """
        from demarche.actors.candidates import Candidate, merge_ner
        from demarche.facts.context import _mentions_by_sentence
        from demarche.model import Mention, Sentence

        n = 100_000
        text = "Россия и Китай. " * n
        found = [Candidate(16 * i, 16 * i + 6, [], "name", "LOC", "", "g") for i in range(n)]
        ner = [(16 * i + 9, 16 * i + 14, "ORG") for i in range(n)]
        offices = [(16 * i + 7, 16 * i + 8) for i in range(n)]
        merged = merge_ner(text, found, ner, offices)
        assert len(merged) == 2 * n, len(merged)
        sentences = [Sentence(16 * i, 16 * i + 15) for i in range(n)]
        mentions = [Mention(m.start, m.end, "", "LOC", "name", "", "t") for m in merged]
        near = _mentions_by_sentence(mentions, sentences)
        assert all(len(found) == 2 for found in near)
        print("done")
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "done"


def test_a_line_without_sentence_punctuation_is_parsed_in_bounded_pieces(analyzer):
    from demarche.language.segment import MAX_SENTENCE_TOKENS

    words = "Россия и Китай провели переговоры в Пекине, стороны обсудили сотрудничество"
    text = " ".join([words] * 400)  # one line, no full stop: one razdel sentence
    doc = analyzer.analyze_text(text)
    sentences = doc.sentences
    assert len(sentences) > 1
    assert all(0 < len(s.tokens) <= MAX_SENTENCE_TOKENS for s in sentences)
    # the pieces tile the line: every token kept once, in order, offsets intact
    tokens = [t for s in sentences for t in s.tokens]
    assert all(a.end <= b.start for a, b in itertools.pairwise(tokens))
    assert sentences[0].start == 0 and sentences[-1].end == len(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert all(s.tokens[-1].text == "," for s in sentences[:-1])  # cut after a comma
    assert any(e.type == "CONSULT" for e in doc.facts.events)


def test_a_long_unpunctuated_text_finishes():
    """200,000 characters on one line: one 35,000-token sentence took minutes and gigabytes."""
    code = textwrap.dedent(
        """
        from demarche.pipeline import Analyzer
        words = "Россия и Китай провели переговоры в Пекине стороны обсудили сотрудничество "
        text = (words * (200_000 // len(words)))
        doc = Analyzer().analyze_text(text)
        print(len(doc.sentences))
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) > 1


def test_encoder_blocks_give_what_one_pass_gives(analyzer, monkeypatch):
    """The NER encoder over a long sequence in blocks with context: the same rows."""
    import numpy as np

    from demarche.language import fastnet
    from demarche.language.tokens import tokenize

    text = (CORPUS / "02_lavrov_interview_izvestia.txt").read_text(encoding="utf-8")
    ner = analyzer.models.fast_ner
    word_id, shape_id = ner.ids.sequence([[word for _, _, word in tokenize(text)]])
    gap = word_id == ner.ids.word_pad
    whole = ner.encoder._encode(word_id, shape_id, gap)
    monkeypatch.setattr(fastnet, "_ENCODE_BLOCK", 37)
    blocked = ner.encoder(word_id, shape_id, gap)
    assert len(word_id) > 10 * 37
    # Equal up to float32 rounding: BLAS picks its summation order by matrix shape and CPU,
    # so a block and the whole sequence may differ in the last bit, never more.
    assert whole.shape == blocked.shape
    assert np.allclose(whole, blocked, rtol=1e-5, atol=1e-5)
    assert not np.allclose(whole[1:], blocked[:-1], rtol=1e-5, atol=1e-5)  # rows stay aligned


def test_deep_batches_tag_and_parse_as_one_batch(analyzer, monkeypatch):
    from demarche.language import tagging

    text = (CORPUS / "02_lavrov_interview_izvestia.txt").read_text(encoding="utf-8")

    def parses() -> list:
        doc = analyzer.analyze_text(text)
        return [(t.pos, t.feats, t.lemma, t.head, t.rel) for t in doc.tokens]

    one = parses()
    monkeypatch.setattr(tagging, "DEEP_BATCH_TOKENS", 40)
    assert parses() == one
