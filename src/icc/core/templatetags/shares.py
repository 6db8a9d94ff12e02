"""Shares and their changes as people read them, in the page's locale: one pair of filters for
every module that shows survey results (surveys, anti-rumours perception rounds)."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def percent(value: float | None, decimals: int = 0) -> str:
    """A share 0–1 as a percentage with ``decimals`` places and the locale's separator:
    0.3079 → "31 %", or "30.8 %" with ``percent:1``; "" for a hidden cell (``None``)."""
    if value is None:
        return ""
    # Rounded here: Django's number_format cuts the digits it does not show (30.79 → "30.7").
    return f"{number_format(round(value * 100, int(decimals)), int(decimals))} %"


@register.filter
def share_points(value: float | None, decimals: int = 0) -> str:
    """A change of share (−1 to 1) in signed percentage points: −0.25 → "−25 pts", or
    "+20.0 pts" with ``share_points:1``; "" for a hidden change (``None``)."""
    if value is None:
        return ""
    number = round(value * 100, int(decimals))
    sign = "+" if number > 0 else ("−" if number < 0 else "")
    return _("%(sign)s%(number)s pts") % {
        "sign": sign,
        "number": number_format(abs(number), int(decimals)),
    }
