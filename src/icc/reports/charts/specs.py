"""One Altair definition per chart view, for the screen (vega-embed) and for paper (vl-convert).

Rules held here:

- Pure: plain rows (dicts) and already translated labels in, an Altair chart out. No Django,
  no database, no clock; the same rows always give the same spec.
- The chart draws exactly the rows it is given, which are the rows of the view's data table.
- Numbers are formatted by Vega's d3-format with the locale the renderer receives (decimal
  comma in French), never pre-formatted here; scores keep one decimal (``.1f``).
- Scores use a fixed 0–100 axis so that charts compare; population uses a log scale.
- Widths are fixed pixels: the page scrolls a wide chart sideways rather than squeeze it.
- Rows travel as named top-level ``datasets``: the spec is checked against the Vega-Lite schema
  without its data (checking thousands of inline rows would cost most of a second).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import altair as alt

Rows = Sequence[dict[str, Any]]

FONT = "DejaVu Sans"
BRAND = "#1f5fa8"
PLACE_COLOR = "#123a6b"
AVERAGE_COLORS = ("#f2b705", "#2f8f6b", "#b46fd0", "#8c96a3")
LINE_COLORS = (
    "#1f5fa8",
    "#f2b705",
    "#2f8f6b",
    "#b42318",
    "#7a4fb5",
    "#e0772b",
    "#0f8fa3",
    "#5a6675",
    "#c2417d",
    "#6b8e23",
    "#123a6b",
    "#9a5b00",
)
SCORE_SCALE = alt.Scale(domain=[0, 100], nice=False)
SCORE_FORMAT = ".1f"


def _config(chart: Any) -> Any:
    return (
        chart.configure(font=FONT, background="white")
        .configure_view(stroke=None)
        .configure_axis(
            labelColor="#1b2430",
            titleColor="#5a6675",
            gridColor="#e3e8ef",
            domainColor="#b8c1cc",
            tickColor="#b8c1cc",
            labelFontSize=11,
            titleFontSize=11,
            titleFontWeight="normal",
        )
        .configure_legend(labelFontSize=11, titleFontSize=11, labelLimit=0, titleLimit=0)
        .configure_title(fontSize=13, anchor="start", color="#123a6b")
    )


@dataclass(frozen=True)
class Drawing:
    """An Altair chart that reads named datasets, and those datasets."""

    chart: Any
    datasets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def to_dict(self, *, validate: bool = True) -> dict[str, Any]:
        """The Vega-Lite spec with the platform's look (font, colours, no frame) and its data.

        ``validate=False`` skips Altair's schema check (some 15 ms a chart): for a report's many
        small charts, whose one definition the page and the tests check."""
        spec: dict[str, Any] = _config(self.chart).to_dict(validate=validate)
        spec["datasets"] = {name: list(rows) for name, rows in self.datasets.items()}
        return spec


def ranking_chart(
    rows: Rows,
    *,
    value_label: str,
    rank_label: str,
    place_label: str,
    interval: bool,
    width: int = 520,
) -> Drawing:
    """Horizontal bars of ``value`` per ``place`` in row order; with ``interval``, a second
    panel draws each place's ``rank`` and its ``rank_low``–``rank_high`` interval as a rule.

    ``rows``: ``{"place", "value", "rank", "rank_low", "rank_high", "country"}``.
    """
    order = [row["place"] for row in rows]
    data = alt.NamedData(name="ranking")
    y = alt.Y("place:N", sort=order, title=None, axis=alt.Axis(labelLimit=180))
    tooltip = [
        alt.Tooltip("place:N", title=place_label),
        alt.Tooltip("value:Q", title=value_label, format=SCORE_FORMAT),
        alt.Tooltip("rank:Q", title=rank_label),
    ]
    base = alt.Chart(data).encode(y=y)
    bars = base.mark_bar(color=BRAND, height={"band": 0.75}).encode(
        x=alt.X("value:Q", scale=SCORE_SCALE, title=value_label, axis=alt.Axis(orient="top")),
        tooltip=tooltip,
    )
    labels = base.mark_text(align="left", dx=3, fontSize=10, color="#1b2430").encode(
        x="value:Q", text=alt.Text("value:Q", format=SCORE_FORMAT)
    )
    left = (bars + labels).properties(width=width, height=alt.Step(16))
    datasets = {"ranking": list(rows)}
    if not interval:
        return Drawing(left, datasets)
    n = max([int(row.get("rank_high") or row.get("rank") or 1) for row in rows] + [2])
    rank_scale = alt.Scale(domain=[1, n], nice=False, zero=False)
    panel = alt.Chart(data).encode(y=alt.Y("place:N", sort=order, axis=None))
    rule = panel.mark_rule(color="#8c96a3", strokeWidth=2).encode(
        x=alt.X("rank_low:Q", scale=rank_scale, title=rank_label, axis=alt.Axis(orient="top")),
        x2="rank_high:Q",
        tooltip=[
            *tooltip,
            alt.Tooltip("rank_low:Q", format=".0f"),
            alt.Tooltip("rank_high:Q", format=".0f"),
        ],
    )
    point = panel.mark_point(filled=True, color=PLACE_COLOR, size=28).encode(
        x=alt.X("rank:Q", scale=rank_scale), tooltip=tooltip
    )
    right = (rule + point).properties(width=max(160, width // 2), height=alt.Step(16))
    return Drawing(alt.hconcat(left, right, spacing=12).resolve_scale(y="shared"), datasets)


def series_colors(count: int) -> list[str]:
    """The colours of the profile chart's series: the place, then each average."""
    return [PLACE_COLOR, *AVERAGE_COLORS][:count]


