"""The current language, computed in one place (``icc.language``)."""

import pytest
from django.utils import translation

from icc.language import content_language, current_language, interface_language, language_base

CASES = [
    # (active language, interface language, content language)
    ("en", "en", "en"),
    ("fr", "fr", "fr"),
    ("fr-ch", "fr", "fr"),  # a regional variant is its base language
    ("FR-be", "fr", "fr"),
    ("en-gb", "en", "en"),
    ("de", "en", "de"),  # content speaks German, the interface falls back to English
    ("pt-br", "en", "pt"),
    ("nl", "en", "en"),  # unknown everywhere: the defaults
]


@pytest.mark.parametrize(("active", "interface", "content"), CASES)
def test_current_and_content_language(active, interface, content):
    with translation.override(active):
        assert current_language() == interface
        assert content_language() == content


def test_without_an_active_language_the_defaults_apply():
    with translation.override(None):
        assert current_language() == "en"
        assert content_language() == "en"


@pytest.mark.parametrize(
    ("code", "base"), [("fr-CH", "fr"), ("en_GB", "en"), (" uk ", "uk"), ("", ""), (None, "")]
)
def test_language_base(code, base):
    assert language_base(code) == base


def test_interface_language_of_a_requested_code():
    assert interface_language("fr-CA") == "fr"
    assert interface_language("xx") == "en"
