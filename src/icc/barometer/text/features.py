"""Hashed word and character n-grams, computed for a whole batch of texts at once in NumPy.

Rules held here:

- A text is normalised first (``normalise``): lower case, links become ``http``, user mentions
  ``@user``, runs of one character longer than three are cut to three, white space collapsed.
- Features of a text: its words (runs of letters and digits, with ``#`` and ``@`` kept), pairs of
  consecutive words, and character n-grams of lengths ``CHAR_NGRAMS`` of the text padded with
  one space each side. Each feature is hashed into ``n_buckets`` (a power of two) buckets; the
  hash is a polynomial hash modulo 2**64 followed by a multiplicative mix, so it is the same in
  every process and on every machine (Python's ``hash`` is not).
- A text's feature vector is its bucket counts divided by the square root of its number of
  features (a cheap stand-in for L2 normalisation, used the same way in training and inference).

Theory of operation: the normalised texts are joined with a separator into one array of code
points ``c``. With an odd base ``P`` (invertible modulo 2**64), the prefix sums
``S[i] = sum_{j<=i} c[j] * P**-j`` give the hash of any slice ``[a, b)`` as
``(S[b-1] - S[a-1]) * P**(b-1)`` — one subtraction and one product, for every n-gram of every
text at once. NumPy's unsigned integer arithmetic wraps, which is exactly arithmetic modulo 2**64.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

U64 = np.uint64
CHAR_NGRAMS: tuple[int, ...] = (2, 3, 4, 5)
_BASE = 1_000_003  # odd, so invertible modulo 2**64
_MIX = 0x9E3779B97F4A7C15
_PAIR = 0xC2B2AE3D27D4EB4F
_SEPARATOR = "\x00"

_URL = re.compile(r"https?://\S+|www\.\S+")
_USER = re.compile(r"@\w+")
_REPEAT = re.compile(r"(.)\1{3,}")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The form of a text that features are taken from."""
    text = _URL.sub(" http ", text.lower())
    text = _USER.sub("@user", text)
    text = _REPEAT.sub(r"\1\1\1", text)
    return _SPACE.sub(" ", text).strip().replace(_SEPARATOR, " ")


def embed_form(text: str) -> str:
    """The form of a text given to the embedding model: links and user mentions replaced, case
    and spacing kept (the model's tokenizer reads them)."""
    return _USER.sub("@user", _URL.sub("http", text)).strip()


def _inverse(base: int) -> int:
    return pow(base, -1, 2**64)


def _powers(base: int, n: int) -> NDArray[np.uint64]:
    out = np.empty(max(n, 1), dtype=U64)
    out[0] = 1
    if n > 1:
        out[1:] = U64(base)
        with np.errstate(over="ignore"):
            np.cumprod(out, out=out)
    return out[:n]


def _is_word_char(codes: NDArray[np.uint64]) -> NDArray[np.bool_]:
    """Letters, digits, marks, ``#``, ``@`` and ``_``; every code point above the ASCII and Latin
    punctuation blocks counts as a letter except the general punctuation block."""
    small = _WORD_TABLE[np.minimum(codes, _TABLE_SIZE - 1).astype(np.intp)]
    big = (codes >= _TABLE_SIZE) & ~((codes >= 0x2000) & (codes < 0x2070))
    return np.where(codes < _TABLE_SIZE, small, big)


_TABLE_SIZE = 0x3000
_WORD_TABLE = np.array(
    [chr(i).isalnum() or chr(i) in "#@_'" for i in range(_TABLE_SIZE)], dtype=np.bool_
)


@dataclass(frozen=True)
class Hashed:
    """Features of a batch: ``doc[k]`` is the text (row) of feature ``k``, ``bucket[k]`` its
    bucket; ``scale[i]`` is ``1 / sqrt(number of features of text i)`` (0 for an empty text)."""

    doc: NDArray[np.intp]
    bucket: NDArray[np.intp]
    scale: NDArray[np.float32]
    n_texts: int


