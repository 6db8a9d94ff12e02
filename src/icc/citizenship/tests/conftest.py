"""Citizenship fixtures: the test of ``content/test-v1.yaml`` published, and a way to answer it."""

from typing import Any

import pytest
from django.test import Client

from icc.citizenship.content import content_load
from icc.citizenship.models import ContentVersion, Option


@pytest.fixture
def version(db: Any) -> ContentVersion:
    """Version 1 of the test, published, as ``icc demo`` loads it."""
    loaded = content_load()
    assert loaded is not None
    return loaded


def option_at(version: ContentVersion, question_number: int, option_number: int) -> Option:
    """The ``option_number``-th option (1-based) of question ``question_number``."""
    question = version.questions.all()[question_number - 1]
    return question.options.all()[option_number - 1]


def take_test(client: Client, version: ContentVersion, choose: int = 1, lang: str = "en") -> Any:
    """Start in ``lang`` and answer every question with its ``choose``-th option; returns the
    last HTTP response (the redirect to the result page)."""
    response = client.post(f"/{lang}/citizenship/", {"language": lang, "city": ""})
    assert response.status_code == 302, response.content[:500]
    for number, question in enumerate(version.questions.all(), start=1):
        option = question.options.all()[choose - 1]
        response = client.post(f"/{lang}/citizenship/question/{number}/", {"option": option.pk})
        assert response.status_code == 302
    return response
