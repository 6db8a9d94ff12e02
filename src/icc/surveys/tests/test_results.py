"""Results: shares with Wilson intervals, groups of respondents, small cells, comparisons.

Golden numbers were computed by hand from the formulas (and agree with the worked examples of
Newcombe, Statistics in Medicine 17:857–872 and 873–890, 1998).
"""

from typing import Any

import pytest

from icc.surveys import selectors
from icc.surveys.intervals import newcombe_difference, wilson
from icc.surveys.models import Submission, Survey
from icc.surveys.services import survey_open
from icc.surveys.tests.conftest import survey_make
from icc.surveys.tests.forms import yes_no_form


def _survey(directory: dict[str, Any], yes: int, no: int) -> Survey:
    survey = survey_open(survey=survey_make(directory["bilbao"].pk, yes_no_form()))
    Submission.objects.bulk_create(
        [Submission(survey=survey, answers={"heard": "yes"}) for _ in range(yes)]
        + [Submission(survey=survey, answers={"heard": "no"}) for _ in range(no)]
    )
    return survey


def test_wilson_golden() -> None:
    # 81 of 263: p = 0.30798; z² = 3.84146; centre = (p + z²/526) / (1 + z²/263)
    # = 0.31528 / 1.01461 = 0.31075; half = z·sqrt(p(1−p)/263 + z²/(4·263²)) / 1.01461 = 0.05546
    interval = wilson(81, 263)
    assert interval is not None
    assert (round(interval.low, 4), round(interval.high, 4)) == (0.2553, 0.3662)
    # 0 of 10: [0, z²/(n + z²)] = [0, 0.2775]
    zero = wilson(0, 10)
    assert zero is not None and zero.low == 0 and round(zero.high, 4) == 0.2775
    assert wilson(0, 0) is None


def test_newcombe_golden() -> None:
    # 56/70 − 48/80 = 0.2; Wilson 56/70: 0.6922–0.8744; 48/80: 0.4906–0.6997
    # low = 0.2 − sqrt((0.8 − 0.6922)² + (0.6997 − 0.6)²) = 0.0524
    # high = 0.2 + sqrt((0.8744 − 0.8)² + (0.6 − 0.4906)²) = 0.3339
    change = newcombe_difference(56, 70, 48, 80)
    assert change is not None
    assert (round(change.estimate, 4), round(change.low, 4), round(change.high, 4)) == (
        0.2,
        0.0524,
        0.3339,
    )
    # 9/10 − 3/10: 0.1705 to 0.8090 (Newcombe's example d)
    small = newcombe_difference(9, 10, 3, 10)
    assert small is not None and (round(small.low, 4), round(small.high, 4)) == (0.1705, 0.8090)


def test_compare_states_the_change_with_its_interval(directory: dict[str, Any]) -> None:
    before = _survey(directory, yes=48, no=32)
    after = _survey(directory, yes=56, no=14)
    comparison = selectors.surveys_compare(before_id=before.pk, after_id=after.pk, question="heard")
    yes = comparison.changes[0]
    assert yes.name == "yes" and not yes.hidden
    assert (yes.before.count, yes.after.count) == (48, 56)
    assert (comparison.before_respondents, comparison.after_respondents) == (80, 70)
    assert (round(yes.change or 0, 4), round(yes.low or 0, 4), round(yes.high or 0, 4)) == (
        0.2,
        0.0524,
        0.3339,
    )
    no = comparison.changes[1]
    assert round(no.change or 0, 4) == -0.2


def test_counts_overall_with_wilson(directory: dict[str, Any]) -> None:
    survey = _survey(directory, yes=81, no=182)
    counts = selectors.survey_counts(survey_id=survey.pk, question="heard")
    assert counts.overall.respondents == 263
    yes = counts.overall.choices[0]
    assert (yes.label, yes.count, round(yes.share or 0, 4)) == ("Yes", 81, 0.308)
    assert (round(yes.low or 0, 4), round(yes.high or 0, 4)) == (0.2553, 0.3662)
    with pytest.raises(ValueError):
        selectors.survey_counts(survey_id=survey.pk, question="nothing")


