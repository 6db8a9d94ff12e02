"""Fixtures of the surveys tests: a perception survey of Bilbao, open."""

from typing import Any

import pytest

from icc.surveys.models import Survey
from icc.surveys.services import survey_create, survey_open
from icc.surveys.tests.forms import perception_form


def survey_make(place_id: int, content: bytes | None = None, title: str = "Perceptions") -> Survey:
    """A draft survey of ``place_id`` from ``content`` (the perception form by default)."""
    return survey_create(
        place_id=place_id,
        title=title,
        xlsform_file=perception_form() if content is None else content,
        filename="form.xlsx",
        purpose="antirumours-diagnosis",
        created_by=None,
    )


@pytest.fixture
def survey(directory: dict[str, Any]) -> Survey:
    return survey_open(survey=survey_make(directory["bilbao"].pk, title="Perceptions 2026"))
