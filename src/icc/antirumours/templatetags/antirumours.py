"""Labels for codes stored by the anti-rumours module: people read labels, not codes."""

from django import template
from django.utils.translation import gettext as _

from icc.antirumours.models import Format, RumourTheme

register = template.Library()


@register.filter
def theme_label(code: str) -> str:
    return str(dict(RumourTheme.choices).get(code, code))


@register.filter
def format_label(code: str) -> str:
    return str(dict(Format.choices).get(code, code))


@register.filter
def percent(value: float | None) -> str:
    """A share 0–1 as a whole percentage ("37 %"); empty for a hidden cell."""
    if value is None:
        return ""
    return f"{round(value * 100)} %"


@register.filter
def points(value: float | None) -> str:
    """A change of share (−1 to 1) in signed percentage points ("−25 pts")."""
    if value is None:
        return ""
    number = round(value * 100)
    sign = "+" if number > 0 else ("−" if number < 0 else "")
    return _("%(sign)s%(number)s pts") % {"sign": sign, "number": abs(number)}
