"""Language identification: py3langid's model (shipped inside that package), run on a batch.

Rules held here:

- Candidate languages are restricted to ``LANGUAGES``: the ten the barometer knows (the eight of
  the training data, Swedish and Ukrainian) and five more often met in member cities, so that a
  Russian or Dutch post is not forced into a near language. A restricted set is also more
  accurate on short posts.
- A post whose language is given by its source keeps it; identification is for the others.
- Probabilities are normalised over the candidates; the answer is the most probable language.

Theory of operation: py3langid scores byte n-grams with a naive Bayes model; its n-grams are found
by a finite automaton that reads one byte at a time. Its own ``classify`` runs that automaton in a
Python loop per byte. Here every text of the batch advances one byte per step together (one NumPy
gather per step over all texts), the states visited are counted as a sparse matrix, and one
sparse product gives every text's scores: the same numbers, much faster on a batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

LANGUAGES: tuple[str, ...] = (
    "ar", "de", "en", "es", "fr", "hi", "it", "pt", "sv", "uk",
    "nl", "pl", "ro", "ru", "tr",
)  # fmt: skip
MAX_BYTES = 1024


@dataclass(frozen=True, eq=False)
class Identifier:
    next_move: NDArray[np.int32]  # (n_states * 256,)
    output_start: NDArray[np.int64]  # (n_states + 1,) CSR offsets into output_features
    output_features: NDArray[np.int32]
    log_ptc: NDArray[np.float32]  # (n_features, n_languages)
    log_pc: NDArray[np.float32]  # (n_languages,)
    languages: tuple[str, ...]

    def scores(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Log-probabilities up to a constant, (n_texts, n_languages)."""
        n = len(texts)
        encoded = [t.encode("utf-8", errors="replace")[:MAX_BYTES] for t in texts]
        lengths = np.fromiter((len(b) for b in encoded), dtype=np.int64, count=n)
        width = int(lengths.max()) if n else 0
        grid = np.zeros((n, width), dtype=np.int32)
        if width:
            flat = np.frombuffer(b"".join(encoded), dtype=np.uint8)
            rows = np.repeat(np.arange(n), lengths)
            cols = np.arange(len(flat)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
            grid[rows, cols] = flat
        state = np.zeros(n, dtype=np.int32)
        visited = np.zeros((n, width), dtype=np.int32)
        for step in range(width):
            state = self.next_move[(state << 8) + grid[:, step]]
            visited[:, step] = state
        inside = np.arange(width)[None, :] < lengths[:, None]
        doc = np.broadcast_to(np.arange(n)[:, None], (n, width))[inside]
        states = visited[inside]
        starts, stops = self.output_start[states], self.output_start[states + 1]
        counts = stops - starts
        doc_rep = np.repeat(doc, counts)
        offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        features = self.output_features[np.repeat(starts, counts) + offsets]
        matrix = sp.csr_matrix(
            (np.ones(len(features), dtype=np.float32), (doc_rep, features)),
            shape=(n, self.log_ptc.shape[0]),
        )
        out: NDArray[np.float32] = np.asarray(matrix @ self.log_ptc) + self.log_pc
        return out

    def identify(self, texts: Sequence[str]) -> tuple[list[str], NDArray[np.float32]]:
        """The most probable language of each text and its probability (0-1)."""
        if not texts:
            return [], np.zeros(0, dtype=np.float32)
        scores = self.scores(texts)
        best = scores.argmax(axis=1)
        shifted = np.exp(scores - scores[np.arange(len(best)), best][:, None])
        probability = (1.0 / shifted.sum(axis=1)).astype(np.float32)
        return [self.languages[i] for i in best], probability


@cache
def identifier(languages: tuple[str, ...] = LANGUAGES) -> Identifier:
    """The identifier for ``languages``, built once per process from py3langid's model."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    model = LanguageIdentifier.from_pickled_model(MODEL_FILE)
    columns = [model.nb_classes.index(code) for code in languages]
    n_states = len(model.tk_nextmove) // 256
    lengths = np.zeros(n_states + 1, dtype=np.int64)
    for state, feats in model.tk_output.items():
        lengths[state + 1] = len(feats)
    start = np.cumsum(lengths)
    features = np.zeros(int(start[-1]), dtype=np.int32)
    for state, feats in model.tk_output.items():
        features[start[state] : start[state] + len(feats)] = feats
    return Identifier(
        next_move=np.asarray(model.tk_nextmove, dtype=np.int32),
        output_start=start,
        output_features=features,
        log_ptc=np.ascontiguousarray(model.nb_ptc[:, columns], dtype=np.float32),
        log_pc=np.asarray(model.nb_pc[columns], dtype=np.float32),
        languages=languages,
    )


def languages_identify(texts: Sequence[str]) -> list[str]:
    """The language code of each text."""
    return identifier().identify(texts)[0]
