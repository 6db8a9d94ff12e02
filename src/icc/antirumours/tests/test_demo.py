"""The demo: two real cities, everything invented marked so, surveys with synthetic answers,
idempotent."""

from typing import Any

import pytest

from icc.antirumours.demo import antirumours_demo_load
from icc.antirumours.models import Agent, Campaign, Rumour, Strategy, SurveyRound
from icc.antirumours.results import round_compare
from icc.surveys.selectors import submissions_count


@pytest.mark.django_db
def test_demo_marks_everything_invented_and_runs_twice(directory: dict[str, Any]) -> None:
    first = antirumours_demo_load()
    assert len(first) == 2 and "220 new synthetic survey responses" in first[0]
    second = antirumours_demo_load()
    assert "0 new synthetic survey responses" in second[0]
    assert Strategy.objects.filter(is_demo=True, is_public=True).count() == 2
    assert not Rumour.objects.filter(is_demo=False).exists()
    assert set(Rumour.objects.values_list("language", flat=True)) == {"es", "en", "it"}
    assert Rumour.objects.filter(shared_at__isnull=False).count() == 4
    assert Agent.objects.count() == 7 and Campaign.objects.count() == 2
    rounds = SurveyRound.objects.filter(place=directory["bilbao"])
    assert [r.is_synthetic and "synthetic" in r.title for r in rounds] == [True, True]
    assert [submissions_count(survey_id=r.survey_id or 0) for r in rounds] == [120, 100]
    comparison = round_compare(follow_up=rounds.get(kind="follow_up"))
    assert not comparison.changes[0].heard.hidden  # the welfare rumour: heard less often
    assert (comparison.changes[0].heard.change or 0) < 0
