"""Template helpers of the index pages."""

from typing import Any

from django import template

from icc.index.models import pick

register = template.Library()


@register.simple_tag
def choice_label(choice: dict[str, Any]) -> str:
    """A stored choice's label in the active language."""
    return pick(choice.get("labels", {})) or str(choice.get("name", ""))
