"""The views of how the places shown spread: against a fact (scatter), per indicator
(distribution). (Rules: see ``charts.chart``.)"""

from __future__ import annotations

import statistics
import zlib
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from icc.reports.charts import specs
from icc.reports.charts.chart import (
    Chart,
    Column,
    any_synthetic,
    measure_label,
    note_unscored,
    rounded,
    view_title,
)
from icc.reports.charts.query import VIEW_LABELS
from icc.reports.charts.sample import Sample

X_LABELS: dict[str, tuple[Promise, str]] = {
    "population": (gettext_lazy("Population"), ",d"),
    "foreign_born": (gettext_lazy("Foreign-born residents (%)"), ".1f"),
    "non_nationals": (gettext_lazy("Non-nationals (%)"), ".1f"),
}


def scatter_view(sample: Sample) -> Chart:
    """The measure of each place shown against its population (log scale) or a share."""
    query = sample.query
    x_label = str(X_LABELS[query.x][0])
    x_format = X_LABELS[query.x][1]
    label = measure_label(query)
    kept = [r for r in sample.shown if r.value is not None and r.facts[query.x] is not None]
    rows = [
        {
            "place": r.name,
            "country": r.country_name,
            "x": int(r.facts[query.x] or 0)
            if query.x == "population"
            else rounded(r.facts[query.x]),
            "value": rounded(r.value),
            "slug": r.slug,
        }
        for r in kept
    ]
    columns = [
        Column("place", _("Place")),
        Column("country", _("Country")),
        Column("x", x_label, "int" if query.x == "population" else "percent"),
        Column("value", label, "score"),
    ]
    view = Chart("scatter", view_title(query), columns, rows, any_synthetic(kept))
    note_unscored(view, len(sample.shown) - len(kept))
    view.chart = lambda: specs.scatter_chart(
        rows,
        x_label=x_label,
        value_label=label,
        place_label=_("Place"),
        country_label=_("Country"),
        log_x=query.x == "population",
        x_format=x_format,
    )
    return view


def _stats(values: list[float]) -> dict[str, float | int | None]:
    if not values:
        return dict.fromkeys(("n", "min", "q1", "median", "q3", "max", "mean"), None) | {"n": 0}
    q1, median, q3 = (
        statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else values * 3
    )
    return {
        "n": len(values),
        "min": rounded(min(values)),
        "q1": rounded(q1),
        "median": rounded(median),
        "q3": rounded(q3),
        "max": rounded(max(values)),
        "mean": rounded(statistics.fmean(values)),
    }


def _jitter(slug: str, code: str) -> float:
    """A fixed offset in [-1, 1] per place and area, so that dots do not hide each other and
    the same data always draws the same chart."""
    return round((zlib.crc32(f"{slug}:{code}".encode()) % 2001) / 1000 - 1, 3)


def distribution_view(sample: Sample) -> Chart:
    """For each indicator (or the chosen areas), the spread of the places shown: a box of the
    quartiles and one dot per place."""
    query = sample.query
    labels = {
        "n": _("Places"),
        "min": _("Lowest"),
        "q1": _("First quartile"),
        "median": _("Median"),
        "q3": _("Third quartile"),
        "max": _("Highest"),
        "mean": _("Mean"),
    }
    columns = [Column("area", _("Indicator"))]
    columns += [Column(k, v, "int" if k == "n" else "score") for k, v in labels.items()]
    rows: list[dict[str, Any]] = []
    points: list[dict[str, Any]] = []
    for area in query.areas or query.all_areas:
        values = []
        for r in sample.shown:
            value = r.indicators[query.variant].get(area.code)
            if value is None:
                continue
            values.append(value)
            points.append(
                {
                    "area": area.label,
                    "place": r.name,
                    "value": rounded(value),
                    "jitter": _jitter(r.slug, area.code),
                }
            )
        rows.append({"area": area.label, "code": area.code, **_stats(values)})
    view = Chart(
        "distribution", view_title(query), columns, rows, any_synthetic(sample.shown), points=points
    )
    view.title = f"{VIEW_LABELS['distribution']} · {query.edition.title}"
    view.chart = lambda: specs.distribution_chart(
        [r for r in rows if r["n"]], points, value_label=_("Score"), labels=labels
    )
    return view
