"""Cells of a table: what a spreadsheet would run as a formula, made inert; cells read as text.

Pure: no Django, no I/O.

Rules (after OWASP "CSV Injection"):
1. A *string* that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written
   with a single quote in front (``=SUM(A1)`` → ``'=SUM(A1)``), in CSV and XLSX alike. This
   includes strings that look like numbers or phone numbers (``"-5"``, ``"+33 1 23"``): a
   spreadsheet would evaluate them (``-2+3`` shows 1), and we cannot tell an innocent one from a
   crafted one. Numbers that are numbers (``int``, ``float``, ``Decimal``) are never touched, so
   negative numbers stay numbers.
2. A string that already starts with a quote also gets one more (``'x`` → ``''x``), so that
   ``cell_unescape`` undoes ``cell_safe`` exactly: an export read back gives what was stored.
3. ``None`` is an empty cell; booleans, dates and times stay what they are.
"""

import datetime as dt
from decimal import Decimal
from typing import Final

Cell = str | int | float | Decimal | bool | dt.date | dt.datetime | dt.time | None
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED_STARTS: Final = (*FORMULA_STARTS, "'")


def cell_safe(value: Cell) -> Cell:
    """``value`` as it may go into a spreadsheet: strings a spreadsheet would evaluate get a
    leading quote (rules 1 and 2); every other value is returned unchanged."""
    if isinstance(value, str) and value.startswith(_ESCAPED_STARTS):
        return "'" + value
    return value


def cell_unescape(text: str) -> str:
    """The inverse of ``cell_safe`` for a string read from a file: one leading quote before a
    formula character (or another quote) is removed; any other text is returned unchanged."""
    if text.startswith("'") and text[1:2] and text[1:].startswith(_ESCAPED_STARTS):
        return text[1:]
    return text


def cell_text(value: object) -> str:
    """A cell read from a workbook, as the text a person would have typed: empty for ``None``,
    yes/no for booleans, whole floats without ``.0``, dates in ISO 8601."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)
