"""Skip logic, constraints and choice filters of a whole form, evaluated on the server.

Rules held here:

- An empty ``relevant`` means always relevant; an empty ``constraint`` always holds; an empty
  ``choice_filter`` keeps every choice.
- What the server cannot compute (``Unevaluable``: the clock, repeats, other instances…) is
  read in the respondent's favour: the question is shown, the constraint holds, the choice is
  kept. ``form_read`` has warned about such expressions.
- A question is visible when every enclosing block is relevant and its own ``relevant`` holds.
- Forms are walked in order; once a question is found not visible its answer counts as empty
  for every later expression, as ODK clients do when they clear non-relevant answers.
- A constraint is not checked on an empty answer (``None``, ``""`` or an empty list): whether
  an answer is needed is the job of ``required``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Protocol, TypeVar

from icc.xlsform.xpath.nodes import Expr, Unevaluable, to_bool
from icc.xlsform.xpath.parser import parse

if TYPE_CHECKING:
    from icc.xlsform.model import Choice, Form, Question


def is_relevant(expression: str | Expr, values: Mapping[str, object]) -> bool:
    """Whether a ``relevant`` expression holds for these answers (empty text: always)."""
    if isinstance(expression, str):
        if not expression.strip():
            return True
        expression = parse(expression)
    try:
        return to_bool(expression.evaluate(values))
    except Unevaluable:
        return True


def is_empty(value: object) -> bool:
    """Whether an answer counts as not given."""
    return value is None or value == "" or (isinstance(value, list | tuple) and not value)


def expression_holds(expression: str, value: object, values: Mapping[str, object]) -> bool:
    """Whether a ``constraint`` expression holds for ``value`` (``.``); see the rules above."""
    if not expression.strip() or is_empty(value):
        return True
    try:
        return to_bool(parse(expression).evaluate(values, current=value))
    except Unevaluable:
        return True


def constraint_ok(question: Question, value: object, values: Mapping[str, object]) -> bool:
    """Whether ``value`` satisfies the question's ``constraint`` (``.`` is ``value``)."""
    return expression_holds(question.constraint, value, values)


class BlockRelevance:
    """Memoised relevance of nested blocks: ``blocks`` maps a name to (parent, relevant)."""

    def __init__(self, blocks: Mapping[str, tuple[str, str]], values: Mapping[str, object]) -> None:
        self.blocks = blocks
        self.values = values
        self.known: dict[str, bool] = {}

    def relevant(self, name: str) -> bool:
        chain: list[str] = []
        while name and name not in self.known and name in self.blocks:
            if name in chain:
                raise ValueError(
                    f"Group {name!r} is inside itself through its parents; fix the groups."
                )
            chain.append(name)
            name = self.blocks[name][0]
        state = self.known.get(name, True)
        for block in reversed(chain):
            state = state and is_relevant(self.blocks[block][1], self.values)
            self.known[block] = state
        return state


def visible_in_order(
    blocks: Mapping[str, tuple[str, str]],
    questions: Iterable[tuple[str, str, str]],
    values: Mapping[str, object],
) -> list[str]:
    """Names of the visible questions among (name, innermost block, relevant), in order."""
    effective = dict(values)
    relevance = BlockRelevance(blocks, effective)
    visible: list[str] = []
    for name, block, relevant in questions:
        if relevance.relevant(block) and is_relevant(relevant, effective):
            visible.append(name)
        else:
            effective[name] = None
    return visible


def visible_questions(form: Form, values: Mapping[str, object]) -> list[str]:
    """Names of the questions shown for these answers, in form order (see the rules above)."""
    blocks = {group.name: (group.parent, group.relevant) for group in form.groups}
    return visible_in_order(blocks, ((q.name, q.group, q.relevant) for q in form.questions), values)


class FilterableChoice(Protocol):
    """What a choice filter reads of a choice, whichever module keeps the choice: its ``name``,
    its ``labels`` and its other columns (``extra``: ``{column: text}``)."""

    @property
    def name(self) -> str: ...
    @property
    def labels(self) -> Mapping[str, str]: ...
    @property
    def extra(self) -> Mapping[str, object]: ...


C = TypeVar("C", bound=FilterableChoice)


def choices_offered(
    choice_filter: str, values: Mapping[str, object], choices: Iterable[C]
) -> list[C]:
    """The choices a ``choice_filter`` keeps for these answers, in order (an empty filter keeps
    all). Bare names are the choice's columns (``name``, ``label`` and its other columns);
    ``${name}`` is an answer. Each module's pages and checks call this one function."""
    options = list(choices)
    if not choice_filter.strip():
        return options
    tree = parse(choice_filter)
    kept: list[C] = []
    for choice in options:
        item: dict[str, object] = {"name": choice.name, **choice.extra}
        item.setdefault("label", next(iter(choice.labels.values()), ""))
        try:
            if to_bool(tree.evaluate(values, item=item)):
                kept.append(choice)
        except Unevaluable:
            kept.append(choice)
    return kept


def choices_filtered(
    question: Question, values: Mapping[str, object], choices: Iterable[Choice] | None = None
) -> list[Choice]:
    """The choices of an engine ``Question`` its ``choice_filter`` keeps for these answers
    (``choices_offered`` on the question's own choices, or on ``choices``)."""
    return choices_offered(
        question.choice_filter, values, question.choices if choices is None else choices
    )
