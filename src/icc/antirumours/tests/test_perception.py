"""The perception surveys end to end on a real database: a diagnosis and a follow-up made from
the template, answers through the surveys module, results per rumour, and the golden
comparison whose numbers were worked out by hand (below)."""

from typing import Any

import pytest

from icc.antirumours.models import SurveyRoundKind
from icc.antirumours.results import round_compare, round_indicators, round_results
from icc.antirumours.services import AntirumoursError
from icc.antirumours.services.perception import survey_round_create
from icc.surveys.selectors import survey_get
from icc.surveys.services import submission_create

# Each round has 40 respondents. Rumour A (the welfare rumour) and rumour B (the jobs rumour):
#   diagnosis: A heard by 24/40, of whom 12 answer "yes, true";  B heard by 10/40, 5 "yes"
#   follow-up: A heard by 14/40, of whom  5 answer "yes, true";  B heard by 10/40, 5 "yes"
# Wilson 95 % (z = 1.959964): 24/40 → 0.6000 [0.4460, 0.7365]; 14/40 → 0.3500 [0.2213, 0.5049];
# 12/24 → 0.5000 [0.3143, 0.6857]; 5/14 → 0.3571 [0.1634, 0.6124].
# Newcombe (after − before): heard A  −0.2500, low = −0.25 − √((0.35−0.2213)² + (0.7365−0.6)²)
#   = −0.4376, high = −0.25 + √((0.5049−0.35)² + (0.6−0.4460)²) = −0.0315: fewer people heard it,
#   and the interval excludes no change. Believed A −0.1429 [−0.4112, +0.1728]: the interval
#   includes 0, no change can be claimed. Heard B: 0.0000 [−0.1865, +0.1865].
# Headline: diagnosis, 24/40 heard at least one, 12/40 believed at least one (0.3000
# [0.1807, 0.4543]); follow-up 14/40 and 5/40 (0.1250 [0.0546, 0.2611]).


def _answers(heard: list[str], yes: set[str], age: str) -> dict[str, object]:
    answers: dict[str, object] = {
        "heard": heard or ["none"],
        "age_group": age,
        "gender": "woman",
        "born_abroad": "no",
    }
    for name in heard:
        answers[f"often_{name}"] = "sometimes"
        answers[f"believe_{name}"] = "yes" if name in yes else "no"
    return answers


def _fill(survey_id: int, a: str, b: str, heard_a: int, yes_a: int) -> None:
    survey = survey_get(survey_id=survey_id)
    assert survey is not None
    for i in range(40):
        heard = ([a] if i < heard_a else []) + ([b] if i < 10 else [])
        yes = ({a} if i < yes_a else set()) | ({b} if i < 5 else set())
        answers = _answers(heard, yes, "16_29" if i % 2 else "45_64")
        submission_create(survey=survey, answers=answers, key=f"k{i}")


@pytest.mark.django_db
def test_diagnosis_results_and_golden_follow_up_comparison(ar: dict[str, Any]) -> None:
    bilbao = ar["bilbao"]
    diagnosis = survey_round_create(
        place_id=bilbao.pk, kind=SurveyRoundKind.DIAGNOSIS, title="Diagnosis 2025"
    )
    a, b = ar["private"].choice_name, ar["shared"].choice_name
    assert list(diagnosis.rumour_choices) == [a, b]
    survey = survey_get(survey_id=diagnosis.survey_id or 0)
    assert survey is not None and survey.state == "open" and survey.purpose == "antirumours"
    assert set(survey.languages) >= {"en", "fr", "es", "it"}
    _fill(diagnosis.survey_id or 0, a, b, heard_a=24, yes_a=12)

    results = round_results(survey_round=diagnosis, by="age_group")
    assert results.respondents == 40
    top = results.most_heard[0]
    assert top.name == a and top.heard.count == 24
    assert (round(top.heard.low or 0, 4), round(top.heard.high or 0, 4)) == (0.4460, 0.7365)
    assert [row.name for row in results.most_believed] == [a, b]  # 50 % of 24, 50 % of 10
    assert [cell.respondents for cell in top.groups if not cell.heard.hidden] == [20, 20]

    follow_up = survey_round_create(
        place_id=bilbao.pk,
        kind=SurveyRoundKind.FOLLOW_UP,
        title="Follow-up 2026",
        baseline=diagnosis,
    )
    assert follow_up.rumour_choices == diagnosis.rumour_choices
    _fill(follow_up.survey_id or 0, a, b, heard_a=14, yes_a=5)

    comparison = round_compare(follow_up=follow_up)
    assert (comparison.before_respondents, comparison.after_respondents) == (40, 40)
    heard_a, heard_b = comparison.changes[0].heard, comparison.changes[1].heard
    assert [round(x or 0, 4) for x in (heard_a.change, heard_a.low, heard_a.high)] == [
        -0.25,
        -0.4376,
        -0.0315,
    ]
    believed_a = comparison.changes[0].believed
    assert believed_a is not None
    assert [round(x or 0, 4) for x in (believed_a.change, believed_a.low, believed_a.high)] == [
        -0.1429,
        -0.4112,
        0.1728,
    ]
    assert [round(x or 0, 4) for x in (heard_b.change, heard_b.low, heard_b.high)] == [
        0.0,
        -0.1865,
        0.1865,
    ]

    headline = round_indicators(rounds=[diagnosis, follow_up])
    assert [(row.n, row.heard.count, row.believed.count) for row in headline] == [
        (40, 24, 12),
        (40, 14, 5),
    ]
    assert (round(headline[0].believed.low, 4), round(headline[0].believed.high, 4)) == (
        0.1807,
        0.4543,
    )


@pytest.mark.django_db
def test_a_diagnosis_needs_rumours_and_a_follow_up_its_own_city(ar: dict[str, Any]) -> None:
    with pytest.raises(AntirumoursError, match="register"):
        survey_round_create(
            place_id=ar["reggio"].pk + 1000, kind=SurveyRoundKind.DIAGNOSIS, title="Empty"
        )
    diagnosis = survey_round_create(
        place_id=ar["bilbao"].pk, kind=SurveyRoundKind.DIAGNOSIS, title="D"
    )
    with pytest.raises(AntirumoursError, match="same city"):
        survey_round_create(
            place_id=ar["reggio"].pk,
            kind=SurveyRoundKind.FOLLOW_UP,
            title="F",
            baseline=diagnosis,
        )
