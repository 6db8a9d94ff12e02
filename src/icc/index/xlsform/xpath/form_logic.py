"""Skip logic and constraints of a whole form, evaluated on the server.

Rules held here:

- An empty ``relevant`` means always relevant; an empty ``constraint`` always holds.
- A question is visible when every enclosing group is relevant and its own ``relevant`` holds.
- Forms are walked in order; once a question is found not visible its answer counts as empty
  for every later expression (so a question relevant on an irrelevant one sees it as
  unanswered), as ODK clients do when they clear non-relevant answers on submission.
- A group's relevance is decided when the first question inside it is reached.
- A constraint is not checked on an empty answer (``None``, ``""`` or an empty list): whether
  an answer is needed is the job of ``required``.
"""

from __future__ import annotations

from collections.abc import Mapping

from icc.index.xlsform.model import Form, Group, Question
from icc.index.xlsform.xpath.nodes import Expr, to_bool
from icc.index.xlsform.xpath.parser import parse


def is_relevant(expression: str | Expr, values: Mapping[str, object]) -> bool:
    """Whether a ``relevant`` expression holds for these answers (empty text: always)."""
    if isinstance(expression, str):
        if not expression.strip():
            return True
        expression = parse(expression)
    return to_bool(expression.evaluate(values))


def _is_empty(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, list | tuple) and not value)


def constraint_ok(question: Question, value: object, values: Mapping[str, object]) -> bool:
    """Whether ``value`` satisfies the question's ``constraint`` (``.`` is ``value``)."""
    if not question.constraint.strip() or _is_empty(value):
        return True
    return to_bool(parse(question.constraint).evaluate(values, current=value))


class _GroupRelevance:
    """Memoised relevance of groups, their parents included."""

    def __init__(self, groups: tuple[Group, ...], values: Mapping[str, object]) -> None:
        self.groups = {group.code: group for group in groups}
        self.values = values
        self.known: dict[str, bool] = {}

    def relevant(self, code: str) -> bool:
        chain: list[Group] = []
        while code and code not in self.known and code in self.groups:
            group = self.groups[code]
            if group in chain:
                raise ValueError(
                    f"Group {code!r} is inside itself through its parents; fix the groups' "
                    "parent codes."
                )
            chain.append(group)
            code = group.parent
        state = self.known.get(code, True)
        for group in reversed(chain):
            state = state and is_relevant(group.relevant, self.values)
            self.known[group.code] = state
        return state


def visible_questions(form: Form, values: Mapping[str, object]) -> list[str]:
    """Codes of the questions shown for these answers, in form order (see the rules above)."""
    effective = dict(values)
    groups = _GroupRelevance(form.groups, effective)
    visible: list[str] = []
    for question in form.questions:
        if groups.relevant(question.group) and is_relevant(question.relevant, effective):
            visible.append(question.code)
        else:
            effective[question.code] = None
    return visible
