"""Template helpers of the index pages."""

from typing import Any

from django import template

from icc.index.labels import STATE_LABELS
from icc.index.models import Question, pick
from icc.index.workflow import State

register = template.Library()


@register.simple_tag
def choice_label(choice: dict[str, Any]) -> str:
    """A stored choice's label in the active language."""
    return pick(choice.get("labels", {})) or str(choice.get("name", ""))


@register.simple_tag
def answer_text(value: Any, question: Question, other: str = "") -> str:
    """A stored answer in words (``Question.answer_words``): the labels of the chosen options,
    never their codes, with the text given for "Other"; "—" when unanswered."""
    return question.answer_words(value, other)


@register.filter
def state_label(value: str) -> str:
    """A workflow state's translated label ("In review"), the code if unknown."""
    try:
        return str(STATE_LABELS[State(value)])
    except ValueError:
        return value
