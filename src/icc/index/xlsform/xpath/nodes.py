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


@dataclass(frozen=True)
class Context:
    """What an expression sees: the answers by question name and the current answer (``.``)."""

    values: Mapping[str, object]
    current: object


class Expr:
    """A parsed expression. Build one with ``parse``; evaluate it as often as needed."""

    def evaluate(self, values: Mapping[str, object], current: object = None) -> Value:
        """The value of the expression for these answers; ``current`` is what ``.`` means."""
        return self.eval_in(Context(values, current))

    @property
    def references(self) -> frozenset[str]:
        """The question names the expression refers to as ``${name}``."""
        found: frozenset[str] = frozenset()
        for child in self.children():
            found |= child.references
        return found

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

    def eval_in(self, context: Context) -> Value:
        return self.implementation(
            [argument.eval_in(context) for argument in self.arguments], context
        )

    def children(self) -> tuple[Expr, ...]:
        return self.arguments
