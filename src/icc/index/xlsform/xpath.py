"""The index's view of the XLSForm evaluator (``icc.xlsform.xpath``): skip logic and
constraints over the index's own ``Form``, whose groups and questions are keyed by ``code``."""

from __future__ import annotations

from collections.abc import Mapping

from icc.index.xlsform.model import Form, Question
from icc.index.xlsform.points import answer_points
from icc.xlsform.xpath import (
    FUNCTIONS,
    SUPPORTED,
    Expr,
    Value,
    XPathError,
    expression_holds,
    is_relevant,
    parse,
    to_bool,
    to_number,
    to_text,
    visible_in_order,
)

__all__ = [
    "FUNCTIONS",
    "SUPPORTED",
    "Expr",
    "Value",
    "XPathError",
    "answer_points",
    "constraint_ok",
    "is_relevant",
    "parse",
    "to_bool",
    "to_number",
    "to_text",
    "visible_questions",
]


def constraint_ok(question: Question, value: object, values: Mapping[str, object]) -> bool:
    """Whether ``value`` satisfies the question's ``constraint`` (``.`` is ``value``)."""
    return expression_holds(question.constraint, value, values)


def visible_questions(form: Form, values: Mapping[str, object]) -> list[str]:
    """Codes of the questions shown for these answers, in form order."""
    blocks = {group.code: (group.parent, group.relevant) for group in form.groups}
    return visible_in_order(blocks, ((q.code, q.group, q.relevant) for q in form.questions), values)
