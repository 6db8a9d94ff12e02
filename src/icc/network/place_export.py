"""Export places and their yearly facts to CSV or XLSX, in the format ``places_import`` reads.

Rules:
1. The columns are ``place_table.COLUMNS``, in that order, headed by their names.
2. One row per place and year, oldest year first; a place without facts gets one row whose
   year and fact cells are empty. Place details are repeated on every row of the place.
3. Cells hold what the import reads back unchanged: numbers without thousands separators,
   ``approximate`` as yes/no, empty cells for missing values.
4. CSV is UTF-8 with a BOM (so Excel shows accents right), comma-delimited; XLSX has a bold,
   frozen heading row and columns wide enough to read.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Literal

from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from icc.network.models import Place, PlaceFact
from icc.network.place_table import COLUMNS, NAME_COLUMNS

Cell = str | int | float | Decimal | None
MAX_COLUMN_WIDTH = 50


def _place_cells(place: Place) -> dict[str, Cell]:
    cells: dict[str, Cell] = {
        "slug": place.slug,
        "name": getattr(place, "name_en", None) or place.name,
        "kind": place.kind,
        "country": place.country_id,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "website": place.website,
    }
    for column in NAME_COLUMNS:
        cells[column] = getattr(place, column, None) or ""
    return cells


def _fact_cells(fact: PlaceFact) -> dict[str, Cell]:
    return {
        "year": fact.year,
        "population": fact.population,
        "population_source": fact.population_source,
        "foreign_born_pct": fact.foreign_born_pct,
        "foreign_born_source": fact.foreign_born_source,
        "non_nationals_pct": fact.non_nationals_pct,
        "non_nationals_source": fact.non_nationals_source,
        "approximate": "yes" if fact.approximate else "no",
    }


def place_export_rows(places: QuerySet[Place] | Iterable[Place]) -> Iterator[list[Cell]]:
    """The data rows of the export, each a list of cells in ``COLUMNS`` order (no heading)."""
    if isinstance(places, QuerySet):
        places = places.select_related("country").prefetch_related("facts")
    for place in places:
        base = _place_cells(place)
        facts = sorted(place.facts.all(), key=lambda fact: fact.year)
        for cells in [base | _fact_cells(fact) for fact in facts] or [base]:
            yield [cells.get(column) for column in COLUMNS]


def _csv_text(cell: Cell) -> str:
    return "" if cell is None else str(cell)


def _csv_bytes(rows: Iterable[list[Cell]]) -> bytes:
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_csv_text(cell) for cell in row])
    return text.getvalue().encode("utf-8-sig")


def _xlsx_bytes(rows: Iterable[list[Cell]]) -> bytes:
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = "places"
    widths = [len(column) for column in COLUMNS]
    for index, column in enumerate(COLUMNS, start=1):
        sheet.cell(row=1, column=index, value=column).font = Font(bold=True)
    for row_number, row in enumerate(rows, start=2):
        for index, value in enumerate(row):
            written = sheet.cell(row=row_number, column=index + 1, value=value)
            if isinstance(value, str) and value.startswith("="):
                written.data_type = TYPE_STRING  # text stays text, never a formula
            widths[index] = max(widths[index], len(_csv_text(value)))
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, MAX_COLUMN_WIDTH)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def places_export(
    *, places: QuerySet[Place] | Iterable[Place], fmt: Literal["csv", "xlsx"]
) -> bytes:
    """``places`` and their facts as a CSV (UTF-8 with BOM) or XLSX file that
    ``places_import`` reads back without changing anything."""
    rows = place_export_rows(places)
    return _xlsx_bytes(rows) if fmt == "xlsx" else _csv_bytes(rows)
