"""The dashboard's charts: Vega-Lite specs (Altair) rendered to SVG on the server (vl-convert),
shown as images so that the page needs no script.

Each chart comes in two sizes: wide for a desktop, and narrow (``narrow=True``: less wide,
larger type, the legend under the chart) for a phone, where the wide one would be shrunk until
its labels could not be read. Dates and numbers follow the reader's language (``fr``: « mars »,
« 12,5 »)."""

from __future__ import annotations

from typing import Any, Final

import altair as alt

from icc.barometer.models import Cell
from icc.reports.charts.locale import svg_render

GAPS: Final = "break-paths-show-domains"  # a missing value breaks the line


def _svg(chart: alt.TopLevelMixin, *, narrow: bool) -> str:
    width, height, size = (330, 220, 13) if narrow else (640, 240, 11)
    legend = {"orient": "bottom", "columns": 1} if narrow else {"orient": "right"}
    spec = (
        chart.properties(width=width, height=height)
        .configure_axis(labelFontSize=size, titleFontSize=size)
        .configure_legend(labelFontSize=size, labelLimit=0, **legend)
        .to_dict()
    )
    return svg_render(spec)  # the platform's chart formats in the reader's language


def _format(cells: list[Cell]) -> str:
    """Months as « mars 2025 », weeks by their first day."""
    return "%d %b %Y" if cells and cells[0].period == "week" else "%b %Y"


def _x(labels: dict[str, str], narrow: bool, cells: list[Cell]) -> alt.X:
    return alt.X(
        "yearmonthdate(start):T",
        title=labels["period"],
        axis=alt.Axis(tickCount=4 if narrow else 8, labelAngle=0, format=_format(cells)),
    )


def chart_svg(*, cells: list[Cell], kind: str, labels: dict[str, str], narrow: bool = False) -> str:
    """``score`` (with its interval), ``signals`` (each question) or ``volume`` over time.

    A hidden period (too few posts) is a gap in the lines, not a straight line across it."""
    x = _x(labels, narrow, cells)
    if kind == "volume":
        data = alt.Data(  # type: ignore[no-untyped-call]
            values=[{"start": c.start.isoformat(), "n": c.n_posts} for c in cells]
        )
        chart: Any = (
            alt.Chart(data)
            .mark_bar()
            .encode(
                x=alt.X(
                    "yearmonthdate(start):O",
                    title=labels["period"],
                    axis=alt.Axis(format=_format(cells), labelAngle=-45, labelOverlap=True),
                ),
                y=alt.Y("n:Q", title=labels["posts"]),
            )
        )
    elif kind == "signals":
        shown = [c for c in cells if not c.hidden]
        questions = sorted(  # the signals with at least one value
            {q for c in shown for q, v in c.values.get("questions", {}).items() if v is not None}
        )
        rows = [
            {
                "start": c.start.isoformat(),
                "signal": labels.get(q, q),
                "value": None if c.hidden else c.values.get("questions", {}).get(q),
            }
            for c in cells
            for q in questions
        ]
        chart = (
            alt.Chart(alt.Data(values=rows))  # type: ignore[no-untyped-call]
            .mark_line(point=True, invalid=GAPS)
            .encode(
                x=x,
                y=alt.Y("value:Q", scale=alt.Scale(domain=[0, 100]), title="0-100"),
                color=alt.Color("signal:N", title=None),
            )
        )
    else:
        data = alt.Data(  # type: ignore[no-untyped-call]
            values=[
                {"start": c.start.isoformat(), "score": c.score, "low": c.low, "high": c.high}
                if not c.hidden
                else {"start": c.start.isoformat(), "score": None, "low": None, "high": None}
                for c in cells
            ]
        )
        base = alt.Chart(data).encode(x=x)
        chart = base.mark_area(opacity=0.25, invalid=GAPS).encode(
            y=alt.Y("low:Q", scale=alt.Scale(domain=[0, 100]), title=labels["score"]),
            y2="high:Q",
        ) + base.mark_line(point=True, invalid=GAPS).encode(y="score:Q")
    return _svg(chart, narrow=narrow)


def compare_svg(
    *, series: dict[str, list[Cell]], labels: dict[str, str], narrow: bool = False
) -> str:
    """The score of each place over time (shown months), one line per place."""
    rows = [
        {"start": c.start.isoformat(), "place": name, "score": c.score}
        for name, cells in series.items()
        for c in cells
        if not c.hidden and c.score is not None
    ]
    chart = (
        alt.Chart(alt.Data(values=rows))  # type: ignore[no-untyped-call]
        .mark_line(point=True)
        .encode(
            x=_x(labels, narrow, [c for cells in series.values() for c in cells]),
            y=alt.Y("score:Q", scale=alt.Scale(domain=[0, 100]), title=labels["score"]),
            color=alt.Color("place:N", title=None),
        )
    )
    return _svg(chart, narrow=narrow)
