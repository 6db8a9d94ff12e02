"""Small XLSForm files built in tests, in each format pyxform reads: rows as lists, None for
an empty cell."""

import csv
import io
from collections.abc import Sequence

import openpyxl
import xlwt  # type: ignore[import-untyped]

Rows = Sequence[Sequence[object]]


def xlsx(**sheets: Rows) -> bytes:
    """An .xlsx workbook with the given sheets."""
    book = openpyxl.Workbook()
    book.remove(book.worksheets[0])
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xls(**sheets: Rows) -> bytes:
    """An .xls workbook (Excel 97–2003, as older KoboToolbox exports are) with the sheets."""
    book = xlwt.Workbook(encoding="utf-8")
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsform_csv(**sheets: Rows) -> bytes:
    """The CSV form of XLSForm: each sheet starts at a row whose first cell is its name."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for name, rows in sheets.items():
        for index, row in enumerate(rows):
            cells = ["" if value is None else str(value) for value in row]
            writer.writerow([name if index == 0 else "", *cells])
    return buffer.getvalue().encode("utf-8")
