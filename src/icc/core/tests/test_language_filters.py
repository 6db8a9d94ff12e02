"""Language names in pages: on their own they keep Django's capital; inside a phrase or between
parentheses French writes them in lower case (« Rapport (anglais) »)."""

import pytest
from django.template import Context, Template
from django.utils import translation

from icc.events.templatetags.events_tags import languages_text

TEMPLATE = Template("{% load languages %}{{ code|language_name }} | ({{ code|language_in_text }})")


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "English | (English)"), ("fr", "Anglais | (anglais)"), ("de", "Englisch | (Englisch)")],
)
def test_a_language_named_alone_and_inside_a_phrase(language: str, expected: str) -> None:
    with translation.override(language):
        assert TEMPLATE.render(Context({"code": "en"})) == expected


def test_an_events_working_languages_read_as_a_phrase() -> None:
    with translation.override("fr"):
        assert languages_text(["en", "es", "eu"]) == "Anglais, espagnol et basque"
    with translation.override("en"):
        assert languages_text(["en", "es", "eu"]) == "English, Spanish and Basque"