def test_groups_and_small_cells_are_hidden(survey: Survey) -> None:
    base = {"age": 30, "city": "bilbao", "district": "deusto", "believed": "no"}
    answers = (
        [{**base, "gender": "woman", "heard": "yes"}] * 6
        + [{**base, "gender": "woman", "heard": "no"}] * 4
        + [{**base, "gender": "man", "heard": "yes"}] * 3
        + [{**base, "gender": "other", "heard": "no"}] * 1
        + [{**base, "heard": "no"}] * 2  # no gender: in the overall figures only
    )
    Submission.objects.bulk_create([Submission(survey=survey, answers=a) for a in answers])
    counts = selectors.survey_counts(
        survey_id=survey.pk, question="heard", by="gender", ranked=True
    )
    assert counts.overall.respondents == 16
    assert [(c.name, c.count) for c in counts.overall.choices] == [("yes", 9), ("no", 7)]
    woman, man, other = counts.groups
    assert (woman.label, woman.respondents, woman.hidden) == ("Woman", 10, False)
    yes, no = woman.choices
    assert (no.count, no.hidden, no.protects) == (None, True, False)  # 4 < k = 5
    # 10 women less 6 who heard would give the 4 who did not: the 6 are hidden too
    assert (yes.count, yes.hidden, yes.protects) == (None, True, True)
    assert man.hidden and man.respondents is None and man.choices == ()
    assert other.hidden
    assert counts.hidden_groups == 2
    french = selectors.survey_counts(survey_id=survey.pk, question="heard", language="fr")
    assert french.question_label.startswith("Avez-vous entendu")
    assert french.overall.choices[0].label == "Oui"


def test_select_multiple_shares_count_each_respondent_once(survey: Survey) -> None:
    base = {"age": 30, "city": "bilbao", "district": "deusto", "heard": "yes", "believed": "no"}
    answers = [{**base, "where": ["street", "social"]}] * 5 + [{**base, "where": ["social"]}] * 5
    Submission.objects.bulk_create([Submission(survey=survey, answers=a) for a in answers])
    counts = selectors.survey_counts(survey_id=survey.pk, question="where")
    shares = {c.name: (c.count, c.share) for c in counts.overall.choices}
    assert shares == {"street": (5, 0.5), "social": (10, 1.0), "work": (0, 0.0)}


def test_compare_hides_a_side_below_k(directory: dict[str, Any]) -> None:
    before = _survey(directory, yes=2, no=1)
    after = _survey(directory, yes=10, no=10)
    comparison = selectors.surveys_compare(before_id=before.pk, after_id=after.pk, question="heard")
    assert comparison.before_respondents is None
    assert all(change.hidden and change.change is None for change in comparison.changes)


def test_no_hidden_count_can_be_worked_out_by_subtraction(directory: dict[str, Any]) -> None:
    """23 respondents, 3 said no: with the total and the 20 shown, the 3 would be 23 − 20."""
    survey = _survey(directory, yes=20, no=3)
    counts = selectors.survey_counts(survey_id=survey.pk, question="heard")
    assert counts.overall.respondents == 23
    yes, no = counts.overall.choices
    assert (yes.count, yes.share, yes.hidden, yes.protects) == (None, None, True, True)
    assert (no.count, no.hidden, no.protects) == (None, True, False)
    # the change between two surveys hides the same cells, and says why
    before = _survey(directory, yes=30, no=30)
    comparison = selectors.surveys_compare(
        before_id=before.pk, after_id=survey.pk, question="heard"
    )
    change_yes, change_no = comparison.changes
    assert (change_yes.hidden, change_yes.protects, change_yes.change) == (True, True, None)
    assert (change_no.hidden, change_no.protects) == (True, False)


