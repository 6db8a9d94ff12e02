"""The XPath functions the evaluator knows, with their arity, as a data table.

Rules held here:

- A function with zero arguments where one is allowed (``string-length()``, ``number()``,
  ``string()``) works on the current answer ``.``, as in XPath.
- ``selected(${q}, 'x')`` is true when ``x`` is one of the space-separated names of ``q``;
  ``count-selected(${q})`` counts those names.
- ``regex(text, pattern)`` runs with the ``regex`` module under a time limit, on at most
  ``REGEX_MAX_TEXT`` characters; a pattern that is not valid, or that runs out of time, makes
  the expression false (so a constraint refuses the answer), never a crash.
- ``ODK_ONLY`` lists the rest of the ODK XForms function set: functions that read the clock,
  the device, repeats or other records (``today()``, ``position()``, ``pulldata()``,
  ``jr:choice-name()``…). They parse (ODK accepts them) but are not computed on the server:
  calling one raises ``Unevaluable``. A function in neither table is not ODK's: the
  expression is refused, as ODK Validate refuses it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import regex

from icc.xlsform.xpath.nodes import (
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


_TABLE: tuple[Function, ...] = (
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

REGEX_MAX_TEXT = 2000
REGEX_TIMEOUT_S = 0.05


def _regex(values: list[Value], _context: Context) -> Value:
    text, pattern = to_text(values[0])[:REGEX_MAX_TEXT], to_text(values[1])
    try:
        return regex.search(pattern, text, timeout=REGEX_TIMEOUT_S) is not None
    except (regex.error, TimeoutError):
        return False


def _substr(values: list[Value], _context: Context) -> Value:
    text = to_text(values[0])
    start = max(0, int(_int(values[1]))) if math.isfinite(to_number(values[1])) else 0
    if len(values) < 3:
        return text[start:]
    end = to_number(values[2])
    return text[start : int(end)] if math.isfinite(end) else text[start:]


def _selected_at(values: list[Value], _context: Context) -> Value:
    names = to_text(values[0]).split()
    index = _int(values[1])
    return names[int(index)] if math.isfinite(index) and 0 <= index < len(names) else ""


def _translate(values: list[Value], _context: Context) -> Value:
    text, source, target = (to_text(v) for v in values)
    table = {ord(c): (target[i] if i < len(target) else None) for i, c in enumerate(source)}
    return text.translate(table)


def _round(values: list[Value], _context: Context) -> Value:
    number = to_number(values[0])
    places = int(_int(values[1])) if len(values) > 1 else 0
    if not math.isfinite(number):
        return number
    factor = 10.0**places
    return math.floor(number * factor + 0.5) / factor


def _numbers(compute: Callable[[list[float]], float]) -> Implementation:
    return lambda values, _context: compute([to_number(v) for v in values])


def _math(compute: Callable[[float], float]) -> Implementation:
    def run(values: list[Value], _context: Context) -> Value:
        try:
            return compute(to_number(values[0]))
        except (ValueError, OverflowError):
            return math.nan

    return run


def _pow(values: list[Value], _context: Context) -> Value:
    try:
        return math.pow(to_number(values[0]), to_number(values[1]))
    except (ValueError, OverflowError):
        return math.nan


_TABLE += (
    Function("regex", 2, 2, _regex, "regex(., '^[0-9]{5}$')"),
    Function("substr", 2, 3, _substr, "substr(${q}, 0, 3)"),
    Function(
        "substring-before",
        2,
        2,
        _texts(lambda a, b: a.split(b, 1)[0] if b in a else ""),
        "substring-before(${q}, ' ')",
    ),
    Function(
        "substring-after",
        2,
        2,
        _texts(lambda a, b: a.split(b, 1)[1] if b in a else ""),
        "substring-after(${q}, ' ')",
    ),
    Function("translate", 3, 3, _translate, "translate(${q}, 'abc', 'ABC')"),
    Function(
        "normalize-space",
        0,
        1,
        _unary(lambda v: " ".join(to_text(v).split())),
        "normalize-space(.)",
    ),
    Function("selected-at", 2, 2, _selected_at, "selected-at(${q}, 0)"),
    Function(
        "boolean-from-string",
        1,
        1,
        _unary(lambda v: to_text(v).strip().lower() in {"true", "1"}),
        "boolean-from-string(${q})",
    ),
    Function(
        "join",
        1,
        None,
        lambda values, _context: to_text(values[0]).join(to_text(v) for v in values[1:]),
        "join(' ', ${a}, ${b})",
    ),
    Function("floor", 1, 1, _math(math.floor), "floor(${q})"),
    Function("ceiling", 1, 1, _math(math.ceil), "ceiling(${q})"),
    Function("round", 1, 2, _round, "round(${q}, 2)"),
    Function("abs", 1, 1, _math(abs), "abs(${q})"),
    Function("sqrt", 1, 1, _math(math.sqrt), "sqrt(${q})"),
    Function("exp", 1, 1, _math(math.exp), "exp(${q})"),
    Function("exp10", 1, 1, _math(lambda x: math.pow(10, x)), "exp10(${q})"),
    Function("log", 1, 1, _math(math.log), "log(${q})"),
    Function("log10", 1, 1, _math(math.log10), "log10(${q})"),
    Function("sin", 1, 1, _math(math.sin), "sin(${q})"),
    Function("cos", 1, 1, _math(math.cos), "cos(${q})"),
    Function("tan", 1, 1, _math(math.tan), "tan(${q})"),
    Function("asin", 1, 1, _math(math.asin), "asin(${q})"),
    Function("acos", 1, 1, _math(math.acos), "acos(${q})"),
    Function("atan", 1, 1, _math(math.atan), "atan(${q})"),
    Function("atan2", 2, 2, _numbers(lambda n: math.atan2(n[0], n[1])), "atan2(${y}, ${x})"),
    Function("pow", 2, 2, _pow, "pow(${q}, 2)"),
    Function("pi", 0, 0, lambda _values, _context: math.pi, "pi()"),
    Function("max", 2, None, _numbers(max), "max(${a}, ${b})"),
    Function("min", 2, None, _numbers(min), "min(${a}, ${b})"),
)

FUNCTIONS: dict[str, Function] = {function.name: function for function in _TABLE}

# The rest of the ODK XForms function set: accepted, not computed on the server. ``max`` and
# ``min`` of one node-set (a repeat) are here too, through their one-argument form.
ODK_ONLY: frozenset[str] = frozenset(
    {
        "today", "now", "date", "date-time", "decimal-date-time", "decimal-time",
        "format-date", "format-date-time", "position", "last", "count", "sum",
        "count-non-empty", "indexed-repeat", "instance", "current", "pulldata",
        "jr:choice-name", "jr:itext", "random", "randomize", "uuid", "once", "digest",
        "base64-decode", "area", "distance", "geofence", "checklist", "weighted-checklist",
        "encrypt-string", "extract-signed", "local-name", "name", "namespace-uri",
        "version", "property", "id", "lang",
    }
)  # fmt: skip

SUPPORTED = (
    "${name} references to other questions, paths, '.' for the answer being checked, quoted "
    "text, numbers, parentheses, the operators = != < <= > >= + - * div mod and or, and the "
    "ODK functions " + ", ".join(f"{name}()" for name in [*FUNCTIONS, *sorted(ODK_ONLY)])
)
