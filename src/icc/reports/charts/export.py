"""CSV and XLSX of a chart view: the table as shown, so a download never says more or less.

Rules held here:

- The file holds the view's columns, in the table's order, with the table's headers (in the
  active language) and the table's values (rounded as shown, numbers left as numbers).
- Synthetic data says so on every row: a last column "Synthetic data" (yes) is added when the
  rows shown are synthetic. The XLSX also carries an "About" sheet: title, edition, filters.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils import timezone
from django.utils.translation import gettext as _

from icc.core.tabular import Cell, Sheet
from icc.reports.charts.chart import Chart

# Spreadsheet display formats that show numbers as the table does.
NUMBER_FORMATS = {"score": "0.0", "percent": "0.0", "rank": "0", "int": "#,##0"}


def export_rows(view: Chart) -> list[list[Cell]]:
    """Header and cells of the download: the table, plus the synthetic column when needed."""
    header: list[Cell] = [c.label for c in view.columns]
    body = view.table()
    if view.synthetic:
        header.append(_("Synthetic data"))
        body = [[*cells, _("yes")] for cells in body]
    return [header, *body]


def chart_view_sheets(view: Chart, *, about: Sequence[tuple[str, str]]) -> list[Sheet]:
    """The "Data" sheet (the table) and the "About" sheet (title, ``about``, download time,
    synthetic notice); CSV downloads take the first one only."""
    header, *body = export_rows(view)
    formats = {
        index: NUMBER_FORMATS[column.kind]
        for index, column in enumerate(view.columns)
        if column.kind in NUMBER_FORMATS
    }
    notes: list[list[Cell]] = [[name, value] for name, value in about]
    notes.append([_("Downloaded"), timezone.now().isoformat(timespec="seconds")])
    if view.synthetic:
        notes.append(
            [
                _("Synthetic data."),
                _(
                    "These answers and scores were generated for demonstration; they are not "
                    "the cities' real results."
                ),
            ]
        )
    return [
        Sheet(header=header, rows=body, title=_("Data"), number_formats=formats),
        Sheet(header=[view.title], rows=notes, title=_("About")),
    ]
