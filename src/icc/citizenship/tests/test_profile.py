"""The pure scoring core: golden cases worked out by hand, and properties over random tests."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from icc.citizenship.profile import (
    OptionSpec,
    QuestionSpec,
    ScoringSpec,
    band_of,
    profile_score,
)

# Two questions, three dimensions.
#   q1: option 11 → a 3, b 1 | option 12 → b 2 | option 13 → nothing
#   q2: option 21 → a 1, c 2 | option 22 → a 2
# Maxima per question: q1 a 3, b 2, c 0 | q2 a 2, b 0, c 2.
SPEC = ScoringSpec(
    dimensions=("a", "b", "c"),
    questions=(
        QuestionSpec(
            1, (OptionSpec(11, {"a": 3, "b": 1}), OptionSpec(12, {"b": 2}), OptionSpec(13, {}))
        ),
        QuestionSpec(2, (OptionSpec(21, {"a": 1, "c": 2}), OptionSpec(22, {"a": 2}))),
    ),
)

GOLDEN = [
    # answers, expected scores (a, b, c), leading
    ({1: 11, 2: 21}, (80.0, 50.0, 100.0), "c"),  # a 4/5, b 1/2, c 2/2
    ({1: 11, 2: 22}, (100.0, 50.0, 0.0), "a"),  # a 5/5, b 1/2, c 0/2
    ({1: 12, 2: 22}, (40.0, 100.0, 0.0), "b"),  # a 2/5, b 2/2, c 0/2
    ({1: 13, 2: 21}, (20.0, 0.0, 100.0), "c"),  # a 1/5, b 0/2, c 2/2
    ({1: 13}, (0.0, 0.0, None), "a"),  # c cannot move with q1 alone; tie a=b=0 → first listed
    ({2: 22}, (100.0, None, 0.0), "a"),  # b has nothing to score on q2
    ({}, (None, None, None), None),
]


@pytest.mark.parametrize(("answers", "expected", "leading"), GOLDEN)
def test_golden_profiles(answers, expected, leading):
    profile = profile_score(SPEC, answers)
    assert tuple(d.score for d in profile.dimensions) == pytest.approx(expected)
    assert profile.leading == leading


def test_points_and_possible_are_reported():
    a, b, c = profile_score(SPEC, {1: 11, 2: 21}).dimensions
    assert (a.points, a.possible, b.points, b.possible, c.points, c.possible) == (4, 5, 1, 2, 2, 2)


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0, "exploring"),
        (33.9, "exploring"),
        (34, "growing"),
        (66.9, "growing"),
        (67, "anchored"),
        (100, "anchored"),
    ],
)
def test_bands(score, band):
    assert band_of(score) == band


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({3: 11}, "Question 3 is not part"),
        ({1: 21}, "Option 21 is not an answer to question 1"),
    ],
)
def test_answers_are_checked(answers, message):
    with pytest.raises(ValueError, match=message):
        profile_score(SPEC, answers)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (ScoringSpec(("a", "a"), ()), "dimension twice"),
        (ScoringSpec(("a",), (QuestionSpec(1, ()),)), "no options"),
        (ScoringSpec(("a",), (QuestionSpec(1, (OptionSpec(1, {"z": 1}),)),)), "unknown 'z'"),
        (ScoringSpec(("a",), (QuestionSpec(1, (OptionSpec(1, {"a": -1}),)),)), "whole numbers"),
        (ScoringSpec(("a",), (QuestionSpec(1, (OptionSpec(1, {"a": 1.5}),)),)), "whole numbers"),  # type: ignore[dict-item]
        (
            ScoringSpec(
                ("a",),
                (QuestionSpec(1, (OptionSpec(1, {}),)), QuestionSpec(1, (OptionSpec(2, {}),))),
            ),
            "Question 1 appears twice",
        ),
        (
            ScoringSpec(("a",), (QuestionSpec(1, (OptionSpec(1, {}), OptionSpec(1, {}))),)),
            "Option 1 appears",
        ),
    ],
)
def test_specs_are_checked(spec, message):
    with pytest.raises(ValueError, match=message):
        profile_score(spec, {})


DIMENSIONS = ("a", "b", "c")
# Timing is not a property here; a loaded CI machine must not fail an example for being slow.
UNTIMED = settings(deadline=None)


@st.composite
def specs_and_answers(draw):
    """A random valid test and a random (possibly partial) set of answers to it."""
    questions = []
    next_option = 1
    for question_id in range(1, draw(st.integers(1, 8)) + 1):
        options = []
        for _i in range(draw(st.integers(1, 4))):
            points = draw(st.dictionaries(st.sampled_from(DIMENSIONS), st.integers(0, 3)))
            options.append(OptionSpec(next_option, points))
            next_option += 1
        questions.append(QuestionSpec(question_id, tuple(options)))
    spec = ScoringSpec(DIMENSIONS, tuple(questions))
    answers = {}
    for question in questions:
        if draw(st.booleans()):
            answers[question.question_id] = draw(st.sampled_from(question.options)).option_id
    return spec, answers


@UNTIMED
@given(specs_and_answers())
def test_scores_stay_between_0_and_100(case):
    spec, answers = case
    for dimension in profile_score(spec, answers).dimensions:
        assert dimension.score is None or 0.0 <= dimension.score <= 100.0
        assert (dimension.score is None) == (dimension.possible == 0)


@UNTIMED
@given(specs_and_answers(), st.sampled_from(DIMENSIONS))
def test_best_options_for_a_dimension_score_100_on_it(case, code):
    spec, answers = case
    best = {
        q.question_id: max(q.options, key=lambda o: o.points.get(code, 0)).option_id
        for q in spec.questions
        if q.question_id in answers
    }
    score = profile_score(spec, best).score_of(code)
    assert score is None or score == pytest.approx(100.0)


@UNTIMED
@given(specs_and_answers(), st.randoms())
def test_order_of_questions_and_answers_does_not_matter(case, rng):
    spec, answers = case
    questions = list(spec.questions)
    rng.shuffle(questions)
    items = list(answers.items())
    rng.shuffle(items)
    shuffled = profile_score(ScoringSpec(spec.dimensions, tuple(questions)), dict(items))
    assert shuffled == profile_score(spec, answers)


@UNTIMED
@given(specs_and_answers(), st.sampled_from(DIMENSIONS))
def test_a_better_option_for_a_dimension_never_lowers_it(case, code):
    spec, answers = case
    before = profile_score(spec, answers).score_of(code)
    for question in spec.questions:
        if question.question_id not in answers:
            continue
        chosen = next(o for o in question.options if o.option_id == answers[question.question_id])
        better = max(question.options, key=lambda o: o.points.get(code, 0))
        if better.points.get(code, 0) > chosen.points.get(code, 0):
            after = profile_score(spec, {**answers, question.question_id: better.option_id})
            improved = after.score_of(code)
            assert before is not None and improved is not None
            assert improved > before
            return


@UNTIMED
@given(specs_and_answers())
def test_leading_dimension_has_the_highest_score(case):
    spec, answers = case
    profile = profile_score(spec, answers)
    scored = [d.score for d in profile.dimensions if d.score is not None]
    if not scored:
        assert profile.leading is None
    else:
        assert profile.leading is not None
        assert profile.score_of(profile.leading) == max(scored)
