"""pyxform's messages as located issues.

Rules held here:

- pyxform stops at its first error. Its message becomes an ``Issue``: ``[row : 5]`` gives the
  row; "On the 'choices' sheet" the sheet (survey otherwise); "the 'relevant' value" the
  column. Messages without a row are located through the question name or type they quote.
- Conversion warnings become warning issues, located the same way.
- ``OR_OTHER_LABELS`` is the text of pyxform's warning that the "other" choice and the
  "specify other" text of ``or_other`` get English labels: a module whose pages label both in
  the reader's language (the index) leaves it out of its own warnings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pyxform.validators.pyxform.translations_checks import (  # type: ignore[import-untyped]
    OR_OTHER_WARNING,
)

from icc.xlsform.model import Issue

_ROW = re.compile(r"^\s*\[row\s*:\s*(\d+)\]\s*", re.IGNORECASE)
_SHEET = re.compile(r"'(survey|choices|settings|entities|external_choices)' sheet", re.IGNORECASE)
_COLUMN = re.compile(r"the '([^']+)' (?:value|column)", re.IGNORECASE)
_UNKNOWN_TYPE = re.compile(r"Unknown question type '([^']+)'")
_NAMED = re.compile(r"(?:named|name) '([^']+)'")

Row = Mapping[str, object]
# Messages pyxform gives without a column (or a row): (pattern, row when none, column).
_KNOWN: tuple[tuple[re.Pattern[str], int | None, str], ...] = (
    (re.compile(r"required column headers were not found: '([^']+)'"), 1, ""),
    (re.compile(r"Duplicate column header: (.+?)\.?$"), 1, ""),
    (re.compile(r"with no name"), None, "name"),
    (re.compile(r"with no type"), None, "type"),
    (re.compile(r"Unmatched '(?:end|begin)[ _]\w+'"), None, "type"),
)


def sentence(message: str) -> str:
    """One line, ending with a full stop."""
    message = " ".join(message.split())
    return message if message.endswith((".", "!", "?", ")")) else message + "."


OR_OTHER_LABELS = sentence(OR_OTHER_WARNING)


def cell(row: Row, column: str) -> str:
    """A cell of a raw pyxform row by its header base (``type``, ``name``), as text."""
    for header, value in row.items():
        if header.strip().lower() == column and isinstance(value, str):
            return value.strip()
    return ""


def _locate(message: str, survey: Sequence[Row]) -> tuple[int | None, str | None]:
    unknown = _UNKNOWN_TYPE.search(message)
    if unknown:
        for index, row in enumerate(survey):
            if cell(row, "type") == unknown.group(1).strip():
                return index + 2, "type"
    named = _NAMED.search(message)
    if named:
        for index, row in enumerate(survey):
            if cell(row, "name") == named.group(1):
                return index + 2, "name"
    return None, None


def pyxform_issue(message: str, survey: Sequence[Row] = ()) -> Issue:
    """Translate one pyxform message into an ``Issue`` located as precisely as it allows."""
    row_match = _ROW.match(message)
    sheet_match = _SHEET.search(message)
    column_match = _COLUMN.search(message)
    sheet = sheet_match.group(1).lower() if sheet_match else "survey"
    row = int(row_match.group(1)) if row_match else None
    column = column_match.group(1) if column_match else None
    text = message[row_match.end() :] if row_match else message
    for pattern, header_row, known_column in _KNOWN:
        found = pattern.search(text)
        if found and column is None:
            column = known_column or found.group(1).strip()
            row = row if row is not None else header_row
    if row is None and sheet == "survey":
        row, located = _locate(text, survey)
        column = column or located
    return Issue(sheet, row, column, sentence(text.split("\n")[0]))
