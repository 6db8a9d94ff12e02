"""The observation form runs through the surveys module: a city fills it (or imports an
export), and the barometer reads the submissions as observations, once."""

import pytest

from icc.barometer.models import Observation
from icc.barometer.services import observation_survey_create, observations_from_surveys
from icc.surveys.services import submission_create, survey_open


@pytest.mark.django_db
def test_observations_submitted_through_the_form_become_observations(directory):
    place = directory["bilbao"]
    survey = observation_survey_create(place_id=place.pk)
    survey = survey_open(survey=survey)
    for interaction, diversity in (("positive", "mixed"), ("conflict", "same")):
        submission_create(
            survey=survey,
            answers={
                "location": "Plaza Nueva",
                "neighbourhood": "Casco Viejo",
                "observed_at": "2025-05-03T17:30:00",
                "people": "4",
                "diversity": diversity,
                "interaction": interaction,
                "duration": "12",
            },
        )
    assert observations_from_surveys(place_id=place.pk) == (2, 0)
    assert observations_from_surveys(place_id=place.pk) == (0, 0)
    mixed = Observation.objects.get(mixed=True)
    assert (mixed.interaction, mixed.people, mixed.duration_minutes) == ("positive", 4, 12)
    assert mixed.observed_at.date().isoformat() == "2025-05-03"
    assert mixed.neighbourhood == "Casco Viejo"
