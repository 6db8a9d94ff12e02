"""Monte Carlo rank intervals and Sobol sensitivity indices."""

import math
from dataclasses import replace

import numpy as np
import pytest
from numpy.typing import NDArray

from icc.index.scoring import (
    AGGREGATION_FACTOR,
    Indicator,
    MethodSpec,
    Question,
    RankUncertainty,
    Variant,
    competition_rank,
    rank_uncertainty,
    score,
    sobol_indices,
)
from icc.index.scoring.uncertainty import _Model
from icc.index.tests.test_scoring_engine import one_core_question_each

NAN = math.nan


def make_spec(n_indicators: int = 4, per_indicator: int = 3) -> MethodSpec:
    return MethodSpec(
        indicators=tuple(Indicator(f"I{i}", 1.0 + i) for i in range(n_indicators)),
        questions=tuple(
            Question(f"Q{i}.{j}", f"I{i}", 1.0 + j, "core" if j == 0 else "advanced")
            for i in range(n_indicators)
            for j in range(per_indicator)
        ),
    )


def random_points(
    spec: MethodSpec, n_places: int, seed: int, high: float = 100.0
) -> NDArray[np.float64]:
    rng = np.random.default_rng(seed)
    return rng.uniform(0, high, (n_places, len(spec.questions)))


def still_weights_ranks(
    points: NDArray[np.float64],
    spec: MethodSpec,
    *,
    n_draws: int,
    seed: int,
    question_weight_noise: float = 0.0,
    geometric_share: float = 0.0,
    variant: Variant = "advanced",
) -> RankUncertainty:
    """``rank_uncertainty`` with the indicator weights held still: only the question-weight
    noise and the share of geometric draws given here move the ranks."""
    return rank_uncertainty(
        points,
        spec,
        n_draws=n_draws,
        weight_noise=0.0,
        question_weight_noise=question_weight_noise,
        geometric_share=geometric_share,
        seed=seed,
        variant=variant,
    )


@pytest.mark.parametrize("question_weight_noise", [0.25, 0.0])
def test_a_place_that_dominates_everywhere_is_always_first(question_weight_noise):
    spec = make_spec()
    points = random_points(spec, 40, seed=1, high=90.0)
    points[17] = 100.0  # every answer of place 17 beats every other place's
    result = rank_uncertainty(
        points, spec, n_draws=500, question_weight_noise=question_weight_noise, seed=3
    )
    assert result.median_rank[17] == 1
    np.testing.assert_array_equal(result.interval[17], [1, 1])
    assert (result.median_rank[np.arange(40) != 17] > 1).all()


def test_intervals_contain_the_median_and_lie_in_range():
    spec = make_spec()
    points = random_points(spec, 60, seed=2)
    result = rank_uncertainty(points, spec, n_draws=400, seed=4)
    low, high = result.interval[:, 0], result.interval[:, 1]
    assert (low <= result.median_rank).all()
    assert (result.median_rank <= high).all()
    assert (low >= 1).all()
    assert (high <= 60).all()
    assert (high > low).any(), "with ±25 % weights some ranks must move"


def test_no_noise_reproduces_the_nominal_ranking():
    spec = make_spec()
    points = random_points(spec, 30, seed=5)
    result = still_weights_ranks(points, spec, n_draws=50, seed=1)
    nominal = competition_rank(score(points, spec).index_advanced)
    np.testing.assert_array_equal(result.median_rank, nominal)
    np.testing.assert_array_equal(result.interval, np.stack([nominal, nominal], axis=1))


def test_batched_question_weights_match_the_engine():
    # a tiny question-weight noise must reproduce the engine's ranking: the per-draw indicator
    # scores of the batched path are the engine's weighted means
    spec = make_spec()
    points = random_points(spec, 30, seed=6)
    points[3, :2] = NAN
    result = still_weights_ranks(
        points, spec, n_draws=20, seed=2, question_weight_noise=1e-12, variant="core"
    )
    nominal = competition_rank(score(points, spec).index_core)
    np.testing.assert_array_equal(result.median_rank, nominal)


def test_always_geometric_reproduces_the_geometric_ranking():
    spec = make_spec()
    points = random_points(spec, 30, seed=8)
    geometric = MethodSpec.from_dict({**spec.to_dict(), "aggregation": "geometric"})
    result = still_weights_ranks(points, spec, n_draws=10, seed=2, geometric_share=1.0)
    nominal = competition_rank(score(points, geometric).index_advanced)
    np.testing.assert_array_equal(result.median_rank, nominal)