def profile_chart(
    rows: Rows,
    *,
    series: Sequence[str],
    value_label: str,
    compact: bool = False,
    width: int = 520,
    bar_step: int = 10,
    value_labels: bool = True,
) -> Drawing:
    """Grouped bars: for each ``category`` (an indicator), one bar per ``series`` (the place,
    then the averages it is compared with). ``compact`` (one category, as in the report):
    one bar per series, no axis labels and no legend: the page names the series beside the
    chart in ``series_colors``. ``bar_step``: pixels per bar; ``value_labels``: write each
    bar's value at its end (leave them out when the bars are too thin to carry them).

    ``rows``: long form ``{"category", "series", "value"}``; ``series`` gives their order.
    """
    data = alt.NamedData(name="profile")
    colors = alt.Scale(domain=list(series), range=series_colors(len(series)))
    tooltip = [
        alt.Tooltip("category:N", title=None),
        alt.Tooltip("series:N", title=None),
        alt.Tooltip("value:Q", title=value_label, format=SCORE_FORMAT),
    ]
    x = alt.X("value:Q", scale=SCORE_SCALE, title=value_label)
    if compact:
        # one category: the series are named beside the chart (in its own colours), not here
        base = alt.Chart(data).encode(y=alt.Y("series:N", sort=list(series), axis=None))
        bars = base.mark_bar(height={"band": 0.8}).encode(
            x=alt.X(
                "value:Q",
                scale=SCORE_SCALE,
                title=None,
                axis=alt.Axis(values=[0, 50, 100], format="d", labelFontSize=9),
            ),
            color=alt.Color("series:N", scale=colors, legend=None),
            tooltip=tooltip,
        )
        height: alt.Step | int = alt.Step(13)
    else:
        categories = list(dict.fromkeys(row["category"] for row in rows))
        base = alt.Chart(data).encode(
            y=alt.Y("category:N", sort=categories, title=None, axis=alt.Axis(labelLimit=320)),
            yOffset=alt.YOffset("series:N", sort=list(series)),
        )
        bars = base.mark_bar(height={"band": 0.9}).encode(
            x=x,
            color=alt.Color(
                "series:N",
                scale=colors,
                title=None,
                legend=alt.Legend(orient="top", direction="vertical"),
            ),
            tooltip=tooltip,
        )
        height = alt.Step(bar_step, **{"for": "offset"})
    chart = bars
    if value_labels:
        chart = bars + base.mark_text(align="left", dx=3, fontSize=9, color="#1b2430").encode(
            x="value:Q", text=alt.Text("value:Q", format=SCORE_FORMAT)
        )
    return Drawing(chart.properties(width=width, height=height), {"profile": list(rows)})


def progress_chart(
    rows: Rows, *, editions: Sequence[str], value_label: str, edition_label: str, width: int = 640
) -> Drawing:
    """Lines across ``editions`` (in that order), one per ``place``, with a point per result.

    ``rows``: ``{"place", "edition", "value"}``.
    """
    data = alt.NamedData(name="progress")
    places = list(dict.fromkeys(row["place"] for row in rows))
    base = alt.Chart(data).encode(
        x=alt.X("edition:O", sort=list(editions), title=edition_label, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", scale=SCORE_SCALE, title=value_label),
        color=alt.Color(
            "place:N",
            sort=places,
            title=None,
            scale=alt.Scale(domain=places, range=list(LINE_COLORS[: len(places)])),
            legend=alt.Legend(orient="right"),
        ),
        tooltip=[
            alt.Tooltip("place:N", title=None),
            alt.Tooltip("edition:O", title=edition_label),
            alt.Tooltip("value:Q", title=value_label, format=SCORE_FORMAT),
        ],
    )
    lines = base.mark_line(strokeWidth=2.5)
    points = base.mark_point(filled=True, size=60)
    chart = (lines + points).properties(width=width, height=320)
    return Drawing(chart, {"progress": list(rows)})


def log_ticks(values: Iterable[float]) -> list[float]:
    """Ticks 1, 2, 5 × 10^k spanning ``values`` (positive), for a readable log axis."""
    known = [v for v in values if v and v > 0]
    if not known:
        return []
    low, high = min(known), max(known)
    ticks = []
    for power in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1):
        ticks += [m * 10.0**power for m in (1, 2, 5) if low / 2 <= m * 10.0**power <= high * 2]
    return ticks


