"""The XPath functions the evaluator knows, with their arity, as a data table.

Rules held here:

- A function with zero arguments where one is allowed (``string-length()``, ``number()``,
  ``string()``) works on the current answer ``.``, as in XPath.
- ``selected(${q}, 'x')`` is true when ``x`` is one of the space-separated names of ``q``;
  ``count-selected(${q})`` counts those names.
- Functions that read the clock, the device or other records (``today()``, ``now()``,
  ``position()``, ``jr:choice-name()``, ``pulldata()``…) and ``regex()`` (whose patterns can
  take unbounded time) are deliberately absent.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from icc.index.xlsform.xpath.nodes import (
    Context,
    Implementation,
    Value,
    answer_value,
    to_bool,
    to_number,
    to_text,
)


@dataclass(frozen=True)
class Function:
    """One supported function: its name, how many arguments it takes, what it computes."""

    name: str
    min_args: int
    max_args: int | None
    run: Implementation
    usage: str


def _or_current(values: list[Value], context: Context) -> Value:
    return values[0] if values else answer_value(context.current)


def _unary(compute: Callable[[Value], Value]) -> Implementation:
    return lambda values, context: compute(_or_current(values, context))


def _texts(compute: Callable[[str, str], Value]) -> Implementation:
    return lambda values, _context: compute(to_text(values[0]), to_text(values[1]))


def _int(value: Value) -> float:
    number = to_number(value)
    return number if not math.isfinite(number) else float(math.trunc(number))


def _if(values: list[Value], _context: Context) -> Value:
    return values[1] if to_bool(values[0]) else values[2]


def _coalesce(values: list[Value], _context: Context) -> Value:
    return values[0] if to_text(values[0]) != "" else values[1]


_TABLE = (
    Function("not", 1, 1, _unary(lambda v: not to_bool(v)), "not(${q} = 'x')"),
    Function(
        "selected",
        2,
        2,
        _texts(lambda answer, name: name in answer.split()),
        "selected(${question}, 'choice')",
    ),
    Function(
        "count-selected",
        1,
        1,
        _unary(lambda v: float(len(to_text(v).split()))),
        "count-selected(${question})",
    ),
    Function("string-length", 0, 1, _unary(lambda v: float(len(to_text(v)))), "string-length(.)"),
    Function("true", 0, 0, lambda _values, _context: True, "true()"),
    Function("false", 0, 0, lambda _values, _context: False, "false()"),
    Function("boolean", 1, 1, _unary(to_bool), "boolean(${q})"),
    Function("number", 0, 1, _unary(to_number), "number(${q})"),
    Function("string", 0, 1, _unary(to_text), "string(${q})"),
    Function("int", 1, 1, _unary(_int), "int(${q})"),
    Function("contains", 2, 2, _texts(lambda a, b: b in a), "contains(${q}, 'text')"),
    Function(
        "starts-with", 2, 2, _texts(lambda a, b: a.startswith(b)), "starts-with(${q}, 'text')"
    ),
    Function("ends-with", 2, 2, _texts(lambda a, b: a.endswith(b)), "ends-with(${q}, 'text')"),
    Function(
        "concat",
        1,
        None,
        lambda values, _context: "".join(to_text(v) for v in values),
        "concat(${a}, ' ', ${b})",
    ),
    Function("coalesce", 2, 2, _coalesce, "coalesce(${a}, ${b})"),
    Function("if", 3, 3, _if, "if(${q} = 'x', 1, 0)"),
)

FUNCTIONS: dict[str, Function] = {function.name: function for function in _TABLE}

SUPPORTED = (
    "${name} references to other questions, '.' for the answer being checked, quoted text, "
    "numbers, parentheses, the operators = != < <= > >= + - * div mod and or, and the "
    "functions " + ", ".join(f"{name}()" for name in FUNCTIONS)
)
