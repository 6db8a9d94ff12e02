"""Score places: answers (points) -> indicator scores -> overall index, core and advanced.

Rules held here:

- ``points`` has shape (n_places, n_questions), columns in ``spec.questions`` order, values in
  [0, 100]; NaN means "not answered / not scorable". It is checked once, here, at the entry.
- Question -> indicator: the weighted mean of the *answered* questions of the indicator. When the
  share of the indicator's questions that are answered (a count share, weights ignored) is below
  ``spec.min_answered_share``, the indicator is missing (NaN), never zero.
- Indicator -> index: the weighted mean of the non-missing indicators, their weights renormalised
  to the ones present. The index is missing (NaN) when the share of indicators present is below
  ``spec.min_indicator_share`` (a half by default).
- ``"arithmetic"``: ``sum(w * s) / sum(w)``. ``"geometric"``: the weighted geometric mean of
  ``s + 1``, minus 1, i.e. ``expm1(sum(w * log1p(s)) / sum(w))``. The shift by one point keeps a
  zero score from zeroing the whole index while keeping the 0-100 range (all 0 -> 0, all 100 -> 100)
  and still penalising unbalanced profiles.
- Two variants: ``"core"`` uses only questions of level core, ``"advanced"`` all questions. An
  indicator without any core question is missing in the core variant for every place and does not
  count in that variant's indicator total.

Theory of operation: indicator membership is precomputed as two (n_questions, 2 * n_indicators)
matrices, one of weights and one of ones, with the core block first and the advanced block second.
Three matrix products then give, for every place at once, the weighted sum of answered points,
the weight answered and the count answered per indicator and variant; no Python loop runs over
places (rows go through in blocks of 4,096 to keep temporaries small), so 100,000 places x 300
questions take a small multiple of one weighted sum.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from icc.index.scoring.spec import MethodSpec

Variant = Literal["core", "advanced"]
VARIANTS: tuple[Variant, ...] = ("core", "advanced")
FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
_ROWS_PER_BLOCK = 4096


def _read_only(array: FloatArray) -> FloatArray:
    view = array.view()
    view.flags.writeable = False
    return view


@dataclass(frozen=True, eq=False)
class ScoreResult:
    """Scores of one edition for every place. All arrays are read-only; NaN means missing.

    - ``questions``: (n_places, n_questions), the validated points (a read-only view of the input).
    - ``indicator_core``, ``indicator_advanced``: (n_places, n_indicators), 0-100.
    - ``index_core``, ``index_advanced``: (n_places,), 0-100.
    """

    question_codes: tuple[str, ...]
    indicator_codes: tuple[str, ...]
    questions: FloatArray
    indicator_core: FloatArray
    indicator_advanced: FloatArray
    index_core: FloatArray
    index_advanced: FloatArray

    def indicators(self, variant: Variant) -> FloatArray:
        """Indicator scores of one variant, shape (n_places, n_indicators)."""
        return self.indicator_core if _check_variant(variant) == "core" else self.indicator_advanced

    def index(self, variant: Variant) -> FloatArray:
        """Overall index of one variant, shape (n_places,)."""
        return self.index_core if _check_variant(variant) == "core" else self.index_advanced


def _check_variant(variant: str) -> Variant:
    if variant == "core":
        return "core"
    if variant == "advanced":
        return "advanced"
    raise ValueError(f"Unknown variant {variant!r}; use 'core' or 'advanced'.")


def validate_points(points: ArrayLike, spec: MethodSpec) -> FloatArray:
    """Check a points matrix against a spec and return it as float64, shape (n_places, n_q)."""
    try:
        array = np.asarray(points, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"The points could not be read as numbers ({error}).") from error
    n_questions = len(spec.questions)
    if array.ndim != 2 or array.shape[1] != n_questions:
        raise ValueError(
            f"The points have shape {array.shape}, but the spec has {n_questions} questions; give "
            f"one row per place and one column per question, shape (n_places, {n_questions})."
        )
    if array.size:
        # fmin/fmax reductions skip NaN and allocate nothing; an all-NaN matrix gives NaN.
        low = float(np.fmin.reduce(array, axis=None))
        high = float(np.fmax.reduce(array, axis=None))
        if low < 0 or high > 100:
            raise ValueError(
                f"Points must lie between 0 and 100 (NaN for unanswered); found values from "
                f"{low:g} to {high:g}. Rescale the answers' points to 0-100."
            )
    return array


@dataclass(frozen=True, eq=False)
class Membership:
    """Which question feeds which indicator, per variant.

    ``weights`` and ``counts`` have shape (n_questions, 2 * n_indicators): columns
    ``[0, n_indicators)`` are the core variant, ``[n_indicators, 2 * n_indicators)`` the
    advanced one. ``weights[j, i]`` is question j's weight if it belongs to indicator i in that
    variant, else 0; ``counts`` holds 1 instead of the weight; ``totals`` (2 * n_indicators,)
    counts the questions of each column.
    """

    weights: FloatArray
    counts: FloatArray
    totals: FloatArray

    @classmethod
    def of(cls, spec: MethodSpec) -> Membership:
        """Build the membership matrices of a spec."""
        position = {code: i for i, code in enumerate(spec.indicator_codes)}
        n_ind = len(spec.indicators)
        counts = np.zeros((len(spec.questions), 2 * n_ind))
        weights = np.zeros_like(counts)
        for j, question in enumerate(spec.questions):
            i = position[question.indicator]
            columns = [n_ind + i] if question.level == "advanced" else [i, n_ind + i]
            counts[j, columns] = 1.0
            weights[j, columns] = question.weight
        return cls(weights=weights, counts=counts, totals=counts.sum(axis=0))


def indicator_scores(
    points: FloatArray, membership: Membership, min_answered_share: float
) -> FloatArray:
    """Indicator scores of both variants, shape (n_places, 2 * n_indicators), core block first.

    ``points`` must already be validated (see ``validate_points``).
    """
    n_cols = membership.weights.shape[1]
    both = np.hstack([membership.weights, membership.counts])
    weighted_sum = np.empty((points.shape[0], n_cols))
    weight_and_count = np.empty((points.shape[0], 2 * n_cols))
    # Blocks of rows keep the temporaries small (a few MB, reused) instead of two full copies.
    for start in range(0, points.shape[0], _ROWS_PER_BLOCK):
        rows = slice(start, start + _ROWS_PER_BLOCK)
        answered = ~np.isnan(points[rows])
        weighted_sum[rows] = np.where(answered, points[rows], 0.0) @ membership.weights
        weight_and_count[rows] = answered.astype(np.float64) @ both
    weight_answered = weight_and_count[:, :n_cols]
    count_answered = weight_and_count[:, n_cols:]
    totals = membership.totals
    # Count share compared as a ratio: 3/5 rounds to exactly the literal 0.6 (no 0.6*5 > 3 trap).
    share = np.divide(count_answered, totals, out=np.zeros_like(count_answered), where=totals > 0)
    enough = (share >= min_answered_share) & (totals > 0) & (weight_answered > 0)
    out = np.full_like(weighted_sum, np.nan)
    np.divide(weighted_sum, weight_answered, out=out, where=enough)
    # A mean of values in [0, 100] lies in [0, 100]; clipping only removes rounding (1e-14).
    return np.clip(out, 0.0, 100.0, out=out)


def aggregate(
    scores: FloatArray,
    weights: FloatArray,
    geometric: BoolArray,
    defined: BoolArray,
    min_indicator_share: float,
) -> FloatArray:
    """Overall index for one or many weightings.

    - ``scores``: (n_places, n_indicators) shared by every weighting, or
      (n_places, n_draws, n_indicators) with one indicator matrix per weighting; NaN = missing.
    - ``weights``: (n_draws, n_indicators), positive indicator weights, one row per weighting.
    - ``geometric``: (n_draws,), True where that weighting aggregates geometrically.
    - ``defined``: (n_indicators,), False for indicators with no question in this variant.

    Returns (n_places, n_draws). Which indicators are present never depends on the weights.
    """
    present = ~np.isnan(scores)
    filled = np.where(present, scores, 0.0)
    if scores.ndim == 2:
        n_present = present.sum(axis=1)[:, None]

        def weighted(values: FloatArray) -> FloatArray:
            return values @ weights.T

    else:
        n_present = present[:, 0, :].sum(axis=1)[:, None]

        def weighted(values: FloatArray) -> FloatArray:
            product: FloatArray = np.einsum("ndk,dk->nd", values, weights)
            return product

    weight_present = weighted(present.astype(np.float64))
    # Only the sums some weighting needs are computed: logs cost as much as the rest together.
    total = np.zeros_like(weight_present)
    if not geometric.all():
        total += np.where(geometric, 0.0, weighted(filled))
    if geometric.any():
        total += np.where(geometric, weighted(np.log1p(filled)), 0.0)
    n_defined = int(defined.sum())
    enough = (n_present > 0) & (n_present / max(n_defined, 1) >= min_indicator_share)
    enough = np.broadcast_to(enough, weight_present.shape)
    mean = np.full_like(weight_present, np.nan)
    np.divide(total, weight_present, out=mean, where=enough)
    index = np.where(geometric & enough, np.expm1(np.where(enough, mean, 0.0)), mean)
    return np.clip(index, 0.0, 100.0, out=index)


def score(points: ArrayLike, spec: MethodSpec) -> ScoreResult:
    """Score every place of an edition.

    ``points``: (n_places, n_questions) in ``spec.questions`` order, 0-100, NaN = unanswered.
    Raises ``ValueError`` when the shape or the range is wrong.
    """
    array = validate_points(points, spec)
    membership = Membership.of(spec)
    n_ind = len(spec.indicators)
    both = indicator_scores(array, membership, spec.min_answered_share)
    weights = np.array([[indicator.weight for indicator in spec.indicators]])
    geometric = np.array([spec.aggregation == "geometric"])
    indices = [
        aggregate(
            both[:, block],
            weights,
            geometric,
            membership.totals[block] > 0,
            spec.min_indicator_share,
        )[:, 0]
        for block in (slice(0, n_ind), slice(n_ind, 2 * n_ind))
    ]
    return ScoreResult(
        question_codes=spec.question_codes,
        indicator_codes=spec.indicator_codes,
        questions=_read_only(array),
        indicator_core=_read_only(both[:, :n_ind]),
        indicator_advanced=_read_only(both[:, n_ind:]),
        index_core=_read_only(indices[0]),
        index_advanced=_read_only(indices[1]),
    )
