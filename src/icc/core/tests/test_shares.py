"""Shares read the same way on every results page (surveys, anti-rumours rounds), in the
reader's language."""

from django.template import Context, Template
from django.utils import translation


def _render(text: str, **context: object) -> str:
    return Template("{% load shares %}" + text).render(Context(context))


def test_a_share_is_a_percentage_with_the_locales_separator():
    with translation.override("en"):
        assert _render("{{ v|percent }} {{ v|percent:1 }}", v=0.3079) == "31 % 30.8 %"
    with translation.override("fr"):
        assert _render("{{ v|percent:1 }}", v=0.3079) == "30,8 %"


def test_a_change_is_signed_percentage_points():
    with translation.override("en"):
        assert _render("{{ v|share_points }}", v=-0.25) == "−25 pts"
        assert _render("{{ v|share_points:1 }}", v=0.2) == "+20.0 pts"
        assert _render("{{ v|share_points }}", v=0.001) == "0 pts"
    with translation.override("fr"):
        assert _render("{{ v|share_points:1 }}", v=0.123) == "+12,3 pts"


def test_a_hidden_cell_shows_nothing():
    assert _render("[{{ v|percent }}][{{ v|share_points }}]", v=None) == "[][]"
