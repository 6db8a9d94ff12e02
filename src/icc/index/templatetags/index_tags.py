"""Template helpers of the index pages."""

from typing import Any

from django import template
from django.utils.formats import localize

from icc.index.labels import STATE_LABELS
from icc.index.models import Question, pick
from icc.index.workflow import State

register = template.Library()


@register.simple_tag
def choice_label(choice: dict[str, Any]) -> str:
    """A stored choice's label in the active language."""
    return pick(choice.get("labels", {})) or str(choice.get("name", ""))


@register.filter
def answer_text(value: Any, question: Question) -> str:
    """A stored answer in words: the labels of the chosen options (never their codes), numbers
    in the language's format, "—" when unanswered."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(question.choice_label(str(v)) for v in value)
    if question.choices and isinstance(value, str):
        return question.choice_label(value)
    if isinstance(value, int | float):
        return str(localize(value))
    return str(value)


@register.filter
def state_label(value: str) -> str:
    """A workflow state's translated label ("In review"), the code if unknown."""
    try:
        return str(STATE_LABELS[State(value)])
    except ValueError:
        return value
