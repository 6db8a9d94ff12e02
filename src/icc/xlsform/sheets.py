"""Rows of a sheet pyxform does not read (a module's own sheet, such as the index's
``indicators``), in every file format ``form_read`` accepts.

Rules held here:

- Sheets are found by name, case-insensitively. Row 1 holds the headers; data rows keep their
  spreadsheet number (the first data row is 2); rows with no value are skipped.
- Cells are text as pyxform reads them (``1.0`` → ``"1"``, ``True`` → ``"TRUE"``), stripped.
- In the CSV form of XLSForm, a sheet starts at a row whose first cell is its name.
"""

from __future__ import annotations

import csv
import datetime
import io
import warnings
from dataclasses import dataclass
from pathlib import PurePath

import openpyxl
import xlrd  # type: ignore[import-untyped]


@dataclass(frozen=True)
class SheetRow:
    """One data row: its spreadsheet number and its non-empty cells by header."""

    number: int
    cells: dict[str, str]

    def get(self, header: str) -> str:
        return self.cells.get(header, "")


def cell_text(value: object) -> str:
    """A cell value as stripped text, as pyxform reads it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return str(value).strip()


def _rows(table: list[list[object]]) -> tuple[list[str], list[SheetRow]]:
    if not table:
        return [], []
    headers = [cell_text(value) for value in table[0]]
    rows: list[SheetRow] = []
    for number, values in enumerate(table[1:], start=2):
        cells = {
            header: cell_text(value)
            for header, value in zip(headers, values, strict=False)
            if header and cell_text(value)
        }
        if cells:
            rows.append(SheetRow(number, cells))
    return [header for header in headers if header], rows


def _xlsx_table(content: bytes, name: str) -> list[list[object]] | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        for title in book.sheetnames:
            if title.strip().lower() == name:
                sheet = book[title]
                iter_rows = getattr(sheet, "iter_rows", None)
                return [list(row) for row in iter_rows(values_only=True)] if iter_rows else []
        return None
    finally:
        book.close()


def _xls_table(content: bytes, name: str) -> list[list[object]] | None:
    book = xlrd.open_workbook(file_contents=content)
    try:
        for sheet in book.sheets():
            if sheet.name.strip().lower() == name:
                return [[_xls_value(book, c) for c in sheet.row(r)] for r in range(sheet.nrows)]
        return None
    finally:
        book.release_resources()


def _xls_value(book: xlrd.Book, item: xlrd.sheet.Cell) -> object:
    if item.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(item.value)
    if item.ctype == xlrd.XL_CELL_DATE:
        return xlrd.xldate.xldate_as_datetime(item.value, book.datemode)
    return item.value


def _csv_table(content: bytes, name: str) -> list[list[object]] | None:
    table: list[list[object]] | None = None
    current = ""
    for row in csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")):
        if row and row[0].strip():
            current = row[0].strip().lower()
        if current == name:
            rest: list[object] = list(row[1:])
            if table is None:
                table = []
            if any(cell_text(value) for value in rest):
                table.append(rest)
    return table


def sheet_rows(
    content: bytes, filename: str, sheet: str
) -> tuple[list[str], list[SheetRow]] | None:
    """(headers, data rows) of the sheet called ``sheet``; None when the file has none.

    Raises ``ValueError`` when the file cannot be read (``form_read`` will have said why).
    """
    suffix = PurePath(filename).suffix.lower()
    name = sheet.strip().lower()
    try:
        if suffix == ".xls":
            table = _xls_table(content, name)
        elif suffix == ".csv":
            table = _csv_table(content, name)
        elif suffix in {".xlsx", ".xlsm"}:
            table = _xlsx_table(content, name)
        else:
            return None
    except Exception as error:
        raise ValueError(f"The file could not be read ({error}).") from error
    return None if table is None else _rows(table)
