"""Training of the sentiment models on the multilingual tweet benchmark (UMSAB, from XLM-T).

Rules held here:

- Protocol: the training split of each language is cut (seeded, stratified per language and
  label) into a part to fit and a smaller part to tune (``TUNE_SHARE``). Every choice
  (regularisation of each model, the weight of the fast model inside the default model) is made
  by fitting on the first
  part and scoring macro-F1 on the second. The chosen settings are then fitted on the whole
  training split, and the validation split is used once, to report macro-F1 per language and
  over all languages. The validation split never takes part in a choice. Once it has been
  scored, the same settings are fitted again on training and validation posts together: those
  are the models that ship (more data, no choice made on it).
- Same seed, same data -> same models: the solvers are deterministic, the split is seeded.
- Embeddings are expensive (minutes for 17,000 tweets on two cores): ``EmbeddingCache`` keeps
  them in a file keyed by a hash of the exact string given to the model, so a second run only
  embeds what is new.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.metrics import f1_score

from icc.barometer.text.features import embed_form, hashed, normalise
from icc.barometer.text.sentiment import DefaultModel, FastModel, FloatArray, embed

LANGUAGES: dict[str, str] = {
    "arabic": "ar",
    "english": "en",
    "french": "fr",
    "german": "de",
    "hindi": "hi",
    "italian": "it",
    "portuguese": "pt",
    "spanish": "es",
}
N_BUCKETS = 2**18
FAST_ALPHA = (3e-6, 1e-5, 3e-5)
EMBED_C = (1.0, 3.0, 10.0)
FAST_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5)


@dataclass
class Split:
    texts: list[str] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    langs: list[str] = field(default_factory=list)

    def take(self, index: NDArray[np.intp]) -> Split:
        return Split(
            texts=[self.texts[i] for i in index],
            labels=[self.labels[i] for i in index],
            langs=[self.langs[i] for i in index],
        )

    @property
    def y(self) -> NDArray[np.intp]:
        return np.asarray(self.labels, dtype=np.intp)


# The share of the training posts kept aside to choose the models' settings.
TUNE_SHARE = 0.15


def _lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def data_read(root: Path, split: str) -> Split:
    """One split (``train`` or ``val``) of every language found under ``root``."""
    out = Split()
    for folder, code in LANGUAGES.items():
        text_path = root / folder / f"{split}_text.txt"
        if not text_path.exists():
            continue
        texts = _lines(text_path)
        labels = [int(x) for x in _lines(root / folder / f"{split}_labels.txt")]
        if len(texts) != len(labels):
            raise ValueError(f"{text_path} has {len(texts)} lines but its labels {len(labels)}.")
        out.texts += texts
        out.labels += labels
        out.langs += [code] * len(texts)
    if not out.texts:
        raise ValueError(
            f"No {split} data found under {root}; expected <language>/{split}_text.txt."
        )
    return out


def data_hash(root: Path) -> str:
    """SHA-256 of every training and validation file, in a fixed order."""
    digest = hashlib.sha256()
    for path in sorted(root.glob("*/*.txt")):
        digest.update(f"{path.parent.name}/{path.name}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def tune_split(
    data: Split, seed: int, share: float = TUNE_SHARE
) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Seeded, stratified (language x label) cut of ``data``: the rows to fit and to tune."""
    rng = np.random.default_rng(seed)
    fit: list[int] = []
    tune: list[int] = []
    groups: dict[tuple[str, int], list[int]] = {}
    for i, key in enumerate(zip(data.langs, data.labels, strict=True)):
        groups.setdefault(key, []).append(i)
    for key in sorted(groups):
        members = np.asarray(groups[key])
        rng.shuffle(members)
        n_tune = round(len(members) * share)
        tune += members[:n_tune].tolist()
        fit += members[n_tune:].tolist()
    return np.sort(np.asarray(fit, dtype=np.intp)), np.sort(np.asarray(tune, dtype=np.intp))


