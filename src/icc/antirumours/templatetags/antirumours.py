"""Labels for codes stored by the anti-rumours module: people read labels, not codes."""

from django import template

from icc.antirumours.models import Format, RumourTheme

register = template.Library()


@register.filter
def theme_label(code: str) -> str:
    return str(dict(RumourTheme.choices).get(code, code))


@register.filter
def format_label(code: str) -> str:
    return str(dict(Format.choices).get(code, code))
