"""Scoring engine: golden cases computed by hand, validation, and hypothesis properties."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from icc.index.scoring import Aggregation, Indicator, MethodSpec, Question, score

NAN = math.nan


def golden_spec(aggregation: Aggregation = "arithmetic") -> MethodSpec:
    """Two indicators, five questions.

    A (weight 2): q1 (w 1, core), q2 (w 3, core), q3 (w 1, advanced)
    B (weight 1): q4 (w 1, core), q5 (w 2, advanced)
    At least half the questions of an indicator must be answered (count share).
    """
    return MethodSpec(
        indicators=(Indicator("A", 2.0), Indicator("B", 1.0)),
        questions=(
            Question("q1", "A", 1.0, "core"),
            Question("q2", "A", 3.0, "core"),
            Question("q3", "A", 1.0, "advanced"),
            Question("q4", "B", 1.0, "core"),
            Question("q5", "B", 2.0, "advanced"),
        ),
        min_answered_share=0.5,
        aggregation=aggregation,
    )


GOLDEN = [
    # (case, points q1..q5, indicator_core [A, B], indicator_advanced [A, B], core, advanced)
    (
        "every question answered",
        [100, 50, 0, 80, 20],
        # A core: (1*100 + 3*50) / (1+3) = 250/4 = 62.5;  B core: 80/1 = 80
        [62.5, 80.0],
        # A adv: (100 + 150 + 1*0) / 5 = 50;  B adv: (80 + 2*20) / 3 = 40
        [50.0, 40.0],
        # core: (2*62.5 + 1*80) / 3 = 205/3;  advanced: (2*50 + 40) / 3 = 140/3
        205 / 3,
        140 / 3,
    ),
    (
        "missing answers: A advanced and B core fall below half",
        [NAN, 100, NAN, NAN, 60],
        # A core: 1 of 2 answered (0.5 >= 0.5) -> 100;  B core: 0 of 1 -> missing
        [100.0, NAN],
        # A adv: 1 of 3 answered (0.33 < 0.5) -> missing;  B adv: 1 of 2 -> 60
        [NAN, 60.0],
        # each index has 1 of 2 indicators (half, enough): weights renormalised to that one
        100.0,
        60.0,
    ),
    (
        "one missing answer pushes A below the threshold",
        [NAN, NAN, 100, 50, 50],
        # A core: 0 of 2 -> missing; B core: 50
        [NAN, 50.0],
        # A adv: 1 of 3 -> missing (the 100 on q3 does not count); B adv: (50 + 2*50)/3 = 50
        [NAN, 50.0],
        50.0,
        50.0,
    ),
    ("all zero", [0, 0, 0, 0, 0], [0.0, 0.0], [0.0, 0.0], 0.0, 0.0),
    ("nothing answered", [NAN] * 5, [NAN, NAN], [NAN, NAN], NAN, NAN),
]


def one_core_question_each(*indicators: str, aggregation: Aggregation = "arithmetic") -> MethodSpec:
    """Indicators of weight 1, each with one core question of weight 1 (its code in lower case)."""
    return MethodSpec(
        indicators=tuple(Indicator(code, 1.0) for code in indicators),
        questions=tuple(Question(code.lower(), code, 1.0, "core") for code in indicators),
        aggregation=aggregation,
    )


@pytest.mark.parametrize(
    ("case", "points", "core", "advanced", "index_core", "index_advanced"),
    GOLDEN,
    ids=[case[0] for case in GOLDEN],
)
def test_golden_arithmetic(case, points, core, advanced, index_core, index_advanced):
    result = score(np.array([points], dtype=float), golden_spec())
    np.testing.assert_allclose(result.indicator_core[0], core, rtol=1e-12)
    np.testing.assert_allclose(result.indicator_advanced[0], advanced, rtol=1e-12)
    np.testing.assert_allclose(result.index_core[0], index_core, rtol=1e-12)
    np.testing.assert_allclose(result.index_advanced[0], index_advanced, rtol=1e-12)


def test_golden_cases_scored_together_match_one_by_one():
    matrix = np.array([case[1] for case in GOLDEN], dtype=float)
    result = score(matrix, golden_spec())
    np.testing.assert_allclose(result.index_core, [case[4] for case in GOLDEN], rtol=1e-12)
    np.testing.assert_allclose(result.index_advanced, [case[5] for case in GOLDEN], rtol=1e-12)


def test_golden_geometric():
    result = score(np.array([[100, 50, 0, 80, 20]], dtype=float), golden_spec("geometric"))
    # indicators are unchanged: core A=62.5, B=80; advanced A=50, B=40.
    # core: ((62.5+1)^2 * (80+1))^(1/3) - 1 = (63.5^2 * 81)^(1/3) - 1 = 326612.25^(1/3) - 1
    assert result.index_core[0] == pytest.approx((63.5**2 * 81) ** (1 / 3) - 1, rel=1e-12)
    assert result.index_core[0] == pytest.approx(67.87, abs=0.01)
    # advanced: (51^2 * 41)^(1/3) - 1 = 106641^(1/3) - 1
    assert result.index_advanced[0] == pytest.approx((51**2 * 41) ** (1 / 3) - 1, rel=1e-12)
    # below the arithmetic means 68.33 and 46.67: unbalanced profiles are penalised
    assert result.index_core[0] < 205 / 3
    assert result.index_advanced[0] < 140 / 3


def test_geometric_zero_does_not_zero_the_index():
    spec = one_core_question_each("A", "B", aggregation="geometric")
    result = score(np.array([[0.0, 100.0]]), spec)
    # sqrt((0+1) * (100+1)) - 1 = sqrt(101) - 1 = 9.0499
    assert result.index_core[0] == pytest.approx(math.sqrt(101) - 1, rel=1e-12)


def test_index_missing_when_fewer_than_half_the_indicators_are_present():
    spec = one_core_question_each("A", "B", "C")
    result = score(np.array([[40.0, NAN, NAN], [40.0, 70.0, NAN]]), spec)
    # place 1: 1 of 3 indicators present (0.33 < 0.5) -> missing, never 40 or 13.3
    # place 2: 2 of 3 present -> (40 + 70) / 2 = 55
    np.testing.assert_allclose(result.index_core, [NAN, 55.0])


def test_indicator_without_core_question_is_left_out_of_the_core_index():
    spec = MethodSpec(
        indicators=(Indicator("A", 1.0), Indicator("B", 3.0)),
        questions=(Question("a", "A", 1.0, "core"), Question("b", "B", 1.0, "advanced")),
    )
    result = score(np.array([[20.0, 80.0]]), spec)
    # core: B has no core question -> missing; A alone is 1 of the 1 core indicators -> 20
    np.testing.assert_allclose(result.indicator_core, [[20.0, NAN]])
    assert result.index_core[0] == 20.0
    # advanced: (1*20 + 3*80) / 4 = 65
    assert result.index_advanced[0] == 65.0


def test_result_is_read_only_and_labelled():
    points = np.array([[100, 50, 0, 80, 20]], dtype=float)
    result = score(points, golden_spec())
    assert result.question_codes == ("q1", "q2", "q3", "q4", "q5")
    assert result.indicator_codes == ("A", "B")
    with pytest.raises(ValueError, match="read-only"):
        result.index_core[0] = 0.0
    assert result.indicators("core") is result.indicator_core
    assert result.index("advanced") is result.index_advanced
    points[0, 0] = 0.0  # the caller's array stays the caller's
    assert points.flags.writeable


@pytest.mark.parametrize(
    ("points", "message"),
    [
        (np.zeros((2, 4)), r"shape \(2, 4\), but the spec has 5 questions"),
        (np.zeros(5), r"shape \(5,\)"),
        (np.array([[0, 0, 0, 0, 101.0]]), "found values from 0 to 101"),
        (np.array([[0, -1.0, 0, 0, 0]]), "found values from -1 to 0"),
        (np.array([[0, np.inf, 0, 0, 0]]), "between 0 and 100"),
        ([["a", 0, 0, 0, 0]], "could not be read as numbers"),
    ],
)
def test_points_are_validated(points, message):
    with pytest.raises(ValueError, match=message):
        score(points, golden_spec())


def test_no_place_gives_empty_results():
    result = score(np.empty((0, 5)), golden_spec())
    assert result.index_core.shape == (0,)
    assert result.indicator_advanced.shape == (0, 2)


# --- properties ---------------------------------------------------------------------------------

weights = st.floats(min_value=0.1, max_value=10.0)
point = st.one_of(st.just(NAN), st.floats(min_value=0.0, max_value=100.0))


@st.composite
def specs_and_points(
    draw: st.DrawFn, min_places: int = 1
) -> tuple[MethodSpec, NDArray[np.float64]]:
    n_indicators = draw(st.integers(1, 4))
    n_questions = draw(st.integers(n_indicators, 9))
    indicators = tuple(Indicator(f"I{i}", draw(weights)) for i in range(n_indicators))
    # the first n_indicators questions give each indicator at least one question
    owners = list(range(n_indicators)) + [
        draw(st.integers(0, n_indicators - 1)) for _ in range(n_questions - n_indicators)
    ]
    questions = tuple(
        Question(f"Q{j}", f"I{owner}", draw(weights), draw(st.sampled_from(["core", "advanced"])))
        for j, owner in enumerate(owners)
    )
    spec = MethodSpec(
        indicators=indicators,
        questions=questions,
        min_answered_share=draw(st.sampled_from([0.25, 0.5, 0.6, 1.0])),
        aggregation=draw(st.sampled_from(["arithmetic", "geometric"])),
    )
    n_places = draw(st.integers(min_places, 6))
    cells = draw(st.lists(point, min_size=n_places * n_questions, max_size=n_places * n_questions))
    return spec, np.array(cells, dtype=float).reshape(n_places, n_questions)


def _all_scores(result):
    return [
        result.indicator_core,
        result.indicator_advanced,
        result.index_core[:, None],
        result.index_advanced[:, None],
    ]


@settings(max_examples=200, deadline=None)
@given(specs_and_points(), st.data())
def test_raising_one_answer_never_lowers_a_score(case, data):
    spec, points = case
    answered = np.argwhere(~np.isnan(points))
    if len(answered) == 0:
        return
    place, question = answered[data.draw(st.integers(0, len(answered) - 1))]
    raised = points.copy()
    raised[place, question] = data.draw(st.floats(points[place, question], 100.0))
    before, after = score(points, spec), score(raised, spec)
    for old, new in zip(_all_scores(before), _all_scores(after), strict=True):
        # the same scores are missing, and no present score goes down
        np.testing.assert_array_equal(np.isnan(old), np.isnan(new))
        present = ~np.isnan(old)
        assert (new[present] >= old[present] - 1e-9).all()
    # other places do not move at all
    others = np.arange(points.shape[0]) != place
    np.testing.assert_array_equal(before.index_advanced[others], after.index_advanced[others])


@settings(max_examples=100, deadline=None)
@given(specs_and_points(min_places=2), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_place_order(case, random):
    spec, points = case
    order = list(range(points.shape[0]))
    random.shuffle(order)
    plain, shuffled = score(points, spec), score(points[order], spec)
    for a, b in zip(_all_scores(plain), _all_scores(shuffled), strict=True):
        np.testing.assert_allclose(a[order], b, rtol=1e-12, atol=1e-12)


@settings(max_examples=100, deadline=None)
@given(specs_and_points(), st.sampled_from([0.0, 100.0]))
def test_uniform_answers_give_that_score_everywhere(case, value):
    spec, points = case
    result = score(np.full_like(points, value), spec)
    for matrix in _all_scores(result):
        present = matrix[~np.isnan(matrix)]
        np.testing.assert_allclose(present, value, atol=1e-9)
    # with every question answered, every index exists (core: if some question is core)
    assert not np.isnan(result.index_advanced).any()
    has_core = any(question.level == "core" for question in spec.questions)
    assert np.isnan(result.index_core).any() == (not has_core)


@settings(max_examples=100, deadline=None)
@given(specs_and_points())
def test_scores_stay_in_range_and_geometric_never_exceeds_arithmetic(case):
    spec, points = case
    result = score(points, spec)
    for matrix in _all_scores(result):
        present = matrix[~np.isnan(matrix)]
        assert ((present >= -1e-9) & (present <= 100 + 1e-9)).all()
    other = "geometric" if spec.aggregation == "arithmetic" else "arithmetic"
    twin = score(points, MethodSpec.from_dict({**spec.to_dict(), "aggregation": other}))
    arithmetic, geometric = (result, twin) if other == "geometric" else (twin, result)
    present = ~np.isnan(arithmetic.index_advanced)
    assert (geometric.index_advanced[present] <= arithmetic.index_advanced[present] + 1e-9).all()