def test_a_place_without_index_has_no_interval():
    spec = make_spec()
    points = random_points(spec, 10, seed=7)
    points[4] = NAN
    result = rank_uncertainty(points, spec, n_draws=100, seed=1)
    assert math.isnan(result.median_rank[4])
    assert np.isnan(result.interval[4]).all()
    assert not np.isnan(np.delete(result.median_rank, 4)).any()
    assert np.nanmax(result.interval) <= 9  # 9 places are ranked


def test_same_seed_same_result():
    spec = make_spec()
    points = random_points(spec, 25, seed=9)
    first = rank_uncertainty(points, spec, n_draws=200, seed=11)
    second = rank_uncertainty(points, spec, n_draws=200, seed=11)
    np.testing.assert_array_equal(first.interval, second.interval)


def test_sobol_indices_for_every_factor():
    spec = make_spec()
    points = random_points(spec, 50, seed=12)
    result = sobol_indices(points, spec, n_base=128, seed=5)
    assert result.factors == ("I0", "I1", "I2", "I3", AGGREGATION_FACTOR)
    for array in (result.first_order, result.total, result.first_order_conf, result.total_conf):
        assert array.shape == (5,)
        assert np.isfinite(array).all()
    assert set(result.by_factor()) == set(result.factors)
    assert result.total.sum() > 0


def test_sobol_a_weight_that_cannot_reorder_has_no_effect():
    # indicator C scores 50 for every place, so its weight shifts everyone alike and never
    # changes the order (arithmetic or geometric); A and B cross, so their weights matter
    spec = one_core_question_each("A", "B", "C")
    rng = np.random.default_rng(3)
    a = rng.uniform(0, 100, 40)
    b = np.clip(100 - a + rng.normal(0, 5, 40), 0, 100)
    points = np.stack([a, b, np.full(40, 50.0)], axis=1)
    result = sobol_indices(points, spec, n_base=256, seed=1).by_factor()
    assert result["C"]["total"] == pytest.approx(0.0, abs=1e-12)
    assert result["A"]["total"] > 0.05
    assert result["B"]["total"] > 0.05


def test_sobol_without_any_rank_change_is_zero():
    spec = make_spec()
    result = sobol_indices(random_points(spec, 1, seed=1), spec, n_base=16, seed=1)
    np.testing.assert_array_equal(result.total, np.zeros(5))


@pytest.mark.parametrize(
    ("method", "arguments", "message"),
    [
        (rank_uncertainty, {"n_draws": 0}, "n_draws is 0"),
        (rank_uncertainty, {"weight_noise": 1.0}, "weight_noise is 1.0"),
        (rank_uncertainty, {"question_weight_noise": -0.1}, "question_weight_noise is -0.1"),
        (rank_uncertainty, {"geometric_share": 2.0}, "geometric_share is 2.0"),
        (rank_uncertainty, {"variant": "full"}, "Unknown variant 'full'"),
        (sobol_indices, {"n_base": 100}, "n_base is 100; Sobol' sequences need a power of 2"),
        (sobol_indices, {"weight_noise": 0.0}, "weight_noise is 0.0"),
    ],
)
def test_rank_uncertainty_and_sobol_arguments_are_checked(method, arguments, message):
    spec = make_spec()
    with pytest.raises(ValueError, match=message):
        method(random_points(spec, 5, seed=1), spec, **arguments)


def test_sobol_needs_a_ranking():
    spec = make_spec()
    with pytest.raises(ValueError, match="No place has an index"):
        sobol_indices(np.full((3, 12), NAN), spec)


@pytest.mark.parametrize("variant", ["core", "advanced"])
def test_per_draw_question_weights_equal_rescoring_with_those_weights(variant):
    spec = make_spec()
    points = random_points(spec, 12, seed=13)
    points[0, 1:3] = NAN  # I0 loses two of its three questions: missing in the advanced variant
    points[5, 4] = NAN
    model = _Model(points, spec, variant)
    multipliers = np.random.default_rng(1).uniform(0.5, 1.5, (3, len(spec.questions)))
    batched = model.scores_for(multipliers)  # (n_places, n_draws, n_indicators)
    for draw, mult in enumerate(multipliers):
        reweighted = MethodSpec(
            indicators=spec.indicators,
            questions=tuple(
                replace(question, weight=question.weight * m)
                for question, m in zip(spec.questions, mult, strict=True)
            ),
        )
        expected = score(points, reweighted).indicators(variant)
        np.testing.assert_allclose(batched[:, draw, :], expected, rtol=1e-12)
