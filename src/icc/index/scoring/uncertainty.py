"""How much do ranks depend on the method? Monte Carlo intervals and Sobol sensitivity indices.

Rules held here:

- A draw perturbs the method, never the answers: each indicator weight (and, separately, each
  question weight) is multiplied by its own factor drawn uniformly from ``[1 - noise, 1 + noise]``,
  and the aggregation rule is geometric with probability ``geometric_share``, else arithmetic.
  Noise lies in [0, 1) so that every weight stays positive.
- Which indicators and indices are missing depends on answered counts only, never on weights, so a
  place without an index is unranked (NaN) in every draw and gets NaN results.
- Ranks are competition ranks (see ``ranks``). The median and the 5th-95th percentile interval are
  taken over draws with NumPy's default (linear) interpolation, so they may be half-integers.
- Sobol factors: each indicator weight (named by its indicator code, uniform over the same
  ``[w (1 - noise), w (1 + noise)]``) and ``"aggregation"`` (uniform on [0, 1]; geometric below
  ``geometric_share``). The output is the mean absolute rank change of the ranked places against
  the nominal ranking (the spec's own weights and aggregation). When no draw moves any rank the
  output has no variance and every index is 0.

Theory of operation: indicator scores are computed once when only indicator weights vary; every
draw is then one column of a (n_indicators, n_draws) weight matrix, so a batch of draws is a few
matrix products and one row-wise sort. When question weights vary too, the indicator scores of a
batch of draws come from one small matrix product per indicator (its questions x the batch).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from icc.index.scoring.engine import (
    Membership,
    Variant,
    aggregate,
    indicator_scores,
    score,
    validate_points,
)
from icc.index.scoring.ranks import competition_rank_rows
from icc.index.scoring.spec import MethodSpec

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
IntArray = NDArray[np.intp]

AGGREGATION_FACTOR = "aggregation"
# Draws per batch are sized so one batch holds about this many indicator scores (~32 MB).
_BATCH_CELLS = 4_000_000


class RankUncertainty(NamedTuple):
    """``median_rank`` (n_places,) and ``interval`` (n_places, 2): 5th and 95th percentile ranks."""

    median_rank: FloatArray
    interval: FloatArray


@dataclass(frozen=True, eq=False)
class SobolResult:
    """Sobol indices of the rank-change output, one entry per factor, shape (n_factors,)."""

    factors: tuple[str, ...]
    first_order: FloatArray
    total: FloatArray
    first_order_conf: FloatArray
    total_conf: FloatArray

    def by_factor(self) -> dict[str, dict[str, float]]:
        """``{factor: {"first_order": S1, "total": ST}}``."""
        return {
            name: {"first_order": float(s1), "total": float(st)}
            for name, s1, st in zip(self.factors, self.first_order, self.total, strict=True)
        }


def _check_noise(name: str, value: float) -> None:
    if not 0 <= value < 1:
        raise ValueError(f"{name} is {value!r}; use a share in [0, 1), e.g. 0.25 for ±25 %.")


def _check_common(variant: str, geometric_share: float) -> None:
    if variant not in ("core", "advanced"):
        raise ValueError(f"Unknown variant {variant!r}; use 'core' or 'advanced'.")
    if not 0 <= geometric_share <= 1:
        raise ValueError(f"geometric_share is {geometric_share!r}; use a share in [0, 1].")


class _Model:
    """A validated points matrix and spec, reduced to what every draw needs (one variant)."""

    def __init__(self, points: ArrayLike, spec: MethodSpec, variant: Variant) -> None:
        self.points = validate_points(points, spec)
        self.spec = spec
        self.variant = variant
        membership = Membership.of(spec)
        k = len(spec.indicators)
        block = slice(0, k) if variant == "core" else slice(k, 2 * k)
        self.weights = membership.weights[:, block]  # (n_questions, k)
        self.defined: BoolArray = membership.totals[block] > 0
        self.scores = indicator_scores(self.points, membership, spec.min_answered_share)[:, block]
        self.indicator_weights = np.array([indicator.weight for indicator in spec.indicators])
        self.nominal_rank = competition_rank_rows(score(self.points, spec).index(variant)[None, :])[
            0
        ]
        self.ranked = ~np.isnan(self.nominal_rank)
        self._cache: list[tuple[int, IntArray, BoolArray, FloatArray, FloatArray]] | None = None

    def index_draws(
        self, weights: FloatArray, geometric: BoolArray, question_mult: FloatArray | None
    ) -> FloatArray:
        """Index of every place under each draw, shape (n_places, n_draws)."""
        share = self.spec.min_indicator_share
        if question_mult is None:
            return aggregate(self.scores, weights, geometric, self.defined, share)
        return aggregate(self.scores_for(question_mult), weights, geometric, self.defined, share)

    def scores_for(self, question_mult: FloatArray) -> FloatArray:
        """Indicator scores (n_places, n_draws, k) with question weights scaled per draw."""
        n, k = self.scores.shape
        out = np.full((n, question_mult.shape[0], k), np.nan)
        for i, members, rows, weighted_points, weighted_answered in self._blocks():
            mult = question_mult[:, members].T  # (n_members, n_draws)
            out[rows, :, i] = (weighted_points @ mult) / (weighted_answered @ mult)
        return out

    def _blocks(self) -> list[tuple[int, IntArray, BoolArray, FloatArray, FloatArray]]:
        """Per defined indicator: its questions and, for the places where it is available, the
        points and the answered flags times the question weights (computed once, then cached)."""
        if self._cache is None:
            answered = ~np.isnan(self.points)
            filled = np.where(answered, self.points, 0.0)
            self._cache = []
            for i in np.flatnonzero(self.defined):
                members = np.flatnonzero(self.weights[:, i])
                rows = ~np.isnan(self.scores[:, i])
                w = self.weights[members, i]
                block = (filled[np.ix_(rows, members)] * w, answered[np.ix_(rows, members)] * w)
                self._cache.append((int(i), members, rows, *block))
        return self._cache

    def ranks(
        self, weights: FloatArray, geometric: BoolArray, question_mult: FloatArray | None
    ) -> FloatArray:
        """Ranks of the ranked places under each draw, shape (n_draws, n_ranked)."""
        index = self.index_draws(weights, geometric, question_mult)
        return competition_rank_rows(np.ascontiguousarray(index[self.ranked].T))

    def batch_size(self) -> int:
        n, k = self.scores.shape
        return max(1, _BATCH_CELLS // max(1, int(n) * int(k)))


def rank_uncertainty(
    points: ArrayLike,
    spec: MethodSpec,
    n_draws: int = 1000,
    weight_noise: float = 0.25,
    question_weight_noise: float = 0.25,
    geometric_share: float = 0.5,
    seed: int | None = None,
    variant: Variant = "advanced",
) -> RankUncertainty:
    """Monte Carlo rank intervals under perturbed weights and aggregation rule.

    ``points``: (n_places, n_questions) as for ``score``. ``weight_noise`` perturbs indicator
    weights, ``question_weight_noise`` question weights (0 keeps them fixed and is faster).
    Returns ``median_rank`` (n_places,) and ``interval`` (n_places, 2), NaN for unranked places.
    """
    if isinstance(n_draws, bool) or not isinstance(n_draws, int) or n_draws < 1:
        raise ValueError(f"n_draws is {n_draws!r}; use a whole number of draws, at least 1.")
    _check_noise("weight_noise", weight_noise)
    _check_noise("question_weight_noise", question_weight_noise)
    _check_common(variant, geometric_share)
    model = _Model(points, spec, variant)
    rng = np.random.default_rng(seed)
    k, n_questions = len(spec.indicators), len(spec.questions)
    weights = model.indicator_weights * rng.uniform(
        1 - weight_noise, 1 + weight_noise, (n_draws, k)
    )
    geometric = rng.random(n_draws) < geometric_share
    question_mult = (
        rng.uniform(1 - question_weight_noise, 1 + question_weight_noise, (n_draws, n_questions))
        if question_weight_noise > 0
        else None
    )
    step = model.batch_size()
    ranks = np.concatenate(
        [
            model.ranks(
                weights[start : start + step],
                geometric[start : start + step],
                None if question_mult is None else question_mult[start : start + step],
            )
            for start in range(0, n_draws, step)
        ]
    )
    n = model.points.shape[0]
    median = np.full(n, np.nan)
    interval = np.full((n, 2), np.nan)
    if model.ranked.any():
        median[model.ranked] = np.median(ranks, axis=0)
        interval[model.ranked] = np.percentile(ranks, [5, 95], axis=0).T
    return RankUncertainty(median_rank=median, interval=interval)


def sobol_indices(
    points: ArrayLike,
    spec: MethodSpec,
    n_base: int = 256,
    seed: int | None = None,
    weight_noise: float = 0.25,
    geometric_share: float = 0.5,
    variant: Variant = "advanced",
) -> SobolResult:
    """First-order and total Sobol indices of the ranking's sensitivity to each factor.

    ``points``: (n_places, n_questions) as for ``score``. ``n_base`` (a power of 2) is Saltelli's
    N: the model runs ``n_base * (n_indicators + 2)`` times. Factors: the indicator codes, then
    ``"aggregation"``. Returns arrays of shape (n_indicators + 1,).
    """
    if (
        isinstance(n_base, bool)
        or not isinstance(n_base, int)
        or n_base < 2
        or n_base & (n_base - 1)
    ):
        raise ValueError(
            f"n_base is {n_base!r}; Sobol' sequences need a power of 2 (e.g. 256 or 1024)."
        )
    if not 0 < weight_noise < 1:
        raise ValueError(f"weight_noise is {weight_noise!r}; use a share in (0, 1), e.g. 0.25.")
    _check_common(variant, geometric_share)
    if AGGREGATION_FACTOR in spec.indicator_codes:
        raise ValueError(
            f"An indicator is coded {AGGREGATION_FACTOR!r}, the name of the aggregation factor; "
            "rename the indicator."
        )
    model = _Model(points, spec, variant)
    if not model.ranked.any():
        raise ValueError("No place has an index, so there is no ranking to analyse.")
    from SALib.analyze import sobol as sobol_analyze  # SALib pulls in pandas: import on use.
    from SALib.sample import sobol as sobol_sample

    factors = (*spec.indicator_codes, AGGREGATION_FACTOR)
    bounds = [[w * (1 - weight_noise), w * (1 + weight_noise)] for w in model.indicator_weights]
    problem: dict[str, Any] = {
        "num_vars": len(factors),
        "names": list(factors),
        "bounds": [*bounds, [0.0, 1.0]],
    }
    samples = sobol_sample.sample(problem, n_base, calc_second_order=False, seed=seed)
    k = len(spec.indicators)
    nominal = model.nominal_rank[model.ranked]
    step = model.batch_size()
    outputs = np.concatenate(
        [
            np.abs(model.ranks(batch[:, :k], batch[:, k] < geometric_share, None) - nominal).mean(
                axis=1
            )
            for batch in (samples[s : s + step] for s in range(0, len(samples), step))
        ]
    )
    if np.ptp(outputs) == 0:
        zeros = np.zeros(len(factors))
        return SobolResult(factors, zeros, zeros.copy(), zeros.copy(), zeros.copy())
    result = sobol_analyze.analyze(
        problem, outputs, calc_second_order=False, print_to_console=False, seed=seed
    )
    return SobolResult(
        factors=factors,
        first_order=np.asarray(result["S1"], dtype=np.float64),
        total=np.asarray(result["ST"], dtype=np.float64),
        first_order_conf=np.asarray(result["S1_conf"], dtype=np.float64),
        total_conf=np.asarray(result["ST_conf"], dtype=np.float64),
    )
