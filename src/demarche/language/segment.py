"""Paragraphs, sentences and tokens with offsets into the original text (razdel)."""

from __future__ import annotations

from razdel import sentenize, tokenize

from demarche.language.morphology import Morphology
from demarche.language.repair import find_split
from demarche.model import Document, Paragraph, Sentence, TextRepair, Token


def segment(doc: Document, morphology: Morphology) -> None:
    """Fill ``doc.paragraphs`` (one per non-empty line) and record glued-word repairs."""
    text = doc.text
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
            previous = ""
            for tok in tokenize(sent.text):
                token_start = sentence.start + tok.start
                if previous == "#":  # hashtags glue words on purpose
                    sentence.tokens.append(
                        Token(token_start, token_start + len(tok.text), tok.text)
                    )
                else:
                    sentence.tokens.extend(_split_glued(doc, tok.text, token_start, morphology))
                previous = tok.text
            paragraph.sentences.append(sentence)
        doc.paragraphs.append(paragraph)


def _split_glued(doc: Document, word: str, start: int, morphology: Morphology) -> list[Token]:
    end = start + len(word)
    cut = find_split(word, morphology)
    if cut is None:
        return [Token(start, end, word)]
    doc.repairs.append(TextRepair(start, end, word, f"{word[:cut]} {word[cut:]}"))
    return [Token(start, start + cut, word[:cut]), Token(start + cut, end, word[cut:])]
