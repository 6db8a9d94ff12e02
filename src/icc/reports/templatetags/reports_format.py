"""Formatting of chart tables and reports in the active language (Django's l10n formats)."""

from typing import Any

from django import template
from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe

from icc.reports.charts.chart import Column

register = template.Library()

MISSING = "—"
MINUS = "\u2212"


def format_cell(value: Any, kind: str) -> str:
    """A table cell as shown: scores and shares with one decimal, ranks and counts whole,
    populations grouped by thousands, in the active language; missing values as a dash."""
    if value is None or value == "":
        return MISSING
    if kind in {"score", "percent"}:
        return number_format(value, 1)
    if kind == "rank":
        return number_format(round(float(value)), 0)
    if kind == "int":
        return number_format(int(value), 0, force_grouping=True)
    return str(value)


@register.simple_tag
def cell(row: dict[str, Any], column: Column) -> str:
    """``{% cell row column %}``: the row's value in that column, formatted for its kind."""
    return format_cell(row.get(column.key), column.kind)


@register.filter
def score(value: float | None) -> str:
    """A score with one decimal (``72.4`` / ``72,4``), or a dash when missing."""
    return format_cell(value, "score")


@register.filter
def points(value: float | str | None) -> str:
    """Points of a question, whole (``50``), or a dash when missing."""
    return MISSING if value in (None, "") else number_format(round(float(value or 0)), 0)


@register.filter
def signed(value: float | str | None) -> str:
    """A change in points with its sign (``+3.2``, ``−1.5``, ``0.0``), or a dash (also for the
    empty string a template gives for a missing attribute)."""
    if value is None or value == "":
        return MISSING
    text = number_format(abs(float(value)), 1)
    if round(float(value), 1) > 0:
        return f"+{text}"
    if round(float(value), 1) < 0:
        return f"{MINUS}{text}"
    return text


@register.filter
def grouped(value: int | None) -> str:
    """A whole number with thousands grouped as the language does (``346,843`` / ``346 843``)."""
    return format_cell(value, "int")


_CSS_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": " ", "<": "\\3c ", ">": "\\3e ", "&": "\\26 "}


@register.filter(is_safe=True)
def css_string(value: str) -> SafeString:
    """Text as a CSS string literal for ``content:`` in a ``<style>`` element: quotes and
    backslashes escaped, and ``<``, ``>``, ``&`` as CSS escapes so that no text can close
    the element."""
    escaped = "".join(_CSS_ESCAPES.get(char, char) for char in str(value))
    return mark_safe(f'"{escaped}"')  # noqa: S308 - every character that matters is escaped
