"""Paragraphs, sentences and tokens with offsets into the original text (razdel)."""

from __future__ import annotations

from razdel import sentenize

from demarche.language.morphology import Morphology
from demarche.language.repair import find_split
from demarche.language.tokens import tokenize
from demarche.model import Document, Paragraph, Sentence, TextRepair, Token

# razdel joins ``a-b``, ``a_b``, ``1.5``, ``1/2`` looking one atom past the delimiter; at a
# sentence edge that atom lies outside the sentence, so such sentences are tokenised alone.
_JOINERS = frozenset("‑–—−-_")
_NUMERIC_JOINERS = frozenset(".,/\\")
MAX_SENTENCE_TOKENS = 300
_PIECE_ENDS = frozenset(",;:—–-")


def segment(doc: Document, morphology: Morphology) -> list[tuple[int, int, str]]:
    """Fill ``doc.paragraphs`` (one per non-empty line) and record glued-word repairs.

    Returns razdel's tokens of the whole text, (start, stop, text): the NER input. Sentences
    take their tokens from that one pass wherever razdel would tokenise them alone the same
    way, which spares a second tokenisation of the text.
    """
    text = doc.text
    whole = tokenize(text)
    cursor = 0
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        lead = len(line) - len(line.lstrip())
        paragraph = Paragraph(start=start + lead, end=start + len(line.rstrip()))
        for sent in sentenize(line):
            sentence = Sentence(start=start + sent.start, end=start + sent.stop)
            words, cursor = _sentence_tokens(whole, cursor, sentence, sent.text)
            previous = ""
            for word_start, word in words:
                token_start = sentence.start + word_start
                if previous == "#":  # hashtags glue words on purpose
                    sentence.tokens.append(Token(token_start, token_start + len(word), word))
                else:
                    sentence.tokens.extend(_split_glued(doc, word, token_start, morphology))
                previous = word
            paragraph.sentences.extend(_bounded(sentence))
        doc.paragraphs.append(paragraph)
    return whole


def _bounded(sentence: Sentence) -> list[Sentence]:
    """The sentence, or pieces of at most ``MAX_SENTENCE_TOKENS`` tokens when it is longer.

    A line without sentence punctuation is one razdel sentence however long it is, and the
    per-sentence work (the dependency parse's token-by-token scores, the mention look-ups)
    grows with the square of its length: 200k characters of it would need gigabytes. Real
    sentences stay far below the bound (the longest in our corpora and FactRuEval has 131
    tokens); pieces end after a comma, semicolon, colon or dash where one is near the bound.
    """
    tokens = sentence.tokens
    if len(tokens) <= MAX_SENTENCE_TOKENS:
        return [sentence]
    pieces, first = [], 0
    while first < len(tokens):
        last = min(first + MAX_SENTENCE_TOKENS, len(tokens))
        if last < len(tokens):
            for cut in range(last, first + MAX_SENTENCE_TOKENS // 2, -1):
                if tokens[cut - 1].text in _PIECE_ENDS:
                    last = cut
                    break
        start = sentence.start if first == 0 else tokens[first].start
        end = sentence.end if last == len(tokens) else tokens[last - 1].end
        pieces.append(Sentence(start=start, end=end, tokens=tokens[first:last]))
        first = last
    return pieces


def _sentence_tokens(
    whole: list[tuple[int, int, str]], cursor: int, sentence: Sentence, text: str
) -> tuple[list[tuple[int, str]], int]:
    """The sentence's tokens as (offset in sentence, text), and the cursor past them."""
    size = len(whole)
    while cursor < size and whole[cursor][0] < sentence.start:
        cursor += 1
    last = cursor
    while last < size and whole[last][1] <= sentence.end:
        last += 1
    own = whole[cursor:last]
    if (
        own
        and own[0][0] == sentence.start
        and own[-1][1] == sentence.end
        and (cursor == 0 or whole[cursor - 1][1] <= sentence.start)
        and _context_free(text)
    ):
        return [(s - sentence.start, word) for s, _, word in own], last
    return [(start, word) for start, _, word in tokenize(text)], last


def _context_free(text: str) -> bool:
    """False when razdel might join the first or last atom with one outside the sentence."""
    if len(text) < 2:
        return True
    first, second, before, last = text[0], text[1], text[-2], text[-1]
    if first in _JOINERS and not second.isspace():
        return False
    if first in _NUMERIC_JOINERS and second.isdigit():
        return False
    if last in _JOINERS and not before.isspace():
        return False
    return not (last in _NUMERIC_JOINERS and before.isdigit())


def _split_glued(doc: Document, word: str, start: int, morphology: Morphology) -> list[Token]:
    end = start + len(word)
    cut = find_split(word, morphology)
    if cut is None:
        return [Token(start, end, word)]
    doc.repairs.append(TextRepair(start, end, word, f"{word[:cut]} {word[cut:]}"))
    return [Token(start, start + cut, word[:cut]), Token(start + cut, end, word[cut:])]
