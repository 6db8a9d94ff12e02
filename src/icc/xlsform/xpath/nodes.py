"""Expression trees and their evaluation, with the XPath 1.0 / JavaRosa conversion rules.

Rules held here:

- A value is ``bool``, ``float`` or ``str``. An answer is read as: ``None`` → ``""``; a number
  → float; a list (``select_multiple``) → its names joined by spaces; a date → ISO text;
  anything else → its text. An unanswered question is therefore the empty string.
- ``=`` and ``!=``: if either side is a boolean both are compared as booleans; else if either
  is a number both are compared as numbers; else as text. ``< <= > >=`` compare numbers.
- Text that is not a number converts to NaN, and every comparison with NaN is false except
  ``!=``. So ``${age} >= 18`` is false while ``age`` is unanswered.
- Booleans: a number is true unless 0 or NaN; text is true unless empty.
- ``div`` by zero gives ±Infinity (or NaN for 0 div 0); ``mod`` truncates, like ``fmod``.
- Paths (``/data/group/q``, ``../q``, ``current()/../q``) name the question of their last step:
  answers are stored by name, so the steps before it change nothing. In a ``choice_filter``
  a bare name (``country``) is a column of the choice being filtered.
- What cannot be computed on the server (the clock, the device, other records, repeats,
  predicates, secondary instances) raises ``Unevaluable``; callers decide what that means
  (a relevant shows the question, a constraint holds). ``Expr.unevaluated`` names it.
"""

from __future__ import annotations

import datetime
import decimal
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

Value = bool | float | str

_NUMBER = re.compile(r"^\s*-?(?:\d+(?:\.\d*)?|\.\d+)\s*$")


def answer_value(answer: object) -> Value:
    """An answer as an expression value (see the rules above)."""
    if answer is None:
        return ""
    if isinstance(answer, bool | str):
        return answer
    if isinstance(answer, int | float | decimal.Decimal):
        return float(answer)
    if isinstance(answer, list | tuple | set | frozenset):
        return " ".join(str(item) for item in answer)
    if isinstance(answer, datetime.date | datetime.time):
        return answer.isoformat()
    return str(answer)


def to_number(value: Value) -> float:
    """XPath ``number()``: booleans 1/0, numeric text its number, other text NaN."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, float):
        return value
    return float(value) if _NUMBER.match(value) else math.nan


def to_bool(value: Value) -> bool:
    """XPath ``boolean()``: 0, NaN and empty text are false."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return not (value == 0 or math.isnan(value))
    return value != ""


def to_text(value: Value) -> str:
    """XPath ``string()``: ``true``/``false``; whole numbers without decimals; ``NaN``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return str(int(value)) if value.is_integer() else repr(value)
    return value


class Unevaluable(Exception):
    """The expression uses something the server cannot compute (see the rules above)."""


@dataclass(frozen=True)
class Context:
    """What an expression sees: the answers by question name, the current answer (``.``) and,
    in a ``choice_filter``, the columns of the choice being filtered."""

    values: Mapping[str, object]
    current: object
    item: Mapping[str, object] | None = None


class Expr:
    """A parsed expression. Build one with ``parse``; evaluate it as often as needed."""

    def evaluate(
        self,
        values: Mapping[str, object],
        current: object = None,
        item: Mapping[str, object] | None = None,
    ) -> Value:
        """The value of the expression for these answers; ``current`` is what ``.`` means and
        ``item`` the choice a ``choice_filter`` is filtering. Raises ``Unevaluable``."""
        return self.eval_in(Context(values, current, item))

    @property
    def references(self) -> frozenset[str]:
        """The question names the expression refers to as ``${name}``."""
        return frozenset().union(*(child.references for child in self.children()))

    @property
    def unevaluated(self) -> frozenset[str]:
        """What the server does not compute in this expression (empty: all of it)."""
        return frozenset().union(*(child.unevaluated for child in self.children()))

    def eval_in(self, context: Context) -> Value:
        raise NotImplementedError

    def children(self) -> tuple[Expr, ...]:
        return ()


@dataclass(frozen=True)
class Literal(Expr):
    value: Value

    def eval_in(self, context: Context) -> Value:
        return self.value


@dataclass(frozen=True)
class Reference(Expr):
    name: str

    def eval_in(self, context: Context) -> Value:
        return answer_value(context.values.get(self.name))

    @property
    def references(self) -> frozenset[str]:
        return frozenset({self.name})


@dataclass(frozen=True)
class LastSaved(Expr):
    """``${last-saved#name}``: the answer of the device's last saved record, not on a server."""

    name: str

    def eval_in(self, context: Context) -> Value:
        raise Unevaluable("${last-saved#…}")

    @property
    def unevaluated(self) -> frozenset[str]:
        return frozenset({"${last-saved#…}"})


@dataclass(frozen=True)
class Current(Expr):
    def eval_in(self, context: Context) -> Value:
        return answer_value(context.current)


@dataclass(frozen=True)
class Negate(Expr):
    operand: Expr

    def eval_in(self, context: Context) -> Value:
        return -to_number(self.operand.eval_in(context))

    def children(self) -> tuple[Expr, ...]:
        return (self.operand,)


def _equal(left: Value, right: Value) -> bool:
    if isinstance(left, bool) or isinstance(right, bool):
        return to_bool(left) == to_bool(right)
    if isinstance(left, float) or isinstance(right, float):
        return to_number(left) == to_number(right)
    return left == right


def _divide(left: float, right: float) -> float:
    if right == 0:
        if left == 0 or math.isnan(left):
            return math.nan
        return math.copysign(math.inf, left) * math.copysign(1.0, right)
    return left / right


def _modulo(left: float, right: float) -> float:
    return math.nan if right == 0 else math.fmod(left, right)


_NUMERIC: dict[str, Callable[[float, float], Value]] = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "div": _divide,
    "mod": _modulo,
}


