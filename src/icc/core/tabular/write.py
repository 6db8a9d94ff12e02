"""Writing tables: CSV streamed in chunks, XLSX with openpyxl's write-only workbook.

Pure: no Django. Every cell goes through ``cell_safe`` (see ``cells``), in both formats.

Rules:
1. CSV is UTF-8, comma-delimited, lines ending in CRLF (the csv module's default, which
   spreadsheets expect), with a byte-order mark by default so that Excel shows accents right.
   ``None`` is an empty field; other values are written with ``str``.
2. XLSX: the heading row is bold and frozen; string cells are written as strings (data type
   "s"), never as formulas; numbers, booleans and dates keep their type. Characters that XLSX
   cannot hold (control characters other than tab, line feed and carriage return) are dropped.
   Column widths fit the heading and the first ``WIDTH_SAMPLE`` rows, up to ``MAX_WIDTH``.
3. Rows are consumed once, as they come: neither format holds the whole table in memory
   (openpyxl's write-only mode spools each sheet to a temporary file).
"""

import csv
import io
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, TYPE_STRING
from openpyxl.cell.cell import Cell as OpenpyxlCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from icc.core.tabular.cells import Cell, cell_safe

BOM: Final = "\ufeff"
CHUNK_CHARS: Final = 64 * 1024
WIDTH_SAMPLE: Final = 200
MAX_WIDTH: Final = 50
INVALID_TITLE: Final = re.compile(r"[\\/*?:\[\]]")  # characters Excel refuses in a sheet name


@dataclass(frozen=True)
class Sheet:
    """One table to write: a heading row and data rows (an iterable, consumed once).

    ``title`` names the XLSX worksheet (31 characters at most, ``\\/*?:[]`` become ``-``; CSV
    has no title); ``number_formats`` maps a column
    index (0-based) to an Excel number format such as ``"0.0"`` for its data cells.
    """

    header: Sequence[Cell]
    rows: Iterable[Sequence[Cell]]
    title: str = "Sheet"
    number_formats: Mapping[int, str] = field(default_factory=dict)


class _Echo:
    """A file whose ``write`` hands the text back, so that csv.writer produces lines."""

    def write(self, text: str) -> str:
        return text


def csv_stream(sheet: Sheet, *, bom: bool = True) -> Iterator[bytes]:
    """The sheet as CSV bytes, in chunks of about ``CHUNK_CHARS`` characters (rule 1)."""
    writer = csv.writer(_Echo())
    chunk: list[str] = [BOM] if bom else []
    size = 0
    for row in itertools.chain([sheet.header], sheet.rows):
        line: str = writer.writerow(["" if c is None else cell_safe(c) for c in row])
        chunk.append(line)
        size += len(line)
        if size >= CHUNK_CHARS:
            yield "".join(chunk).encode("utf-8")
            chunk, size = [], 0
    if chunk:
        yield "".join(chunk).encode("utf-8")


def csv_bytes(sheet: Sheet, *, bom: bool = True) -> bytes:
    """The whole CSV at once (for small tables and tests); see ``csv_stream``."""
    return b"".join(csv_stream(sheet, bom=bom))


def _xlsx_value(value: Cell) -> Cell:
    value = cell_safe(value)
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _width(value: Cell) -> int:
    return len(str(value)) if value is not None else 0


def _sheet_write(book: Workbook, sheet: Sheet) -> None:
    title = INVALID_TITLE.sub("-", sheet.title)[:31] or "Sheet"
    worksheet: WriteOnlyWorksheet = book.create_sheet(title)
    rows = iter(sheet.rows)
    sample = [[_xlsx_value(value) for value in row] for row in itertools.islice(rows, WIDTH_SAMPLE)]
    header = [_xlsx_value(value) for value in sheet.header]
    widths: dict[int, int] = {}
    for row in [header, *sample]:
        for index, value in enumerate(row):
            widths[index] = max(widths.get(index, 0), _width(value))
    for index, width in widths.items():
        letter = get_column_letter(index + 1)
        # Write-only sheets have column dimensions; the stubs leave them out.
        worksheet.column_dimensions[letter].width = min(width + 2, MAX_WIDTH)  # type: ignore[attr-defined]
    worksheet.freeze_panes = "A2"
    bold = Font(bold=True)
    worksheet.append([_cell(worksheet, value, font=bold) for value in header])
    rest = ([_xlsx_value(value) for value in row] for row in rows)
    for row in itertools.chain(sample, rest):
        worksheet.append(
            [
                _cell(worksheet, value, number_format=sheet.number_formats.get(index))
                for index, value in enumerate(row)
            ]
        )


def _is_number(value: Cell) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _cell(
    worksheet: WriteOnlyWorksheet,
    value: Cell,
    *,
    font: Font | None = None,
    number_format: str | None = None,
) -> OpenpyxlCell:
    cell = WriteOnlyCell(worksheet, value=value)  # type: ignore[arg-type]  # stubs: too narrow
    if isinstance(value, str):
        cell.data_type = TYPE_STRING  # text stays text, never a formula
    if font is not None:
        cell.font = font
    if number_format is not None and _is_number(value):
        cell.number_format = number_format
    return cell


def xlsx_bytes(*sheets: Sheet) -> bytes:
    """The sheets as one XLSX workbook, in the order given (rule 2)."""
    book = Workbook(write_only=True)
    for sheet in sheets:
        _sheet_write(book, sheet)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
