"""Checks of single values, shared by the workbook reader and the YAML source reader.

Each check returns the value read and an error sentence (None when the value is fine), so that
callers can attach the sentence to whatever location they know: a sheet, row and column for a
workbook, a path for the YAML source. ``Report`` collects the issues of one import.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection
from dataclasses import dataclass, field

from icc.index.xlsform.columns import cell_number, cell_text
from icc.index.xlsform.model import Issue, Level
from icc.index.xlsform.xpath import XPathError, parse

LEVELS: tuple[Level, ...] = ("core", "advanced")
_TRUE = {"yes", "true", "true()", "1"}
_FALSE = {"no", "false", "false()", "0", ""}


@dataclass
class Report:
    """The errors and warnings found so far while reading one workbook or source."""

    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)

    def error(self, sheet: str, row: int | None, column: str | None, message: str) -> None:
        self.errors.append(Issue(sheet, row, column, message))

    def warn(self, sheet: str, row: int | None, column: str | None, message: str) -> None:
        self.warnings.append(Issue(sheet, row, column, message))


def check_weight(value: object, what: str) -> tuple[float, str | None]:
    """A weight: empty means 1; otherwise a finite number above 0."""
    if value is None or cell_text(value) == "":
        return 1.0, None
    number = cell_number(value)
    if number is None or number <= 0:
        return 1.0, (
            f"The weight of {what} is {cell_text(value)!r}; a weight must be a number above 0 "
            "(1 is the usual weight), so correct it or leave the cell empty for 1."
        )
    return number, None


def check_level(value: object, what: str) -> tuple[Level, str | None]:
    """A level: empty means ``advanced``; otherwise ``core`` or ``advanced``."""
    text = cell_text(value).lower()
    if text == "":
        return "advanced", None
    for level in LEVELS:
        if text == level:
            return level, None
    return "advanced", (
        f"The level of {what} is {cell_text(value)!r}; write core (counted in the core and "
        "the advanced index) or advanced (advanced index only)."
    )


def check_points(value: object, what: str) -> tuple[float | None, str | None]:
    """Choice points: empty means none; otherwise a number from 0 to 100."""
    if value is None or cell_text(value) == "":
        return None, None
    number = cell_number(value)
    if number is None:
        return None, (
            f"The points of {what} are {cell_text(value)!r}, which is not a number; write a "
            "number from 0 to 100, or leave the cell empty for a choice that earns no score."
        )
    if not 0 <= number <= 100:
        return None, (
            f"The points of {what} are {cell_text(value)}, outside 0–100; write a number from "
            "0 (worst) to 100 (best)."
        )
    return number, None


def check_required(value: object) -> tuple[bool, bool]:
    """``required``: (required, understood). A condition is not understood: it reads False."""
    text = cell_text(value).strip().lower()
    if text in _TRUE:
        return True, True
    return False, text in _FALSE


def check_expression(expression: str, column: str, names: Collection[str]) -> str | None:
    """An error sentence when a relevant/constraint expression cannot be evaluated here."""
    if not expression.strip():
        return None
    try:
        tree = parse(expression)
    except XPathError as error:
        return (
            f"The {column} expression {expression!r} cannot be evaluated by the platform. {error}"
        )
    unknown = sorted(tree.references - set(names))
    if unknown:
        listed = ", ".join(f"${{{name}}}" for name in unknown)
        return (
            f"The {column} expression {expression!r} refers to {listed}, which is not the name "
            "of a question of this form; correct the name."
        )
    return None


def check_share(value: object, what: str) -> tuple[float, str | None]:
    """A share in (0, 1]; empty means 0.5."""
    if value is None or cell_text(value) == "":
        return 0.5, None
    number = cell_number(value)
    if number is None or not 0 < number <= 1:
        return 0.5, (
            f"{what} is {cell_text(value)!r}; it must be a share above 0 and at most 1 "
            "(e.g. 0.5 for half of the questions)."
        )
    return number, None


def check_edges(
    value: object, what: str, default: tuple[float, ...] | None
) -> tuple[tuple[float, ...] | None, str | None]:
    """Band edges written as numbers separated by spaces (or a single number); ``default``
    (None: not set) for an empty cell or with a problem."""
    if value is None or cell_text(value) == "":
        return default, None
    words = cell_text(value).replace(",", " ").replace(";", " ").split()
    numbers = [cell_number(word) for word in words]
    if any(number is None for number in numbers) or not numbers:
        return default, (
            f"{what} is {cell_text(value)!r}; write the band edges as numbers separated by "
            "spaces, smallest first, e.g. 100000 or 100000 500000."
        )
    edges = tuple(number for number in numbers if number is not None)
    if any(b <= a for a, b in itertools.pairwise(edges)) or any(
        not math.isfinite(edge) or edge <= 0 for edge in edges
    ):
        return default, (
            f"{what} is {cell_text(value)!r}; band edges must be positive and strictly "
            "increasing, smallest first."
        )
    return edges, None
