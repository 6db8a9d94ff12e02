"""Downloads of the test's anonymous tables (a group's counts, the secretariat's statistics):
a heading and rows in, a CSV or XLSX file out. Cells a spreadsheet would run as a formula are
written as text. To move onto ``icc.core.tabular`` when it lands: only ``table_download``."""

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING

Cell = str | int | float | None
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _safe(cell: Cell) -> Cell:
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def _csv(heading: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow([_safe(cell) for cell in heading])
    writer.writerows([_safe(cell) for cell in row] for row in rows)
    return text.getvalue().encode("utf-8-sig")  # the BOM lets Excel read UTF-8


def _xlsx(heading: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    book = Workbook()
    sheet = book.worksheets[0]
    for row_number, row in enumerate([heading, *rows], start=1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column, value=value)
            if isinstance(value, str):
                cell.data_type = TYPE_STRING  # text stays text, never a formula
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def table_download(
    *, heading: Sequence[str], rows: Iterable[Sequence[Cell]], fmt: str, filename: str
) -> HttpResponse:
    """``filename``.csv or .xlsx (``fmt``) as an attachment."""
    if fmt == "xlsx":
        response = HttpResponse(_xlsx(heading, rows), content_type=XLSX_TYPE)
    else:
        fmt = "csv"
        response = HttpResponse(_csv(heading, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
