"""CSV and XLSX of a chart view: the table as shown, so a download never says more or less.

Rules held here:

- The file holds the view's columns, in the table's order, with the table's headers (in the
  active language) and the table's values (rounded as shown, numbers left as numbers).
- Synthetic data says so on every row: a last column "Synthetic data" (yes) is added when the
  rows shown are synthetic. The XLSX also carries an "About" sheet: title, edition, filters.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any, Literal

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from icc.reports.charts.chart import Chart

# Spreadsheet display formats that show numbers as the table does.
NUMBER_FORMATS = {"score": "0.0", "percent": "0.0", "rank": "0", "int": "#,##0"}


def export_rows(view: Chart) -> list[list[Any]]:
    """Header and cells of the download: the table, plus the synthetic column when needed."""
    header: list[Any] = [c.label for c in view.columns]
    body = view.table()
    if view.synthetic:
        header.append(_("Synthetic data"))
        body = [[*cells, _("yes")] for cells in body]
    return [header, *body]


def chart_view_export(
    view: Chart, *, fmt: Literal["csv", "xlsx"], about: Sequence[tuple[str, str]]
) -> bytes:
    """The view's table as CSV (UTF-8 with BOM, for spreadsheet programs) or XLSX."""
    rows = export_rows(view)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
        return ("\ufeff" + buffer.getvalue()).encode()
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = _("Data")
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, column in enumerate(view.columns, start=1):
        number_format = NUMBER_FORMATS.get(column.kind)
        if number_format:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = number_format
    sheet.freeze_panes = "A2"
    info = book.create_sheet(_("About"))
    info.append([view.title])
    info["A1"].font = Font(bold=True)
    for name, value in about:
        info.append([name, value])
    info.append([_("Downloaded"), timezone.now().isoformat(timespec="seconds")])
    if view.synthetic:
        info.append(
            [
                _("Synthetic data."),
                _(
                    "These answers and scores were generated for demonstration; they are not "
                    "the cities' real results."
                ),
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
