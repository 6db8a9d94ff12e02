"""The standard part of a workbook, checked by pyxform (the XLSForm converter of ODK/Kobo).

Rules held here:

- The workbook is converted to an XForm with ``pyxform.xls2xform.convert`` (no Java, no ODK
  Validate): that runs ``workbook_to_json``, builds the survey and writes its XML, which is
  where pyxform finds every problem it knows about.
- pyxform stops at its first error. Its message becomes an ``Issue``: ``[row : 5]`` gives the
  row; "On the 'choices' sheet" the sheet (survey otherwise); "the 'relevant' value" the
  column. Messages without a row are located through the question name or type they quote.
- pyxform's conversion warnings become warning issues; so do Python warnings raised while it
  runs (openpyxl's style warnings excepted). Nothing reaches the ``warnings`` module's filters.
- pyxform crashing on unusual input (an exception other than ``PyXFormError``) is reported as
  an error issue rather than propagated: the platform must never crash on an upload.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence

from pyxform.errors import PyXFormError  # type: ignore[import-untyped]
from pyxform.xls2xform import convert  # type: ignore[import-untyped]

from icc.index.xlsform.model import Issue
from icc.index.xlsform.workbook import Sheet

_ROW = re.compile(r"^\s*\[row\s*:\s*(\d+)\]\s*", re.IGNORECASE)
_SHEET = re.compile(r"'(survey|choices|settings|entities|external_choices)' sheet", re.IGNORECASE)
_COLUMN = re.compile(r"the '([^']+)' (?:value|column)", re.IGNORECASE)
_UNKNOWN_TYPE = re.compile(r"Unknown question type '([^']+)'")
_NAMED = re.compile(r"(?:named|name) '([^']+)'")


def _sentence(message: str) -> str:
    message = " ".join(message.split())
    return message if message.endswith((".", "!", "?")) else message + "."


def _locate(message: str, survey: Sheet | None) -> tuple[int | None, str | None]:
    """Find the survey row a row-less pyxform message is about, through what it quotes."""
    if survey is None:
        return None, None
    type_header, name_header = survey.header("type"), survey.header("name")
    unknown = _UNKNOWN_TYPE.search(message)
    if unknown:
        for row in survey.rows:
            if row.text(type_header) == unknown.group(1):
                return row.number, type_header
    named = _NAMED.search(message)
    if named:
        for row in survey.rows:
            if row.text(name_header) == named.group(1):
                return row.number, name_header
    return None, None


def pyxform_issue(message: str, survey: Sheet | None) -> Issue:
    """Translate one pyxform message into an ``Issue`` located as precisely as it allows."""
    row_match = _ROW.match(message)
    sheet_match = _SHEET.search(message)
    column_match = _COLUMN.search(message)
    sheet = sheet_match.group(1).lower() if sheet_match else "survey"
    row = int(row_match.group(1)) if row_match else None
    column = column_match.group(1) if column_match else None
    text = message[row_match.end() :] if row_match else message
    if row is None and sheet == "survey":
        row, located_column = _locate(text, survey)
        column = column or located_column
    return Issue(sheet, row, column, _sentence(text.split("\n")[0]))


def pyxform_convert(
    content: bytes, survey: Sheet | None, *, form_name: str | None = None
) -> tuple[list[Issue], list[Issue]]:
    """Convert the workbook with pyxform; return (errors, warnings) as issues.

    ``survey`` (the workbook's survey sheet as read by ``workbook_sheets``) lets messages
    without a row be located.
    """
    messages: list[str] = []
    errors: list[Issue] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            convert(content, warnings=messages, file_type=".xlsx", form_name=form_name)
        except PyXFormError as error:
            errors.append(pyxform_issue(str(error), survey))
        except Exception as error:  # pyxform must not crash an upload; see the rules above.
            errors.append(
                Issue(
                    "workbook",
                    None,
                    None,
                    "The XLSForm converter pyxform could not process this workbook "
                    f"({type(error).__name__}: {error}); check the survey, choices and settings "
                    "sheets against the XLSForm rules at https://xlsform.org.",
                )
            )
    notes = [pyxform_issue(message, survey) for message in messages]
    notes += [
        Issue("workbook", None, None, _sentence(str(item.message)))
        for item in caught
        if "openpyxl" not in item.filename
    ]
    return errors, notes


def merge_errors(ours: Sequence[Issue], theirs: Sequence[Issue]) -> list[Issue]:
    """Our errors plus pyxform's, dropping pyxform's where we already reported that place."""
    places = {(issue.sheet, issue.row) for issue in ours}
    return [*ours, *(issue for issue in theirs if (issue.sheet, issue.row) not in places)]
