"""What a chart is (its columns, rows and drawing) and the helpers every kind of chart shares.
The query's ``view`` (ranking, profile, progress, scatter, distribution) says which kind.

Rules held here:

- A chart is its table: ``columns`` and ``rows``. The chart is drawn from those very rows (plus,
  for the distribution, one dot per place and area), the CSV/XLSX hold them, the API returns
  them. Numbers are rounded here to what the table shows (scores to one decimal, ranks whole).
- Places chosen with ``places`` must have a result in the edition; the filters narrow the
  places to choose from and the defaults (the best places shown), not an explicit choice.
- Places without a score for the measure are left out of the ranking and the scatter, and a
  note says how many.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from icc.reports.charts import specs
from icc.reports.charts.query import VIEW_LABELS, ChartQuery, ChartQueryError
from icc.reports.charts.sample import PlaceRow, Sample


@dataclass(frozen=True)
class Column:
    """A column of a chart's table; ``kind`` says how to format it (text, score, rank, int,
    percent, edition)."""

    key: str
    label: str
    kind: str = "text"


@dataclass
class Chart:
    """One built chart of the kind ``view`` names: a title, its table and the drawing made
    from it."""

    view: str
    title: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    synthetic: bool
    notes: list[str] = field(default_factory=list)
    points: list[dict[str, Any]] = field(default_factory=list)
    places: tuple[str, ...] = ()
    chart: Callable[[], specs.Drawing] | None = None

    def spec(self) -> dict[str, Any]:
        """The Vega-Lite spec of the chart (empty when there is nothing to draw)."""
        if self.chart is None or not self.rows:
            return {}
        spec = self.chart().to_dict()
        # Vega words its own accessibility labels in English ("X-axis titled…"); the chart is
        # named in the page's language instead, and its data table carries the detail.
        spec["description"] = _("Chart: %(title)s. The data table below holds what it shows.") % {
            "title": self.title
        }
        spec.setdefault("config", {})["aria"] = False
        return spec

    def table(self) -> list[list[Any]]:
        """The table's cells, row by row, in column order."""
        return [[row.get(c.key) for c in self.columns] for row in self.rows]


def rounded(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(float(value), digits)


def whole(value: float | None) -> int | None:
    """A rank bound as the table shows it (the simulations' percentiles may fall between)."""
    return None if value is None else round(value)


def measure_label(query: ChartQuery) -> str:
    """What the view's number is: the index, an area's score, or the selected areas' mean."""
    if len(query.areas) == 1:
        return query.areas[0].label
    if query.areas:
        return _("Mean of the selected areas")
    return _("Index (advanced)") if query.variant == "advanced" else _("Core index")


def view_title(query: ChartQuery) -> str:
    return f"{VIEW_LABELS[query.view]} — {measure_label(query)} · {query.edition.title}"


def note_unscored(view: Chart, count: int) -> None:
    if count:
        view.notes.append(
            ngettext(
                "%(count)d place without a score for this measure is left out.",
                "%(count)d places without a score for this measure are left out.",
                count,
            )
            % {"count": count}
        )


def any_synthetic(rows: list[PlaceRow]) -> bool:
    return any(r.synthetic for r in rows)


def chosen_places(sample: Sample, default: int) -> list[PlaceRow]:
    by_slug = {r.slug: r for r in sample.rows}
    for slug in sample.query.places:
        if slug not in by_slug:
            raise ChartQueryError(
                "places",
                _(
                    "“%(slug)s” has no published result in edition %(edition)s; choose a place "
                    "from the list."
                )
                % {"slug": slug, "edition": sample.query.edition.name},
            )
    if sample.query.places:
        return [by_slug[s] for s in sample.query.places]
    return [r for r in sample.shown if r.value is not None][:default]


def mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None