def fast_matrix(texts: Sequence[str], n_buckets: int = N_BUCKETS) -> sp.csr_matrix:
    """The fast model's features as a sparse matrix (n_texts, n_buckets)."""
    features = hashed([normalise(t) for t in texts], n_buckets)
    values = features.scale[features.doc]
    matrix = sp.csr_matrix(
        (values, (features.doc, features.bucket)), shape=(len(texts), n_buckets), dtype=np.float64
    )
    matrix.sum_duplicates()
    return matrix


def _logistic(x: Any, y: NDArray[np.intp], c: float, seed: int) -> LogisticRegression:
    model = LogisticRegression(C=c, max_iter=1000, tol=1e-4, random_state=seed)
    return model.fit(x, y)


def macro_f1(
    y_true: Sequence[int] | NDArray[np.intp], y_pred: Sequence[int] | NDArray[np.intp]
) -> float:
    return float(f1_score(y_true, y_pred, labels=[0, 1, 2], average="macro", zero_division=0))


def f1_per_language(data: Split, predicted: NDArray[np.intp]) -> dict[str, float]:
    """Macro-F1 per language, then ``all`` (every post pooled) and ``mean`` (of the languages)."""
    y = data.y
    langs = np.asarray(data.langs)
    out = {
        lang: round(macro_f1(y[langs == lang], predicted[langs == lang]), 4)
        for lang in sorted(set(data.langs))
    }
    mean = float(np.mean(list(out.values())))
    out["all"] = round(macro_f1(y, predicted), 4)
    out["mean"] = round(mean, 4)
    return out