@dataclass(frozen=True)
class Binary(Expr):
    operator: str
    left: Expr
    right: Expr

    def eval_in(self, context: Context) -> Value:
        if self.operator == "and":
            return to_bool(self.left.eval_in(context)) and to_bool(self.right.eval_in(context))
        if self.operator == "or":
            return to_bool(self.left.eval_in(context)) or to_bool(self.right.eval_in(context))
        left, right = self.left.eval_in(context), self.right.eval_in(context)
        if self.operator == "=":
            return _equal(left, right)
        if self.operator == "!=":
            return not _equal(left, right)
        return _NUMERIC[self.operator](to_number(left), to_number(right))

    def children(self) -> tuple[Expr, ...]:
        return (self.left, self.right)


Implementation = Callable[[list[Value], Context], Value]


@dataclass(frozen=True)
class Call(Expr):
    function: str
    arguments: tuple[Expr, ...]
    implementation: Implementation = field(compare=False, repr=False)

    evaluated: bool = field(default=True, compare=False, repr=False)

    def eval_in(self, context: Context) -> Value:
        if not self.evaluated:
            raise Unevaluable(f"{self.function}()")
        return self.implementation(
            [argument.eval_in(context) for argument in self.arguments], context
        )

    @property
    def unevaluated(self) -> frozenset[str]:
        found = super().unevaluated
        return found if self.evaluated else found | {f"{self.function}()"}

    def children(self) -> tuple[Expr, ...]:
        return self.arguments


@dataclass(frozen=True)
class Step:
    """One step of a path: a name (``q``, ``jr:x``), ``.``, ``..``, ``*`` or ``@attr``, with
    its predicates."""

    name: str
    predicates: tuple[Expr, ...] = ()


def _last_name(steps: tuple[Step, ...]) -> str | None:
    if not steps or steps[-1].predicates:
        return None
    name = steps[-1].name
    return None if name in {".", "..", "*"} or name.startswith("@") else name


@dataclass(frozen=True)
class Path(Expr):
    """A location path, absolute (``/data/q``) or relative (``../q``), maybe after a start
    expression (``current()/../q``, ``instance('x')/root/item``)."""

    steps: tuple[Step, ...]
    absolute: bool = False
    start: Expr | None = None

    @property
    def target(self) -> str | None:
        """The question name the path stands for, or None when the server cannot tell."""
        if self.start is not None and not (
            isinstance(self.start, Call) and self.start.function == "current"
        ):
            return None
        if any(step.predicates for step in self.steps):
            return None
        return _last_name(self.steps)

    def eval_in(self, context: Context) -> Value:
        name = self.target
        if name is None:
            raise Unevaluable(self.describe())
        if (
            context.item is not None
            and not self.absolute
            and self.start is None
            and len(self.steps) == 1
        ):
            return answer_value(context.item.get(name))
        return answer_value(context.values.get(name))

    def describe(self) -> str:
        return "paths into other instances or with predicates"

    @property
    def references(self) -> frozenset[str]:
        found = super().references
        name = self.target
        if name is not None and (self.absolute or self.start is not None or len(self.steps) > 1):
            found |= {name}
        return found

    @property
    def unevaluated(self) -> frozenset[str]:
        if self.target is not None:  # the start is current() and is never evaluated
            return frozenset()
        return super().unevaluated | {self.describe()}

    def children(self) -> tuple[Expr, ...]:
        start = (self.start,) if self.start is not None else ()
        return start + tuple(p for step in self.steps for p in step.predicates)


@dataclass(frozen=True)
class Union(Expr):
    """``a | b``: node-set unions, which the server does not compute."""

    left: Expr
    right: Expr

    def eval_in(self, context: Context) -> Value:
        raise Unevaluable("node-set unions (|)")

    @property
    def unevaluated(self) -> frozenset[str]:
        return super().unevaluated | {"node-set unions (|)"}

    def children(self) -> tuple[Expr, ...]:
        return (self.left, self.right)