def _mix(hashes: NDArray[np.uint64], n_buckets: int) -> NDArray[np.intp]:
    shift = U64(64 - (n_buckets.bit_length() - 1))
    with np.errstate(over="ignore"):
        mixed = (hashes ^ (hashes >> U64(29))) * U64(_MIX)
    return (mixed >> shift).astype(np.intp)


def hashed(texts: list[str], n_buckets: int) -> Hashed:
    """Hash the features of ``texts`` (already normalised) into ``n_buckets`` buckets."""
    if n_buckets < 2 or n_buckets & (n_buckets - 1):
        raise ValueError(f"n_buckets is {n_buckets}; use a power of two such as 262144.")
    n_texts = len(texts)
    joined = _SEPARATOR + _SEPARATOR.join(f" {text} " for text in texts) + _SEPARATOR
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(U64)
    n = len(codes)
    separator = codes == 0
    doc_of = np.cumsum(separator) - 1  # the text each position belongs to (separators: previous)
    powers = _powers(_BASE, n)
    inverse_powers = _powers(_inverse(_BASE), n)
    with np.errstate(over="ignore"):
        prefix = np.cumsum((codes + U64(1)) * inverse_powers, dtype=U64)

    def slice_hash(start: NDArray[np.intp], stop: NDArray[np.intp]) -> NDArray[np.uint64]:
        """Hash of codes[start:stop] (start >= 1)."""
        with np.errstate(over="ignore"):
            return (prefix[stop - 1] - prefix[start - 1]) * powers[stop - 1]

    docs: list[NDArray[np.intp]] = []
    buckets: list[NDArray[np.intp]] = []
    # Character n-grams that do not cross a separator.
    cut = np.cumsum(separator)
    for size in CHAR_NGRAMS:
        start = np.arange(1, n - size + 1, dtype=np.intp)
        inside = cut[start + size - 1] == cut[start - 1]
        start = start[inside]
        with np.errstate(over="ignore"):
            hashes = slice_hash(start, start + size) + U64(size)
        docs.append(doc_of[start])
        buckets.append(_mix(hashes, n_buckets))
    # Words and pairs of consecutive words.
    word = _is_word_char(codes) & ~separator
    edges = np.diff(word.astype(np.int8))
    starts = np.flatnonzero(edges == 1) + 1
    stops = np.flatnonzero(edges == -1) + 1
    if len(starts):
        word_hashes = slice_hash(starts, stops)
        word_docs = doc_of[starts]
        with np.errstate(over="ignore"):
            docs.append(word_docs)
            buckets.append(_mix(word_hashes * U64(_PAIR) + U64(7), n_buckets))
            same = word_docs[1:] == word_docs[:-1]
            pairs = word_hashes[:-1] * U64(_PAIR) + word_hashes[1:]
        docs.append(word_docs[1:][same])
        buckets.append(_mix(pairs[same] + U64(11), n_buckets))
    doc = np.concatenate(docs) if docs else np.zeros(0, dtype=np.intp)
    bucket = np.concatenate(buckets) if buckets else np.zeros(0, dtype=np.intp)
    counts = np.bincount(doc, minlength=n_texts)[:n_texts].astype(np.float32)
    scale = np.zeros(n_texts, dtype=np.float32)
    np.divide(1.0, np.sqrt(counts), out=scale, where=counts > 0)
    return Hashed(doc=doc.astype(np.intp), bucket=bucket, scale=scale, n_texts=n_texts)


def linear_scores(
    features: Hashed, weights: NDArray[np.float32], bias: NDArray[np.float32]
) -> NDArray[np.float32]:
    """Scores of a linear model on hashed features: shape (n_texts, n_classes)."""
    n_classes = weights.shape[1]
    out = np.zeros((features.n_texts, n_classes), dtype=np.float32)
    if len(features.doc):
        rows = weights[features.bucket]
        for k in range(n_classes):
            out[:, k] = np.bincount(features.doc, weights=rows[:, k], minlength=features.n_texts)[
                : features.n_texts
            ]
    out *= features.scale[:, None]
    out += bias[None, :]
    return out