class EmbeddingCache:
    """Embeddings keyed by the SHA-1 of the exact string embedded, kept in one ``.npz`` file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.rows: dict[str, FloatArray] = {}
        if path is not None and path.exists():
            with np.load(path, allow_pickle=False) as data:
                for key, row in zip(data["keys"].tolist(), data["vectors"], strict=True):
                    self.rows[str(key)] = row

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(embed_form(text).encode("utf-8"), usedforsecurity=False).hexdigest()

    def embed(
        self, texts: Sequence[str], progress: Callable[[int, int], None] | None = None
    ) -> FloatArray:
        keys = [self.key(t) for t in texts]
        missing = sorted(
            {k: t for k, t in zip(keys, texts, strict=True) if k not in self.rows}.items()
        )
        for start in range(0, len(missing), 256):
            chunk = missing[start : start + 256]
            vectors = embed([t for _, t in chunk])
            for (k, _), row in zip(chunk, vectors, strict=True):
                self.rows[k] = row
            if progress:
                progress(start + len(chunk), len(missing))
            self.save()
        return np.stack([self.rows[k] for k in keys]).astype(np.float32)

    def save(self) -> None:
        if self.path is None:
            return
        keys = sorted(self.rows)
        np.savez(self.path, keys=np.asarray(keys), vectors=np.stack([self.rows[k] for k in keys]))


@dataclass(frozen=True)
class Trained:
    fast: FastModel
    default: DefaultModel
    report: dict[str, Any]


def _fast_fit(x: sp.csr_matrix, y: NDArray[np.intp], alpha: float, seed: int) -> FastModel:
    """Naive-Bayes-weighted logistic regression, one label against the others (NB-LR, Wang and
    Manning 2012), each fitted by averaged stochastic gradient descent (seconds on 250,000 hashed
    columns, where a full solver takes minutes); ``alpha`` is the L2 penalty.

    For label ``k`` each column ``j`` is first scaled by ``r[j, k]``, the log-ratio of how often
    the feature occurs in posts of label ``k`` and in the others (add-one smoothed): features that
    tell the labels apart count more before the regression starts. The scaling is folded into the
    stored weights (``weights[j, k] = r[j, k] * coef[k, j]``), so inference is unchanged: one sum of
    weights per post and label."""
    present = (x > 0).astype(np.float64).tocsr()
    n_columns = x.shape[1]
    weights = np.zeros((n_columns, 3), dtype=np.float32)
    bias = np.zeros(3, dtype=np.float32)
    for k in range(3):
        mine = np.asarray(present[y == k].sum(axis=0)).ravel() + 1.0
        others = np.asarray(present[y != k].sum(axis=0)).ravel() + 1.0
        ratio = np.log((mine / mine.sum()) / (others / others.sum()))
        lr = SGDClassifier(
            loss="log_loss", alpha=alpha, max_iter=20, tol=None, average=True, random_state=seed
        ).fit(sp.csr_matrix(x.multiply(ratio)), (y == k).astype(np.intp))
        weights[:, k] = ratio * lr.coef_[0]
        bias[k] = lr.intercept_[0]
    return FastModel(weights=np.ascontiguousarray(weights), bias=bias)


def capped(data: Split, per_language: int | None) -> NDArray[np.bool_]:
    """Rows among the first ``per_language`` posts of each language (all when None)."""
    seen: Counter[str] = Counter()
    keep = np.zeros(len(data.texts), dtype=np.bool_)
    for i, lang in enumerate(data.langs):
        seen[lang] += 1
        keep[i] = per_language is None or seen[lang] <= per_language
    return keep


def train(
    root: Path,
    *,
    seed: int = 20260101,
    embed_per_language: int | None = None,
    cache: EmbeddingCache | None = None,
    log: Callable[[str], None] = lambda _: None,
) -> Trained:
    """Tune on a part of the training split, fit on all of it, report on the validation split."""
    cache = cache or EmbeddingCache(None)
    train_data = data_read(root, "train")
    val_data = data_read(root, "val")
    fit_rows, tune_rows = tune_split(train_data, seed)
    fit, tune = train_data.take(fit_rows), train_data.take(tune_rows)
    log(
        f"{len(train_data.texts)} training posts ({len(fit.texts)} fit, {len(tune.texts)} tune), "
        f"{len(val_data.texts)} validation posts"
    )

    def embeddings(texts: list[str]) -> FloatArray:
        return cache.embed(texts, lambda d, t: log(f"embedded {d}/{t} new posts"))

    # The embedding model learns from the first ``embed_per_language`` posts of each language
    # (embedding is the slow part); rows without an embedding keep zeros and are never used.
    keep = capped(train_data, embed_per_language)
    e_val = embeddings(val_data.texts)
    e_train = np.zeros((len(train_data.texts), e_val.shape[1]), dtype=np.float32)
    e_train[keep] = embeddings([t for t, k in zip(train_data.texts, keep, strict=True) if k])
    fit_e, tune_e = fit_rows[keep[fit_rows]], tune_rows[keep[tune_rows]]
    tune_in_e = keep[tune_rows]  # the tuning rows that have embeddings
    x_fit = fast_matrix(fit.texts)

    tuning: dict[str, Any] = {"fast_alpha": {}, "embed_C": {}, "fast_weight": {}}
    best_fast: tuple[float, float] = (-1.0, FAST_ALPHA[0])
    for alpha in FAST_ALPHA:
        model = _fast_fit(x_fit, fit.y, alpha, seed)
        score = macro_f1(tune.y, model.scores(tune.texts).argmax(axis=1))
        tuning["fast_alpha"][str(alpha)] = round(score, 4)
        log(f"fast alpha={alpha}: tuning macro-F1 {score:.3f}")
        best_fast = max(best_fast, (score, alpha))
    fast_c = best_fast[1]
    fast_tuned = _fast_fit(x_fit, fit.y, fast_c, seed)
    fast_tune_scores = fast_tuned.scores(tune.texts)

    best_embed: tuple[float, float] = (-1.0, EMBED_C[0])
    embed_models: dict[float, LogisticRegression] = {}
    for c in EMBED_C:
        lr = _logistic(e_train[fit_e], train_data.y[fit_e], c, seed)
        embed_models[c] = lr
        score = macro_f1(train_data.y[tune_e], lr.predict(e_train[tune_e]))
        tuning["embed_C"][str(c)] = round(score, 4)
        log(f"embeddings C={c}: tuning macro-F1 {score:.3f}")
        best_embed = max(best_embed, (score, c))
    embed_c = best_embed[1]
    lr = embed_models[embed_c]
    embed_tune_scores = lr.decision_function(e_train[tune_e])
    best_weight: tuple[float, float] = (-1.0, 0.0)
    for w in FAST_WEIGHTS:
        combined = embed_tune_scores + w * fast_tune_scores[tune_in_e]
        score = macro_f1(train_data.y[tune_e], combined.argmax(axis=1))
        tuning["fast_weight"][str(w)] = round(score, 4)
        best_weight = max(best_weight, (score, w))
    fast_weight = best_weight[1]
    log(
        f"chosen on the tuning part: fast alpha={fast_c}, embeddings C={embed_c}, "
        f"fast weight={fast_weight}"
    )

    def models(
        texts: list[str], y: NDArray[np.intp], rows: NDArray[np.bool_], e: FloatArray
    ) -> tuple[FastModel, DefaultModel]:
        """The chosen settings fitted on ``texts``; the embedding part on ``rows`` only."""
        fast = _fast_fit(fast_matrix(texts), y, fast_c, seed)
        final = _logistic(e[rows], y[rows], embed_c, seed)
        return fast, DefaultModel(
            weights=np.ascontiguousarray(final.coef_.T, dtype=np.float32),
            bias=final.intercept_.astype(np.float32),
            fast=fast,
            fast_weight=fast_weight,
        )

    fast, default = models(train_data.texts, train_data.y, keep, e_train)
    fast_val = fast.scores(val_data.texts)
    embed_only = DefaultModel(
        weights=default.weights, bias=default.bias, fast=fast, fast_weight=0.0
    )
    report = {
        "seed": seed,
        "protocol": f"tuned on {TUNE_SHARE:.0%} of train (stratified, seeded), "
        "fitted on all of train, scored once on val",
        "chosen": {"fast_alpha": fast_c, "embed_C": embed_c, "fast_weight": fast_weight},
        "tuning_macro_f1": tuning,
        "val_macro_f1": {
            "fast": f1_per_language(val_data, fast_val.argmax(axis=1)),
            "embeddings_only": f1_per_language(
                val_data, embed_only.scores_from(e_val, val_data.texts).argmax(axis=1)
            ),
            "default": f1_per_language(
                val_data, default.scores_from(e_val, val_data.texts).argmax(axis=1)
            ),
        },
        "n_train": len(train_data.texts),
        "n_train_embedded": int(keep.sum()),
        "embed_per_language": embed_per_language,
        "n_val": len(val_data.texts),
        "shipped": "the chosen settings fitted again on train and val together, "
        "after val was scored",
    }
    # Val has done its one job (the report above); the models that ship learn from it too.
    shipped_fast, shipped_default = models(
        train_data.texts + val_data.texts,
        np.concatenate([train_data.y, val_data.y]),
        np.concatenate([keep, np.ones(len(val_data.texts), dtype=np.bool_)]),
        np.concatenate([e_train, e_val]),
    )
    log(f"shipped models fitted on {len(train_data.texts) + len(val_data.texts)} posts")
    return Trained(fast=shipped_fast, default=shipped_default, report=report)


def manifest(trained: Trained, *, data_sha256: str, date: str, files: dict[str, str]) -> str:
    """The manifest stored beside the weights, as JSON text."""
    return (
        json.dumps(
            {
                "data": "UMSAB (XLM-T) sentiment, train and val, Apache-2.0",
                "data_sha256": data_sha256,
                "date": date,
                "files": files,
                **trained.report,
            },
            indent=2,
            sort_keys=True,
        )
        + "\n"
    )
