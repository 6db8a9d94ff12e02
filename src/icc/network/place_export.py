"""Export places and their yearly facts to CSV or XLSX, in the format ``places_import`` reads.

Rules:
1. The columns are ``place_table.COLUMNS``, in that order, headed by their names.
2. One row per place and year, oldest year first; a place without facts gets one row whose
   year and fact cells are empty. Place details are repeated on every row of the place.
3. Cells hold what the import reads back unchanged: numbers without thousands separators,
   ``approximate`` as yes/no, empty cells for missing values.
4. Written by ``icc.core.tabular``: CSV in UTF-8 with a BOM, comma-delimited; XLSX with a
   bold, frozen heading row; text a spreadsheet would run as a formula gets a leading quote,
   which the import removes again.
"""

from collections.abc import Iterable, Iterator

from django.db.models import QuerySet

from icc.core.tabular import Cell, Format, Sheet, csv_bytes, xlsx_bytes
from icc.network.models import Place, PlaceFact
from icc.network.place_table import COLUMNS, FACT_COLUMNS, NAME_COLUMNS


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
    cells: dict[str, Cell] = {"year": fact.year}
    cells |= {name: getattr(fact, name) for name in FACT_COLUMNS}
    cells["approximate"] = "yes" if fact.approximate else "no"
    return cells


def place_export_rows(places: QuerySet[Place] | Iterable[Place]) -> Iterator[list[Cell]]:
    """The data rows of the export, each a list of cells in ``COLUMNS`` order (no heading)."""
    if isinstance(places, QuerySet):
        places = places.select_related("country").prefetch_related("facts").iterator(500)
    for place in places:
        base = _place_cells(place)
        facts = sorted(place.facts.all(), key=lambda fact: fact.year)
        for cells in [base | _fact_cells(fact) for fact in facts] or [base]:
            yield [cells.get(column) for column in COLUMNS]


def places_sheet(places: QuerySet[Place] | Iterable[Place]) -> Sheet:
    """The export as a sheet (rows produced as they are written), for ``table_download``."""
    return Sheet(header=COLUMNS, rows=place_export_rows(places), title="places")


def places_export(*, places: QuerySet[Place] | Iterable[Place], fmt: Format) -> bytes:
    """``places`` and their facts as a CSV (UTF-8 with BOM) or XLSX file that
    ``places_import`` reads back without changing anything."""
    sheet = places_sheet(places)
    return xlsx_bytes(sheet) if fmt == "xlsx" else csv_bytes(sheet)
