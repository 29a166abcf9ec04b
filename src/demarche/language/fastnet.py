"""Slovnet's CNN taggers (NER, morphology, syntax) run on their own loaded weights, faster.

Slovnet's numpy executor pads sentences into batches of eight, lays activations out as
batch x channels x sequence (so every layer copies through strided views), decodes the NER
CRF with a dozen array operations per token and re-tokenises text the caller has already
tokenised. Here the same weights run on one sequence per call: the sentences are laid end to
end with one zero row between them, activations stay sequence x channels, and the CRF loop
does four small operations per token.

The arithmetic is slovnet's, in the same order and precision: the padding embedding is zero
and padded positions are zeroed after every layer, so a sentence sees the same zeros around
it whether it is padded in a batch or separated by a zero row. Nothing is loaded here: every
array is the one held by the natasha model object.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from numpy.lib.stride_tricks import as_strided
from slovnet.conll import parse_conll_tag
from slovnet.shape import word_shape

_WORD_CACHE = 200_000


class WordIds:
    """Word and shape ids (slovnet's vocabularies), cached per word form."""

    def __init__(self, encoder) -> None:
        self.words = encoder.words_vocab.item_ids
        self.word_unk = encoder.words_vocab.unk_id
        self.word_pad = encoder.words_vocab.pad_id
        self.shapes = encoder.shapes_vocab.item_ids
        self.shape_unk = encoder.shapes_vocab.unk_id
        self.shape_pad = encoder.shapes_vocab.pad_id
        self.cache: dict[str, tuple[int, int]] = {}

    def same_as(self, encoder) -> bool:
        return (
            encoder.words_vocab.item_ids is self.words
            or encoder.words_vocab.items == list(self.words)
        ) and encoder.shapes_vocab.items == list(self.shapes)

    def ids(self, word: str) -> tuple[int, int]:
        found = self.cache.get(word)
        if found is None:
            if len(self.cache) >= _WORD_CACHE:
                self.cache.clear()
            found = (
                self.words.get(word.lower(), self.word_unk),
                self.shapes.get(word_shape(word), self.shape_unk),
            )
            self.cache[word] = found
        return found

    def sequence(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Ids of the sentences laid end to end, one padding position between them."""
        pad = (self.word_pad, self.shape_pad)
        pairs: list[tuple[int, int]] = []
        for index, words in enumerate(sentences):
            if index:
                pairs.append(pad)
            pairs.extend(map(self.ids, words))
        array = np.array(pairs, dtype=np.int64).reshape(-1, 2)
        return array[:, 0], array[:, 1]


class CNNEncoder:
    """Slovnet's WordShapeEmbedding + CNNEncoder over one sequence (positions x channels)."""

    def __init__(self, model) -> None:
        word = model.emb.word
        self.indexes = word.indexes.array
        self.codes = word.codes.array
        self.qdims = word.qdims
        self.word_dim = word.dim
        self.shapes = model.emb.shape.weight.array
        self.layers = []
        for layer in model.encoder.layers:
            conv, norm = layer.conv, layer.norm
            filters, in_dim, kernel = conv.weight.shape
            weight = conv.weight.array.reshape(filters, in_dim * kernel)
            self.layers.append(
                (
                    in_dim,
                    kernel,
                    conv.padding,
                    weight.T,  # the same transposed view slovnet multiplies by
                    conv.bias.array,
                    norm.mean.array,
                    norm.std.array,
                    norm.weight.array,
                    norm.bias.array,
                )
            )

    def embed(self, word_id: np.ndarray, shape_id: np.ndarray, padding: int) -> np.ndarray:
        """Embeddings with ``padding`` zero rows above and below (the first conv's padding)."""
        size = len(word_id)
        out = np.zeros((size + 2 * padding, self.word_dim + self.shapes.shape[1]), np.float32)
        indexes = self.indexes[word_id]
        out[padding : padding + size, : self.word_dim] = self.codes[self.qdims, indexes].reshape(
            size, self.word_dim
        )
        out[padding : padding + size, self.word_dim :] = self.shapes[shape_id]
        return out

    def __call__(self, word_id: np.ndarray, shape_id: np.ndarray, gap: np.ndarray) -> np.ndarray:
        """Encoder output (positions x channels); ``gap`` marks the zero separator rows."""
        size = len(word_id)
        first_padding = self.layers[0][2]
        padded = self.embed(word_id, shape_id, first_padding)
        output = padded[first_padding : first_padding + size]
        for index, (in_dim, kernel, padding, weight_t, bias, mean, std, scale, shift) in enumerate(
            self.layers
        ):
            if index:  # re-pad the previous layer's output
                padded = np.zeros((size + 2 * padding, in_dim), np.float32)
                padded[padding : padding + size] = output
            itemsize = padded.itemsize
            # windows[t, i, k] = padded[t + k, i], flattened in slovnet's (in, kernel) order
            windows = as_strided(
                padded,
                shape=(size + 2 * padding - kernel + 1, in_dim, kernel),
                strides=(in_dim * itemsize, itemsize, in_dim * itemsize),
                writeable=False,
            ).reshape(-1, in_dim * kernel)
            output = np.matmul(windows, weight_t) + bias
            np.maximum(output, 0, out=output)  # ReLU (slovnet: clip(0))
            output = (output - mean) / std * scale + shift  # BatchNorm1d, as slovnet orders it
            output[gap] = 0
        return output


def _linear(layer, inputs: np.ndarray) -> np.ndarray:
    return np.matmul(inputs, layer.weight.array) + layer.bias.array


def _ff(ff, inputs: np.ndarray) -> np.ndarray:
    return _linear(ff.proj, inputs).clip(0)


class _Tagger:
    def __init__(self, api, ids: WordIds | None) -> None:
        encoder = api.infer.encoder
        self.ids = ids if ids is not None and ids.same_as(encoder) else WordIds(encoder)
        self.model = api.infer.model
        self.encoder = CNNEncoder(self.model)

    def encode(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, list[int]]:
        """Encoder rows for the sentences laid end to end, and each sentence's first row."""
        word_id, shape_id = self.ids.sequence(sentences)
        gap = word_id == self.ids.word_pad  # slovnet's pad mask: separators (and "<pad>")
        starts, position = [], 0
        for words in sentences:
            starts.append(position)
            position += len(words) + 1
        return self.encoder(word_id, shape_id, gap), starts


class FastNER(_Tagger):
    """Slovnet NER over a whole text already split into razdel tokens."""

    def __init__(self, api, ids: WordIds | None = None) -> None:
        super().__init__(api, ids)
        self.tags = api.infer.decoder.tags_vocab.items
        self.transitions = self.model.head.crf.transitions.array

    def __call__(self, tokens: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """(start, stop, type) spans over ``tokens`` given as (start, stop, text)."""
        if not tokens:
            return []
        hidden, _ = self.encode([[text for _, _, text in tokens]])
        emissions = _linear(self.model.head.proj, hidden)
        spans = []
        previous = None
        start = stop = 0
        for (token_start, token_stop, _), tag_id in zip(
            tokens, self.viterbi(emissions), strict=True
        ):
            tag = self.tags[tag_id]
            part, _, kind = tag.partition("-")
            if part == "B":
                if previous:
                    spans.append((start, stop, previous))
                previous, start, stop = kind, token_start, token_stop
            elif part == "I":
                stop = token_stop
            elif previous:  # O (or the padding tag, which slovnet also reads as an O)
                spans.append((start, stop, previous))
                previous = None
        if previous:
            spans.append((start, stop, previous))
        return spans

    def viterbi(self, emissions: np.ndarray) -> list[int]:
        """Slovnet's CRF.decode for one unpadded sequence, the same float32 sums in order."""
        size, count = emissions.shape
        transitions = self.transitions
        columns = np.arange(count)
        score = emissions[0]
        history = []
        scores = np.empty((count, count), np.float32)
        for index in range(1, size):
            np.add(score.reshape(count, 1), transitions, out=scores)
            np.add(scores, emissions[index], out=scores)
            best = scores.argmax(0)
            score = scores[best, columns]
            history.append(best)
        best = int(score.argmax())
        tags = [best]
        for indexes in reversed(history):
            best = int(indexes[best])
            tags.append(best)
        tags.reverse()
        return tags


@lru_cache(maxsize=1024)
def _morph_tag(tag: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    pos, feats = parse_conll_tag(tag)
    return pos, tuple(feats.items())


class FastMorph(_Tagger):
    """Slovnet's contextual morphology: (pos, feats) per token of each sentence."""

    def __init__(self, api, ids: WordIds | None = None) -> None:
        super().__init__(api, ids)
        self.tags = api.infer.decoder.tags_vocab.items

    def __call__(self, sentences: Sequence[Sequence[str]]):
        hidden, starts = self.encode(sentences)
        best = _linear(self.model.head.proj, hidden).argmax(-1).tolist()
        tags = self.tags
        return [
            [_morph_tag(tags[i]) for i in best[start : start + len(words)]]
            for start, words in zip(starts, sentences, strict=True)
        ]


class FastSyntax(_Tagger):
    """Slovnet's dependency parser: (head index from 1, 0 = root; relation) per token."""

    def __init__(self, api, ids: WordIds | None = None) -> None:
        super().__init__(api, ids)
        self.rels = api.infer.decoder.rels_vocab.items

    def __call__(self, sentences: Sequence[Sequence[str]]):
        hidden, starts = self.encode(sentences)
        head, rel = self.model.head, self.model.rel
        root = head.root.array.reshape(1, -1)
        # Feed-forward layers act row by row: run them once over all rows plus the root.
        rows = np.concatenate((root, hidden))
        head_ff = _ff(head.head, rows)
        tail_ff = _ff(head.tail, rows)
        rel_root = rel.root.array.reshape(1, -1)
        rel_tail = _ff(rel.tail, hidden)
        results = []
        for start, words in zip(starts, sentences, strict=True):
            own = np.r_[0, np.arange(start + 1, start + len(words) + 1)]  # root + own rows
            scores = np.matmul(np.matmul(head_ff[own], head.kernel.array), tail_ff[own].T)
            results.append(scores[1:].argmax(-1))  # column 0 is the root
        # Relations: slovnet's bilinear layer on (head representation, token representation);
        # a head's representation is the relation root vector or the head's encoder row.
        reps = np.concatenate((rel_root, hidden))
        index = np.concatenate(
            [
                np.where(heads == 0, 0, heads + start)
                for start, heads in zip(starts, results, strict=True)
            ]
        )
        rel_head = _ff(rel.head, reps[index])
        rows_of = np.concatenate(
            [
                np.arange(start, start + len(words))
                for start, words in zip(starts, sentences, strict=True)
            ]
        )
        hidden_dim, dim = rel.kernel.shape
        count = len(index)
        x = np.matmul(rel_head, rel.kernel.array).reshape(count, dim // hidden_dim, hidden_dim)
        x = np.matmul(x, rel_tail[rows_of].reshape(count, hidden_dim, 1)).reshape(count, -1)
        rel_ids = x.argmax(-1).tolist()
        out, offset = [], 0
        for heads in results:
            size = len(heads)
            out.append(
                list(
                    zip(
                        heads.tolist(),
                        [self.rels[i] for i in rel_ids[offset : offset + size]],
                        strict=True,
                    )
                )
            )
            offset += size
        return out
