"""Fixtures of the surveys tests: a perception survey of Bilbao, open."""

from typing import Any

import pytest

from icc.surveys.models import Survey
from icc.surveys.services import survey_create, survey_open
from icc.surveys.tests.forms import perception_form


@pytest.fixture
def survey(directory: dict[str, Any]) -> Survey:
    created = survey_create(
        place_id=directory["bilbao"].pk,
        title="Perceptions 2026",
        xlsform_file=perception_form(),
        filename="perceptions.xlsx",
        purpose="test",
        created_by=None,
    )
    return survey_open(survey=created)
