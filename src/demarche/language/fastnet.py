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

import threading
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from slovnet.conll import parse_conll_tag
from slovnet.shape import word_shape

_WORD_CACHE = 200_000
_CONV_BLOCK = 4096  # positions per convolution block: a few MB of windows
_ENCODE_BLOCK = 16_384  # positions per encoder pass over a long sequence


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


class FirstConvCache:
    """The first convolution's products per (word, shape), kept for the most used words.

    The first layer's output at position t is the sum over kernel offsets k of
    ``W[:, :, k] @ x[t + k - 1]``: each term depends on one token only. Those terms are
    computed once per word form (one row of kernel x filters) and reused; a text then costs
    three row lookups per token instead of a 990-wide dot product per filter. The sums are the
    same terms added in a different grouping (float32 rounding may differ in the last bit).
    Memory is bounded: ``capacity`` rows; when full, the less used half is dropped.
    """

    def __init__(self, weight: np.ndarray, embed, capacity: int) -> None:
        filters, in_dim, kernel = weight.shape
        # products[:, k * filters + f] = x @ weight[f, :, k]
        self.weight = np.ascontiguousarray(weight.transpose(1, 2, 0).reshape(in_dim, -1))
        self.embed = embed
        self.kernel, self.filters = kernel, filters
        self.capacity = capacity
        self.table = np.empty((capacity, kernel * filters), np.float32)
        self.keys = np.empty(capacity, np.int64)
        self.uses = np.zeros(capacity, np.int64)
        self.slots: dict[int, int] = {}
        # Slots move when the table is compacted: one reader or writer at a time.
        self.lock = threading.Lock()

    def rows(self, keys: np.ndarray, word_id: np.ndarray, shape_id: np.ndarray) -> np.ndarray:
        """Products for unique ``keys`` (one per word_id/shape_id pair), kernel x filters."""
        with self.lock:
            return self._rows(keys, word_id, shape_id)

    def _rows(self, keys: np.ndarray, word_id: np.ndarray, shape_id: np.ndarray) -> np.ndarray:
        get = self.slots.get
        found = [get(key, -1) for key in keys.tolist()]
        slots = np.array(found, np.int64)
        hit = slots >= 0
        out = np.empty((len(keys), self.kernel * self.filters), np.float32)
        if hit.any():
            used = slots[hit]
            out[hit] = self.table[used]
            self.uses[used] += 1
        miss = np.flatnonzero(~hit)
        if len(miss):
            fresh = np.matmul(self.embed(word_id[miss], shape_id[miss]), self.weight)
            out[miss] = fresh
            self._store(keys[miss], fresh)
        return out

    def _store(self, keys: np.ndarray, rows: np.ndarray) -> None:
        if len(self.slots) + len(keys) > self.capacity:
            self._evict()
        free = self.capacity - len(self.slots)
        keys, rows = keys[:free], rows[:free]
        first = len(self.slots)
        last = first + len(keys)
        self.table[first:last] = rows
        self.keys[first:last] = keys
        self.uses[first:last] = 1
        self.slots.update(zip(keys.tolist(), range(first, last), strict=True))

    def _evict(self) -> None:
        count = len(self.slots)
        keep = np.sort(np.argsort(-self.uses[:count], kind="stable")[: self.capacity // 2])
        size = len(keep)
        self.table[:size] = self.table[keep]
        self.keys[:size] = self.keys[keep]
        self.uses[:size] = self.uses[keep] // 2
        self.slots = dict(zip(self.keys[:size].tolist(), range(size), strict=True))


class CNNEncoder:
    """Slovnet's WordShapeEmbedding + CNNEncoder over one sequence (positions x channels)."""

    def __init__(self, model, cache: int = 0) -> None:
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
        first = model.encoder.layers[0].conv
        self.first = None
        if cache and first.weight.shape[2] == 2 * first.padding + 1:
            self.first = FirstConvCache(first.weight.array, self._embed_rows, cache)

    def _embed_rows(self, word_id: np.ndarray, shape_id: np.ndarray) -> np.ndarray:
        return self.embed(word_id, shape_id, 0)

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

    def first_conv(self, word_id: np.ndarray, shape_id: np.ndarray) -> np.ndarray:
        """The first convolution (before its bias) from cached per-word products."""
        cache = self.first
        keys = word_id * len(self.shapes) + shape_id
        unique, first_of, inverse = np.unique(keys, return_index=True, return_inverse=True)
        rows = cache.rows(unique, word_id[first_of], shape_id[first_of])
        rows = np.concatenate((rows, np.zeros((1, rows.shape[1]), np.float32)))
        rows = rows.reshape(len(rows), cache.kernel, cache.filters)
        size, reach = len(word_id), cache.kernel // 2
        edge = np.full(reach, len(unique))  # the zero row stands for the padding
        index = np.concatenate((edge, inverse.reshape(-1), edge))
        output = rows[index[0:size], 0]
        for offset in range(1, cache.kernel):
            output += rows[index[offset : offset + size], offset]
        return output

    def __call__(self, word_id: np.ndarray, shape_id: np.ndarray, gap: np.ndarray) -> np.ndarray:
        """Encoder output (positions x channels); ``gap`` marks the zero separator rows.

        A long sequence is encoded in blocks, each with ``reach`` rows of real context on
        either side (the rows a position's output depends on through all the layers), so
        every kept row is what one pass over the whole sequence gives, while memory stays
        that of one block: the whole-document NER pass peaked at ~260 MB per million
        characters."""
        size = len(word_id)
        symmetric = all(kernel == 2 * padding + 1 for _, kernel, padding, *_ in self.layers)
        reach = sum(padding for _, _, padding, *_ in self.layers)
        if not symmetric or size <= _ENCODE_BLOCK + 2 * reach:
            return self._encode(word_id, shape_id, gap)
        output = None
        for begin in range(0, size, _ENCODE_BLOCK):
            end = min(begin + _ENCODE_BLOCK, size)
            low, high = max(0, begin - reach), min(size, end + reach)
            part = self._encode(word_id[low:high], shape_id[low:high], gap[low:high])
            if output is None:
                output = np.empty((size, part.shape[1]), np.float32)
            output[begin:end] = part[begin - low : end - low]
        return output

    def _encode(self, word_id: np.ndarray, shape_id: np.ndarray, gap: np.ndarray) -> np.ndarray:
        size = len(word_id)
        output = None
        for index, (in_dim, kernel, padding, weight_t, bias, mean, std, scale, shift) in enumerate(
            self.layers
        ):
            if index == 0 and self.first is not None:
                output = self.first_conv(word_id, shape_id)
                output += bias
            else:
                if index == 0:
                    padded = self.embed(word_id, shape_id, padding)
                else:  # re-pad the previous layer's output
                    padded = np.zeros((size + 2 * padding, in_dim), np.float32)
                    padded[padding : padding + size] = output
                # windows[t, i, k] = padded[t + k, i], flattened in slovnet's (in, kernel) order;
                # built block by block: one window array for a whole long document took
                # kernel times the layer's memory and ran slower than linearly
                count = size + 2 * padding - kernel + 1
                output = np.empty((count, weight_t.shape[1]), np.float32)
                for begin in range(0, count, _CONV_BLOCK):
                    rows = min(_CONV_BLOCK, count - begin)
                    windows = np.empty((rows, in_dim, kernel), np.float32)
                    for offset in range(kernel):
                        windows[:, :, offset] = padded[begin + offset : begin + offset + rows]
                    np.matmul(
                        windows.reshape(rows, in_dim * kernel),
                        weight_t,
                        out=output[begin : begin + rows],
                    )
                output += bias
            np.maximum(output, 0, out=output)  # ReLU (slovnet: clip(0))
            # BatchNorm1d in slovnet's order, (x - mean) / std * weight + bias, in place
            np.subtract(output, mean, out=output)
            np.divide(output, std, out=output)
            np.multiply(output, scale, out=output)
            np.add(output, shift, out=output)
            output[gap] = 0
        return output


def _linear(layer, inputs: np.ndarray) -> np.ndarray:
    return np.matmul(inputs, layer.weight.array) + layer.bias.array


def _ff(ff, inputs: np.ndarray) -> np.ndarray:
    return _linear(ff.proj, inputs).clip(0)


class _Tagger:
    def __init__(self, api, ids: WordIds | None, cache: int) -> None:
        encoder = api.infer.encoder
        self.ids = ids if ids is not None and ids.same_as(encoder) else WordIds(encoder)
        self.model = api.infer.model
        self.encoder = CNNEncoder(self.model, cache)

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

    def __init__(self, api, ids: WordIds | None = None, cache: int = 0) -> None:
        super().__init__(api, ids, cache)
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

    def __init__(self, api, ids: WordIds | None = None, cache: int = 0) -> None:
        super().__init__(api, ids, cache)
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

    def __init__(self, api, ids: WordIds | None = None, cache: int = 0) -> None:
        super().__init__(api, ids, cache)
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
            own = np.arange(start, start + len(words) + 1)
            own[0] = 0  # the root's row, then the sentence's own (np.r_ cost ~10 µs a call)
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
