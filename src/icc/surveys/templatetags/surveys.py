"""Filters of the surveys' templates: shares and changes as percentages in the page's locale."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def percent(value: float | None) -> str:
    """0.3079 → "30.8 %" (one decimal, the locale's separator); "" for ``None``."""
    if value is None:
        return ""
    return f"{number_format(value * 100, 1)} %"


@register.filter
def points(value: float | None) -> str:
    """A change of share, 0.2 → "+20.0" (percentage points, signed); "" for ``None``."""
    if value is None:
        return ""
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return f"{sign}{number_format(abs(value) * 100, 1)}"