def scatter_chart(
    rows: Rows,
    *,
    x_label: str,
    value_label: str,
    place_label: str,
    country_label: str,
    log_x: bool,
    x_format: str,
    width: int = 760,
) -> Drawing:
    """Each place at (``x``, ``value``): population (log scale) or a share; hover names it.

    ``rows``: ``{"place", "country", "x", "value"}``.
    """
    scale = alt.Scale(type="log", nice=False) if log_x else alt.Scale(zero=True)
    ticks = log_ticks(row["x"] for row in rows) if log_x else alt.Undefined
    axis = alt.Axis(format=x_format, values=ticks)
    chart = (
        alt.Chart(alt.NamedData(name="scatter"))
        .mark_circle(size=70, opacity=0.75, color=BRAND, stroke="white", strokeWidth=0.5)
        .encode(
            x=alt.X("x:Q", scale=scale, title=x_label, axis=axis),
            y=alt.Y("value:Q", scale=SCORE_SCALE, title=value_label),
            tooltip=[
                alt.Tooltip("place:N", title=place_label),
                alt.Tooltip("country:N", title=country_label),
                alt.Tooltip("x:Q", title=x_label, format=x_format),
                alt.Tooltip("value:Q", title=value_label, format=SCORE_FORMAT),
            ],
        )
        .properties(width=width, height=380)
    )
    return Drawing(chart, {"scatter": list(rows)})


def distribution_chart(
    stats: Rows,
    points: Rows,
    *,
    value_label: str,
    labels: dict[str, str],
    width: int = 680,
) -> Drawing:
    """A box per indicator drawn from its stats (whiskers min–max, box q1–q3, median tick)
    over one dot per place (deterministic ``jitter`` in [-1, 1]); hover names the place.

    ``stats``: ``{"area", "n", "min", "q1", "median", "q3", "max", "mean"}``;
    ``points``: ``{"area", "place", "value", "jitter"}``; ``labels``: titles of the stats.
    """
    order = [row["area"] for row in stats]
    y = alt.Y("area:N", sort=order, title=None, axis=alt.Axis(labelLimit=220))
    box = alt.Chart(alt.NamedData(name="stats")).encode(y=y)
    stat_tooltip = [
        alt.Tooltip("area:N", title=None),
        *[
            alt.Tooltip(f"{key}:Q", title=labels[key], format=".0f" if key == "n" else ".1f")
            for key in ("n", "min", "q1", "median", "q3", "max", "mean")
        ],
    ]
    whisker = box.mark_rule(color="#5a6675").encode(
        x=alt.X("min:Q", scale=SCORE_SCALE, title=value_label), x2="max:Q", tooltip=stat_tooltip
    )
    quartiles = box.mark_bar(color="#dbe6f4", stroke=BRAND, height=18).encode(
        x="q1:Q", x2="q3:Q", tooltip=stat_tooltip
    )
    median = box.mark_tick(color=PLACE_COLOR, thickness=3, size=16).encode(
        x="median:Q", tooltip=stat_tooltip
    )
    dots = (
        alt.Chart(alt.NamedData(name="points"))
        .mark_circle(size=14, opacity=0.45, color="#b42318")
        .encode(
            y=y,
            x=alt.X("value:Q", scale=SCORE_SCALE),
            yOffset=alt.YOffset("jitter:Q", scale=alt.Scale(domain=[-1, 1], range=[5, 25])),
            tooltip=[
                alt.Tooltip("place:N", title=None),
                alt.Tooltip("area:N", title=None),
                alt.Tooltip("value:Q", title=value_label, format=SCORE_FORMAT),
            ],
        )
    )
    chart = alt.layer(whisker, quartiles, median, dots).properties(width=width, height=alt.Step(30))
    return Drawing(chart, {"stats": list(stats), "points": list(points)})
