"""The dashboard's charts: Vega-Lite specs (Altair) rendered to SVG on the server (vl-convert),
shown as images so that the page needs no script."""

from __future__ import annotations

from typing import Any

import altair as alt
import vl_convert

from icc.barometer.models import Cell


def _svg(chart: alt.TopLevelMixin) -> str:
    svg: str = vl_convert.vegalite_to_svg(chart.to_dict())
    return svg


def chart_svg(*, cells: list[Cell], kind: str, labels: dict[str, str]) -> str:
    """``score`` (with its interval), ``signals`` (each question) or ``volume`` over time."""
    shown = [c for c in cells if not c.hidden]
    x = alt.X("start:T", title=labels["period"])
    if kind == "volume":
        data = alt.Data(  # type: ignore[no-untyped-call]
            values=[{"start": c.start.isoformat(), "n": c.n_posts} for c in cells]
        )
        chart: Any = alt.Chart(data).mark_bar().encode(x=x, y=alt.Y("n:Q", title=labels["posts"]))
    elif kind == "signals":
        rows = [
            {"start": c.start.isoformat(), "signal": labels.get(q, q), "value": v}
            for c in shown
            for q, v in c.values.get("questions", {}).items()
            if v is not None
        ]
        chart = (
            alt.Chart(
                alt.Data(  # type: ignore[no-untyped-call]
                    values=rows
                )
            )
            .mark_line(point=True)
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
                for c in shown
                if c.score is not None
            ]
        )
        base = alt.Chart(data).encode(x=x)
        chart = base.mark_area(opacity=0.25).encode(
            y=alt.Y("low:Q", scale=alt.Scale(domain=[0, 100]), title=labels["score"]),
            y2="high:Q",
        ) + base.mark_line(point=True).encode(y="score:Q")
    return _svg(chart.properties(width=640, height=220))
