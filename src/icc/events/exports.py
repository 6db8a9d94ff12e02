"""Participant lists as CSV or XLSX for the secretariat.

One row per registration (erased ones included, so counts add up, with empty personal cells);
one column per registration question, headed by its key. Text that a spreadsheet would run as a
formula (starting with = + - @) is written as text: registrants type what they like.
"""

import csv
import io
from typing import Literal

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Font

from icc.events.models import Event, Registration, RegistrationField
from icc.events.models.registration import STATE_LABELS
from icc.events.registration_states import State

Cell = str | int | None
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BASE_COLUMNS = ("name", "email", "organisation", "state", "registered_at", "checked_in_at")


def _answer(value: object) -> str:
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    return "" if value is None else str(value)


def participant_rows(
    *, event: Event, registrations: QuerySet[Registration]
) -> tuple[list[str], list[list[Cell]]]:
    """The heading and the rows of the participant list, times in the event's zone."""
    fields = list(RegistrationField.objects.filter(event=event))
    heading = [*BASE_COLUMNS, *(field.key for field in fields)]
    rows: list[list[Cell]] = []
    for registration in registrations:
        checked = registration.checked_in_at
        rows.append(
            [
                registration.name,
                registration.email,
                registration.organisation,
                str(STATE_LABELS[State(registration.state)]),
                registration.created_at.astimezone(event.tzinfo).strftime("%Y-%m-%d %H:%M"),
                checked.astimezone(event.tzinfo).strftime("%Y-%m-%d %H:%M") if checked else "",
                *(_answer(registration.answers.get(field.key)) for field in fields),
            ]
        )
    return heading, rows


def _safe(cell: Cell) -> Cell:
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def participants_export(
    *, event: Event, registrations: QuerySet[Registration], fmt: Literal["csv", "xlsx"]
) -> bytes:
    """The participant list as CSV (UTF-8 with BOM, for Excel) or XLSX."""
    heading, rows = participant_rows(event=event, registrations=registrations)
    if fmt == "csv":
        text = io.StringIO(newline="")
        writer = csv.writer(text)
        writer.writerow(heading)
        writer.writerows([[_safe(cell) for cell in row] for row in rows])
        return text.getvalue().encode("utf-8-sig")
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = "participants"
    for column, name in enumerate(heading, start=1):
        sheet.cell(row=1, column=column, value=name).font = Font(bold=True)
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            written = sheet.cell(row=row_number, column=column, value=value)
            if isinstance(value, str):
                written.data_type = TYPE_STRING  # text stays text, never a formula
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
