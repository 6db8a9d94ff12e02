"""The index's view of the XLSForm evaluator (``icc.xlsform.xpath``): skip logic, constraints
and choice filters over the index's own ``Form``, whose groups and questions are keyed by
``code``.

Rules held here:

- A question's ``choice_filter`` is evaluated by ``icc.xlsform``'s ``choices_offered`` (the
  one evaluator the surveys use too) on the answers of the questions shown now: an answer of a
  hidden question counts as empty, as in ODK clients.
- A chosen option the filter no longer keeps (an earlier answer changed) is *stale*: it is
  flagged, never kept as valid, and it counts as empty for the filters after it (as if ODK had
  cleared it). Only shown questions have stale answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from icc.index.xlsform.model import Form, Question
from icc.index.xlsform.points import answer_points, chosen_names
from icc.xlsform.xpath import (
    FUNCTIONS,
    SUPPORTED,
    Expr,
    Value,
    XPathError,
    choices_offered,
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
    "ChoiceOffer",
    "Expr",
    "Value",
    "XPathError",
    "answer_points",
    "choice_offers",
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


@dataclass(frozen=True)
class ChoiceOffer:
    """What a question with a choice filter offers for the answers so far: ``names``, the
    choices its filter keeps (in list order), and ``stale``, the chosen ones it no longer keeps."""

    names: tuple[str, ...]
    stale: tuple[str, ...] = ()


def choice_offers(form: Form, values: Mapping[str, object]) -> dict[str, ChoiceOffer]:
    """For each question of ``form`` with a ``choice_filter``, by code: what it offers for
    these answers (see the rules above)."""
    shown = set(visible_questions(form, values))
    effective: dict[str, object] = {code: values.get(code) for code in shown}
    offers: dict[str, ChoiceOffer] = {}
    for question in form.questions:
        if not question.choice_filter.strip():
            continue
        kept = choices_offered(question.choice_filter, effective, question.choices)
        names = tuple(choice.name for choice in kept)
        value = values.get(question.code) if question.code in shown else None
        if question.type == "select_one":
            chosen = [value] if isinstance(value, str) and value else []
        else:
            chosen = chosen_names(value) or []
        stale = tuple(name for name in chosen if name not in names)
        if stale:
            effective[question.code] = None
        offers[question.code] = ChoiceOffer(names, stale)
    return offers
