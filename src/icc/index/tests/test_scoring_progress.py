"""Progress between editions on comparable questions only."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from icc.index.scoring import Indicator, MethodSpec, Question, comparable_pairs, progress, score

NAN = math.nan

OLD = MethodSpec(
    indicators=(Indicator("A", 1.0), Indicator("B", 1.0)),
    questions=(
        Question("a1", "A", 1.0, "core"),
        Question("a2", "A", 1.0, "core"),
        Question("b1", "B", 1.0, "core"),
        Question("b2", "B", 1.0, "advanced"),
    ),
)
NEW = MethodSpec(
    indicators=(Indicator("A", 2.0), Indicator("B", 1.0), Indicator("C", 1.0)),
    questions=(
        Question("a1", "A", 1.0, "core"),
        Question("a2new", "A", 3.0, "core"),  # a2, renamed
        Question("b2", "B", 1.0, "core"),  # now core
        Question("c1", "C", 1.0, "core"),  # new
        Question("b3", "B", 1.0, "core"),  # new
    ),
)
RENAMED = {"a2new": "a2"}

#                     a1   a2   b1   b2
POINTS_OLD = np.array([[50, 50, 0, 40], [NAN] * 4], dtype=float)
#                     a1  a2new b2  c1   b3
POINTS_NEW = np.array([[100, 50, 60, 100, 100], [100, 100, 100, 100, 100]], dtype=float)


def test_golden_progress():
    result = progress(POINTS_OLD, OLD, POINTS_NEW, NEW, new_to_old=RENAMED)
    # comparable: a1, a2new (= a2), b2; b1 was dropped, c1 and b3 are new
    assert result.comparable_questions == ("a1", "a2new", "b2")
    assert result.pairs == (("a1", "a1"), ("a2new", "a2"), ("b2", "b2"))
    assert result.indicator_codes == ("A", "B", "C")
    # both rescored with the new method on those questions: A = a1 (w 1) + a2new (w 3), B = b2
    # old: A = (50 + 3*50)/4 = 50,     B = 40, index = (2*50 + 1*40)/3 = 140/3
    # new: A = (100 + 3*50)/4 = 62.5,  B = 60, index = (2*62.5 + 1*60)/3 = 185/3
    # deltas: A +12.5, B +20, C not comparable, index +45/3 = +15
    np.testing.assert_allclose(result.indicator_core[0], [12.5, 20.0, NAN], rtol=1e-12)
    np.testing.assert_allclose(result.indicator_advanced[0], [12.5, 20.0, NAN], rtol=1e-12)
    assert result.index_core[0] == pytest.approx(15.0, rel=1e-12)
    assert result.index_advanced[0] == pytest.approx(15.0, rel=1e-12)
    # place 2 did not take part in the old edition: no progress to report
    assert np.isnan(result.index_core[1])
    assert np.isnan(result.indicator_core[1]).all()
    assert result.after is not None
    assert result.after.index_core[0] == pytest.approx(185 / 3, rel=1e-12)
    # ... which is not the full new index: that one also counts c1 and b3
    assert score(POINTS_NEW, NEW).index_core[0] != pytest.approx(185 / 3)


def test_without_mapping_a_renamed_question_is_not_comparable():
    result = progress(POINTS_OLD, OLD, POINTS_NEW, NEW)
    assert result.comparable_questions == ("a1", "b2")
    # old: A = 50, B = 40 -> 140/3; new: A = 100, B = 60 -> 260/3; delta 120/3 = 40
    assert result.index_core[0] == pytest.approx(40.0, rel=1e-12)


def test_a_change_of_method_alone_is_no_progress():
    old_method = MethodSpec(
        indicators=(Indicator("A", 5.0), Indicator("B", 1.0)),
        questions=(Question("q1", "A", 9.0, "core"), Question("q2", "B", 1.0, "advanced")),
        aggregation="geometric",
    )
    new_method = MethodSpec(
        indicators=(Indicator("A", 1.0), Indicator("B", 1.0)),
        questions=(Question("q1", "A", 1.0, "core"), Question("q2", "B", 1.0, "core")),
    )
    answers = np.array([[30.0, 90.0], [0.0, 100.0]])
    result = progress(answers, old_method, answers, new_method)
    np.testing.assert_array_equal(result.index_core, [0.0, 0.0])
    np.testing.assert_array_equal(result.indicator_advanced, [[0.0, 0.0], [0.0, 0.0]])


def test_no_comparable_question_gives_no_progress():
    other = MethodSpec(
        indicators=(Indicator("Z", 1.0),), questions=(Question("z1", "Z", 1.0, "core"),)
    )
    result = progress(np.zeros((2, 1)), other, POINTS_NEW, NEW)
    assert result.comparable_questions == ()
    assert result.before is None
    assert np.isnan(result.index_advanced).all()
    assert result.indicator_core.shape == (2, 3)


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"zz": "a2"}, "new question 'zz', which the new edition does not have"),
        ({"a2new": "zz"}, "old question 'zz', which the old edition does not have"),
        ({"a2new": "a1"}, "'a1' and 'a2new' are both compared with old question 'a1'"),
    ],
)
def test_mapping_errors(mapping, message):
    with pytest.raises(ValueError, match=message):
        comparable_pairs(OLD, NEW, mapping)


def test_editions_must_have_the_same_places():
    with pytest.raises(ValueError, match="old edition has 2 places and the new one 1"):
        progress(POINTS_OLD, OLD, POINTS_NEW[:1], NEW)


def test_points_of_each_edition_are_validated():
    with pytest.raises(ValueError, match="spec has 5 questions"):
        progress(POINTS_OLD, OLD, POINTS_OLD, NEW)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(st.just(NAN), st.floats(0, 100)), min_size=5, max_size=5),
        min_size=1,
        max_size=5,
    )
)
def test_unchanged_answers_make_zero_progress(rows):
    points = np.array(rows)
    result = progress(points, NEW, points, NEW)
    assert result.comparable_questions == NEW.question_codes
    for delta in (result.index_core, result.index_advanced, result.indicator_core):
        assert (delta[~np.isnan(delta)] == 0).all()
    # and a delta exists exactly where the score exists
    np.testing.assert_array_equal(
        np.isnan(result.index_advanced), np.isnan(score(points, NEW).index_advanced)
    )