def test_groups_and_choices_across_groups_are_protected_too(survey: Survey) -> None:
    """Everyone's numbers are the sum of the groups': a group or a group's cell hidden alone
    would be everyone's less the others."""
    base = {"age": 30, "city": "bilbao", "district": "deusto", "believed": "no"}
    answers = (
        [{**base, "gender": "woman", "heard": "yes"}] * 8
        + [{**base, "gender": "woman", "heard": "no"}] * 6
        + [{**base, "gender": "man", "heard": "yes"}] * 9
        + [{**base, "gender": "man", "heard": "no"}] * 7
        + [{**base, "gender": "other", "heard": "no"}] * 2
    )
    Submission.objects.bulk_create([Submission(survey=survey, answers=a) for a in answers])
    counts = selectors.survey_counts(survey_id=survey.pk, question="heard", by="gender")
    woman, man, other = counts.groups
    assert other.hidden and not other.protects  # 2 < k
    # 32 − 16 − 14 would give the 2: the smallest group shown is hidden too
    assert (woman.hidden, woman.protects, woman.respondents) == (True, True, None)
    assert not man.hidden and [c.count for c in man.choices] == [9, 7]
    assert [c.count for c in counts.overall.choices] == [17, 15]


def test_the_worked_example_of_the_docs_hides_alike_on_every_page(survey: Survey) -> None:
    """docs/surveys.md: page by page, "heard by gender" showed that no woman said no, and
    "gender by heard" hid the 0 women beside the 1 "other" who said no: 8 − 7 − 0 = 1. Now
    "other" and the next smallest gender are hidden on every page, so men and "other" can trade
    people without any number shown changing."""
    base = {"age": 30, "city": "bilbao", "district": "deusto"}
    answers = (
        [{**base, "gender": "woman", "heard": "yes", "believed": "no"}] * 10
        + [{**base, "gender": "man", "heard": "no"}] * 7
        + [{**base, "gender": "other", "heard": "yes", "believed": "no"}]
        + [{**base, "gender": "other", "heard": "no"}]
        + [{**base, "heard": "yes", "believed": "no"}] * 4
        + [{**base, "heard": "no"}] * 2
    )
    Submission.objects.bulk_create([Submission(survey=survey, answers=a) for a in answers])
    results = selectors.survey_results(survey_id=survey.pk)

    gender = results.counts(question="gender")
    assert gender.overall.respondents == 19
    assert [(c.count, c.hidden, c.protects) for c in gender.overall.choices] == [
        (10, False, False),
        (None, True, True),  # man, 7: hidden so that 19 − 10 does not give "other"
        (None, True, False),  # other, 2
    ]
    by_gender = results.counts(question="heard", by="gender")
    woman, man, other = by_gender.groups
    assert (woman.respondents, [c.count for c in woman.choices]) == (10, [10, 0])
    assert man.hidden and man.protects and other.hidden and not other.protects
    by_heard = results.counts(question="gender", by="heard")
    yes, no = by_heard.groups
    assert (yes.respondents, [c.count for c in yes.choices]) == (11, [10, None, None])
    assert (no.respondents, [c.count for c in no.choices]) == (8, [0, None, None])
    assert by_heard.overall == gender.overall  # everyone's row reads the same on every page


def test_groups_are_made_only_by_questions_asked_of_everyone(survey: Survey) -> None:
    """ "believed" is asked only of those who heard the rumour (its respondents per group would
    be another grouping's counts) and "district" follows the city: neither makes groups, on
    the page or through the selector."""
    form = selectors.survey_form(survey=survey)
    assert [q.code for q in form.grouping_questions] == ["gender", "city", "heard"]
    with pytest.raises(ValueError, match="asked of everyone"):
        selectors.survey_counts(survey_id=survey.pk, question="heard", by="believed")
    counts = selectors.survey_counts(survey_id=survey.pk, question="believed", by="heard")
    assert counts.by == "heard"  # a question asked of some is still shown by every grouping
